package cn.lianxin.appeal;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.system.MetricReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code lianxin_cases_open{light="GREEN|YELLOW|RED"}}: the open cases of the county by their light now,
 * from the cockpit's facts (one index-only count per reading).
 */
@Component
class CaseMetrics implements MeterBinder {

    private final Supplier<Map<TrafficLight, Long>> reading;

    CaseMetrics(JdbcClient jdbc, MetricReadings readings) {
        this.reading = readings.kept(() -> read(jdbc));
    }

    private static Map<TrafficLight, Long> read(JdbcClient jdbc) {
        Map<TrafficLight, Long> open = new EnumMap<>(TrafficLight.class);
        for (TrafficLight light : TrafficLight.values()) {
            open.put(light, 0L);
        }
        jdbc.sql("select light, count(*) from appeal_fact where status = 'OPEN' group by light")
                .query(rs -> {
                    open.put(TrafficLight.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return open;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TrafficLight light : TrafficLight.values()) {
            Gauge.builder("lianxin.cases.open", reading, r -> r.get().get(light))
                    .tag("light", light.name())
                    .description("未办结的诉求，按当前灯色")
                    .register(registry);
        }
    }
}
