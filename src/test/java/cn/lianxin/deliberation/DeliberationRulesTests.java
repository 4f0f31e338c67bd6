package cn.lianxin.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.deliberation.MeetingRules.Vote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configured rules of deliberation, with a village that asks for more. */
class DeliberationRulesTests {

    private final DeliberationRules rules =
            new DeliberationRules(5, 0.6667, 0.5, 2, Map.of("v0102", new DeliberationRules.UnitRules(7, 0.8, null)));

    @Test
    void aVillageMayNoticeLongerAndAskForALargerQuorum() {
        assertThat(rules.noticeDays("v0101")).isEqualTo(5);
        assertThat(rules.noticeDays("v0102")).isEqualTo(7);
        assertThat(rules.meetingRules("v0101").required(5)).isEqualTo(4);
        assertThat(rules.meetingRules("v0102").required(5)).isEqualTo(4);
        assertThat(rules.meetingRules("v0102").required(10)).isEqualTo(8);
        assertThat(rules.meetingRules("v0101").required(10)).isEqualTo(7);
    }

    @Test
    void theVillageKeepsTheDefaultPassRuleItDoesNotOverride() {
        Vote half = new Vote(List.of("rep1", "rep2", "rep3", "rep4"), 2, 2, 0);

        assertThat(rules.meetingRules("v0102").passed(half)).isFalse();
        assertThat(rules.meetingRules("v0102").passed(new Vote(List.of("rep1", "rep2", "rep3", "rep4"), 3, 1, 0)))
                .isTrue();
    }

    @Test
    void aShareOutOfRangeStopsTheStart() {
        assertThatThrownBy(() -> new DeliberationRules(
                        5, 0.6667, 0.5, 2, Map.of("v0101", new DeliberationRules.UnitRules(null, 1.5, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliberationRules(0, 0.6667, 0.5, 2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
