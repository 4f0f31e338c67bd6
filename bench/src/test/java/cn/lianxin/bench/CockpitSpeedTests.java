package cn.lianxin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P4's own arithmetic: the sizes asked for, the periods requested, the naive figures as the cockpit shows them. */
class CockpitSpeedTests {

    @Test
    void casesAreAscendingSizes() {
        assertThat(Bench.cases("100000,1_000_000")).containsExactly(100_000L, 1_000_000L);
        assertThat(Bench.cases("5000")).containsExactly(5_000L);
        assertThatThrownBy(() -> Bench.cases("1000000,100000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bench.cases("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsCoverLastMonthAndTheLongestPeriodTheCockpitTakes() {
        // given
        LocalDate today = LocalDate.of(2026, 3, 1);

        // when
        List<CockpitSpeed.Request> requests = CockpitSpeed.requests(today);

        // then: last month is February of a non-leap year; 12 months are 366 days, the cockpit's most
        CockpitSpeed.Request month = requests.get(0);
        assertThat(month.path()).isEqualTo("/api/cockpit/figures?unit=c01&from=2026-02-01&to=2026-02-28");
        assertThat(month.villages()).isNull();
        CockpitSpeed.Request year = requests.get(1);
        assertThat(year.from()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2026, 3, 2).atStartOfDay(CockpitSpeed.BEIJING).toInstant());
        assertThat(requests.get(2).villages()).containsExactly("v0101", "v0102");
        assertThat(requests).filteredOn(CockpitSpeed.Request::ranking).hasSize(3);
        assertThat(requests.get(4).path()).endsWith("&by=onTimeRate");
    }

    @Test
    void naiveFiguresAreShownAsTheCockpitRoundsThem() {
        // given 3 received, 2 closed, 1 of them on time, 3 evaluations of which 2 satisfied, 1 red now
        NaiveFigures.Figures figures = new NaiveFigures.Figures(3, 2, 1, 3, 2, 1);

        // then
        assertThat(figures.shown())
                .containsEntry("intake", 3L)
                .containsEntry("closedRate", 0.6667)
                .containsEntry("onTimeRate", 0.5)
                .containsEntry("satisfactionRate", 0.6667)
                .containsEntry("red", 1L);
        assertThat(NaiveFigures.NONE.shown()).containsEntry("onTimeRate", null);
    }

    @Test
    void naiveFiguresOfVillagesAddUp() {
        NaiveFigures.Figures a = new NaiveFigures.Figures(1, 1, 1, 1, 1, 0);
        NaiveFigures.Figures b = new NaiveFigures.Figures(2, 1, 0, 0, 0, 3);
        assertThat(a.plus(b)).isEqualTo(new NaiveFigures.Figures(3, 2, 1, 1, 1, 3));
    }
}
