package cn.lianxin.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due messages of the outbox. A node claims a message by moving it from PENDING to
 * SENDING (one UPDATE, so two nodes never send the same message); a failed delivery is tried again
 * after 1, 5, 30 minutes and then every 2 hours, up to {@code max-attempts}, then marked FAILED.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final int maxAttempts;

    OutboxSender(
            JdbcClient jdbc, Notifier notifier, @Value("${lianxin.notifications.max-attempts:6}") int maxAttempts) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${lianxin.notifications.send-interval:PT10S}")
    void scheduled() {
        sendDue(Instant.now());
    }

    /** Sends what is due at {@code now}; answers how many messages were delivered. */
    public int sendDue(Instant now) {
        List<Notifier.Message> due = jdbc.sql(
                        "select id, recipient_kind, recipient, tracking_no, body from notification_outbox"
                                + " where status = 'PENDING' and next_attempt_at <= ? order by id")
                .param(now.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Notifier.Message(
                        rs.getLong(1),
                        Recipient.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        int delivered = 0;
        for (Notifier.Message message : due) {
            if (claim(message.id())) {
                delivered += deliver(message, now) ? 1 : 0;
            }
        }
        return delivered;
    }

    private boolean claim(long id) {
        return jdbc.sql("update notification_outbox set status = 'SENDING' where id = ? and status = 'PENDING'")
                        .param(id)
                        .update()
                == 1;
    }

    private boolean deliver(Notifier.Message message, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try {
            notifier.deliver(message);
            jdbc.sql(
                            "update notification_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1 where id = ?")
                    .params(at, message.id())
                    .update();
            return true;
        } catch (Exception e) {
            int attempts = jdbc.sql("select attempts from notification_outbox where id = ?")
                            .param(message.id())
                            .query(Integer.class)
                            .single()
                    + 1;
            boolean giveUp = attempts >= maxAttempts;
            Duration wait = BACKOFF.get(Math.min(attempts - 1, BACKOFF.size() - 1));
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            jdbc.sql(
                            "update notification_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                    .params(
                            giveUp ? "FAILED" : "PENDING",
                            attempts,
                            at.plus(wait),
                            error.length() > 500 ? error.substring(0, 500) : error,
                            message.id())
                    .update();
            log.warn("通知 #{} 第 {} 次发送失败{}", message.id(), attempts, giveUp ? "，不再重试" : "，稍后重试");
            return false;
        }
    }
}
