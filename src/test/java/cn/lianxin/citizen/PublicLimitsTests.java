package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.PublicLimits.Rate;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PublicLimitsTests {

    /** Time the test moves on purpose. */
    static final class ManualTime implements TimeMeter {
        long nanos;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    final ManualTime time = new ManualTime();

    @Test
    void oneAddressGetsItsBurstAndNoMoreWhileOthersAreUnaffected() {
        // given
        PublicLimits limits = limits(2, Duration.ofMinutes(1));

        // when
        limits.take(Limit.INTAKE, "10.0.0.1");
        limits.take(Limit.INTAKE, "10.0.0.1");

        // then
        assertThatThrownBy(() -> limits.take(Limit.INTAKE, "10.0.0.1"))
                .isInstanceOfSatisfying(PublicLimitExceeded.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.slug()).isEqualTo("too-many-requests");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 31L);
                });
        assertThatNoException().isThrownBy(() -> limits.take(Limit.INTAKE, "10.0.0.2"));
    }

    @Test
    void everyRefusalIsCountedForTheOperatorByLimit() {
        // given
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PublicLimits limits = new PublicLimits(rates(1, Duration.ofMinutes(1)), time, meters);
        limits.take(Limit.INTAKE, "10.0.0.1");

        // when
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limits.take(Limit.INTAKE, "10.0.0.1")).isInstanceOf(PublicLimitExceeded.class);
        }

        // then
        assertThat(meters.get("lianxin.public.limit.refused")
                        .tag("limit", "intake")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(meters.get("lianxin.public.limit.refused")
                        .tag("limit", "posts")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void eachLimitCountsOnItsOwn() {
        // given
        PublicLimits limits = limits(1, Duration.ofMinutes(1));
        limits.take(Limit.INTAKE, "10.0.0.1");

        // then
        assertThatNoException().isThrownBy(() -> limits.take(Limit.REQUESTS, "10.0.0.1"));
        assertThatNoException().isThrownBy(() -> limits.take(Limit.CODE_GUESSES_PER_CASE, "LX-1"));
    }

    @Test
    void anEmptyBucketFillsUpAgainWithinItsRefillTime() {
        // given
        PublicLimits limits = limits(2, Duration.ofMinutes(10));
        limits.take(Limit.CODE_GUESSES_PER_CASE, "LX-20261124-000001");
        limits.take(Limit.CODE_GUESSES_PER_CASE, "LX-20261124-000001");

        // when
        time.advance(Duration.ofMinutes(5));

        // then one request is back, not two
        assertThatNoException().isThrownBy(() -> limits.take(Limit.CODE_GUESSES_PER_CASE, "LX-20261124-000001"));
        assertThatThrownBy(() -> limits.take(Limit.CODE_GUESSES_PER_CASE, "LX-20261124-000001"))
                .isInstanceOfSatisfying(PublicLimitExceeded.class, e -> assertThat(e.retryAfterSeconds())
                        .isBetween(299L, 301L));
    }

    @Test
    void aRequestGivenBackCanBeTakenAgainButNeverBeyondTheCapacity() {
        // given
        PublicLimits limits = limits(1, Duration.ofHours(1));
        limits.take(Limit.CODE_GUESSES_PER_ADDRESS, "10.0.0.1");

        // when
        limits.giveBack(Limit.CODE_GUESSES_PER_ADDRESS, "10.0.0.1");
        limits.giveBack(Limit.CODE_GUESSES_PER_ADDRESS, "10.0.0.1");

        // then
        limits.take(Limit.CODE_GUESSES_PER_ADDRESS, "10.0.0.1");
        assertThatThrownBy(() -> limits.take(Limit.CODE_GUESSES_PER_ADDRESS, "10.0.0.1"))
                .isInstanceOf(PublicLimitExceeded.class);
    }

    @Test
    void overLongKeysShareOneBucket() {
        // given
        PublicLimits limits = limits(1, Duration.ofHours(1));
        String prefix = "X".repeat(64);
        limits.take(Limit.CODE_GUESSES_PER_CASE, prefix + "A");

        // then
        assertThatThrownBy(() -> limits.take(Limit.CODE_GUESSES_PER_CASE, prefix + "B"))
                .isInstanceOf(PublicLimitExceeded.class);
    }

    @Test
    void aLimitWithoutConfigurationStopsTheStart() {
        // given
        Map<Limit, Rate> rates = rates(1, Duration.ofMinutes(1));
        rates.remove(Limit.POSTS);

        // then
        assertThatThrownBy(() -> new PublicLimits(rates, time))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianxin.public-limits.posts");
    }

    private PublicLimits limits(int capacity, Duration refill) {
        return new PublicLimits(rates(capacity, refill), time);
    }

    private static Map<Limit, Rate> rates(int capacity, Duration refill) {
        Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            rates.put(limit, new Rate(capacity, refill));
        }
        return rates;
    }
}
