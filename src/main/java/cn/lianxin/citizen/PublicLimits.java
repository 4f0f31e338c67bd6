package cn.lianxin.citizen;

import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.CounterKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limits on the platform's public routes (no sign-in): one token bucket per named limit and
 * key — the client's address, or the tracking/deliberation number an access code is tried
 * against. Each limit reads {@code lianxin.public-limits.<name>.capacity} (the burst) and
 * {@code .refill} (the time in which an empty bucket fills up again).
 *
 * <p>The buckets live in the database every node shares (table {@code public_limit}), so a client
 * spread over several nodes gets the same limit as on one. A bucket is one row holding the time it is
 * full again ({@code full_at}; the generic cell rate algorithm: each request moves it one
 * {@code refill / capacity} later, and a request is refused while it lies more than
 * {@code refill - refill / capacity} ahead), taken in one atomic upsert per check. The key is an
 * HMAC ({@link CounterKeys}), never the address itself. The statements run outside the caller's
 * transaction, so a request that fails afterwards still counts. The time is the nodes' wall clock:
 * they keep it by NTP, as Camunda's job executor needs anyway. A full bucket is the same as none:
 * such rows are deleted every ten minutes.
 *
 * <p>The client's address is {@code HttpServletRequest#getRemoteAddr()}, which honours
 * {@code X-Forwarded-For} only from the proxies configured in
 * {@code server.tomcat.remoteip.internal-proxies}.
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
    record Rate(int capacity, Duration refill) {

        /** The time one request takes to come back, in nanoseconds. */
        long interval() {
            return Math.max(1, refill.toNanos() / capacity);
        }

        /** How far ahead of now {@code full_at} may lie for one more request to be taken. */
        long tolerance() {
            return interval() * (capacity - 1L);
        }
    }

    /** Longer keys cannot be a client address or a case number (32 characters); they share a bucket. */
    private static final int KEY_LENGTH = 64;

    /**
     * How far ahead of now the bucket is full again: never less than nothing, and never more than the
     * refill time (a bucket emptied under a lower limit than the one configured now is just empty).
     */
    private static final String FROM_NOW = "least(greatest(%1$s.full_at - :now, 0), :refill)";

    /** PostgreSQL's upsert: the bucket's row is locked for the one statement, on whichever node. */
    private static final String TAKE_POSTGRES = "insert into public_limit (limit_name, key_digest, full_at, refused)"
            + " values (:limit, :key, :now + :interval, false) on conflict (limit_name, key_digest) do update set"
            + " refused = " + FROM_NOW.formatted("public_limit") + " > :tolerance,"
            + " full_at = :now + " + FROM_NOW.formatted("public_limit")
            + " + case when " + FROM_NOW.formatted("public_limit") + " > :tolerance then 0 else :interval end"
            + " returning refused, full_at";

    /** H2's (the zero-setup run's, one JVM) {@code MERGE}, read back through a data change delta table. */
    private static final String TAKE_H2 = "select refused, full_at from final table (merge into public_limit t"
            + " using (select cast(:limit as varchar(32)) limit_name, cast(:key as varchar(64)) key_digest) s"
            + " on (t.limit_name = s.limit_name and t.key_digest = s.key_digest)"
            + " when matched then update set refused = " + FROM_NOW.formatted("t") + " > :tolerance,"
            + " full_at = :now + " + FROM_NOW.formatted("t")
            + " + case when " + FROM_NOW.formatted("t") + " > :tolerance then 0 else :interval end"
            + " when not matched then insert (limit_name, key_digest, full_at, refused)"
            + " values (s.limit_name, s.key_digest, :now + :interval, false))";

    private static final String GIVE_BACK = "update public_limit set full_at = greatest(full_at - :interval, :now)"
            + " where limit_name = :limit and key_digest = :key";

    private record Taken(boolean refused, long fullAt) {}

    private final Map<Limit, Rate> rates;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate outsideCallersTransaction;
    private final CounterKeys keys;
    private final String take;
    private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

    @Autowired
    PublicLimits(
            Environment environment,
            MeterRegistry meters,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clocks,
            @Value("${lianxin.access-code.secret}") String secret) {
        this(
                rates(environment),
                clocks.getIfUnique(Clock::systemUTC),
                dataSource,
                transactions,
                new CounterKeys(secret),
                meters);
    }

    PublicLimits(Map<Limit, Rate> rates, Clock clock, DataSource dataSource) {
        this(
                rates,
                clock,
                dataSource,
                new DataSourceTransactionManager(dataSource),
                new CounterKeys("unit-tests-only-secret"),
                new SimpleMeterRegistry());
    }

    PublicLimits(
            Map<Limit, Rate> rates,
            Clock clock,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            CounterKeys keys,
            MeterRegistry meters) {
        this.rates = new EnumMap<>(rates);
        this.clock = clock;
        this.jdbc = JdbcClient.create(dataSource);
        this.outsideCallersTransaction = new TransactionTemplate(transactions);
        this.outsideCallersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.keys = keys;
        boolean postgres = Boolean.TRUE.equals(
                new JdbcTemplate(dataSource).execute((ConnectionCallback<Boolean>) PublicLimits::postgres));
        this.take = postgres ? TAKE_POSTGRES : TAKE_H2;
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
        }
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @throws ApiProblemException 429 with {@code Retry-After} when the bucket is empty
     */
    public void take(Limit limit, String key) {
        Rate rate = rates.get(limit);
        long now = nanos(clock.instant());
        Taken taken = outsideCallersTransaction.execute(unused -> jdbc.sql(take)
                .param("limit", limit.property())
                .param("key", digest(key))
                .param("now", now)
                .param("interval", rate.interval())
                .param("tolerance", rate.tolerance())
                .param("refill", rate.refill().toNanos())
                .query((rs, row) -> new Taken(rs.getBoolean(1), rs.getLong(2)))
                .single());
        if (taken.refused()) {
            refusals.get(limit).increment();
            long nanos = Math.min(taken.fullAt() - now, rate.refill().toNanos()) - rate.tolerance();
            long seconds = Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
            throw new PublicLimitExceeded(limit.problem, seconds);
        }
    }

    /** Returns a request taken by {@link #take}: it turned out not to count (a right access code). */
    public void giveBack(Limit limit, String key) {
        outsideCallersTransaction.executeWithoutResult(unused -> jdbc.sql(GIVE_BACK)
                .param("limit", limit.property())
                .param("key", digest(key))
                .param("now", nanos(clock.instant()))
                .param("interval", rates.get(limit).interval())
                .update());
    }

    /** Deletes the buckets that are full again: a missing row is a full bucket. */
    @Scheduled(fixedDelayString = "${lianxin.public-limits-cleanup-interval:PT10M}")
    int forgetFullBuckets() {
        return jdbc.sql("delete from public_limit where full_at <= :now")
                .param("now", nanos(clock.instant()))
                .update();
    }

    private String digest(String key) {
        String k = key == null ? "" : key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
        return keys.digest(k);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static boolean postgres(Connection connection) throws java.sql.SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
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
