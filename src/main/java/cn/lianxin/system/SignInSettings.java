package cn.lianxin.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianxin.sign-in}: how failed sign-ins are slowed down (default mode only) and how
 * passwords are hashed.
 *
 * @param perUserAndAddress failures of one user id from one client address
 * @param perAddress failures of any user id from one client address (a shared office address
 *     needs room for its people's typing errors)
 * @param forgetAfter a counter without a new failure for this long starts again from zero
 * @param userAlertThreshold failures of one user id from all addresses within {@code forgetAfter}
 *     that are logged as a warning (never blocked, see docs/security.md)
 * @param bcryptStrength BCrypt's cost factor (log2 of the rounds) for new password hashes
 * @param verifiedCredentialsTtl how long a verified password is remembered, so HTTP Basic does
 *     not pay a BCrypt hash on every request
 */
@ConfigurationProperties("lianxin.sign-in")
record SignInSettings(
        @DefaultValue Limit perUserAndAddress,
        @DefaultValue Limit perAddress,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("50") int userAlertThreshold,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("5m") Duration verifiedCredentialsTtl) {

    /**
     * After {@code freeAttempts} failures each further failure waits {@code baseDelay}, doubled for
     * each failure since, at most {@code maxDelay}.
     */
    record Limit(
            @DefaultValue("5") int freeAttempts,
            @DefaultValue("1s") Duration baseDelay,
            @DefaultValue("15m") Duration maxDelay) {

        Limit {
            if (freeAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException(
                        "lianxin.sign-in: free-attempts must be at least 1 and max-delay not below base-delay");
            }
        }

        Duration delayAfter(int failures) {
            if (failures < freeAttempts) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeAttempts, 30);
            Duration delay = baseDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    SignInSettings {
        if (forgetAfter.compareTo(perUserAndAddress.maxDelay()) < 0
                || forgetAfter.compareTo(perAddress.maxDelay()) < 0) {
            throw new IllegalArgumentException("lianxin.sign-in.forget-after must not be shorter than a max-delay");
        }
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("lianxin.sign-in.bcrypt-strength must lie between 4 and 31");
        }
    }

    /** The defaults, for tests. */
    static SignInSettings defaults() {
        Limit perUser = new Limit(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
        Limit perAddress = new Limit(30, Duration.ofSeconds(1), Duration.ofMinutes(15));
        return new SignInSettings(perUser, perAddress, Duration.ofHours(1), 50, 10, Duration.ofMinutes(5));
    }
}
