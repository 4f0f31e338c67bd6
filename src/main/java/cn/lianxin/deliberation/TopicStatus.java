package cn.lianxin.deliberation;

/** The final {@code status} of a topic (DESIGN §3). */
enum TopicStatus {
    IMPLEMENTED("已落实"),
    NOT_PASSED("表决未通过"),
    REJECTED("不予受理"),
    MERGED("已并入其他议题");

    private final String label;

    TopicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
