package cn.lianxin.cockpit;

/**
 * The cockpit's appeal figures: key, Chinese label, how the value reads, and the definition shown
 * beside it (the same words as docs/cockpit.md). "本期受理" is every case received in the period
 * (Beijing dates, inclusive), whatever became of it since.
 */
enum Measure {
    INTAKE("intake", "受理量", "count", "本期受理的诉求件数（含后来退回、撤回的件）"),
    RESPONSE_ON_TIME_RATE("responseOnTimeRate", "响应及时率", "percent", "受理后 24 小时内完成首次处理（分流确定办理方式）的件数 ÷ 本期受理件数"),
    ON_TIME_RATE("onTimeRate", "按时办结率", "percent", "已办结且办理中从未有环节或督办超期（从未亮红灯）的件数 ÷ 本期受理中已办结的件数"),
    CLOSED_RATE("closedRate", "办结率", "percent", "本期受理中现已办结的件数 ÷ 本期受理件数（退回、撤回不算办结）"),
    RED("red", "超期件", "count", "现在仍在办理且亮红灯（有环节或督办已超期）的件数，不论何时受理"),
    YELLOW("yellow", "临期件", "count", "现在仍在办理且亮黄灯（有环节将到期）的件数，不论何时受理"),
    AVG_WORKING_DAYS("avgWorkingDays", "平均办理时长", "days", "本期受理中已办结的件，从受理到办结的工作日数的平均值（按法定节假日和调休计算，不足一日不计）"),
    SATISFACTION_RATE("satisfactionRate", "满意率", "percent", "（满意 + 基本满意）÷ 本期受理中已评价的件数，以每件最近一次评价为准"),
    REOPEN_RATE("reopenRate", "重办率", "percent", "因群众不满意而重新办理过的件数 ÷ 本期受理中办结过的件数（现已办结或办结后重办）"),
    RETURN_RATE("returnRate", "退回率", "percent", "本期受理中退回（一次性告知）的件数 ÷ 本期受理件数"),
    SUPERVISED("supervised", "督办件", "count", "本期受理中启动过督办（超期督办或领导批示）的件数");

    private final String key;
    private final String label;
    private final String format;
    private final String definition;

    Measure(String key, String label, String format, String definition) {
        this.key = key;
        this.label = label;
        this.format = format;
        this.definition = definition;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    String format() {
        return format;
    }

    String definition() {
        return definition;
    }
}
