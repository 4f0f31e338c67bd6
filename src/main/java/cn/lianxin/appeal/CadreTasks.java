package cn.lianxin.appeal;

import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ListPage;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
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
            String description,
            String summary) {}

    record Citizen(String trackingNo, String name, String phone, String idNumber) {}

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsPlatform platform;
    private final Appeals appeals;
    private final List<UserTaskRules> taskRules;
    private final ObjectProvider<TaskOperation> operations;

    CadreTasks(
            TaskService tasks,
            RuntimeService runtime,
            IdentityService identity,
            EngineAsPlatform platform,
            Appeals appeals,
            List<UserTaskRules> taskRules,
            ObjectProvider<TaskOperation> operations) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.platform = platform;
        this.identity = identity;
        this.appeals = appeals;
        this.taskRules = taskRules;
        this.operations = operations;
    }

    /** What the user may do to the task now besides completing it, by operation name. */
    record Operations(String taskId, List<String> allowed) {}

    Operations operations(String taskId) {
        Task task = visibleTask(taskId, null);
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        return new Operations(
                taskId,
                operations.stream()
                        .filter(operation -> operation.allowed(task, me))
                        .map(TaskOperation::name)
                        .sorted()
                        .toList());
    }

    /**
     * A page of the open appeal and supervision tasks the user may work: claimable by one of their
     * groups, or assigned to them, oldest first. A supervision's task carries its case's number and,
     * as summary, the level and the step supervised (站点督办：分类分流). Three statements whatever the page's size: the task query (as the user,
     * so the engine's authorization decides), one for the tasks' tracking numbers and lights, one for
     * their cases.
     */
    ListPage<TaskSummary> openTasks(ListPage.Numbered request) {
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        ListPage<Task> page = ListPage.of(
                tasks.createTaskQuery()
                        .processDefinitionKeyIn(AppealProcess.KEY, SupervisionProcess.KEY)
                        .or()
                        .taskCandidateUser(me.userId())
                        .taskAssignee(me.userId())
                        .endOr()
                        .orderByTaskCreateTime()
                        .asc()
                        // one order across pages when tasks are created in the same millisecond
                        .orderByTaskId()
                        .asc()
                        .listPage(request.offset(), request.fetch()),
                request);
        return page.withItems(summaries(page.items()));
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

    /** The assignee, or a member of a candidate group while the task is unassigned. */
    boolean handles(Task task, CurrentUser me) {
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
    Task visibleTask(String taskId, String processKey) {
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

    /**
     * The summaries of these tasks with one variable query and one case query. The variables are read
     * as the platform: a cadre may read a task's variables through the task (as {@code getVariable}
     * did per task) but not query a process instance's, and the query is confined to the instances
     * of the tasks the user's own query just returned, so it shows nothing the user could not read.
     */
    private List<TaskSummary> summaries(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, String> trackingNoOfInstance = new HashMap<>();
        Map<String, String> lightOfTask = new HashMap<>();
        Map<String, Map<String, String>> supervisedOfInstance = new HashMap<>();
        String[] instances =
                page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        platform.call(() -> runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instances)
                        .variableNameIn(
                                AppealProcess.Variables.TRACKING_NO,
                                StepLights.LIGHT,
                                SupervisionProcess.Variables.LEVEL_LABEL,
                                SupervisionProcess.Variables.STEP_NAME)
                        .disableBinaryFetching()
                        .disableCustomObjectDeserialization()
                        .list())
                .forEach(variable -> {
                    if (AppealProcess.Variables.TRACKING_NO.equals(variable.getName())
                            && variable.getTaskId() == null) {
                        trackingNoOfInstance.putIfAbsent(variable.getProcessInstanceId(), (String) variable.getValue());
                    } else if (StepLights.LIGHT.equals(variable.getName()) && variable.getTaskId() != null) {
                        lightOfTask.put(variable.getTaskId(), (String) variable.getValue());
                    } else if (variable.getTaskId() == null && variable.getValue() instanceof String text) {
                        supervisedOfInstance
                                .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                                .put(variable.getName(), text);
                    }
                });
        Map<String, Appeal> cases = appeals.byTrackingNos(trackingNoOfInstance.values());
        return page.stream()
                .map(task -> {
                    String trackingNo = trackingNoOfInstance.get(task.getProcessInstanceId());
                    Map<String, String> supervised =
                            supervisedOfInstance.getOrDefault(task.getProcessInstanceId(), Map.of());
                    String level = supervised.get(SupervisionProcess.Variables.LEVEL_LABEL);
                    return summary(
                            task,
                            trackingNo,
                            lightOfTask.get(task.getId()),
                            trackingNo == null ? null : cases.get(trackingNo),
                            level == null
                                    ? null
                                    : level + "："
                                            + supervised.getOrDefault(SupervisionProcess.Variables.STEP_NAME, ""));
                })
                .toList();
    }

    private static TaskSummary summary(Task task, String trackingNo, String light, Appeal appeal, String summary) {
        return new TaskSummary(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                task.getAssignee(),
                instant(task.getCreateTime()),
                instant(task.getDueDate()),
                instant(task.getFollowUpDate()),
                light,
                trackingNo,
                appeal == null ? null : appeal.category().label(),
                appeal == null ? null : appeal.villageCode(),
                appeal == null || appeal.path() == null ? null : appeal.path().label(),
                appeal == null ? null : appeal.maskedCitizen(),
                appeal == null ? null : appeal.description(),
                summary);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
