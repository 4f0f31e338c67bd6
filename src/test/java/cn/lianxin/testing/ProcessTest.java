package cn.lianxin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the real beans on an in-memory H2 engine, the job executor and the scheduled
 * notification sender off (tests move the clock and run jobs themselves), process-test-coverage on.
 * Process tests share one application context, except a class marked {@link OwnEngine}: it gets an
 * engine and database of its own, so that what it measures in the history (flow-node coverage) is
 * what its own tests did, not what another class left there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "lianxin.notifications.scheduled=false"
        })
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
        value = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ContextCustomizerFactories(ProcessTest.OwnEngines.class)
public @interface ProcessTest {

    /** The process test class runs on an engine and H2 database of this name, shared with no other name. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface OwnEngine {
        String value();
    }

    /** Gives a class marked {@link OwnEngine} its engine name and database (and so its own context). */
    final class OwnEngines implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            OwnEngine own = AnnotatedElementUtils.findMergedAnnotation(testClass, OwnEngine.class);
            return own == null ? null : new Named(own.value());
        }

        /** A record, so that the context cache tells engines apart by name. */
        record Named(String name) implements ContextCustomizer {

            @Override
            public void customizeContext(
                    org.springframework.context.ConfigurableApplicationContext context,
                    org.springframework.test.context.MergedContextConfiguration mergedConfig) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "own-engine",
                                Map.of(
                                        "spring.datasource.url",
                                        "jdbc:h2:mem:process-tests-" + name + ";DB_CLOSE_DELAY=-1",
                                        "camunda.bpm.process-engine-name",
                                        name)));
            }
        }
    }
}
