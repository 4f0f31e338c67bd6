package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each task of the appeal process must be completed with. One rule set for every route:
 * Tasklist, Camunda's REST API and the platform's API all end in the engine's complete listener.
 */
final class CompletionRules {

    /** The fields a user may submit to complete each task (the platform's API refuses others). */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry(Tasks.TRIAGE, Set.of(PATH, PROMISED_DAYS, LEAD_DEPT, CO_DEPTS, OVERRIDE_REASON, "triageNote")),
            Map.entry(Tasks.HANDLE_IMMEDIATE, Set.of("onSite", RESULT)),
            Map.entry(Tasks.HANDLE_PROMISED, Set.of(OUTCOME, RESULT, ESCALATION_REASON)),
            Map.entry(Tasks.REVIEW_ESCALATION, Set.of(APPROVED, COMMENT)),
            Map.entry(Tasks.TOWN_HANDLE, Set.of(TOWN_DECISION, DEPT_CODE, RESULT, "townComment")),
            Map.entry(Tasks.DEPT_HANDLE, Set.of(DEPT_OUTCOME, RESULT, HAND_BACK_REASON)),
            Map.entry(Tasks.NOTIFY_RETURN, Set.of(RETURN_REASONS, EXTRA_REASON, RETURN_BASIS, ALTERNATIVES)),
            Map.entry(Tasks.JOINT_HANDLE, Set.of(JOINT_RESULT)),
            Map.entry(Tasks.JOINT_CONCLUDE, Set.of(RESULT)),
            Map.entry(Tasks.FEEDBACK, Set.of(FEEDBACK_CHANNEL, FEEDBACK_CONTENT)),
            Map.entry(Tasks.REVISIT, Set.of(SATISFACTION, "revisitNote")),
            Map.entry(Tasks.REOPEN_ALERT, Set.of("alertNote")));

    /** Set by the process, shown read-only in forms: a submission may repeat them, never change them. */
    static final Set<String> PROTECTED = Set.of(
            TRACKING_NO,
            VILLAGE_CODE,
            TOWN_CODE,
            SUGGESTED_PATH,
            MAX_PROMISED_DAYS,
            SUGGESTED_DEPT,
            REOPEN_COUNT,
            JOINT_DEPTS,
            JOINT_DEPT,
            STATUS,
            CATEGORY);

    private final Predicate<String> isDepartment;

    static Set<String> fieldsOf(String taskKey) {
        return FIELDS.getOrDefault(taskKey, Set.of());
    }

    CompletionRules(Predicate<String> isDepartment) {
        this.isDepartment = isDepartment;
    }

    /** Every problem of the submitted data, at once; empty when the task may be completed. */
    List<FieldError> problems(String taskKey, TaskValues v) {
        List<FieldError> problems = new ArrayList<>();
        switch (taskKey) {
            case Tasks.TRIAGE -> triage(v, problems);
            case Tasks.HANDLE_IMMEDIATE, Tasks.JOINT_CONCLUDE -> required(v, RESULT, "必须填写办理结果", problems);
            case Tasks.HANDLE_PROMISED -> {
                String outcome = oneOf(
                        v, OUTCOME, names(AppealProcess.Outcome.values()), "应为 DONE（已办结）或 ESCALATE（转为上报）", problems);
                if ("DONE".equals(outcome)) {
                    required(v, RESULT, "办结时必须填写办理结果", problems);
                } else if ("ESCALATE".equals(outcome)) {
                    required(v, ESCALATION_REASON, "转为上报时必须说明理由", problems);
                }
            }
            case Tasks.REVIEW_ESCALATION -> {
                Boolean approved = v.bool(APPROVED);
                if (approved == null) {
                    problems.add(new FieldError(APPROVED, "必须选择同意上报（true）或退回重新分流（false）"));
                } else if (!approved) {
                    required(v, COMMENT, "退回重新分流时必须填写审核意见", problems);
                }
            }
            case Tasks.TOWN_HANDLE -> {
                String decision = oneOf(
                        v,
                        TOWN_DECISION,
                        names(AppealProcess.TownDecision.values()),
                        "应为 HANDLED、DISPATCH 或 RETURN",
                        problems);
                if ("DISPATCH".equals(decision)) {
                    department(v, DEPT_CODE, "派发时必须选择一个已知部门", problems);
                } else if ("HANDLED".equals(decision)) {
                    required(v, RESULT, "镇级办结时必须填写办理结果", problems);
                }
            }
            case Tasks.DEPT_HANDLE -> {
                String outcome = oneOf(
                        v,
                        DEPT_OUTCOME,
                        names(AppealProcess.DeptOutcome.values()),
                        "应为 DONE（已办结）或 HAND_BACK（退回镇中心）",
                        problems);
                if ("DONE".equals(outcome)) {
                    required(v, RESULT, "办结时必须填写办理结果", problems);
                } else if ("HAND_BACK".equals(outcome)) {
                    required(v, HAND_BACK_REASON, "退回镇中心时必须说明理由", problems);
                }
            }
            case Tasks.NOTIFY_RETURN -> {
                List<String> reasons = v.list(RETURN_REASONS);
                if (reasons == null || reasons.stream().allMatch(String::isBlank)) {
                    problems.add(new FieldError(RETURN_REASONS, "必须一次性列出全部退回理由，至少一条"));
                }
                required(v, RETURN_BASIS, "必须填写退回依据", problems);
                required(v, ALTERNATIVES, "必须告诉群众可以怎么办", problems);
            }
            case Tasks.JOINT_HANDLE -> required(v, JOINT_RESULT, "必须填写本部门办理情况", problems);
            case Tasks.FEEDBACK -> {
                oneOf(
                        v,
                        FEEDBACK_CHANNEL,
                        Set.of("PHONE", "VISIT", "SMS", "WECHAT"),
                        "应为 PHONE、VISIT、SMS 或 WECHAT",
                        problems);
                required(v, FEEDBACK_CONTENT, "必须填写反馈内容", problems);
            }
            case Tasks.REVISIT -> oneOf(
                    v,
                    SATISFACTION,
                    names(Satisfaction.values()),
                    "应为 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED",
                    problems);
            case Tasks.REOPEN_ALERT -> required(v, "alertNote", "必须填写站长处理意见", problems);
            default -> {}
        }
        return problems;
    }

    private void triage(TaskValues v, List<FieldError> problems) {
        String path = oneOf(v, PATH, names(Path.values()), "应为 IMMEDIATE、PROMISED、ESCALATE、RETURN 或 JOINT", problems);
        if (path == null) {
            return;
        }
        if (Path.PROMISED.name().equals(path)) {
            Integer days = v.integer(PROMISED_DAYS);
            Integer max = v.integer(MAX_PROMISED_DAYS);
            if (days == null || days < 1) {
                problems.add(new FieldError(PROMISED_DAYS, "承诺办必须填写承诺的工作日数（至少 1 天）"));
            } else if (max != null && days > max) {
                problems.add(new FieldError(PROMISED_DAYS, "该类诉求承诺办最多 " + max + " 个工作日"));
            }
        }
        if (Path.JOINT.name().equals(path)) {
            String lead = department(v, LEAD_DEPT, "联合办理必须选择一个已知的牵头部门", problems);
            List<String> co = v.list(CO_DEPTS);
            if (co == null || co.isEmpty()) {
                problems.add(new FieldError(CO_DEPTS, "联合办理至少需要一个协办部门"));
            } else {
                co.stream()
                        .filter(code -> !isDepartment.test(code))
                        .findFirst()
                        .ifPresent(code -> problems.add(new FieldError(CO_DEPTS, "未知部门：" + code)));
                if (lead != null && co.contains(lead)) {
                    problems.add(new FieldError(CO_DEPTS, "协办部门不应包含牵头部门"));
                }
                if (co.stream().distinct().count() != co.size()) {
                    problems.add(new FieldError(CO_DEPTS, "协办部门有重复"));
                }
            }
        }
        String suggested = v.text(SUGGESTED_PATH);
        if (suggested != null && !suggested.equals(path) && !v.has(OVERRIDE_REASON)) {
            problems.add(new FieldError(
                    OVERRIDE_REASON,
                    "不采纳系统建议（" + Path.of(suggested).map(Path::label).orElse(suggested) + "）时必须说明理由"));
        }
    }

    private String department(TaskValues v, String field, String message, List<FieldError> problems) {
        String code = v.text(field);
        if (code == null || !isDepartment.test(code)) {
            problems.add(new FieldError(field, message));
            return null;
        }
        return code;
    }

    private static void required(TaskValues v, String field, String message, List<FieldError> problems) {
        if (!v.has(field)) {
            problems.add(new FieldError(field, message));
        }
    }

    private static String oneOf(
            TaskValues v, String field, Set<String> allowed, String message, List<FieldError> problems) {
        String value = v.text(field);
        if (value == null || !allowed.contains(value)) {
            problems.add(new FieldError(field, value == null ? "必须填写：" + message : message));
            return null;
        }
        return value;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
