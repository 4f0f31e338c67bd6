package cn.lianxin.notification;

import cn.lianxin.workflow.EngineClock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues messages into the outbox, inside the caller's transaction: no step without its message, no message without its step. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    Notifications(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Template template, Recipient recipient, String trackingNo, Object... args) {
        String body = messages.getMessage(template.messageCode(), args, Locale.SIMPLIFIED_CHINESE);
        OffsetDateTime now = EngineClock.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into notification_outbox (template, recipient_kind, recipient, tracking_no, body, status,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(template.name(), recipient.kind().name(), recipient.address(), trackingNo, body, now, now)
                .update();
    }
}
