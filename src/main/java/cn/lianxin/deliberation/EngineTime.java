package cn.lianxin.deliberation;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time, read in one place of the package: process tests move the engine's clock, and
 * notices, opinions and logs must follow it. (The workflow module's clock replaces this when it lands.)
 */
final class EngineTime {

    private EngineTime() {}

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
