package cn.lianxin.system;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Readings of the database for the operator's metrics ({@code /actuator/prometheus}): one statement
 * answers several gauges, so a reading is kept for {@code lianxin.metrics.max-age} (5 s by default) and
 * a scrape costs one statement per reading, not one per gauge. A reading that fails (the database is
 * down) makes its gauges NaN for that scrape; readiness says why.
 */
@Component
public class MetricReadings {

    private final Duration maxAge;

    MetricReadings(@Value("${lianxin.metrics.max-age:5s}") Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** The reading, taken again when the kept one is older than the maximum age. */
    public <T> Supplier<T> kept(Supplier<T> read) {
        LoadingCache<Boolean, T> cache =
                Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(1).build(unused -> read.get());
        return () -> cache.get(Boolean.TRUE);
    }
}
