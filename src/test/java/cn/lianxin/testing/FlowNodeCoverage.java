package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Asserts that the tests reached every flow node of a model, from the engine's history.
 * process-test-coverage reports nodes and flows, but its own threshold does not fail a Spring test
 * class; this does.
 */
public final class FlowNodeCoverage {

    private FlowNodeCoverage() {}

    /** {@code containers}: event sub-processes, which the history records by their inner nodes only. */
    public static void assertEveryFlowNodeReached(ProcessEngine engine, String processKey, List<String> containers) {
        var repository = engine.getRepositoryService();
        var model = repository.getBpmnModelInstance(repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult()
                .getId());
        Set<String> reached = new HashSet<>();
        repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .list()
                .forEach(definition -> engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processDefinitionId(definition.getId())
                        .list()
                        .forEach(a -> reached.add(a.getActivityId())));
        assertThat(model.getModelElementsByType(FlowNode.class))
                .extracting(FlowNode::getId)
                .filteredOn(id -> !containers.contains(id))
                .allSatisfy(id -> assertThat(reached)
                        .as("flow node %s of %s", id, processKey)
                        .contains(id));
    }
}
