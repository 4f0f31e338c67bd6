package cn.lianxin.deadline;

/** 红黄绿灯: how a case or task stands against its deadline. */
public enum TrafficLight {
    GREEN("正常"),
    YELLOW("临期"),
    RED("超期");

    private final String label;

    TrafficLight(String label) {
        this.label = label;
    }

    /** As the citizen and the cadre read it. */
    public String label() {
        return label;
    }
}
