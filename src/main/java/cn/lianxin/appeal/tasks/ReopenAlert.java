package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.ALERT_NOTE;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 站长关注: a case reopened a second time alerts the station head, who records what they will do;
 * the note is internal (not on the citizen's view).
 */
@Component
class ReopenAlert extends AppealTask {

    private final StepLog log;

    ReopenAlert(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.REOPEN_ALERT;
    }

    @Override
    public Set<String> fields() {
        return Set.of(ALERT_NOTE);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.required(ALERT_NOTE, "必须填写站长处理意见");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        log.record(task, "ALERT", "站长处理意见：" + new TaskValues(task.getVariables()).text(ALERT_NOTE), false);
    }
}
