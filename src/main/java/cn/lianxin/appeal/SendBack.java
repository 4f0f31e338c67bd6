package cn.lianxin.appeal;

import cn.lianxin.appeal.AppealProcess.Messages;
import cn.lianxin.appeal.AppealProcess.Variables;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 驳回: the handler of a step sends the case back to the step before it, with a reason, where the
 * model has a send-back boundary event on the step (never by moving tokens about). The case log
 * keeps who and why (not shown to the citizen); the handlers of the step that receives it are told
 * and see the reason in its form; the step left behind ends its supervision.
 */
@Component
class SendBack implements TaskOperation {

    private final CadreTasks cadreTasks;
    private final StepsBack stepsBack;
    private final TaskService tasks;
    private final IdentityService identity;
    private final EngineAsPlatform platform;
    private final Appeals appeals;
    private final ApplicationEventPublisher events;

    SendBack(
            CadreTasks cadreTasks,
            StepsBack stepsBack,
            TaskService tasks,
            IdentityService identity,
            EngineAsPlatform platform,
            Appeals appeals,
            ApplicationEventPublisher events) {
        this.cadreTasks = cadreTasks;
        this.stepsBack = stepsBack;
        this.tasks = tasks;
        this.identity = identity;
        this.platform = platform;
        this.appeals = appeals;
        this.events = events;
    }

    @Override
    public String name() {
        return "send-back";
    }

    @Override
    public boolean allowed(Task task, CurrentUser me) {
        return task.getDelegationState() != DelegationState.PENDING
                && stepsBack.target(task, Messages.SENT_BACK).isPresent()
                && cadreTasks.handles(task, me);
    }

    /** Sends the task's case back to the step before it: 404 unseen, 403 not its handler, 409 not here. */
    @Transactional
    void sendBack(String taskId, String reason) {
        Task task = cadreTasks.visibleTask(taskId, AppealProcess.KEY);
        CurrentUser me = CurrentUser.of(identity).orElseThrow();
        if (!cadreTasks.handles(task, me)) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        // a delegate works the step for its owner, who decides about it once it is handed back
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "task-delegated");
        }
        String target = stepsBack
                .target(task, Messages.SENT_BACK)
                .orElseThrow(
                        () -> new ApiProblemException(HttpStatus.CONFLICT, "send-back-not-allowed", task.getName()));
        String trackingNo = (String) tasks.getVariable(taskId, Variables.TRACKING_NO);
        platform.run(() -> {
            events.publishEvent(new StepEvents.StepCompleted(trackingNo, task.getTaskDefinitionKey()));
            stepsBack.goBack(task, Messages.SENT_BACK);
            Task received = tasks.createTaskQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .taskDefinitionKey(target)
                    .singleResult();
            tasks.setVariableLocal(received.getId(), Variables.SENT_BACK_REASON, reason);
            appeals.log(
                    trackingNo,
                    EngineClock.now(),
                    me.userId(),
                    "SEND_BACK",
                    task.getName() + "驳回到" + received.getName() + "：" + reason,
                    false);
            events.publishEvent(new CadreNotice(
                    CadreNotice.Kind.SENT_BACK,
                    null,
                    StepsBack.candidateGroups(tasks, received),
                    trackingNo,
                    received.getId(),
                    trackingNo + " 被「" + task.getName() + "」驳回到「" + received.getName() + "」：" + reason,
                    me.userId()));
        });
    }
}
