package cn.lianxin.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Holds {@code lianxin.deadlines} against the process models at start-up, so that a misspelt task
 * key or a step without a deadline stops the application instead of failing on the first case that
 * reaches it: every configured process is a model, every configured task key is a step (user task,
 * timer or other flow node) of it, and every user task with a due date in a model has a deadline.
 */
@Component
class DeadlineModelCheck {

    /** The models the starter deploys (application.yaml, {@code camunda.bpm.deployment-resource-pattern}). */
    static final String MODELS = "classpath*:processes/**/*.bpmn";

    DeadlineModelCheck(DeadlineRules rules, ResourcePatternResolver resources) throws IOException {
        List<String> problems = problems(rules, models(resources.getResources(MODELS)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "lianxin.deadlines does not fit the process models:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** What one process model offers a deadline: its steps and the user tasks that carry a due date. */
    record ProcessModel(String resource, Set<String> steps, Set<String> tasksWithDueDate) {}

    /** Every process of the given BPMN files, by process key. */
    static Map<String, ProcessModel> models(Resource... bpmnFiles) throws IOException {
        Map<String, ProcessModel> models = new LinkedHashMap<>();
        for (Resource file : bpmnFiles) {
            BpmnModelInstance model;
            try (InputStream in = file.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                Set<String> steps = new TreeSet<>();
                model.getModelElementsByType(FlowNode.class).stream()
                        .filter(node -> processOf(node) == process)
                        .forEach(node -> steps.add(node.getId()));
                Set<String> withDueDate = new TreeSet<>();
                model.getModelElementsByType(UserTask.class).stream()
                        .filter(task -> processOf(task) == process && task.getCamundaDueDate() != null)
                        .forEach(task -> withDueDate.add(task.getId()));
                models.put(process.getId(), new ProcessModel(file.getFilename(), steps, withDueDate));
            }
        }
        return models;
    }

    /** Everything in the rules that does not fit the models; empty when they fit. */
    static List<String> problems(DeadlineRules rules, Map<String, ProcessModel> models) {
        List<String> problems = new ArrayList<>();
        rules.processes().forEach((processKey, process) -> {
            ProcessModel model = models.get(processKey);
            if (model == null) {
                problems.add("lianxin.deadlines.processes." + processKey + ": no process '" + processKey
                        + "' among the models " + new TreeSet<>(models.keySet()));
                return;
            }
            for (String taskKey : new LinkedHashSet<>(process.taskKeys())) {
                if (!model.steps().contains(taskKey)) {
                    problems.add("lianxin.deadlines.processes." + processKey + ": '" + taskKey
                            + "' is no user task, timer or step of " + model.resource());
                }
            }
        });
        models.forEach((processKey, model) -> model.tasksWithDueDate().stream()
                .filter(taskKey -> !rules.of(processKey).covers(taskKey))
                .forEach(taskKey -> problems.add(model.resource() + ": user task '" + taskKey
                        + "' has a due date but no deadline in lianxin.deadlines.processes." + processKey)));
        return problems;
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
