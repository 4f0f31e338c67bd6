package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.ProcessTest;
import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user task of {@code appeal.bpmn} has its own class, found from its task key in one step. */
@ProcessTest
@ProcessTest.OwnEngine("appeal")
class AppealTaskRulesTests {

    @Autowired
    AppealTaskRules rules;

    @Test
    void everyUserTaskOfTheModelHasAClassOfItsOwn() {
        // given
        var model = Bpmn.readModelFromFile(new File(AppealProcess.RESOURCE));

        // when
        var taskKeys = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getId)
                .collect(Collectors.toSet());

        // then
        assertThat(rules.tasks()).containsOnlyKeys(taskKeys);
        assertThat(rules.tasks())
                .allSatisfy((key, task) ->
                        assertThat(task.getClass().getSimpleName()).as(key).isEqualTo(className(key)));
    }

    @Test
    void noTaskAcceptsAFieldTheProcessSetsItself() {
        // then: a task's own field never collides with a read-only variable of the forms
        assertThat(rules.tasks())
                .allSatisfy((key, task) ->
                        assertThat(task.fields()).as(key).doesNotContainAnyElementsOf(rules.protectedFields()));
    }

    /** {@code town-handle} → {@code TownHandle}. */
    private static String className(String taskKey) {
        return Arrays.stream(taskKey.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
