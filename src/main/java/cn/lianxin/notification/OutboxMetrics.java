package cn.lianxin.notification;

import cn.lianxin.system.MetricReadings;
import cn.lianxin.workflow.EngineClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it: messages not yet delivered (waiting, or claimed by a node and
 * being sent), how old the oldest of them is — a node that died holding a batch leaves it claimed, and
 * the age grows until someone resets it — and messages given up after every retry.
 *
 * <ul>
 *   <li>{@code lianxin_outbox_backlog} — messages PENDING or SENDING;
 *   <li>{@code lianxin_outbox_oldest_seconds} — age of the oldest of them (0 when none);
 *   <li>{@code lianxin_outbox_failed} — messages given up (FAILED).
 * </ul>
 */
@Component
class OutboxMetrics implements MeterBinder {

    record Reading(long backlog, double oldestSeconds, long failed) {}

    private final Supplier<Reading> reading;

    OutboxMetrics(JdbcClient jdbc, MetricReadings readings) {
        this.reading = readings.kept(() -> read(jdbc));
    }

    private static Reading read(JdbcClient jdbc) {
        Instant now = EngineClock.now();
        // the index (status, next_attempt_at) keeps this to the undelivered rows, however many were sent
        return jdbc.sql("select count(*) filter (where status in ('PENDING', 'SENDING')),"
                        + " min(created_at) filter (where status in ('PENDING', 'SENDING')),"
                        + " count(*) filter (where status = 'FAILED')"
                        + " from notification_outbox where status in ('PENDING', 'SENDING', 'FAILED')")
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    double age = oldest == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                    return new Reading(rs.getLong(1), age, rs.getLong(3));
                })
                .single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("lianxin.outbox.backlog", reading, r -> r.get().backlog())
                .description("待发送的通知（等待中或正在发送）")
                .register(registry);
        Gauge.builder("lianxin.outbox.oldest", reading, r -> r.get().oldestSeconds())
                .baseUnit("seconds")
                .description("最早一条待发送通知已等待的时间")
                .register(registry);
        Gauge.builder("lianxin.outbox.failed", reading, r -> r.get().failed())
                .description("重试用尽、已放弃的通知")
                .register(registry);
    }
}
