package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Asserts, once every test of a process test class has run, that they reached every flow node of
 * its model, from the history of the class's own engine. process-test-coverage reports nodes and
 * flows, but its own threshold does not fail a Spring test class; this does. Registered as an
 * extension so that no test has to run last: the check runs after all of them, whatever their order.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of(AppealProcess.KEY, "withdrawal");
 * </pre>
 */
public final class FlowNodeCoverage implements AfterAllCallback {

    private final String processKey;
    private final List<String> containers;

    private FlowNodeCoverage(String processKey, List<String> containers) {
        this.processKey = processKey;
        this.containers = containers;
    }

    /** {@code containers}: event sub-processes, which the history records by their inner nodes only. */
    public static FlowNodeCoverage of(String processKey, String... containers) {
        return new FlowNodeCoverage(processKey, List.of(containers));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        assertEveryFlowNodeReached(engine);
    }

    private void assertEveryFlowNodeReached(ProcessEngine engine) {
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
                // Camunda follows a link (throw → catch) without recording either event in the history
                .filteredOn(id -> !isLinkEvent(model.getModelElementById(id)))
                .allSatisfy(id -> assertThat(reached)
                        .as("flow node %s of %s", id, processKey)
                        .contains(id));
    }

    private static boolean isLinkEvent(ModelElementInstance node) {
        return node instanceof Event event
                && !event.getChildElementsByType(LinkEventDefinition.class).isEmpty();
    }
}
