package cn.lianxin.bench.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The light timers of the baseline model, shaped like the platform's ({@code deadlines.lightCycle}):
 * one cycle {@code R1/<yellow at>/<until red>} per user task, yellow after two thirds of the step's
 * time, red when it is due. The baseline counts a calendar day per step (the platform counts working
 * days); the timers never fall due during a benchmark either way.
 */
@Component("lights")
public class Lights {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration STEP = Duration.ofHours(24);
    private static final double WARNING_SHARE = 0.6667;

    /** The task's due date. */
    public Date dueAt() {
        return Date.from(Instant.now().plus(STEP));
    }

    /** When the task turns yellow (its follow-up date). */
    public Date warnAt() {
        return Date.from(Instant.now().plus(warning()));
    }

    /** The boundary timer's cycle: once at yellow, then once more at red. */
    public String cycle() {
        Instant now = Instant.now();
        Instant warn = now.plus(warning());
        return "R1/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(warn.atZone(ZONE)) + "/"
                + Duration.between(warn, now.plus(STEP));
    }

    private static Duration warning() {
        return Duration.ofSeconds((long) (STEP.toSeconds() * WARNING_SHARE));
    }
}
