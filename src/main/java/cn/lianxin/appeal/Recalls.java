package cn.lianxin.appeal;

import cn.lianxin.appeal.AppealProcess.Messages;
import cn.lianxin.appeal.AppealProcess.Variables;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回: whoever completed a step takes it back while the step it led to is still untouched — not
 * claimed, nothing else done in the case since — where the model has a recall boundary event on that
 * next step leading back to theirs. The next step is cancelled by that event (its supervision ends,
 * its handlers are told) and the recalled step opens again with a new deadline. Everything is read
 * as the platform after the caller's own checks: a cadre cannot query the history of a step they no
 * longer have.
 */
@Service
class Recalls {

    /** How far back a cadre's completed steps are looked at for {@code GET /api/tasks/recallable}. */
    static final Duration WINDOW = Duration.ofDays(7);

    /** At most this many recallable steps are listed. */
    static final int LIMIT = 20;

    /** The completed steps looked at, newest first, before the limit of those still recallable. */
    private static final int LOOKED_AT = 100;

    /** A step the caller completed and may still take back. */
    record Recallable(String taskId, String taskName, String number, Instant completedAt, String nextTaskName) {}

    private final HistoryService history;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsPlatform platform;
    private final StepsBack stepsBack;
    private final Appeals appeals;
    private final ApplicationEventPublisher events;

    Recalls(
            HistoryService history,
            TaskService tasks,
            RuntimeService runtime,
            IdentityService identity,
            EngineAsPlatform platform,
            StepsBack stepsBack,
            Appeals appeals,
            ApplicationEventPublisher events) {
        this.history = history;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.platform = platform;
        this.stepsBack = stepsBack;
        this.appeals = appeals;
        this.events = events;
    }

    /** The caller's steps of the last {@link #WINDOW} that can still be recalled, newest first. */
    List<Recallable> recallable() {
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        Date since = Date.from(EngineClock.now().minus(WINDOW));
        return platform.call(() -> {
            Set<String> candidates = new LinkedHashSet<>();
            history
                    .createUserOperationLogQuery()
                    .processDefinitionKey(AppealProcess.KEY)
                    .entityType(EntityTypes.TASK)
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                    .userId(me.userId())
                    .afterTimestamp(since)
                    .orderByTimestamp()
                    .desc()
                    .listPage(0, LOOKED_AT)
                    .stream()
                    .map(UserOperationLogEntry::getTaskId)
                    .filter(Objects::nonNull)
                    .forEach(candidates::add);
            history.createHistoricTaskInstanceQuery()
                    .processDefinitionKey(AppealProcess.KEY)
                    .taskAssignee(me.userId())
                    .finishedAfter(since)
                    .orderByHistoricTaskInstanceEndTime()
                    .desc()
                    .listPage(0, LOOKED_AT)
                    .forEach(task -> candidates.add(task.getId()));
            List<Recallable> found = new ArrayList<>();
            for (String taskId : candidates) {
                HistoricTaskInstance done = history.createHistoricTaskInstanceQuery()
                        .taskId(taskId)
                        .finished()
                        .singleResult();
                if (done == null || done.getEndTime().before(since)) {
                    continue;
                }
                nextOf(done)
                        .ifPresent(next -> found.add(new Recallable(
                                done.getId(),
                                done.getName(),
                                trackingNoOf(done),
                                done.getEndTime().toInstant(),
                                next.getName())));
                if (found.size() == LIMIT) {
                    break;
                }
            }
            found.sort(Comparator.comparing(Recallable::completedAt).reversed());
            return found;
        });
    }

    /** Takes back a step the caller completed: 404 when it was not theirs, 409 when it is too late. */
    @Transactional
    void recall(String completedTaskId, String reason) {
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        platform.run(() -> {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery()
                    .taskId(completedTaskId)
                    .processDefinitionKey(AppealProcess.KEY)
                    .finished()
                    .singleResult();
            if (done == null || !completedBy(done, me)) {
                throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
            }
            Task next = nextOf(done)
                    .orElseThrow(() -> new ApiProblemException(HttpStatus.CONFLICT, "recall-too-late", done.getName()));
            String trackingNo = trackingNoOf(done);
            Set<String> told = StepsBack.candidateGroups(tasks, next);
            events.publishEvent(new StepEvents.StepCompleted(trackingNo, next.getTaskDefinitionKey()));
            stepsBack.goBack(next, Messages.RECALLED);
            appeals.log(
                    trackingNo,
                    EngineClock.now(),
                    me.userId(),
                    "RECALL",
                    "撤回" + done.getName() + "（" + next.getName() + "尚未开始）：" + reason,
                    false);
            events.publishEvent(new CadreNotice(
                    CadreNotice.Kind.RECALLED,
                    null,
                    told,
                    trackingNo,
                    next.getId(),
                    trackingNo + " 的「" + next.getName() + "」已被撤回到「" + done.getName() + "」：" + reason,
                    me.userId()));
        });
    }

    private boolean completedBy(HistoricTaskInstance done, CurrentUser me) {
        if (me.userId().equals(done.getAssignee())) {
            return true;
        }
        return history.createUserOperationLogQuery()
                        .taskId(done.getId())
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                        .userId(me.userId())
                        .count()
                > 0;
    }

    /**
     * The step the completed task led to, if taking it back is still possible: the task was completed
     * (not cancelled), its case runs, nothing else in the case was completed or cancelled since, and
     * an unclaimed, undelegated task opened since has a recall event leading back to the task's step.
     */
    private Optional<Task> nextOf(HistoricTaskInstance done) {
        if (!"completed".equals(done.getDeleteReason()) || done.getEndTime() == null) {
            return Optional.empty();
        }
        boolean somethingSince = history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(done.getProcessInstanceId())
                .finished()
                .list()
                .stream()
                .anyMatch(other -> !other.getId().equals(done.getId())
                        && !other.getEndTime().before(done.getEndTime()));
        if (somethingSince) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processInstanceId(done.getProcessInstanceId()).list().stream()
                .filter(open -> !open.getCreateTime().before(done.getEndTime()))
                .filter(open -> open.getAssignee() == null && open.getOwner() == null)
                .filter(open -> stepsBack
                        .target(open, Messages.RECALLED)
                        .filter(done.getTaskDefinitionKey()::equals)
                        .isPresent())
                .findFirst();
    }

    private String trackingNoOf(HistoricTaskInstance done) {
        return (String) runtime.getVariable(done.getProcessInstanceId(), Variables.TRACKING_NO);
    }
}
