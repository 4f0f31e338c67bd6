package cn.lianxin.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.deliberation.MeetingRules.Vote;
import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 民意主断 with the five representatives of 东风社区 (rep1 … rep5). */
class MeetingRulesTests {

    private static final Set<String> REPRESENTATIVES = Set.of("rep1", "rep2", "rep3", "rep4", "rep5");

    private final MeetingRules rules = MeetingRules.DEFAULT;

    @Test
    void fourOfFiveArePresentAndThreeInFavourPassTheTopic() {
        Vote vote = new Vote(List.of("rep1", "rep2", "rep3", "rep4"), 3, 1, 0);

        assertThat(rules.problems(REPRESENTATIVES, vote)).isEmpty();
        assertThat(rules.passed(vote)).isTrue();
    }

    @Test
    void halfInFavourIsNoMajority() {
        Vote vote = new Vote(List.of("rep1", "rep2", "rep3", "rep4"), 2, 1, 1);

        assertThat(rules.problems(REPRESENTATIVES, vote)).isEmpty();
        assertThat(rules.passed(vote)).isFalse();
    }

    @Test
    void threeOfFiveAreBelowTwoThirdsAndMayNotVote() {
        assertThat(rules.problems(REPRESENTATIVES, new Vote(List.of("rep1", "rep2", "rep3"), 3, 0, 0)))
                .extracting(FieldError::field, FieldError::message)
                .singleElement()
                .satisfies(problem -> assertThat(problem.toList())
                        .containsExactly("attendees", "到会代表 3 人，未达到法定人数（本单位代表 5 人，至少 4 人到会），不能表决；流会时票数请填 0"));
        assertThat(rules.quorate(5, 4)).isTrue();
        assertThat(rules.quorate(6, 4)).isTrue();
        assertThat(rules.quorate(6, 3)).isFalse();
    }

    @Test
    void anInquorateMeetingWithoutAVoteIsRecorded() {
        Vote adjourned = new Vote(List.of("rep1", "rep2"), 0, 0, 0);

        assertThat(rules.problems(REPRESENTATIVES, adjourned)).isEmpty();
        assertThat(rules.quorate(REPRESENTATIVES.size(), 2)).isFalse();
    }

    @Test
    void aConfiguredShareOfTwoThirdsMeansTwoThirds() {
        MeetingRules configured = new MeetingRules(0.6667, 0.5);

        assertThat(configured.required(6)).isEqualTo(4);
        assertThat(configured.required(5)).isEqualTo(4);
        assertThat(configured.required(3)).isEqualTo(2);
        assertThat(MeetingRules.DEFAULT.required(6)).isEqualTo(4);
    }

    @Test
    void theTallyMustFitTheAttendance() {
        assertThat(rules.problems(REPRESENTATIVES, new Vote(List.of("rep1", "rep2", "rep3", "rep4"), 4, 1, 0)))
                .extracting(FieldError::message)
                .singleElement()
                .asString()
                .contains("合计 5 票", "4 人");
    }

    @Test
    void onlyTheUnitsRepresentativesSignInAndOnlyOnce() {
        assertThat(rules.problems(REPRESENTATIVES, new Vote(List.of("rep1", "rep1", "gw-v0101", "rep2"), 3, 0, 0)))
                .extracting(FieldError::message)
                .contains("签到名单有重复", "gw-v0101 不是本单位的议事代表");
    }

    @Test
    void aUnitMayRequireMore() {
        MeetingRules strict = new MeetingRules(0.8, 2.0 / 3);

        assertThat(strict.quorate(5, 4)).isTrue();
        assertThat(strict.quorate(5, 3)).isFalse();
        assertThat(strict.passed(new Vote(List.of("rep1", "rep2", "rep3"), 2, 1, 0)))
                .isFalse();
        assertThatThrownBy(() -> new MeetingRules(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
