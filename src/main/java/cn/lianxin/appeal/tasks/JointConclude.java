package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.JOINT_RESULTS_SUMMARY;
import static cn.lianxin.appeal.AppealProcess.Variables.RESULT;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.JointParts;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 牵头部门统一答复: the lead department concludes the joint handling with one answer. */
@Component
class JointConclude extends AppealTask {

    private final StepLog log;
    private final JointParts parts;
    private final Departments departments;

    JointConclude(StepLog log, JointParts parts, Departments departments) {
        this.log = log;
        this.parts = parts;
        this.departments = departments;
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

    /** The lead's form shows every department's part of this round, in the order they came in. */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(
                JOINT_RESULTS_SUMMARY,
                parts.ofCurrentRound(task).stream()
                        .map(part -> departments.nameOf(part.deptCode()) + "：" + part.result())
                        .collect(Collectors.joining("\n")));
    }

    @Override
    public void completing(DelegateTask task) {
        log.record(task, "RESULT", "牵头部门统一答复：" + new TaskValues(task.getVariables()).text(RESULT), true);
    }
}
