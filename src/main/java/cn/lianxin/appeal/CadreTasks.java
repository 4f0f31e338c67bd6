package cn.lianxin.appeal;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.UserTaskRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cadre's work on appeal cases through the platform's API, always as the signed-in user (the
 * engine's authorization decides what they see and may complete).
 */
@Service
class CadreTasks {

    record TaskSummary(
            String taskId,
            String taskKey,
            String name,
            String assignee,
            Instant created,
            Instant due,
            Instant followUp,
            String light,
            String trackingNo,
            String categoryLabel,
            String village,
            String pathLabel,
            String citizen,
            String description) {}

    record Citizen(String trackingNo, String name, String phone, String idNumber) {}

    private final TaskService tasks;
    private final IdentityService identity;
    private final Appeals appeals;
    private final List<UserTaskRules> taskRules;

    CadreTasks(TaskService tasks, IdentityService identity, Appeals appeals, List<UserTaskRules> taskRules) {
        this.tasks = tasks;
        this.identity = identity;
        this.appeals = appeals;
        this.taskRules = taskRules;
    }

    /** The open appeal tasks the user may work: claimable by one of their groups, or assigned to them. */
    List<TaskSummary> openTasks() {
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        return tasks
                .createTaskQuery()
                .processDefinitionKey(AppealProcess.KEY)
                .or()
                .taskCandidateUser(me.userId())
                .taskAssignee(me.userId())
                .endOr()
                .orderByTaskCreateTime()
                .asc()
                .list()
                .stream()
                .map(this::summary)
                .toList();
    }

    /**
     * Completes a task of any process with task rules (appeal, deliberation) with the submitted
     * data; the task's rules decide (400 naming the fields).
     */
    @Transactional
    void complete(String taskId, Map<String, Object> submitted) {
        Task task = visibleTask(taskId, null);
        UserTaskRules rules = taskRules.stream()
                .filter(r -> task.getProcessDefinitionId().startsWith(r.processKey() + ":"))
                .findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        Set<String> allowed = rules.fieldsOf(task.getTaskDefinitionKey());
        List<ApiProblemException.FieldError> unknown = submitted.keySet().stream()
                .filter(name -> !allowed.contains(name))
                .map(name -> new ApiProblemException.FieldError(name, "此任务不接受该字段"))
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiProblemException.invalid(unknown);
        }
        Map<String, Object> variables = new HashMap<>();
        submitted.forEach((name, value) -> variables.put(
                name,
                value instanceof Collection<?> list
                        ? Variables.objectValue(new ArrayList<>(list))
                                .serializationDataFormat("application/json")
                                .create()
                        : value));
        try {
            tasks.complete(taskId, variables);
        } catch (TaskDataRejected e) {
            throw ApiProblemException.rejected("task-data", e.fields());
        }
    }

    /** The citizen's full data, for the handler of an open task only; every reveal is audited. */
    @Transactional
    Citizen revealCitizen(String taskId) {
        Task task = visibleTask(taskId, AppealProcess.KEY);
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        if (!handles(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        String trackingNo = (String) tasks.getVariable(taskId, AppealProcess.Variables.TRACKING_NO);
        Appeal appeal = appeals.byTrackingNo(trackingNo).orElseThrow();
        appeals.recordReveal(trackingNo, me.userId(), taskId, EngineClock.now());
        return new Citizen(trackingNo, appeal.citizenName(), appeal.phone(), appeal.idNumber());
    }

    private boolean handles(Task task, CurrentUser me) {
        if (me.userId().equals(task.getAssignee())) {
            return true;
        }
        if (task.getAssignee() != null) {
            return false;
        }
        List<String> groups = me.groupIds();
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .anyMatch(groups::contains);
    }

    /** The task if the user may see it (and it belongs to the process, if one is named). */
    private Task visibleTask(String taskId, String processKey) {
        Task task;
        try {
            var query = tasks.createTaskQuery().taskId(taskId);
            task = (processKey == null ? query : query.processDefinitionKey(processKey)).singleResult();
        } catch (NullValueException e) {
            task = null;
        }
        if (task == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return task;
    }

    private TaskSummary summary(Task task) {
        String trackingNo = (String) tasks.getVariable(task.getId(), AppealProcess.Variables.TRACKING_NO);
        Appeal appeal =
                trackingNo == null ? null : appeals.byTrackingNo(trackingNo).orElse(null);
        return new TaskSummary(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getAssignee(),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                instant(task.getFollowUpDate()),
                (String) tasks.getVariableLocal(task.getId(), StepLights.LIGHT),
                trackingNo,
                appeal == null ? null : appeal.category().label(),
                appeal == null ? null : appeal.villageCode(),
                appeal == null || appeal.path() == null ? null : appeal.path().label(),
                appeal == null ? null : appeal.maskedCitizen(),
                appeal == null ? null : appeal.description());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
