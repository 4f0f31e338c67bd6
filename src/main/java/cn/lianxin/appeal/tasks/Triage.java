package cn.lianxin.appeal.tasks;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.appeal.Departments;
import cn.lianxin.appeal.Path;
import cn.lianxin.workflow.TaskValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 分类分流: the grid worker chooses the way of handling. A promise has a working-day limit per
 * category (from the triage decision), joint handling a lead department plus at least one other, and
 * not following the system's suggestion needs a reason. The path itself is recorded by the
 * {@code recordPath} step after the task.
 */
@Component
class Triage extends AppealTask {

    private final Departments departments;

    Triage(Departments departments) {
        this.departments = departments;
    }

    @Override
    public String taskKey() {
        return Tasks.TRIAGE;
    }

    @Override
    public Set<String> fields() {
        return Set.of(PATH, PROMISED_DAYS, LEAD_DEPT, CO_DEPTS, OVERRIDE_REASON, TRIAGE_NOTE);
    }

    @Override
    public void check(Map<String, Object> values) {
        Submission submission = new Submission(values);
        String path = submission.oneOf(
                PATH, Submission.names(Path.values()), "应为 IMMEDIATE、PROMISED、ESCALATE、RETURN 或 JOINT");
        if (path != null) {
            if (Path.PROMISED.name().equals(path)) {
                checkPromise(submission);
            }
            if (Path.JOINT.name().equals(path)) {
                checkJointDepartments(submission);
            }
            checkOverride(submission, path);
        }
        submission.refuseIfInvalid();
    }

    /** The departments to choose from, as the units stand now. */
    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(DEPARTMENT_OPTIONS, departments.options());
    }

    private static void checkPromise(Submission submission) {
        Integer days = submission.values().integer(PROMISED_DAYS);
        Integer max = submission.values().integer(MAX_PROMISED_DAYS);
        if (days == null || days < 1) {
            submission.problem(PROMISED_DAYS, "承诺办必须填写承诺的工作日数（至少 1 天）");
        } else if (max != null && days > max) {
            submission.problem(PROMISED_DAYS, "该类诉求承诺办最多 " + max + " 个工作日");
        }
    }

    private void checkJointDepartments(Submission submission) {
        String lead = submission.department(LEAD_DEPT, departments::isDepartment, "联合办理必须选择一个已知的牵头部门");
        List<String> co = submission.values().list(CO_DEPTS);
        if (co == null || co.isEmpty()) {
            submission.problem(CO_DEPTS, "联合办理至少需要一个协办部门");
            return;
        }
        co.stream()
                .filter(code -> !departments.isDepartment(code))
                .findFirst()
                .ifPresent(code -> submission.problem(CO_DEPTS, "未知部门：" + code));
        if (lead != null && co.contains(lead)) {
            submission.problem(CO_DEPTS, "协办部门不应包含牵头部门");
        }
        if (co.stream().distinct().count() != co.size()) {
            submission.problem(CO_DEPTS, "协办部门有重复");
        }
    }

    private static void checkOverride(Submission submission, String path) {
        TaskValues values = submission.values();
        String suggested = values.text(SUGGESTED_PATH);
        if (suggested != null && !suggested.equals(path) && !values.has(OVERRIDE_REASON)) {
            submission.problem(
                    OVERRIDE_REASON,
                    "不采纳系统建议（" + Path.of(suggested).map(Path::label).orElse(suggested) + "）时必须说明理由");
        }
    }
}
