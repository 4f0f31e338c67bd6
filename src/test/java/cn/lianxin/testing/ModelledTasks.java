package cn.lianxin.testing;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The user task keys of a process's latest deployed model, for tests that hold Java to the model. */
public final class ModelledTasks {

    private ModelledTasks() {}

    public static List<String> of(RepositoryService repository, String processKey) {
        String definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult()
                .getId();
        return repository.getBpmnModelInstance(definition).getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getId)
                .toList();
    }
}
