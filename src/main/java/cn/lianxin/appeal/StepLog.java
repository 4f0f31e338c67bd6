package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The case log of the user tasks (四登记: 预约/电话登记, 现场服务, 结果, 签收): what a task's class writes
 * when its task completes, stamped with the engine's clock and the person who did it.
 */
@Component
public class StepLog {

    private final Appeals appeals;

    StepLog(Appeals appeals) {
        this.appeals = appeals;
    }

    /**
     * Writes one entry for the task's case.
     *
     * @param kind the entry's kind ({@code RESULT}, {@code ON_SITE}, {@code SIGN_OFF} …)
     * @param shownToCitizen whether the citizen's public view lists it
     */
    public void record(DelegateTask task, String kind, String entry, boolean shownToCitizen) {
        appeals.log(
                (String) task.getVariable(TRACKING_NO),
                // the engine's clock, so a test that moves it moves the log with it
                EngineClock.now(),
                actorOf(task),
                kind,
                entry,
                shownToCitizen);
    }

    /** The assignee, or whoever completes an unclaimed task (Tasklist and the API complete without claiming). */
    static String actorOf(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return CurrentUser.of(task.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse(null);
    }
}
