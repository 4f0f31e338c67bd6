package cn.lianxin.bench;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latency percentiles of one measured window, in milliseconds, from an HdrHistogram recorded in
 * microseconds (3 significant digits, up to 10 minutes).
 */
record Latency(long count, double p50, double p95, double p99, double max, double mean) {

    static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(600_000_000L, 3);
    }

    static Latency of(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0);
        }
        return new Latency(
                micros.getTotalCount(),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()),
                ms(micros.getMean()));
    }

    private static double ms(double micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
