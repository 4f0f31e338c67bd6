package cn.lianxin.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the SMS service whether the citizens' sent messages reached their phones and writes the
 * answer into the outbox: DELIVERED, or FAILED with the carrier's reason in {@code last_error}. A
 * message is asked about until {@code lianxin.sms.receipt-window} after it was sent; without an
 * adapter that gives receipts (the default log adapter) nothing is asked.
 */
@Component
class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private record Sent(long id, String phone, String bizId, Instant sentAt) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<DeliveryReceipts> receipts;
    private final SmsSettings settings;
    private final int batchSize;

    DeliveryReports(
            JdbcClient jdbc,
            ObjectProvider<DeliveryReceipts> receipts,
            SmsSettings settings,
            @Value("${lianxin.notifications.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.receipts = receipts;
        this.settings = settings;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${lianxin.sms.receipt-interval:PT1M}")
    void scheduled() {
        collect(Instant.now());
    }

    /** Asks about one batch of sent messages still without a receipt; answers how many got one. */
    public int collect(Instant now) {
        DeliveryReceipts provider = receipts.getIfAvailable();
        if (provider == null) {
            return 0;
        }
        List<Sent> waiting = jdbc.sql("select id, recipient, provider_biz_id, sent_at from notification_outbox"
                        + " where status = 'SENT' and sent_at >= :since and recipient_kind = 'CITIZEN'"
                        + " and provider_biz_id is not null order by sent_at, id fetch first :batch rows only")
                .param("since", now.minus(settings.receiptWindow()).atOffset(ZoneOffset.UTC))
                .param("batch", batchSize)
                .query((rs, row) -> new Sent(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("provider_biz_id"),
                        rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .list();
        int reported = 0;
        for (Sent sent : waiting) {
            Optional<DeliveryReceipts.Receipt> receipt;
            try {
                receipt = provider.receiptOf(sent.phone(), sent.bizId(), sent.sentAt());
            } catch (Exception e) {
                log.warn("通知 #{} 的送达回执查询失败，稍后再查：{}", sent.id(), e.getMessage());
                continue;
            }
            if (receipt.isPresent()) {
                record(sent.id(), receipt.get(), now);
                reported++;
            }
        }
        return reported;
    }

    private void record(long id, DeliveryReceipts.Receipt receipt, Instant now) {
        String reason = "运营商回执：未送达" + (receipt.reason() == null ? "" : "（" + receipt.reason() + "）");
        jdbc.sql("update notification_outbox set status = :status, reported_at = :at, last_error = :error"
                        + " where id = :id and status = 'SENT'")
                .param("status", receipt.delivered() ? "DELIVERED" : "FAILED")
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("error", receipt.delivered() ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("id", id)
                .update();
    }
}
