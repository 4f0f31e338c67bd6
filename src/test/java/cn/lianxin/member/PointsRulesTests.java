package cn.lianxin.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.citizen.Satisfaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointsRulesTests {

    private final PointsRules defaults = new PointsRules(null, null, null);

    @Test
    void theDefaultsGiveTwoPointsAnHourAndTwoOneNothingForTheEvaluation() {
        assertThat(defaults.perHour()).isEqualTo(2);
        assertThat(defaults.forEvaluation(Satisfaction.SATISFIED)).isEqualTo(2);
        assertThat(defaults.forEvaluation(Satisfaction.BASICALLY_SATISFIED)).isEqualTo(1);
        assertThat(defaults.forEvaluation(Satisfaction.UNSATISFIED)).isZero();
        assertThat(defaults.stars()).containsExactly(10, 30, 60, 100, 150);
    }

    @Test
    void timeServedCountsByTheMinuteAndAHalfPointRoundsUp() {
        assertThat(defaults.forMinutes(0)).isZero();
        assertThat(defaults.forMinutes(14)).isZero(); // 0.47
        assertThat(defaults.forMinutes(15)).isEqualTo(1); // 0.5
        assertThat(defaults.forMinutes(60)).isEqualTo(2);
        assertThat(defaults.forMinutes(90)).isEqualTo(3);
        assertThat(defaults.forMinutes(100)).isEqualTo(3); // 3.33
        assertThat(new PointsRules(3, null, null).forMinutes(50)).isEqualTo(3); // 2.5
    }

    @Test
    void noEvaluationEarnsNothingForIt() {
        assertThat(defaults.forEvaluation(null)).isZero();
    }

    @Test
    void aSatisfactionTheRulesDoNotNameEarnsNothing() {
        PointsRules rules = new PointsRules(1, Map.of(Satisfaction.SATISFIED, 5), null);

        assertThat(rules.forEvaluation(Satisfaction.SATISFIED)).isEqualTo(5);
        assertThat(rules.forEvaluation(Satisfaction.BASICALLY_SATISFIED)).isZero();
    }

    @Test
    void starsCountFromTheirThresholdOn() {
        assertThat(defaults.starOf(0)).isZero();
        assertThat(defaults.starOf(9)).isZero();
        assertThat(defaults.starOf(10)).isEqualTo(1);
        assertThat(defaults.starOf(29)).isEqualTo(1);
        assertThat(defaults.starOf(30)).isEqualTo(2);
        assertThat(defaults.starOf(149)).isEqualTo(4);
        assertThat(defaults.starOf(150)).isEqualTo(5);
        assertThat(defaults.starOf(10_000)).isEqualTo(5);
        assertThat(PointsRules.starLabel(0)).isEqualTo("未评星");
        assertThat(PointsRules.starLabel(3)).isEqualTo("三星");
    }

    @Test
    void fewerLevelsMayBeConfigured() {
        PointsRules three = new PointsRules(2, null, List.of(5, 20, 50));

        assertThat(three.starOf(1000)).isEqualTo(3);
        assertThat(three.starOf(19)).isEqualTo(1);
    }

    @Test
    void thresholdsMustRiseAndBeAtMostFive() {
        assertThatThrownBy(() -> new PointsRules(2, null, List.of(10, 10, 30)))
                .hasMessageContaining("lianxin.points.stars");
        assertThatThrownBy(() -> new PointsRules(2, null, List.of(1, 2, 3, 4, 5, 6)))
                .hasMessageContaining("最多五级");
        assertThatThrownBy(() -> new PointsRules(-1, null, null)).hasMessageContaining("per-hour");
    }
}
