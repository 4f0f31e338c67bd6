package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Tasks.*;

import java.util.Map;

/** How the citizen reads where their case stands: plain Chinese, no internal names. */
final class PublicProgress {

    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry(TRIAGE, "站点正在研究办理方式"),
            Map.entry(HANDLE_IMMEDIATE, "网格员正在现场办理"),
            Map.entry(HANDLE_PROMISED, "站点正在按承诺时限办理"),
            Map.entry(REVIEW_ESCALATION, "站长正在审核，准备上报到镇"),
            Map.entry(TOWN_HANDLE, "镇便民服务中心正在办理"),
            Map.entry(DEPT_HANDLE, "县直部门正在办理"),
            Map.entry(JOINT_HANDLE, "多个部门正在联合办理"),
            Map.entry(JOINT_CONCLUDE, "牵头部门正在汇总答复"),
            Map.entry(NOTIFY_RETURN, "站点正在整理不予受理的理由"),
            Map.entry(FEEDBACK, "站点正在向您反馈办理结果"),
            Map.entry(REVISIT, "网格员将电话回访，听取您的评价"),
            Map.entry(REOPEN_ALERT, "站长正在关注您的诉求"),
            Map.entry(VISIT_FEEDBACK, "网格员将向您反馈走访后的办理进展"));

    private PublicProgress() {}

    static String step(String taskKey) {
        return STEPS.getOrDefault(taskKey, "正在办理");
    }
}
