package cn.lianxin.notification;

import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages into the outbox, inside the caller's transaction: no step without its message, no
 * message without its step. Each message keeps its rendered Chinese text and its template's named
 * parameters (what an SMS service is sent, {@link Template#params()}).
 */
@Service
public class Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final String portal;

    Notifications(
            JdbcClient jdbc,
            MessageSource messages,
            @Value("${lianxin.portal.base-url:http://localhost:8080}") String portal) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.portal = portal;
    }

    /**
     * {@code args} are the template's named parameters in the order of {@link Template#params()},
     * then any argument only the kept text shows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Template template, Recipient recipient, String trackingNo, Object... args) {
        if (args.length < template.params().size()) {
            throw new IllegalArgumentException(template + " needs " + template.params() + ", got " + args.length);
        }
        Object[] rendered = args;
        if (template.linksPortal()) {
            rendered = Arrays.copyOf(args, args.length + 1);
            rendered[args.length] = portal;
        }
        String body = messages.getMessage(template.messageCode(), rendered, Locale.SIMPLIFIED_CHINESE);
        OffsetDateTime now = EngineClock.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into notification_outbox (template, recipient_kind, recipient, tracking_no, body, params,"
                        + " status, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(
                        template.name(),
                        recipient.kind().name(),
                        recipient.address(),
                        trackingNo,
                        body,
                        params(template, args),
                        now,
                        now)
                .update();
    }

    private static String params(Template template, Object[] args) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < template.params().size(); i++) {
            named.put(template.params().get(i), args[i] == null ? "" : String.valueOf(args[i]));
        }
        try {
            return JSON.writeValueAsString(named);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The named parameters kept with a message. */
    static Map<String, String> params(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readerForMapOf(String.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("通知参数无法读取", e);
        }
    }
}
