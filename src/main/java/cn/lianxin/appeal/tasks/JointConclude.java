package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.RESULT;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 牵头部门统一答复: the lead department concludes the joint handling with one answer. */
@Component
class JointConclude extends AppealTask {

    private final StepLog log;

    JointConclude(StepLog log) {
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.JOINT_CONCLUDE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(RESULT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.required(RESULT, "必须填写办理结果");
        submission.refuseIfInvalid();
    }

    @Override
    public void completing(DelegateTask task) {
        log.record(task, "RESULT", "牵头部门统一答复：" + new TaskValues(task.getVariables()).text(RESULT), true);
    }
}
