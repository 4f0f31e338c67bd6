package cn.lianxin.deliberation;

import cn.lianxin.workflow.EngineClock;
import java.time.Instant;

/**
 * The engine's time, read in one place of the package: process tests move the engine's clock, and
 * notices, opinions and logs must follow it. (The workflow module's clock replaces this when it lands.)
 */
final class EngineTime {

    private EngineTime() {}

    static Instant now() {
        return EngineClock.now();
    }
}
