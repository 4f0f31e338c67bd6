package cn.lianxin.workflow;

import cn.lianxin.system.MetricReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job executor as an operator watches it: how late the timers are (a light, a notice period, a
 * supervision deadline that is due but not yet fired), how many wait, and how many have failed for
 * good (no retries left: each is an incident in Camunda's Cockpit).
 *
 * <ul>
 *   <li>{@code lianxin_jobs_due} — jobs due now and not being run;
 *   <li>{@code lianxin_timer_lag_seconds} — how long the oldest of them has been due (0 when none);
 *   <li>{@code lianxin_jobs_failed} — jobs with no retries left.
 * </ul>
 */
@Component
class JobMetrics implements MeterBinder {

    record Reading(long due, double lagSeconds, long failed) {}

    private final Supplier<Reading> reading;

    JobMetrics(JdbcClient jdbc, MetricReadings readings) {
        this.reading = readings.kept(() -> read(jdbc));
    }

    static Reading read(JdbcClient jdbc) {
        Instant now = EngineClock.now();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql("select"
                        + " count(*) filter (where retries_ > 0 and suspension_state_ = 1"
                        + "   and (duedate_ is null or duedate_ <= :now)"
                        + "   and (lock_exp_time_ is null or lock_exp_time_ <= :now)),"
                        + " min(duedate_) filter (where retries_ > 0 and suspension_state_ = 1 and duedate_ <= :now"
                        + "   and (lock_exp_time_ is null or lock_exp_time_ <= :now)),"
                        + " count(*) filter (where retries_ <= 0)"
                        + " from act_ru_job")
                .param("now", at)
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    double lag = oldest == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                    return new Reading(rs.getLong(1), lag, rs.getLong(3));
                })
                .single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("lianxin.jobs.due", reading, r -> r.get().due())
                .description("到期未执行的作业数（定时器、异步续办）")
                .register(registry);
        Gauge.builder("lianxin.timer.lag", reading, r -> r.get().lagSeconds())
                .baseUnit("seconds")
                .description("最早一个到期未执行作业已等待的时间")
                .register(registry);
        Gauge.builder("lianxin.jobs.failed", reading, r -> r.get().failed())
                .description("重试用尽的作业数（Camunda Cockpit 中的事件）")
                .register(registry);
    }
}
