package cn.lianxin.bench;

import java.util.List;
import java.util.Map;

/**
 * One measured window of one scenario at one concurrency: units of work done (lifecycles, intakes),
 * errors, throughput per second, latency, and what the probe measured around the window (commits and
 * inserted rows per unit, CPU seconds per process group, JIT compilations).
 */
record Measurement(
        String scenario,
        String variant,
        int clients,
        double seconds,
        long units,
        long errors,
        long warmUpErrors,
        double perSecond,
        Latency latency,
        Map<String, Object> measured,
        double warmUpSeconds,
        List<Double> warmUpPerSecondEvery5s,
        List<Long> warmUpJitCompilationsEvery5s,
        List<String> errorSamples) {}
