package cn.lianxin.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing without letting anyone lock an account: failed sign-ins are counted
 * per (user id, client address) and per client address; past a few free attempts the next try must
 * wait a delay that doubles with each failure, and a counter that sees no failure for
 * {@code forget-after} starts from zero again. Nothing is ever blocked for a user id alone, so a
 * stranger's failures slow the stranger's own address, not the account's owner elsewhere.
 *
 * <p>The counters live in this JVM (each node of a cluster counts on its own).
 */
final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    /** Failures so far and the time of the last one. */
    private record Failures(int count, Instant last) {}

    private final SignInSettings settings;
    private final Clock clock;
    // bounded so that a flood of made-up user ids or addresses cannot exhaust memory
    private final Cache<String, Failures> failures =
            Caffeine.newBuilder().maximumSize(200_000).build();

    SignInThrottle(SignInSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * How long the caller must still wait before a password of {@code userId} from {@code address}
     * is checked at all; empty when it may be checked now.
     */
    Optional<Duration> waitBefore(String userId, String address) {
        Instant now = clock.instant();
        Duration wait = longer(
                remaining(userAndAddress(userId, address), settings.perUserAndAddress(), now),
                remaining(address(address), settings.perAddress(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
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
    void succeeded(String userId, String address) {
        failures.invalidate(userAndAddress(userId, address));
    }

    private int count(String key, Instant now) {
        return failures.asMap()
                .compute(
                        key,
                        (k, before) ->
                                new Failures(before == null || forgotten(before, now) ? 1 : before.count() + 1, now))
                .count();
    }

    private Duration remaining(String key, SignInSettings.Limit limit, Instant now) {
        Failures seen = failures.getIfPresent(key);
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

    // user ids are case-folded so that "Admin" and "admin" share a counter
    private static String userAndAddress(String userId, String address) {
        return "u+a\u0000" + userId.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }

    private static String address(String address) {
        return "a\u0000" + address;
    }

    private static String user(String userId) {
        return "u\u0000" + userId.toLowerCase(Locale.ROOT);
    }
}
