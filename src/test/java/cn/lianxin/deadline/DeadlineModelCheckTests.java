package cn.lianxin.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.deadline.DeadlineModelCheck.ProcessModel;
import cn.lianxin.deadline.DeadlineRules.ProcessRules;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** {@code lianxin.deadlines} against the shipped models: what fits starts, what does not stops the start. */
class DeadlineModelCheckTests {

    private static Map<String, ProcessModel> models;
    private static DeadlineRules shipped;

    @BeforeAll
    static void readTheShippedModelsAndConfiguration() throws IOException {
        models = DeadlineModelCheck.models(
                new PathMatchingResourcePatternResolver().getResources(DeadlineModelCheck.MODELS));
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
        shipped = new Binder(ConfigurationPropertySources.from(yaml.get(0)))
                .bind("lianxin.deadlines", DeadlineRules.class)
                .get();
    }

    @Test
    void theShippedConfigurationFitsTheShippedModels() {
        // then
        assertThat(models).containsKeys("appeal", "deliberation", "supervision");
        assertThat(DeadlineModelCheck.problems(shipped, models)).isEmpty();
        assertThat(shipped.of("deliberation").reminderDays()).containsEntry("report-progress", 2);
    }

    @Test
    void aTaskKeyTheModelDoesNotHaveStopsTheStart() {
        // given a misspelt task key, a category rule for a step that does not exist, and an unknown process
        Map<String, ProcessRules> processes = new HashMap<>(shipped.processes());
        ProcessRules deliberation = shipped.of("deliberation");
        Map<String, Integer> workingDays = new HashMap<>(deliberation.workingDays());
        workingDays.put("topic-reveiw", 5);
        processes.put(
                "deliberation",
                new ProcessRules(
                        null,
                        null,
                        workingDays,
                        Map.of("road", Map.of("plan-review", 3)),
                        deliberation.reminderDays()));
        processes.put("complaint", new ProcessRules(null, null, Map.of("answer", 2), null, null));
        DeadlineRules rules = new DeadlineRules(0.6667, processes);

        // when
        List<String> problems = DeadlineModelCheck.problems(rules, models);

        // then
        assertThat(problems)
                .hasSize(3)
                .contains(
                        "lianxin.deadlines.processes.deliberation: 'topic-reveiw' is no user task, timer or step of"
                                + " deliberation.bpmn",
                        "lianxin.deadlines.processes.deliberation: 'plan-review' is no user task, timer or step of"
                                + " deliberation.bpmn")
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("lianxin.deadlines.processes.complaint: no process 'complaint' among the models [")
                        .contains("appeal", "deliberation", "supervision"));
    }

    @Test
    void aUserTaskWithADueDateButNoDeadlineStopsTheStart() {
        // given the deliberation's rules without confirm-completion and without the milestones' reminder
        Map<String, ProcessRules> processes = new HashMap<>(shipped.processes());
        Map<String, Integer> workingDays =
                new HashMap<>(shipped.of("deliberation").workingDays());
        workingDays.remove("confirm-completion");
        processes.put("deliberation", new ProcessRules(null, null, workingDays, null, null));
        DeadlineRules rules = new DeadlineRules(0.6667, processes);

        // when
        List<String> problems = DeadlineModelCheck.problems(rules, models);

        // then
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "deliberation.bpmn: user task 'confirm-completion' has a due date but no deadline in"
                                + " lianxin.deadlines.processes.deliberation",
                        "deliberation.bpmn: user task 'report-progress' has a due date but no deadline in"
                                + " lianxin.deadlines.processes.deliberation");
    }

    @Test
    void theApplicationRefusesToStartWithAClearMessage() {
        // given appeal without its deadlines
        Map<String, ProcessRules> processes = new HashMap<>(shipped.processes());
        processes.remove("appeal");
        DeadlineRules rules = new DeadlineRules(0.6667, processes);

        // when / then
        assertThatThrownBy(() -> new DeadlineModelCheck(rules, new PathMatchingResourcePatternResolver()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("lianxin.deadlines does not fit the process models:")
                .hasMessageContaining("appeal.bpmn: user task 'triage' has a due date but no deadline in"
                        + " lianxin.deadlines.processes.appeal")
                .hasMessageContaining("appeal.bpmn: user task 'handle-promised' has a due date");
    }
}
