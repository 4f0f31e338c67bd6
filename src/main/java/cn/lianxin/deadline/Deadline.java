package cn.lianxin.deadline;

import java.time.Instant;

/**
 * The time allowed for one step: from {@code start}, yellow from {@code warnAt}, overdue from
 * {@code dueAt}.
 */
public record Deadline(Instant start, Instant warnAt, Instant dueAt) {

    public TrafficLight lightAt(Instant now) {
        return TrafficLight.at(now, warnAt, dueAt);
    }
}
