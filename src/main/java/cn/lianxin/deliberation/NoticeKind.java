package cn.lianxin.deliberation;

/** What a notice on a unit's board announces. */
enum NoticeKind {
    PLAN("协商前公示"),
    RESULT("协商结果公示"),
    REJECTION("议题不予受理公告"),
    MERGER("议题合并公告"),
    PROGRESS("落实进展公开"),
    COMPLETION("办结公示（群众评价）");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
