package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 联合办理: one task per department (lead and co-handling, in parallel), each reporting its own part;
 * the parts are gathered into {@code jointResultsSummary} for the lead's conclusion.
 */
@Component
class JointHandle extends AppealTask {

    private final Departments departments;
    private final StepLog log;

    JointHandle(Departments departments, StepLog log) {
        this.departments = departments;
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.JOINT_HANDLE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(JOINT_RESULT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        submission.required(JOINT_RESULT, "必须填写本部门办理情况");
        submission.refuseIfInvalid();
    }

    /** Each department's form names the department it is for. */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(JOINT_DEPT_LABEL, departments.nameOf((String) task.getVariable(JOINT_DEPT)));
    }

    @Override
    public void completing(DelegateTask task) {
        String dept = departments.nameOf((String) task.getVariable(JOINT_DEPT));
        String line = dept + "：" + new TaskValues(task.getVariables()).text(JOINT_RESULT);
        Object summary = task.getVariable(JOINT_RESULTS_SUMMARY);
        // on the process instance, so the parallel tasks' parts add up for the lead's conclusion
        task.getExecution()
                .getProcessInstance()
                .setVariable(
                        JOINT_RESULTS_SUMMARY,
                        summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
        log.record(task, "JOINT", "联合办理（" + line + "）", true);
    }
}
