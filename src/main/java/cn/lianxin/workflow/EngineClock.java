package cn.lianxin.workflow;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time the engine's timers and the platform's deadlines agree on. It is Camunda's clock, which
 * tests move to drive timers and deadlines explicitly; the platform reads it only here, so no other
 * module needs the engine's internal API.
 */
public final class EngineClock {

    private EngineClock() {}

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
