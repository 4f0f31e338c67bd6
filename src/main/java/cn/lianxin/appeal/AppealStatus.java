package cn.lianxin.appeal;

/** Where a case stands; the last three are the final {@code status} of DESIGN §3. */
public enum AppealStatus {
    /** Accepted and being handled. */
    OPEN("办理中"),
    CLOSED("已办结"),
    RETURNED("已退回"),
    WITHDRAWN("已撤回");

    private final String label;

    AppealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
