package cn.lianxin.citizen;

import cn.lianxin.system.ApiProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The limits on the platform's public routes (no sign-in): one token bucket per named limit and
 * key — the client's address, or the tracking/deliberation number an access code is tried
 * against. Each limit reads {@code lianxin.public-limits.<name>.capacity} (the burst) and
 * {@code .refill} (the time in which an empty bucket fills up again).
 *
 * <p>The buckets live in this JVM's memory: with several nodes each node counts on its own, so a
 * client spread over {@code n} nodes gets up to {@code n} times the limit. The client's address is
 * {@code HttpServletRequest#getRemoteAddr()}, which honours {@code X-Forwarded-For} only from the
 * proxies configured in {@code server.tomcat.remoteip.internal-proxies}.
 */
@Component
public class PublicLimits {

    /** The named limits and the problem each answers with when it is exhausted. */
    public enum Limit {
        /** Every public route, per client address: a flood of any kind. */
        REQUESTS("requests", "too-many-visits"),
        /** New requests and topics, per client address. */
        INTAKE("intake", "too-many-requests"),
        /** Opinions and evaluations on the public board, per client address. */
        POSTS("posts", "too-many-posts"),
        /** Wrong access codes, per client address: many cases guessed from one address. */
        CODE_GUESSES_PER_ADDRESS("code-guesses-per-address", "too-many-code-attempts"),
        /** Wrong access codes, per case or topic number: one case guessed from many addresses. */
        CODE_GUESSES_PER_CASE("code-guesses-per-case", "too-many-code-attempts"),
        /** Requests for a one-time code to recover a lost access code, per client address (each may send an SMS). */
        RECOVERIES_PER_ADDRESS("recoveries-per-address", "too-many-recoveries"),
        /** Requests for a one-time code, per case number, from any address. */
        RECOVERIES_PER_CASE("recoveries-per-case", "too-many-recoveries");

        private final String property;
        private final String problem;

        Limit(String property, String problem) {
            this.property = property;
            this.problem = problem;
        }

        /** The name under {@code lianxin.public-limits}. */
        public String property() {
            return property;
        }
    }

    /** A limit's configuration: {@code capacity} requests at once, refilled within {@code refill}. */
    record Rate(int capacity, Duration refill) {}

    /** Longer keys cannot be a client address or a case number (32 characters); they share a bucket. */
    private static final int KEY_LENGTH = 64;

    private final Map<Limit, Rate> rates;
    private final Map<Limit, Cache<String, Bucket>> buckets = new EnumMap<>(Limit.class);
    private final TimeMeter time;
    private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

    @Autowired
    PublicLimits(Environment environment, MeterRegistry meters) {
        this(rates(environment), TimeMeter.SYSTEM_NANOTIME, meters);
    }

    PublicLimits(Map<Limit, Rate> rates, TimeMeter time) {
        this(rates, time, new SimpleMeterRegistry());
    }

    PublicLimits(Map<Limit, Rate> rates, TimeMeter time, MeterRegistry meters) {
        this.rates = new EnumMap<>(rates);
        this.time = time;
        for (Limit limit : Limit.values()) {
            Rate rate = this.rates.get(limit);
            if (rate == null
                    || rate.capacity() < 1
                    || rate.refill() == null
                    || rate.refill().isNegative()
                    || rate.refill().isZero()) {
                throw new IllegalStateException("lianxin.public-limits." + limit.property()
                        + " needs a capacity of at least 1 and a positive refill duration");
            }
            // lianxin_public_limit_refused_total{limit=…}: floods and guessing show as a rising rate
            refusals.put(
                    limit,
                    Counter.builder("lianxin.public.limit.refused")
                            .tag("limit", limit.property())
                            .description("公开入口因超出限额被拒绝的请求（429）")
                            .register(meters));
            // a bucket left alone for its refill time is full again: forgetting it then changes nothing
            buckets.put(
                    limit,
                    Caffeine.newBuilder()
                            .expireAfterAccess(rate.refill())
                            .maximumSize(100_000)
                            .build());
        }
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @throws ApiProblemException 429 with {@code Retry-After} when the bucket is empty
     */
    public void take(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refusals.get(limit).increment();
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new PublicLimitExceeded(limit.problem, seconds);
        }
    }

    /** Returns a request taken by {@link #take}: it turned out not to count (a right access code). */
    public void giveBack(Limit limit, String key) {
        Bucket bucket = bucket(limit, key);
        if (bucket.getAvailableTokens() < rates.get(limit).capacity()) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(Limit limit, String key) {
        String k = key == null ? "" : key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
        Rate rate = rates.get(limit);
        return buckets.get(limit).get(k, unused -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder()
                        .capacity(rate.capacity())
                        .refillGreedy(rate.capacity(), rate.refill())
                        .build())
                .build());
    }

    private static Map<Limit, Rate> rates(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            binder.bind("lianxin.public-limits." + limit.property(), Rate.class)
                    .ifBound(rate -> rates.put(limit, rate));
        }
        return rates;
    }
}
