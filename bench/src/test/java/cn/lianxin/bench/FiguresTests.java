package cn.lianxin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.bench.Appeals.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.junit.jupiter.api.Test;

/** The driver's own arithmetic: percentiles, the mix of paths, the JSON a run writes, the CPU split. */
class FiguresTests {

    @Test
    void percentilesAreReadInMillisecondsFromMicroseconds() {
        // given 1 ms … 100 ms, once each
        ConcurrentHistogram micros = Latency.histogram();
        LongStream.rangeClosed(1, 100).forEach(ms -> micros.recordValue(ms * 1000));

        // when
        Latency latency = Latency.of(micros);

        // then
        assertThat(latency.count()).isEqualTo(100);
        assertThat(latency.p50()).isEqualTo(50.0);
        assertThat(latency.p95()).isEqualTo(95.0);
        assertThat(latency.p99()).isEqualTo(99.0);
        assertThat(latency.max()).isEqualTo(100.0);
    }

    @Test
    void anEmptyWindowHasNoLatency() {
        assertThat(Latency.of(Latency.histogram()).p99()).isZero();
    }

    @Test
    void everyHundredUnitsHoldTheMixExactly() {
        // when
        Map<Path, Integer> counted = new EnumMap<>(Path.class);
        for (long n = 1; n <= 100; n++) {
            counted.merge(Mix.of(n), 1, Integer::sum);
        }

        // then
        assertThat(counted).isEqualTo(Mix.PERCENT);
    }

    @Test
    void aMeasurementIsWrittenAsJsonWithItsFigures() throws Exception {
        // given
        Measurement m = new Measurement(
                "P1",
                "IMMEDIATE",
                4,
                30.0,
                300,
                0,
                0,
                10.0,
                new Latency(300, 380.5, 700.0, 900.25, 1000, 400),
                new java.util.LinkedHashMap<>(Map.of("commitsPerUnit", 25.0)),
                60.0,
                List.of(5.0, 9.5),
                List.of(400L, 10L),
                List.of());

        // when
        JsonNode json = Http.JSON.readTree(Http.JSON.writeValueAsString(m));

        // then
        assertThat(json.get("perSecond").asDouble()).isEqualTo(10.0);
        assertThat(json.at("/latency/p99").asDouble()).isEqualTo(900.25);
        assertThat(json.at("/measured/commitsPerUnit").asDouble()).isEqualTo(25.0);
        assertThat(json.get("warmUpJitCompilationsEvery5s").size()).isEqualTo(2);
    }

    @Test
    void theCpuSplitLeavesTheRestOfTheMachineAsOther() {
        // given
        Map<String, Double> before = Map.of("platform", 10.0, "postgres", 5.0, "machine", 100.0);
        Map<String, Double> after = new java.util.LinkedHashMap<>(Map.of("platform", 16.0, "postgres", 7.0, "machine", 112.0));

        // when
        Map<String, Double> split = Cpu.split(before, after);

        // then
        assertThat(split).containsEntry("platform", 6.0).containsEntry("postgres", 2.0).containsEntry("other", 4.0);
    }

    @Test
    void theCeilingIsPgbenchTpsOverCommitsPerUnit() {
        // given pgbench did 3,000 tps; the platform did 10 lifecycles/s at 25 commits each
        Measurement platform = new Measurement(
                "P1", "IMMEDIATE", 4, 30, 300, 0, 0, 10.0, new Latency(0, 0, 0, 0, 0, 0),
                Map.of("commitsPerUnit", 25.0), 0, List.of(), List.of(), List.of());
        Measurement bare = new Measurement(
                "B2", "IMMEDIATE shape", 4, 30, 600, 0, 0, 20.0, new Latency(0, 0, 0, 0, 0, 0),
                Map.of("commitsPerUnit", 10.0), 0, List.of(), List.of(), List.of());

        // when
        List<Map<String, Object>> derived = Report.derive(Map.of("pgbench", Map.of("tps", 3000.0)), List.of(bare, platform));

        // then
        assertThat(derived.get(1))
                .containsEntry("ceilingPerSecond", 120.0)
                .containsEntry("shareOfCeiling", 0.083)
                .containsEntry("ratioToBareEngine", 0.5);
    }
}
