package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.DeptOutcome;
import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.CaseFacts;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 部门办理: the department the town dispatched to finishes the case or hands it back to the town with a reason. */
@Component
class DeptHandle extends AppealTask {

    private static final String DONE = DeptOutcome.DONE.name();
    private static final String HAND_BACK = DeptOutcome.HAND_BACK.name();

    private final Departments departments;
    private final StepLog log;
    private final CaseFacts facts;

    DeptHandle(Departments departments, StepLog log, CaseFacts facts) {
        this.facts = facts;
        this.departments = departments;
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.DEPT_HANDLE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(DEPT_OUTCOME, RESULT, HAND_BACK_REASON);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        String outcome = submission.oneOf(DEPT_OUTCOME, Set.of(DONE, HAND_BACK), "应为 DONE（已办结）或 HAND_BACK（退回镇中心）");
        if (DONE.equals(outcome)) {
            submission.required(RESULT, "办结时必须填写办理结果");
        } else if (HAND_BACK.equals(outcome)) {
            submission.required(HAND_BACK_REASON, "退回镇中心时必须说明理由");
        }
        submission.refuseIfInvalid();
    }

    /** The case is now also the department's (its figures and case list). */
    @Override
    public void created(DelegateTask task) {
        facts.departmentTook(task, (String) task.getVariable(DEPT_CODE));
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        String dept = departments.nameOf((String) task.getVariable(DEPT_CODE));
        boolean done = DONE.equals(values.text(DEPT_OUTCOME));
        log.record(
                task,
                done ? "RESULT" : "DEPT",
                done ? dept + "已办结：" + values.text(RESULT) : dept + "退回镇便民服务中心：" + values.text(HAND_BACK_REASON),
                true);
    }
}
