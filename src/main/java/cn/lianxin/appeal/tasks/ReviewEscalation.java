package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.APPROVED;
import static cn.lianxin.appeal.AppealProcess.Variables.COMMENT;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 站长审核上报: the station head sends the case up to the town or back to triage with a comment. */
@Component
class ReviewEscalation extends AppealTask {

    private final StepLog log;

    ReviewEscalation(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.REVIEW_ESCALATION;
    }

    @Override
    public Set<String> fields() {
        return Set.of(APPROVED, COMMENT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        Boolean approved = submission.values().bool(APPROVED);
        if (approved == null) {
            submission.problem(APPROVED, "必须选择同意上报（true）或退回重新分流（false）");
        } else if (!approved) {
            submission.required(COMMENT, "退回重新分流时必须填写审核意见");
        }
        submission.refuseIfInvalid();
    }

    /** A refusal is kept from the citizen's view: the case simply goes on at triage. */
    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        boolean approved = Boolean.TRUE.equals(values.bool(APPROVED));
        log.record(task, "REVIEW", approved ? "站长同意上报到镇便民服务中心" : "站长退回重新分流：" + values.text(COMMENT), approved);
    }
}
