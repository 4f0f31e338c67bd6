package cn.lianxin.deliberation;

/** Where a topic stands, as the public view and the notice board show it. */
public enum Stage {
    REVIEW("议题审核中"),
    PLANNING("拟定协商方案"),
    NOTICE("协商前公示中"),
    MEETING("待召开协商会议"),
    RESULT_NOTICE("协商结果公示中"),
    IMPLEMENTING("落实中"),
    EVALUATION("群众评价中"),
    ARCHIVED("已归档");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
