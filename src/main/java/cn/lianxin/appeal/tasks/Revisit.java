package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.REVISIT_NOTE;
import static cn.lianxin.appeal.AppealProcess.Variables.SATISFACTION;
import static cn.lianxin.appeal.AppealProcess.Variables.TRACKING_NO;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.notification.Template;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 电话回访: no evaluation came in time, so the station calls the citizen and records their
 * satisfaction; the citizen is told a call is coming when the task opens.
 */
@Component
class Revisit extends AppealTask {

    private final CaseTimeline timeline;
    private final StepLog log;

    Revisit(CaseTimeline timeline, StepLog log) {
        this.timeline = timeline;
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.REVISIT;
    }

    @Override
    public Set<String> fields() {
        return Set.of(SATISFACTION, REVISIT_NOTE);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.oneOf(
                SATISFACTION,
                Submission.names(Satisfaction.values()),
                "应为 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED");
        submission.refuseIfInvalid();
    }

    @Override
    public void created(DelegateTask task) {
        String trackingNo = (String) task.getVariable(TRACKING_NO);
        timeline.notifyCitizen(trackingNo, Template.REVISIT, trackingNo);
    }

    @Override
    public void completing(DelegateTask task) {
        Satisfaction satisfaction = Satisfaction.valueOf(new TaskValues(task.getVariables()).text(SATISFACTION));
        log.record(task, "REVISIT", "电话回访：" + satisfaction.label(), true);
    }
}
