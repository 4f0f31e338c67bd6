package cn.lianxin.deadline;

import java.time.Instant;

/** 红黄绿灯: how a case or task stands against its deadline. */
public enum TrafficLight {
    GREEN("正常"),
    YELLOW("临期"),
    RED("超期");

    private final String label;

    TrafficLight(String label) {
        this.label = label;
    }

    /**
     * The light of a step at {@code now}: red from its due date, yellow from its warning date, green
     * before — whatever ran or did not run before. No due date: green; no warning date: yellow never.
     */
    public static TrafficLight at(Instant now, Instant warnAt, Instant dueAt) {
        if (dueAt == null) {
            return GREEN;
        }
        if (!now.isBefore(dueAt)) {
            return RED;
        }
        return warnAt != null && !now.isBefore(warnAt) ? YELLOW : GREEN;
    }

    /** The worse of two lights. */
    public TrafficLight worst(TrafficLight other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }

    /** As the citizen and the cadre read it. */
    public String label() {
        return label;
    }
}
