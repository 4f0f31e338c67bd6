package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.CaseFacts;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.JointParts;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 联合办理: one task per department (lead and co-handling, in parallel), each reporting its own part;
 * the parts are kept apart ({@link JointParts}) and gathered into {@code jointResultsSummary} when the
 * lead's conclusion starts. The model continues after each department's task asynchronously
 * ({@code camunda:asyncAfter}), one at a time per case, so departments completing at the same moment
 * never meet an optimistic-locking conflict.
 */
@Component
class JointHandle extends AppealTask {

    private final Departments departments;
    private final StepLog log;
    private final JointParts parts;
    private final CaseFacts facts;

    JointHandle(Departments departments, StepLog log, JointParts parts, CaseFacts facts) {
        this.facts = facts;
        this.departments = departments;
        this.log = log;
        this.parts = parts;
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

    /**
     * Each department's form names the department it is for; its part, when submitted, stays on the
     * department's own branch (declared there now), not on the case shared by every department.
     */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(JOINT_DEPT_LABEL, departments.nameOf((String) task.getVariable(JOINT_DEPT)));
        task.getExecution().setVariableLocal(JOINT_RESULT, null);
        facts.departmentTook(task, (String) task.getVariable(JOINT_DEPT));
    }

    /** The part is kept as its own row (gathered when the lead concludes) and logged. */
    @Override
    public void completing(DelegateTask task) {
        String result = new TaskValues(task.getVariables()).text(JOINT_RESULT);
        parts.record(task, result);
        String dept = departments.nameOf((String) task.getVariable(JOINT_DEPT));
        log.record(task, "JOINT", "联合办理（" + dept + "：" + result + "）", true);
    }
}
