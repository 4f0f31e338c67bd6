package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.AppealProcess.TownDecision;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.StepLog;
import cn.lianxin.workflow.TaskValues;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** 镇便民服务中心办理: the town centre handles the case itself, dispatches it to a department, or returns it. */
@Component
class TownHandle extends AppealTask {

    private static final String HANDLED = TownDecision.HANDLED.name();
    private static final String DISPATCH = TownDecision.DISPATCH.name();
    private static final String RETURN = TownDecision.RETURN.name();

    private final Departments departments;
    private final StepLog log;

    TownHandle(Departments departments, StepLog log) {
        this.departments = departments;
        this.log = log;
    }

    @Override
    public String taskKey() {
        return Tasks.TOWN_HANDLE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(TOWN_DECISION, DEPT_CODE, RESULT, TOWN_COMMENT);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        String decision =
                submission.oneOf(TOWN_DECISION, Set.of(HANDLED, DISPATCH, RETURN), "应为 HANDLED、DISPATCH 或 RETURN");
        if (DISPATCH.equals(decision)) {
            submission.department(DEPT_CODE, departments::isDepartment, "派发时必须选择一个已知部门");
        } else if (HANDLED.equals(decision)) {
            submission.required(RESULT, "镇级办结时必须填写办理结果");
        }
        submission.refuseIfInvalid();
    }

    /** The departments to choose from, as the units stand now. */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(DEPARTMENT_OPTIONS, departments.options());
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues values = new TaskValues(task.getVariables());
        TownDecision decision = TownDecision.valueOf(values.text(TOWN_DECISION));
        String entry =
                switch (decision) {
                    case HANDLED -> "镇便民服务中心已办结：" + values.text(RESULT);
                    case DISPATCH -> "镇便民服务中心派发到" + departments.nameOf(values.text(DEPT_CODE)) + "办理";
                    case RETURN -> "镇便民服务中心决定不予受理，退回";
                };
        log.record(task, decision == TownDecision.HANDLED ? "RESULT" : "TOWN", entry, true);
    }
}
