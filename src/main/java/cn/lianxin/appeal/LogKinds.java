package cn.lianxin.appeal;

import java.util.Map;

/**
 * The kinds of a case's or topic's log as a cadre reads them in 办理记录: every kind the modules
 * write (四登记, steps, lights, supervision, the workbench operations, deliberation's turns).
 */
final class LogKinds {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("APPOINTMENT", "受理登记"),
            Map.entry("TRIAGE", "分流"),
            Map.entry("ON_SITE", "现场服务登记"),
            Map.entry("RESULT", "办理结果"),
            Map.entry("SIGN_OFF", "反馈群众"),
            Map.entry("ESCALATION", "上报"),
            Map.entry("REVIEW", "审核"),
            Map.entry("TOWN", "镇便民服务中心办理"),
            Map.entry("DEPT", "部门办理"),
            Map.entry("JOINT", "联合办理"),
            Map.entry("ALERT", "重办提醒"),
            Map.entry("VISIT_FEEDBACK", "走访反馈"),
            Map.entry("REVISIT", "回访"),
            Map.entry("LIGHT", "红黄绿灯"),
            Map.entry("EVALUATION", "群众评价"),
            Map.entry("REOPEN", "重新办理"),
            Map.entry("ARCHIVE", "归档"),
            Map.entry("WITHDRAWAL", "群众撤回"),
            Map.entry("ACCESS_CODE", "查询码找回"),
            Map.entry("INSTRUCTION", "领导批示"),
            Map.entry("SUPERVISION", "督办"),
            Map.entry("DELIBERATION", "协商议事"),
            Map.entry("TRANSFER", "转办"),
            Map.entry("DELEGATION", "委派"),
            Map.entry("RESOLUTION", "委派办结"),
            Map.entry("URGE", "催办"),
            Map.entry("COMMENT", "评论"),
            Map.entry("REASSIGNMENT", "批量转派"),
            Map.entry("SEND_BACK", "驳回"),
            Map.entry("RECALL", "撤回"),
            Map.entry("PROPOSAL", "议题登记"),
            Map.entry("NOTICE", "公示"),
            Map.entry("OPINION", "意见"),
            Map.entry("OPINIONS", "意见处理"),
            Map.entry("MEETING", "协商会议"),
            Map.entry("MERGE", "议题合并"),
            Map.entry("LEDGER", "落实台账"),
            Map.entry("PROGRESS", "落实进展"),
            Map.entry("COMPLETION", "确认落实"));

    private LogKinds() {}

    /** The kind in Chinese; a kind added later without a word here reads 记录. */
    static String label(String kind) {
        return LABELS.getOrDefault(kind, "记录");
    }
}
