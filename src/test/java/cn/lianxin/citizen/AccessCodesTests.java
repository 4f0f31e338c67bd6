package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.PublicLimits.Rate;
import cn.lianxin.testing.InMemoryDatabase;
import cn.lianxin.testing.MutableClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The access code's check does the same work whether or not the number exists (so its time tells
 * nothing), and wrong codes are limited per address and per number before anything is compared.
 */
class AccessCodesTests {

    /** BCrypt that counts its comparisons: the costly step whose presence must not depend on the case. */
    static final class CountingHashes implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int comparisons;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparisons++;
            return bcrypt.matches(raw, encoded);
        }
    }

    static final String NUMBER = "LX-20261124-000001";

    final CountingHashes hashes = new CountingHashes();

    @Test
    void anUnknownNumberAndAWrongCodeEachCostOneHashComparison() {
        // given
        AccessCodes codes = codes(100, 100);
        String hash = codes.hash(codes.codeFor(NUMBER));

        // when
        boolean unknown = codes.opens("LX-19990101-999999", codes.codeFor(NUMBER), null, "10.0.0.1");
        int afterUnknown = hashes.comparisons;
        boolean wrong = codes.opens(NUMBER, "WRONG234", hash, "10.0.0.1");

        // then
        assertThat(unknown).isFalse();
        assertThat(wrong).isFalse();
        assertThat(afterUnknown).isEqualTo(1);
        assertThat(hashes.comparisons).isEqualTo(2);
    }

    @Test
    void aMissingOrOverlongCodeCostsOneHashComparisonAndOpensNothing() {
        // given
        AccessCodes codes = codes(100, 100);
        String hash = codes.hash(codes.codeFor(NUMBER));

        // then
        assertThat(codes.opens(NUMBER, null, hash, "10.0.0.1")).isFalse();
        assertThat(codes.opens(NUMBER, "A".repeat(5000), hash, "10.0.0.1")).isFalse();
        assertThat(codes.opens(NUMBER, "  ", null, "10.0.0.1")).isFalse();
        assertThat(hashes.comparisons).isEqualTo(3);
    }

    @Test
    void theRightCodeOpensInAnyCaseAndDoesNotCountAsAGuess() {
        // given
        AccessCodes codes = codes(1, 1);
        String code = codes.codeFor(NUMBER);
        String hash = codes.hash(code);

        // then
        assertThat(codes.opens(NUMBER, code, hash, "10.0.0.1")).isTrue();
        assertThat(codes.opens(NUMBER, " " + code.toLowerCase() + " ", hash, "10.0.0.1"))
                .isTrue();
        assertThat(codes.opens(NUMBER, code, hash, "10.0.0.1")).isTrue();
    }

    @Test
    void oneCaseGuessedFromManyAddressesIsStoppedBeforeAnyComparison() {
        // given
        AccessCodes codes = codes(100, 3);
        String hash = codes.hash(codes.codeFor(NUMBER));
        for (int i = 1; i <= 3; i++) {
            assertThat(codes.opens(NUMBER, "WRONG23" + i, hash, "10.0.0." + i)).isFalse();
        }

        // when / then
        assertThatThrownBy(() -> codes.opens(NUMBER, codes.codeFor(NUMBER), hash, "10.0.0.9"))
                .isInstanceOfSatisfying(
                        PublicLimitExceeded.class, e -> assertThat(e.slug()).isEqualTo("too-many-code-attempts"));
        assertThat(hashes.comparisons).isEqualTo(3);
    }

    @Test
    void manyCasesGuessedFromOneAddressAreStoppedBeforeAnyComparison() {
        // given
        AccessCodes codes = codes(3, 100);
        for (int i = 1; i <= 3; i++) {
            assertThat(codes.opens("LX-20261124-00000" + i, "WRONG234", null, "10.0.0.1"))
                    .isFalse();
        }

        // when / then
        assertThatThrownBy(() -> codes.opens("LX-20261124-000009", "WRONG234", null, "10.0.0.1"))
                .isInstanceOf(PublicLimitExceeded.class);
        assertThat(hashes.comparisons).isEqualTo(3);
        // the refused try took nothing from that number: another address may still try it
        assertThat(codes.opens("LX-20261124-000009", "WRONG234", null, "10.0.0.2"))
                .isFalse();
    }

    @Test
    void aCodeIsStoredAsADigestKeyedWithTheServersSecret() {
        // given: the platform's own digests
        AccessCodes codes = new AccessCodes("unit-tests-only-secret", limits(100, 100));
        String code = codes.codeFor(NUMBER);

        // when
        String stored = codes.hash(code);

        // then: not the code, not an unkeyed hash of it; it opens with the code and the same secret only
        assertThat(stored).startsWith("{hmac}").doesNotContain(code);
        assertThat(stored).isEqualTo(codes.hash(code));
        assertThat(codes.opens(NUMBER, code, stored, "10.0.0.1")).isTrue();
        assertThat(codes.opens(NUMBER, "WRONG234", stored, "10.0.0.1")).isFalse();
        AccessCodes otherSecret = new AccessCodes("another-deployments-secret", limits(100, 100));
        assertThat(otherSecret.opens(NUMBER, code, stored, "10.0.0.1")).isFalse();
    }

    @Test
    void aCodeStoredAsABCryptHashByAnEarlierVersionStillOpensItsCase() {
        // given: a case registered before codes were stored as keyed digests
        AccessCodes codes = new AccessCodes("unit-tests-only-secret", limits(100, 100));
        String code = codes.codeFor(NUMBER);
        String storedEarlier = new BCryptPasswordEncoder(4).encode(code);

        // then
        assertThat(codes.opens(NUMBER, code, storedEarlier, "10.0.0.1")).isTrue();
        assertThat(codes.opens(NUMBER, "WRONG234", storedEarlier, "10.0.0.1")).isFalse();
    }

    private AccessCodes codes(int perAddress, int perCase) {
        return new AccessCodes("unit-tests-only-secret", hashes, limits(perAddress, perCase));
    }

    private static PublicLimits limits(int perAddress, int perCase) {
        Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            rates.put(limit, new Rate(100, Duration.ofMinutes(15)));
        }
        rates.put(Limit.CODE_GUESSES_PER_ADDRESS, new Rate(perAddress, Duration.ofMinutes(15)));
        rates.put(Limit.CODE_GUESSES_PER_CASE, new Rate(perCase, Duration.ofMinutes(15)));
        return new PublicLimits(
                rates, new MutableClock(), InMemoryDatabase.withMigrations("V32__shared_sessions_and_limits.sql"));
    }
}
