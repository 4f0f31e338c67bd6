package cn.lianxin.appeal;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where the model lets a step go back (驳回, 撤回): a step may be sent back, or the step before it
 * recalled, only where {@code appeal.bpmn} puts a boundary event of that message on it, and the case
 * goes to the user task that event's flow leads to (through a link and a gateway). The model is
 * read from the engine's deployment cache, so a redeployed model decides at once.
 */
@Component
class StepsBack {

    /** The longest path from a boundary event to the step it leads to; a model loop must not hang us. */
    private static final int MAX_HOPS = 10;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineAsPlatform platform;

    StepsBack(RepositoryService repository, RuntimeService runtime, EngineAsPlatform platform) {
        this.repository = repository;
        this.runtime = runtime;
        this.platform = platform;
    }

    /**
     * Triggers the message's boundary event on exactly this task's execution (never by business key:
     * a parallel branch of the case must not catch it), as the platform, after the caller's checks. A
     * step that someone else finished or took away in the meantime is a 409, not an error.
     */
    void goBack(Task task, String messageName) {
        platform.run(() -> {
            try {
                runtime.messageEventReceived(messageName, task.getExecutionId());
            } catch (OptimisticLockingException e) {
                throw e;
            } catch (ProcessEngineException e) {
                boolean stillThere = runtime.createEventSubscriptionQuery()
                                .executionId(task.getExecutionId())
                                .eventName(messageName)
                                .count()
                        > 0;
                if (stillThere) {
                    throw e;
                }
                throw new ApiProblemException(HttpStatus.CONFLICT, "conflict");
            }
        });
    }

    /** The key of the user task the message's boundary event on this task leads back to, if it has one. */
    Optional<String> target(Task task, String messageName) {
        if (task.getProcessDefinitionId() == null
                || !task.getProcessDefinitionId().startsWith(AppealProcess.KEY + ":")) {
            return Optional.empty();
        }
        BpmnModelInstance model = platform.call(() -> repository.getBpmnModelInstance(task.getProcessDefinitionId()));
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(boundary -> boundary.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
                .filter(boundary -> catches(boundary.getEventDefinitions(), messageName))
                .findFirst()
                .flatMap(boundary -> userTaskAfter(model, boundary));
    }

    /** The candidate groups of a task, read as the platform (the user who acts may not be one of them). */
    static Set<String> candidateGroups(TaskService tasks, Task task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static boolean catches(Collection<EventDefinition> definitions, String messageName) {
        return definitions.stream()
                .anyMatch(definition -> definition instanceof MessageEventDefinition message
                        && message.getMessage() != null
                        && messageName.equals(message.getMessage().getName()));
    }

    private static Optional<String> userTaskAfter(BpmnModelInstance model, FlowNode start) {
        FlowNode node = start;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (node instanceof UserTask) {
                return Optional.of(node.getId());
            }
            String link = node instanceof IntermediateThrowEvent thrown ? linkName(thrown.getEventDefinitions()) : null;
            if (link != null) {
                node = model.getModelElementsByType(IntermediateCatchEvent.class).stream()
                        .filter(caught -> link.equals(linkName(caught.getEventDefinitions())))
                        .findFirst()
                        .orElse(null);
            } else if (node.getOutgoing().size() == 1) {
                node = node.getOutgoing().iterator().next().getTarget();
            } else {
                node = null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String linkName(Collection<EventDefinition> definitions) {
        return definitions.stream()
                .filter(LinkEventDefinition.class::isInstance)
                .map(definition -> ((LinkEventDefinition) definition).getName())
                .findFirst()
                .orElse(null);
    }
}
