package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.citizen.PublicLimits.Limit;
import cn.lianxin.citizen.PublicLimits.Rate;
import cn.lianxin.system.CounterKeys;
import cn.lianxin.testing.InMemoryDatabase;
import cn.lianxin.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class PublicLimitsTests {

    /** The bucket table of V32 in a database of the test's own; time the test moves on purpose. */
    final DataSource database = InMemoryDatabase.withMigrations("V32__shared_sessions_and_limits.sql");

    final MutableClock time = new MutableClock();

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
        PublicLimits limits = new PublicLimits(
                rates(1, Duration.ofMinutes(1)),
                time,
                database,
                new DataSourceTransactionManager(database),
                new CounterKeys("unit-tests-only-secret"),
                meters);
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
    void twoNodesOnOneDatabaseShareTheBucket() {
        // given: a second node's limits on the same database
        PublicLimits limits = limits(4, Duration.ofHours(1));
        PublicLimits otherNode = limits(4, Duration.ofHours(1));

        // when: a flood split across the two
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? limits : otherNode).take(Limit.INTAKE, "10.0.0.1");
        }

        // then the fifth is refused on either, as on one node
        assertThatThrownBy(() -> limits.take(Limit.INTAKE, "10.0.0.1")).isInstanceOf(PublicLimitExceeded.class);
        assertThatThrownBy(() -> otherNode.take(Limit.INTAKE, "10.0.0.1")).isInstanceOf(PublicLimitExceeded.class);
    }

    @Test
    void theTableHoldsNoAddressAndForgetsFullBuckets() {
        // given: one address emptied its bucket a while ago, another takes one just now
        PublicLimits limits = limits(2, Duration.ofMinutes(10));
        limits.take(Limit.INTAKE, "10.0.0.1");
        limits.take(Limit.INTAKE, "10.0.0.1");
        time.advance(Duration.ofMinutes(11));
        limits.take(Limit.INTAKE, "10.0.0.2");

        // when
        int deleted = limits.forgetFullBuckets();

        // then the full one is gone, the other kept under a digest, never the address
        assertThat(deleted).isEqualTo(1);
        assertThat(JdbcClient.create(database)
                        .sql("select key_digest from public_limit")
                        .query(String.class)
                        .list())
                .singleElement()
                .matches(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void aBucketEmptiedUnderAnOldLimitIsNoEmptierThanTheNewLimitAllows() {
        // given: an address emptied its bucket of one per hour
        limits(1, Duration.ofHours(1)).take(Limit.INTAKE, "10.0.0.1");

        // when: the nodes restart with 100 a minute (one back every 0.6 s): the bucket is just empty
        PublicLimits raised = limits(100, Duration.ofMinutes(1));
        assertThatThrownBy(() -> raised.take(Limit.INTAKE, "10.0.0.1"))
                .isInstanceOfSatisfying(PublicLimitExceeded.class, e -> assertThat(e.retryAfterSeconds())
                        .isEqualTo(1));
        time.advance(Duration.ofSeconds(1));

        // then the address is served again a second later, not an hour later
        assertThatNoException().isThrownBy(() -> raised.take(Limit.INTAKE, "10.0.0.1"));
    }

    @Test
    void aLimitWithoutConfigurationStopsTheStart() {
        // given
        Map<Limit, Rate> rates = rates(1, Duration.ofMinutes(1));
        rates.remove(Limit.POSTS);

        // then
        assertThatThrownBy(() -> new PublicLimits(rates, time, database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianxin.public-limits.posts");
    }

    private PublicLimits limits(int capacity, Duration refill) {
        return new PublicLimits(rates(capacity, refill), time, database);
    }

    private static Map<Limit, Rate> rates(int capacity, Duration refill) {
        Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            rates.put(limit, new Rate(capacity, refill));
        }
        return rates;
    }
}
