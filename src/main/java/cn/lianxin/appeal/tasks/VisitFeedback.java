package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.VISIT_FEEDBACK_CHANNEL;
import static cn.lianxin.appeal.AppealProcess.Variables.VISIT_PROGRESS;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 走访反馈: a case a cadre registered from a visit (channel {@code VISIT}) gets its progress reported
 * to the visited resident within 3 working days, beside the case's own handling. The cadre tells the
 * resident (by the channel the form names) and records what was said; the entry is on the citizen's
 * view, so no message is sent on top of what the cadre already told.
 */
@Component
class VisitFeedback extends AppealTask {

    /** As long as any other text a cadre writes into a form; it goes whole into the case log. */
    static final int MAX_PROGRESS = 2000;

    private final StepLog log;

    VisitFeedback(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.VISIT_FEEDBACK;
    }

    @Override
    public Set<String> fields() {
        return Set.of(VISIT_PROGRESS, VISIT_FEEDBACK_CHANNEL);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.required(VISIT_PROGRESS, "必须填写向群众反馈的进展");
        submission.atMost(VISIT_PROGRESS, MAX_PROGRESS);
        submission.oneOf(VISIT_FEEDBACK_CHANNEL, Feedback.CHANNELS.keySet(), "应为 PHONE、VISIT、SMS 或 WECHAT");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        String channel = Feedback.CHANNELS.get(values.text(VISIT_FEEDBACK_CHANNEL));
        log.record(task, "VISIT_FEEDBACK", "走访反馈（" + channel + "）：" + values.text(VISIT_PROGRESS), true);
    }
}
