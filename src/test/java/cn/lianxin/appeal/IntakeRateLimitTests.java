package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntakeRateLimitTests {

    @Test
    void oneAddressGetsItsBurstAndNoMoreWhileOthersAreUnaffected() {
        IntakeRateLimit limit = new IntakeRateLimit(2);

        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
    }
}
