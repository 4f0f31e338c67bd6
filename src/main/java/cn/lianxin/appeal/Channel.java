package cn.lianxin.appeal;

/** How a request reached the platform. */
public enum Channel {
    ONLINE("网上"),
    PHONE("电话"),
    VISIT("走访"),
    WALK_IN("来访"),
    AGENT("代办");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
