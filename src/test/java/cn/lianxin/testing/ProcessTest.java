package cn.lianxin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the real beans on an in-memory H2 engine, the job executor and the scheduled
 * notification sender off (tests move the clock and run jobs themselves), process-test-coverage on.
 * All process tests share this one application context.
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
public @interface ProcessTest {}
