package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.InMemoryDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SignInThrottleTests {

    private static final String ATTACKER = "203.0.113.66";
    private static final String OFFICE = "198.51.100.7";

    private final StoppedClock clock = new StoppedClock();
    private final DataSource database = InMemoryDatabase.withMigrations("V32__shared_sessions_and_limits.sql");
    private final SignInThrottle throttle = onThisDatabase();

    @Test
    void twoNodesOnOneDatabaseCountTogether() {
        // given: a second node's throttle on the same database
        SignInThrottle otherNode = onThisDatabase();

        // when: the failures are split across the two
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? throttle : otherNode).failed("admin", ATTACKER);
        }

        // then both make the sixth attempt wait, as one node would
        assertThat(throttle.waitBefore("admin", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(otherNode.waitBefore("admin", ATTACKER)).contains(Duration.ofSeconds(1));
    }

    @Test
    void theTableHoldsNoUserIdOrAddress() {
        // given
        throttle.failed("admin", ATTACKER);

        // then: three counters, each under a digest
        List<String> keys = JdbcClient.create(database)
                .sql("select key_digest from sign_in_failure")
                .query(String.class)
                .list();
        assertThat(keys).hasSize(3).allMatch(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void quietCountersAreDeletedAndTheOthersKept() {
        // given: one address failed an hour ago, another just now
        failTimes("admin", ATTACKER, 3);
        clock.advance(Duration.ofHours(1));
        throttle.failed("gw-v0101", OFFICE);

        // when
        int deleted = throttle.forgetQuietCounters();

        // then: the attacker's three counters are gone, the office's stay
        assertThat(deleted).isEqualTo(3);
        assertThat(JdbcClient.create(database)
                        .sql("select count(*) from sign_in_failure")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void theFirstFailuresCostNothing() {
        // given
        failTimes("admin", ATTACKER, 4);

        // when / then
        assertThat(throttle.waitBefore("admin", ATTACKER)).isEmpty();
    }

    @Test
    void theDelayGrowsWithEachFailureAndIsCapped() {
        // given / then: five free attempts, then 1 s, 2 s, 4 s …
        failTimes("admin", ATTACKER, 5);
        assertThat(throttle.waitBefore("admin", ATTACKER)).contains(Duration.ofSeconds(1));
        failAfterWaiting("admin", ATTACKER);
        assertThat(throttle.waitBefore("admin", ATTACKER)).contains(Duration.ofSeconds(2));
        failAfterWaiting("admin", ATTACKER);
        assertThat(throttle.waitBefore("admin", ATTACKER)).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 20; i++) {
            failAfterWaiting("admin", ATTACKER);
        }
        assertThat(throttle.waitBefore("admin", ATTACKER)).contains(Duration.ofMinutes(15));
    }

    @Test
    void theDelayRunsOutByItself() {
        // given
        failTimes("admin", ATTACKER, 7);
        Duration wait = throttle.waitBefore("admin", ATTACKER).orElseThrow();

        // when
        clock.advance(wait);

        // then
        assertThat(throttle.waitBefore("admin", ATTACKER)).isEmpty();
    }

    @Test
    void aQuietHourForgetsEveryFailure() {
        // given
        failTimes("admin", ATTACKER, 5);
        clock.advance(Duration.ofHours(1));

        // when: a single new failure after the quiet hour
        throttle.failed("admin", ATTACKER);

        // then it is the first of a new count, not the sixth
        assertThat(throttle.waitBefore("admin", ATTACKER)).isEmpty();
    }

    @Test
    void theOwnerFromAnotherAddressIsNotSlowedByAStranger() {
        // given
        failTimes("admin", ATTACKER, 12);

        // when / then
        assertThat(throttle.waitBefore("admin", ATTACKER)).isPresent();
        assertThat(throttle.waitBefore("admin", OFFICE)).isEmpty();
    }

    @Test
    void anAddressGuessingManyUserIdsIsSlowedForAllOfThem() {
        // given: never five failures for one user, thirty across users
        for (int i = 0; i < 30; i++) {
            throttle.failed("user-" + i, ATTACKER);
        }

        // when / then
        assertThat(throttle.waitBefore("someone-new", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("someone-new", OFFICE)).isEmpty();
    }

    @Test
    void userIdsDifferingOnlyInCaseShareACounter() {
        // given
        failTimes("Admin", ATTACKER, 3);
        failTimes("ADMIN", ATTACKER, 2);

        // when / then
        assertThat(throttle.waitBefore("admin", ATTACKER)).isPresent();
    }

    @Test
    void aRightPasswordForgivesThatAddressForThatUserOnly() {
        // given: a cadre mistypes four times, then gets it right
        failTimes("gw-v0101", OFFICE, 4);
        throttle.succeeded("gw-v0101", OFFICE);

        // when: one more slip
        throttle.failed("gw-v0101", OFFICE);

        // then no wait
        assertThat(throttle.waitBefore("gw-v0101", OFFICE)).isEmpty();
    }

    @Test
    void aRightPasswordWithoutEarlierFailuresWritesNothing() {
        // given: a cadre who never mistyped, and one who did
        failTimes("gw-v0102", OFFICE, 2);
        SignInThrottle.Before clean = throttle.before("gw-v0101", OFFICE);
        SignInThrottle.Before mistyped = throttle.before("gw-v0102", OFFICE);

        // then only the second has a counter to forgive
        assertThat(clean.failedBefore()).isFalse();
        assertThat(mistyped.failedBefore()).isTrue();
        throttle.succeeded("gw-v0102", OFFICE, mistyped);
        assertThat(throttle.before("gw-v0102", OFFICE).failedBefore()).isFalse();
    }

    @Test
    void anAttackersOwnAccountDoesNotResetTheAddressCounter() {
        // given: 30 failures from one address, then a success with the attacker's own password
        for (int i = 0; i < 30; i++) {
            throttle.failed("user-" + i, ATTACKER);
        }
        throttle.succeeded("own-account", ATTACKER);

        // when / then
        assertThat(throttle.waitBefore("admin", ATTACKER)).isPresent();
    }

    private SignInThrottle onThisDatabase() {
        return new SignInThrottle(
                SignInSettings.defaults(), clock, database, new CounterKeys("unit-tests-only-secret"));
    }

    private void failTimes(String userId, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(userId, address);
        }
    }

    private void failAfterWaiting(String userId, String address) {
        throttle.waitBefore(userId, address).ifPresent(clock::advance);
        throttle.failed(userId, address);
    }

    /** Time stands still unless the test moves it, so delays compare exactly. */
    private static final class StoppedClock extends Clock {

        private Instant now = Instant.parse("2026-11-24T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
