package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** Every model the platform deploys keeps the contract of STYLE.md; drift fails the build. */
class ModelContractTests {

    private static ModelContract contract;

    @BeforeAll
    static void knowTheBeansOfThePlatform() throws ClassNotFoundException {
        contract = new ModelContract(platformBeanNames());
    }

    @Test
    void theShippedProcessesAndFormsKeepTheContract() {
        // when
        List<String> violations = contract.violations(Path.of("processes"), Path.of("forms"));

        // then
        assertThat(Path.of("processes")).isDirectory();
        assertThat(Path.of("forms")).isDirectory();
        assertThat(violations).isEmpty();
    }

    @Test
    void modelsThatKeepEveryRulePass() {
        // when
        List<String> violations = contract.violations(fixtures("good"), fixtures("good"));

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void everyKindOfDriftIsReportedByName() {
        // when
        List<String> violations = contract.violations(fixtures("bad"), fixtures("bad"));

        // then
        assertThat(violations)
                .containsExactlyInAnyOrder(
                        "misnamed.form: form id 'another-name' differs from the file name",
                        "broken.bpmn: process 'broken' has no historyTimeToLive",
                        "broken.bpmn: start event 'start' refers to missing form 'no-such-start-form'",
                        "broken.bpmn: user task 'review' refers to missing form 'no-such-form'",
                        "broken.bpmn: user task 'review' has candidate group 'reviewers' outside DESIGN's role naming",
                        "broken.bpmn: user task 'review' has candidate group 'town-center-v0101' outside DESIGN's role naming",
                        "broken.bpmn: user task 'unformed' has no formRef",
                        "broken.bpmn: service task 'by-class' uses class instead of a delegateExpression",
                        "broken.bpmn: service task 'unknown-bean' delegates to '${noSuchBean}', which is not a bean of the platform",
                        "forgetful.dmn: decision 'forgetful' has no historyTimeToLive",
                        "late-promise.bpmn: user task 'handle' refers to missing form 'misnamed'",
                        "late-promise.bpmn: timer 'overdue' is a working-day deadline but uses 'P3D' instead of a date from the calendar (${workingDays...})",
                        "late-promise.bpmn: timer 'reminder' is a working-day deadline but uses '2026-10-10T10:00:00' instead of a date from the calendar (${workingDays...})",
                        "late-promise.bpmn: user task 'handle' is a working-day deadline but its dueDate 'P3D' does not come from the calendar (${workingDays...})");
    }

    @Test
    void candidateGroupsFollowTheRoleWithinUnitNaming() {
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("grid-worker-v0101").matches())
                .isTrue();
        assertThat(ModelContract.CANDIDATE_GROUP
                        .matcher("grid-worker-${villageCode}")
                        .matches())
                .isTrue();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("town-center-t01").matches())
                .isTrue();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("dept-cg").matches()).isTrue();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("leader").matches()).isTrue();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("grid-worker").matches())
                .isFalse();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("camunda-admin").matches())
                .isFalse();
        assertThat(ModelContract.CANDIDATE_GROUP.matcher("dept-v0101").matches())
                .isFalse();
    }

    private static Path fixtures(String set) {
        return Path.of("src/test/resources/contract", set);
    }

    /** The names of the platform's beans: its components plus its {@code @Bean} methods. */
    private static Set<String> platformBeanNames() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Set<String> beans = new HashSet<>();
        for (BeanDefinition component : scanner.findCandidateComponents("cn.lianxin")) {
            beans.add(names.generateBeanName(component, registry));
            for (var method : Class.forName(component.getBeanClassName()).getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean != null) {
                    beans.add(bean.name().length > 0 ? bean.name()[0] : method.getName());
                }
            }
        }
        return beans;
    }
}
