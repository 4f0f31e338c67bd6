package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.notification.Template;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The way of handling (四个办理) a case goes: recorded when triage chooses it, changed when a promise
 * turns into an escalation, and what the chosen path needs next (joint departments, return reasons).
 */
@Component
class ChosenPath {

    private final Appeals appeals;
    private final ReturnReasons returnReasons;
    private final Departments departments;
    private final CaseTimeline timeline;

    ChosenPath(Appeals appeals, ReturnReasons returnReasons, Departments departments, CaseTimeline timeline) {
        this.appeals = appeals;
        this.returnReasons = returnReasons;
        this.departments = departments;
        this.timeline = timeline;
    }

    /** Triage chose the path: the case, its log and the citizen learn it; joint handling lists its departments. */
    void record(DelegateExecution execution) {
        Path path = Path.valueOf((String) execution.getVariable(PATH));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Instant now = EngineClock.now();
        appeals.recordPath(trackingNo, path, now);
        String detail =
                switch (path) {
                    case PROMISED -> "，承诺 " + execution.getVariable(PROMISED_DAYS) + " 个工作日内办结";
                    case JOINT -> "，牵头部门：" + departments.nameOf((String) execution.getVariable(LEAD_DEPT));
                    default -> "";
                };
        appeals.log(trackingNo, now, currentUser(execution), "TRIAGE", "分流：" + path.label() + detail, true);
        timeline.notifyCitizen(trackingNo, Template.PROGRESS, trackingNo, "已确定办理方式：" + path.label() + detail);
        if (path == Path.JOINT) {
            List<String> depts = new ArrayList<>();
            depts.add((String) execution.getVariable(LEAD_DEPT));
            depts.addAll(new TaskValues(execution.getVariables()).list(CO_DEPTS));
            execution.setVariable(
                    JOINT_DEPTS,
                    Variables.objectValue(depts)
                            .serializationDataFormat("application/json")
                            .create());
            execution.setVariable(LEAD_DEPT_LABEL, departments.nameOf(depts.get(0)));
        }
    }

    /** A promise beyond the station's means becomes an escalation (承诺办 → 上报). */
    void convertToEscalation(DelegateExecution execution) {
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        appeals.recordPath(trackingNo, Path.ESCALATE, EngineClock.now());
        execution.setVariable(PATH, Path.ESCALATE.name());
    }

    /** The standard reasons of the case's category, offered as choices on the return notice (一次性告知). */
    void loadReturnReasons(DelegateExecution execution) {
        Category category =
                Category.ofCode((String) execution.getVariable(CATEGORY)).orElse(Category.OTHER);
        execution.setVariable(STANDARD_RETURN_REASONS, FormOptions.ofLabels(returnReasons.textsFor(category)));
    }

    private static String currentUser(DelegateExecution execution) {
        return CurrentUser.of(execution.getProcessEngineServices().getIdentityService())
                .map(CurrentUser::userId)
                .orElse(null);
    }
}
