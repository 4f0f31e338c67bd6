package cn.lianxin.supervision;

import static cn.lianxin.supervision.SupervisionProcess.Variables.*;

import cn.lianxin.identity.Role;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.SupervisionLights.Cause;
import cn.lianxin.supervision.SupervisionProcess.Action;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.TaskDataRejected;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, runs and closes supervisions (督办); the process steps call in here. */
@Service
class Supervisions {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Timeline timeline;

    private final EngineAsPlatform platform;
    private final ApplicationEventPublisher events;

    Supervisions(
            RuntimeService runtime,
            TaskService tasks,
            java.util.List<SupervisedRecords> records,
            EngineAsPlatform platform,
            ApplicationEventPublisher events) {
        this.platform = platform;
        this.events = events;
        this.runtime = runtime;
        this.tasks = tasks;
        this.timeline = new Timeline(records);
    }

    /** A red light opens one supervision per case and step (a step red again stays in the same one). */
    @EventListener
    void stepTurnedRed(StepEvents.StepTurnedRed red) {
        String key = businessKey(red.trackingNo(), red.stepKey());
        if (platform.call(() -> runtime.createProcessInstanceQuery()
                        .processDefinitionKey(SupervisionProcess.KEY)
                        .processInstanceBusinessKey(key)
                        .count())
                > 0) {
            return;
        }
        start(
                key,
                Cause.OVERDUE,
                red.trackingNo(),
                red.stepKey(),
                red.stepName(),
                "环节超期",
                Level.STATION,
                red.handlerGroups().isEmpty()
                        ? Level.STATION.responsibleGroup(red.villageCode(), red.townCode())
                        : red.handlerGroups().get(0),
                red.villageCode(),
                red.townCode(),
                StepHandlers.TOLD_BY_THE_LIGHT,
                null);
    }

    /** The supervision of a step ends when the step is done. */
    @EventListener
    void stepCompleted(StepEvents.StepCompleted completed) {
        String key = businessKey(completed.trackingNo(), completed.stepKey());
        platform.run(() -> runtime.createMessageCorrelation(SupervisionProcess.Messages.STEP_COMPLETED)
                .processInstanceBusinessKey(key)
                .correlateAll());
    }

    /**
     * A case that ends (closed, returned, withdrawn) while a step of it is under supervision ends
     * that supervision too: nobody is left to urge, and the case's light must not stay red.
     */
    @EventListener
    void caseEnded(StepEvents.CaseEnded ended) {
        // correlated, not looked up first: a supervision its step closed a moment ago in this same
        // transaction is still in the database, but no longer waits for the message
        platform.run(() -> runtime.createMessageCorrelation(SupervisionProcess.Messages.STEP_COMPLETED)
                .processInstanceVariableEquals(TRACKING_NO, ended.trackingNo())
                .setVariable(CASE_ENDED, true)
                .correlateAll());
    }

    /** 批示: a leader opens a supervision on the step a case is at now. */
    @Transactional
    public String instruct(String trackingNo, String leader, String instruction) {
        if (!timeline.exists(trackingNo)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        List<Task> open =
                tasks.createTaskQuery().processInstanceBusinessKey(trackingNo).list();
        if (open.isEmpty()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "appeal-finished", "结束");
        }
        Task step = open.get(0);
        String village = (String) runtime.getVariable(step.getProcessInstanceId(), "villageCode");
        String town = (String) runtime.getVariable(step.getProcessInstanceId(), "townCode");
        String handler = tasks.getIdentityLinksForTask(step.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst()
                .orElse(Level.STATION.responsibleGroup(village, town));
        String key = businessKey(trackingNo, step.getTaskDefinitionKey());
        timeline.record(trackingNo, leader, "INSTRUCTION", "领导批示：" + instruction, false);
        return start(
                key,
                Cause.INSTRUCTION,
                trackingNo,
                step.getTaskDefinitionKey(),
                step.getName(),
                "领导批示：" + instruction,
                Level.COUNTY,
                handler,
                village,
                town,
                StepHandlers.of(step, handler),
                leader);
    }

    private String start(
            String key,
            Cause cause,
            String trackingNo,
            String stepKey,
            String stepName,
            String reason,
            Level level,
            String handlerGroup,
            String village,
            String town,
            StepHandlers handlers,
            String actor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRACKING_NO, trackingNo);
        variables.put(CAUSE, cause.name());
        variables.put(STEP_KEY, stepKey);
        variables.put(STEP_NAME, stepName);
        variables.put(REASON, reason);
        variables.put(LEVEL, level.name());
        variables.put(LEVEL_LABEL, level.label());
        variables.put(HANDLER_GROUP, handlerGroup);
        variables.put(VILLAGE_CODE, village);
        variables.put(TOWN_CODE, town);
        // nobody may start a supervision in the engine directly: the platform opens it on a red
        // light or on a leader's instruction it has checked
        String id = platform.call(() -> runtime.createProcessInstanceByKey(SupervisionProcess.KEY)
                .businessKey(key)
                .setVariables(variables)
                .execute()
                .getId());
        events.publishEvent(new SupervisionLights.Changed(trackingNo));
        tellOpened(id, trackingNo, stepName, level, reason, handlers, actor);
        return id;
    }

    /**
     * A new supervision is news for the supervisors, who act on it first, and — when nothing told
     * them yet (a leader's 批示; a red light has told them already) — for the supervised step's handlers.
     */
    private void tellOpened(
            String supervisionId,
            String trackingNo,
            String stepName,
            Level level,
            String reason,
            StepHandlers handlers,
            String actor) {
        String text = trackingNo + " 的“" + stepName + "”进入督办（" + level.label() + "，" + reason + "）。";
        String supervise = platform.call(() -> tasks
                .createTaskQuery()
                .processInstanceId(supervisionId)
                .taskDefinitionKey(SupervisionProcess.Tasks.SUPERVISE)
                .list()
                .stream()
                .map(Task::getId)
                .findFirst()
                .orElse(null));
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.SUPERVISION,
                Set.of(),
                Set.of(Role.SUPERVISOR.groupId()),
                trackingNo,
                supervise,
                text,
                actor));
        if (!handlers.users().isEmpty() || !handlers.groups().isEmpty()) {
            events.publishEvent(new CadreNotice(
                    CadreNotice.Kind.SUPERVISION,
                    handlers.users(),
                    handlers.groups(),
                    trackingNo,
                    handlers.taskId(),
                    text,
                    actor));
        }
    }

    /** Who handles the supervised step, to be told of a new supervision: its assignee once claimed, else its group. */
    private record StepHandlers(Set<String> users, Set<String> groups, String taskId) {

        /** A red light has told the step's handlers already (超期, 已进入督办). */
        static final StepHandlers TOLD_BY_THE_LIGHT = new StepHandlers(Set.of(), Set.of(), null);

        static StepHandlers of(Task step, String candidateGroup) {
            return step.getAssignee() == null
                    ? new StepHandlers(Set.of(), Set.of(candidateGroup), step.getId())
                    : new StepHandlers(Set.of(step.getAssignee()), Set.of(), step.getId());
        }
    }

    // ---- the steps of supervision.bpmn ----

    void opened(DelegateExecution execution) {
        timeline.record(
                text(execution, TRACKING_NO),
                null,
                "SUPERVISION",
                "“" + text(execution, STEP_NAME) + "”进入督办（" + text(execution, LEVEL_LABEL) + "，"
                        + text(execution, REASON) + "）",
                true);
    }

    /** The supervisor's choice must be complete before anything happens. */
    void checkAction(DelegateExecution execution) {
        String action = text(execution, ACTION);
        if (action == null || Arrays.stream(Action.values()).map(Action::name).noneMatch(action::equals)) {
            throw rejected(ACTION, "应为 URGE（催办）、RESET_DEADLINE（重定期限）或 ESCALATE（升级）");
        }
        if (text(execution, NOTE) == null) {
            throw rejected(NOTE, "必须填写督办意见");
        }
        if (Action.RESET_DEADLINE.name().equals(action)) {
            Instant deadline = deadline(execution.getVariable(NEW_DEADLINE));
            if (deadline == null || !deadline.isAfter(EngineClock.now())) {
                throw rejected(NEW_DEADLINE, "必须填写一个晚于现在的新期限");
            }
            execution.setVariable(NEW_DEADLINE, Date.from(deadline));
        }
    }

    void urge(DelegateExecution execution) {
        String trackingNo = text(execution, TRACKING_NO);
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.URGED,
                Set.of(),
                Set.of(text(execution, HANDLER_GROUP)),
                trackingNo,
                null,
                "督办提醒：" + trackingNo + " 的“" + text(execution, STEP_NAME) + "”需尽快办理。" + text(execution, NOTE),
                actor(execution)));
        timeline.record(trackingNo, actor(execution), "SUPERVISION", "督办员催办：" + text(execution, NOTE), true);
    }

    void replied(DelegateExecution execution) {
        String reply = text(execution, REPLY);
        if (reply == null) {
            throw rejected(REPLY, "必须填写回复");
        }
        timeline.record(text(execution, TRACKING_NO), actor(execution), "SUPERVISION", "承办单位回复督办：" + reply, true);
        execution.setVariable(ACTION, null);
    }

    void resetDeadline(DelegateExecution execution) {
        String trackingNo = text(execution, TRACKING_NO);
        Date deadline = (Date) execution.getVariable(NEW_DEADLINE);
        tasks.createTaskQuery()
                .processInstanceBusinessKey(trackingNo)
                .taskDefinitionKey(text(execution, STEP_KEY))
                .list()
                .forEach(task -> {
                    task.setDueDate(deadline);
                    tasks.saveTask(task);
                });
        timeline.record(
                trackingNo,
                actor(execution),
                "SUPERVISION",
                "督办员重新确定期限为 "
                        + java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                                .format(deadline.toInstant().atZone(cn.lianxin.calendar.WorkingDays.ZONE))
                        + "：" + text(execution, NOTE),
                true);
    }

    void escalate(DelegateExecution execution) {
        Level next = Level.valueOf(text(execution, LEVEL)).next();
        execution.setVariable(LEVEL, next.name());
        execution.setVariable(LEVEL_LABEL, next.label());
        String trackingNo = text(execution, TRACKING_NO);
        // reached by the supervisor's choice, or by the new deadline passing with the step still open
        String automatic = Action.ESCALATE.name().equals(text(execution, ACTION)) ? "督办员升级督办" : "新期限已过仍未办结，自动升级";
        events.publishEvent(new CadreNotice(
                CadreNotice.Kind.SUPERVISION,
                Set.of(),
                Set.of(next.responsibleGroup(text(execution, VILLAGE_CODE), text(execution, TOWN_CODE))),
                trackingNo,
                null,
                trackingNo + " 的“" + text(execution, STEP_NAME) + "”已超期，" + automatic + "：" + next.label() + "。",
                actor(execution)));
        timeline.record(trackingNo, actor(execution), "SUPERVISION", automatic + "：" + next.label(), true);
    }

    void closed(DelegateExecution execution) {
        timeline.record(
                text(execution, TRACKING_NO),
                null,
                "SUPERVISION",
                Boolean.TRUE.equals(execution.getVariable(CASE_ENDED))
                        ? "案件已结束，“" + text(execution, STEP_NAME) + "”的督办随之结束"
                        : "“" + text(execution, STEP_NAME) + "”已办结，督办结束",
                true);
        events.publishEvent(new SupervisionLights.Changed(text(execution, TRACKING_NO)));
    }

    /** Writes into the log of whichever module owns the number. */
    private record Timeline(List<SupervisedRecords> records) {

        private SupervisedRecords of(String number) {
            return records.stream()
                    .filter(r -> number != null && r.handles(number))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no module keeps the log of " + number));
        }

        boolean exists(String number) {
            return records.stream().anyMatch(r -> number != null && r.handles(number) && r.exists(number));
        }

        void record(String number, String actor, String kind, String entry, boolean shownToPublic) {
            of(number).record(number, actor, kind, entry, shownToPublic);
        }
    }

    static String businessKey(String trackingNo, String stepKey) {
        return trackingNo + ":" + stepKey;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().trim();
    }

    private static String actor(DelegateExecution execution) {
        return CurrentUser.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse(null);
    }

    private static Instant deadline(Object value) {
        try {
            return value == null ? null : cn.lianxin.calendar.WorkingDays.instantOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static TaskDataRejected rejected(String field, String message) {
        return new TaskDataRejected(List.of(new ApiProblemException.FieldError(field, message)));
    }
}
