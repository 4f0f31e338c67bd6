package cn.lianxin.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestFingerprintTests {

    record Proposal(String title, String phone) {}

    record Other(String title, String phone) {}

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(RequestFingerprint.of(new Proposal("路灯", "13800000001")))
                .isEqualTo(RequestFingerprint.of(new Proposal("路灯", "13800000001")))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anyDifferentValueChangesIt() {
        String first = RequestFingerprint.of(new Proposal("路灯", "13800000001"));

        assertThat(RequestFingerprint.of(new Proposal("路灯 ", "13800000001"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of(new Proposal("路灯", "13800000002"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of(new Proposal("路灯", null))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of(new Other("路灯", "13800000001"))).isNotEqualTo(first);
    }

    @Test
    void valuesCannotBeShiftedFromOneFieldToTheNext() {
        assertThat(RequestFingerprint.of(new Proposal("ab", "c")))
                .isNotEqualTo(RequestFingerprint.of(new Proposal("a", "bc")));
        assertThat(RequestFingerprint.of(new Proposal(null, "")))
                .isNotEqualTo(RequestFingerprint.of(new Proposal("", null)));
    }
}
