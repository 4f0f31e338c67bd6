package cn.lianxin.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Slows down password guessing without letting anyone lock an account: failed sign-ins are counted
 * per (user id, client address) and per client address; past a few free attempts the next try must
 * wait a delay that doubles with each failure, and a counter that sees no failure for
 * {@code forget-after} starts from zero again. Nothing is ever blocked for a user id alone, so a
 * stranger's failures slow the stranger's own address, not the account's owner elsewhere.
 *
 * <p>The counters live in the database every node shares (table {@code sign_in_failure}), so failures
 * spread over several nodes count as on one: a check is one query, a failure one atomic upsert per
 * counter. They are keyed by an HMAC of the user id and address ({@link CounterKeys}), never the
 * user id or address itself. Counters quiet for {@code forget-after} are deleted every ten minutes.
 */
final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    /** PostgreSQL's upsert: the counter's row is locked for the one statement, on whichever node. */
    private static final String COUNT_POSTGRES = "insert into sign_in_failure (key_digest, failures, last_failed_at)"
            + " values (:key, 1, :now) on conflict (key_digest) do update set"
            + " failures = case when sign_in_failure.last_failed_at <= :forgotten then 1"
            + " else sign_in_failure.failures + 1 end, last_failed_at = :now returning failures";

    /** H2's (the zero-setup run's, one JVM) {@code MERGE}, read back through a data change delta table. */
    private static final String COUNT_H2 = "select failures from final table (merge into sign_in_failure t"
            + " using (select cast(:key as varchar(64)) key_digest) s on (t.key_digest = s.key_digest)"
            + " when matched then update set failures = case when t.last_failed_at <= :forgotten then 1"
            + " else t.failures + 1 end, last_failed_at = :now"
            + " when not matched then insert (key_digest, failures, last_failed_at) values (s.key_digest, 1, :now))";

    /** Failures so far and the time of the last one. */
    private record Failures(int count, Instant last) {}

    private final SignInSettings settings;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final CounterKeys keys;
    private final String count;

    SignInThrottle(SignInSettings settings, Clock clock, DataSource dataSource, CounterKeys keys) {
        this.settings = settings;
        this.clock = clock;
        this.jdbc = JdbcClient.create(dataSource);
        this.keys = keys;
        boolean postgres = Boolean.TRUE.equals(
                new JdbcTemplate(dataSource).execute((ConnectionCallback<Boolean>) SignInThrottle::postgres));
        this.count = postgres ? COUNT_POSTGRES : COUNT_H2;
    }

    /**
     * What the counters say before a password is checked: how long the caller must still wait (empty
     * when it may be checked now), and whether this user failed from this address before (only then is
     * there a counter for a right password to forgive).
     */
    record Before(Optional<Duration> delay, boolean failedBefore) {}

    /**
     * How long the caller must still wait before a password of {@code userId} from {@code address}
     * is checked at all; empty when it may be checked now.
     */
    Optional<Duration> waitBefore(String userId, String address) {
        return before(userId, address).delay();
    }

    /** The counters of this user and address, read in one query. */
    Before before(String userId, String address) {
        Instant now = clock.instant();
        String ofUserAndAddress = userAndAddress(userId, address);
        String ofAddress = address(address);
        Map<String, Failures> seen = new HashMap<>();
        jdbc.sql("select key_digest, failures, last_failed_at from sign_in_failure where key_digest in (:keys)")
                .param("keys", List.of(ofUserAndAddress, ofAddress))
                .query(rs -> {
                    seen.put(
                            rs.getString(1),
                            new Failures(
                                    rs.getInt(2),
                                    rs.getObject(3, OffsetDateTime.class).toInstant()));
                });
        Duration wait = longer(
                remaining(seen.get(ofUserAndAddress), settings.perUserAndAddress(), now),
                remaining(seen.get(ofAddress), settings.perAddress(), now));
        return new Before(wait.isZero() ? Optional.empty() : Optional.of(wait), seen.containsKey(ofUserAndAddress));
    }

    /** A password was checked and was wrong (or the account does not exist or is locked). */
    void failed(String userId, String address) {
        Instant now = clock.instant();
        count(userAndAddress(userId, address), now);
        count(address(address), now);
        int ofUser = count(user(userId), now);
        if (ofUser == settings.userAlertThreshold()) {
            LOG.warn(
                    "{} failed sign-ins for one user id within {} from all addresses; last from {}",
                    ofUser,
                    settings.forgetAfter(),
                    address);
        }
    }

    /**
     * A password was checked and was right: this address's failures for this user are forgiven.
     * The address's own counter stays, or an attacker could reset it with an account of their own.
     */
    void succeeded(String userId, String address, Before before) {
        // the common case, a signed-in caller's every request: no counter, nothing to write
        if (before.failedBefore()) {
            succeeded(userId, address);
        }
    }

    /** As {@link #succeeded(String, String, Before)}, without knowing whether there was a counter. */
    void succeeded(String userId, String address) {
        jdbc.sql("delete from sign_in_failure where key_digest = :key")
                .param("key", userAndAddress(userId, address))
                .update();
    }

    /** Deletes the counters that saw no failure for {@code forget-after}: they start from zero anyway. */
    @Scheduled(fixedDelayString = "${lianxin.sign-in.cleanup-interval:PT10M}")
    int forgetQuietCounters() {
        return jdbc.sql("delete from sign_in_failure where last_failed_at <= :forgotten")
                .param("forgotten", utc(clock.instant().minus(settings.forgetAfter())))
                .update();
    }

    private int count(String key, Instant now) {
        return jdbc.sql(count)
                .param("key", key)
                .param("now", utc(now))
                .param("forgotten", utc(now.minus(settings.forgetAfter())))
                .query(Integer.class)
                .single();
    }

    private Duration remaining(Failures seen, SignInSettings.Limit limit, Instant now) {
        if (seen == null || forgotten(seen, now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, seen.last().plus(limit.delayAfter(seen.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean forgotten(Failures seen, Instant now) {
        return !seen.last().plus(settings.forgetAfter()).isAfter(now);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // user ids are case-folded so that "Admin" and "admin" share a counter
    private String userAndAddress(String userId, String address) {
        return keys.digest("u+a\u0000" + userId.toLowerCase(Locale.ROOT) + "\u0000" + address);
    }

    private String address(String address) {
        return keys.digest("a\u0000" + address);
    }

    private String user(String userId) {
        return keys.digest("u\u0000" + userId.toLowerCase(Locale.ROOT));
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
