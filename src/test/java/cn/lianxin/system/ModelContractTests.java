package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every model the platform deploys keeps the contract of STYLE.md, and the loop between the models
 * and Java is closed: every constant of a {@code *Process} class lives in its model, every bean,
 * method and listener a model names exists. Drift either way fails the build.
 */
class ModelContractTests {

    /** What the contract test says about {@code drift/drifted.bpmn} against {@link DriftedProcess}. */
    private static final String[] DRIFTED_CONTRACT = {
        "DriftedProcess.ASSESSMENT = 'no-such-decision' is no decision drifted.bpmn calls",
        "DriftedProcess.Variables.DEAD = 'dead' is used by neither drifted.bpmn, its forms and decisions nor main Java: dead",
        "DriftedProcess.Odd: no rule of the contract test checks these constants",
        "DriftedProcess.Messages.GONE = 'gone-message' is no message of drifted.bpmn",
        "DriftedProcess.Tasks.RENAMED = 'renamed-task' is no user task of drifted.bpmn",
        "drifted.bpmn: user task 'unlisted' has no constant in DriftedProcess.Tasks",
        "drifted.bpmn: message 'unlisted-message' has no constant in DriftedProcess.Messages",
        "drifted.bpmn: '${'MAYBE' == verdict}' in bpmn:conditionExpression of 'maybe' compares 'verdict' with 'MAYBE',"
                + " which is no constant of Verdict",
        "drifted.bpmn: '${mood eq 'HAPPY' and frobnicate()}' in bpmn:conditionExpression of 'happy' compares 'mood'"
                + " with 'HAPPY', but DriftedProcess.DECISIONS has no enum for 'mood'",
        "DriftedProcess.DECISIONS maps 'javaOnly', which no condition of drifted.bpmn compares",
        "DriftedProcess.Stray is an enum that DriftedProcess.DECISIONS does not map to a variable",
        "drifted-review.form: field 'remark' has no constant in DriftedProcess.Variables",
        "drifted.bpmn: '${deadlines.warnLater(execution, mystery)}' in camunda:followUpDate of 'unlisted' reads"
                + " 'mystery', which is no bean, no variable of DriftedProcess.Variables and no variable the model declares",
        "drifted.bpmn: '${mood eq 'HAPPY' and frobnicate()}' in bpmn:conditionExpression of 'happy' reads 'mood',"
                + " which is no bean, no variable of DriftedProcess.Variables and no variable the model declares"
    };

    /** What the contract test says about the beans, methods and listeners {@code drift/drifted.bpmn} names. */
    private static final String[] DRIFTED_EXPRESSIONS = {
        "drifted.bpmn: '${deadlines.warnAt('review')}' in camunda:followUpDate of 'review' calls deadlines.warnAt with"
                + " 1 argument(s), but Deadlines has no public method of that name and arity",
        "drifted.bpmn: '${deadlines.rules}' in camunda:inputParameter of 'review' reads deadlines.rules, but Deadlines"
                + " has no public getter for it",
        "drifted.bpmn: '${deadlnes.dueAt('unlisted', execution)}' in camunda:dueDate of 'unlisted' calls dueAt on"
                + " 'deadlnes', which is not a bean of the platform",
        "drifted.bpmn: '${deadlines.warnLater(execution, mystery)}' in camunda:followUpDate of 'unlisted' calls"
                + " deadlines.warnLater with 2 argument(s), but Deadlines has no public method of that name and arity",
        "drifted.bpmn: '${mood eq 'HAPPY' and frobnicate()}' in bpmn:conditionExpression of 'happy' calls the function"
                + " frobnicate(), which is neither the engine's nor a bean's",
        "drifted.bpmn: serviceTask of 'notify' delegates to '${trafficLightChanged}' (ExecutionListener), which is no"
                + " JavaDelegate",
        "drifted.bpmn: taskListener of 'review' delegates to '${registerAppeal}' (JavaDelegate), which is no TaskListener",
        "drifted.bpmn: executionListener of 'review' delegates to '${noSuchListener}', which is not a bean of the"
                + " platform",
        "drifted.bpmn: executionListener of 'review' uses class instead of a delegateExpression"
    };

    private static ModelContract contract;
    private static ModelContractExpressions expressions;
    private static ModelContractConstants constants;
    private static List<Class<?>> contractClasses;

    @BeforeAll
    static void knowTheBeansAndContractClassesOfThePlatform() {
        Map<String, Class<?>> beans = platformBeans();
        contract = new ModelContract(beans.keySet());
        expressions = new ModelContractExpressions(beans);
        constants = new ModelContractConstants(beans.keySet(), new ModelContractJavaSources(Path.of("src/main/java")));
        contractClasses = processContractClasses();
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
    void everyProcessHasOneContractClassWhoseConstantsAllLiveInTheModel() {
        // when
        List<String> violations = new ArrayList<>();
        contractClasses.forEach(type -> violations.addAll(constants.violations(type, Path.of("."), Path.of("forms"))));

        // then
        assertThat(contractClasses)
                .extracting(ModelContractTests::resourceOf)
                .containsExactlyInAnyOrderElementsOf(ModelContractExpressions.bpmnFiles(Path.of("processes")).stream()
                        .map(Path::toString)
                        .toList());
        assertThat(violations).isEmpty();
    }

    @Test
    void everyBeanMethodAndListenerTheModelsNameExists() {
        // when
        List<String> violations = expressions.violations(Path.of("processes"));

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void modelsThatKeepEveryRulePass() {
        // when
        List<String> violations = new ArrayList<>(contract.violations(fixtures("good"), fixtures("good")));
        violations.addAll(expressions.violations(fixtures("good")));
        violations.addAll(constants.violations(SampleProcess.class, fixtures("good"), fixtures("good")));

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void everyKindOfDriftBetweenAContractClassAndItsModelIsReportedByName() {
        // given a contract class whose constants drifted from drift/drifted.bpmn; only JAVA_ONLY is named by Java
        var javaOnly = new ModelContractConstants(
                platformBeans().keySet(), field -> field.getName().equals("JAVA_ONLY"));

        // when
        List<String> violations = javaOnly.violations(DriftedProcess.class, fixtures("drift"), fixtures("drift"));

        // then
        assertThat(violations).containsExactlyInAnyOrder(DRIFTED_CONTRACT);
    }

    @Test
    void everyExpressionThatNamesAMissingBeanMethodOrListenerIsReportedByName() {
        // when
        List<String> violations = expressions.violations(fixtures("drift"));

        // then
        assertThat(violations).containsExactlyInAnyOrder(DRIFTED_EXPRESSIONS);
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

    private static String resourceOf(Class<?> contractClass) {
        try {
            return Path.of((String) contractClass.getField("RESOURCE").get(null))
                    .toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(contractClass + " has no public RESOURCE", e);
        }
    }

    /** The platform's beans by name, each with its class: its components plus its {@code @Bean} methods' types. */
    private static Map<String, Class<?>> platformBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new HashMap<>();
        for (BeanDefinition component : scanner.findCandidateComponents("cn.lianxin")) {
            Class<?> type = ClassUtils.resolveClassName(component.getBeanClassName(), null);
            beans.put(names.generateBeanName(component, registry), type);
            for (var method : type.getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean != null) {
                    beans.put(bean.name().length > 0 ? bean.name()[0] : method.getName(), method.getReturnType());
                }
            }
        }
        return beans;
    }

    /** Every {@code *Process} class of the platform: the contract class of one BPMN (STYLE.md "BPMN ↔ Java"). */
    private static List<Class<?>> processContractClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(
                new RegexPatternTypeFilter(Pattern.compile("cn\\.lianxin\\.[a-z]+\\.[A-Za-z]+Process")));
        return scanner.findCandidateComponents("cn.lianxin").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .toList();
    }

    /** The contract class of {@code good/sample.bpmn}: every constant has its counterpart. */
    static final class SampleProcess {
        static final String KEY = "sample";
        static final String RESOURCE = "sample.bpmn";

        static final class Tasks {
            static final String REVIEW = "review";
        }

        static final class Variables {
            static final String VILLAGE_CODE = "villageCode";
            static final String DESCRIPTION = "description";
            static final String APPROVED = "approved";
        }
    }

    /** The contract class of {@code drift/drifted.bpmn}, drifted from it in every way the test knows. */
    static final class DriftedProcess {
        static final String KEY = "drifted";
        static final String RESOURCE = "drifted.bpmn";
        static final String ASSESSMENT = "no-such-decision";
        static final String ASSESSED = "assess";
        static final Map<String, Class<? extends Enum<?>>> DECISIONS =
                Map.of(Variables.VERDICT, Verdict.class, Variables.JAVA_ONLY, Verdict.class);

        enum Verdict {
            YES,
            NO
        }

        enum Stray {
            ANYTHING
        }

        static final class Tasks {
            static final String REVIEW = "review";
            static final String RENAMED = "renamed-task";
        }

        static final class Messages {
            static final String KNOWN = "known-message";
            static final String GONE = "gone-message";
        }

        static final class Variables {
            static final String VERDICT = "verdict";
            static final String VILLAGE_CODE = "villageCode";
            static final String DEAD = "dead";
            static final String JAVA_ONLY = "javaOnly";
        }

        static final class Odd {
            static final String SOMETHING = "something";
        }
    }
}
