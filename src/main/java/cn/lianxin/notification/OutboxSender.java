package cn.lianxin.notification;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due messages of the outbox, a batch at a time. A node claims up to {@code batch-size} due
 * messages with one statement that moves them from PENDING to SENDING, skipping rows another node
 * is claiming at that moment ({@code FOR UPDATE SKIP LOCKED}), so two nodes never send the same
 * message and never wait for each other; it sends them, then records every result in one
 * transaction. A failed delivery is tried again after 1, 5, 30 minutes and then every 2 hours, up to
 * {@code max-attempts}, then marked FAILED; an {@link Notifier.Undeliverable} one is FAILED at once. A
 * sent message keeps the provider's request id and the id its delivery receipt comes under.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));

    /** The due messages, oldest first, that no other node is claiming right now. */
    private static final String DUE = "select id from notification_outbox where status = 'PENDING'"
            + " and next_attempt_at <= :now order by id limit :batch for update skip locked";

    private static final String CLAIMED =
            "id, template, recipient_kind, recipient, tracking_no, body, params, attempts";

    /**
     * The claim as one statement that answers the claimed rows: PostgreSQL's {@code UPDATE …
     * RETURNING} over a locking CTE, H2's (the zero-setup run's) data change delta table — H2 2.x has
     * {@code FOR UPDATE SKIP LOCKED} but no {@code RETURNING}.
     */
    private static final Map<String, String> CLAIM = Map.of(
            "PostgreSQL",
            "with due as (" + DUE + ") update notification_outbox o set status = 'SENDING' from due"
                    + " where o.id = due.id and o.status = 'PENDING' returning o."
                    + CLAIMED.replace(", ", ", o."),
            "H2",
            "select " + CLAIMED + " from final table (update notification_outbox set status = 'SENDING'"
                    + " where status = 'PENDING' and id in (" + DUE + "))");

    /** Empty claims in a row, while messages are due, after which a round gives way to the other nodes. */
    private static final int MAX_MISSES = 1000;

    /**
     * A claimed message and how often it was tried before; or, when its row names a template or a kind
     * of recipient this version does not know (an older release queued it), only its id and why — it is
     * given up on alone, and holds up none of the messages claimed with it.
     */
    private record Claimed(long id, Notifier.Message message, int attempts, String unreadable) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Notifier notifier;
    private final int maxAttempts;
    private final int batchSize;
    private final String claim;

    /**
     * H2 (the zero-setup run: one node, its database file open in this JVM only) does not make two
     * concurrent claims exclusive — two senders could both take a row — so its claims take turns here.
     */
    private final boolean claimsOneAtATime;

    private final java.util.concurrent.locks.ReentrantLock claiming = new java.util.concurrent.locks.ReentrantLock();

    OutboxSender(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transaction,
            DataSource dataSource,
            Notifier notifier,
            @Value("${lianxin.notifications.max-attempts:6}") int maxAttempts,
            @Value("${lianxin.notifications.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.notifier = notifier;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.claim = claimFor(dataSource);
        this.claimsOneAtATime = claim.equals(CLAIM.get("H2"));
    }

    @Scheduled(fixedDelayString = "${lianxin.notifications.send-interval:PT10S}")
    void scheduled() {
        sendDue(Instant.now());
    }

    /** Sends what is due at {@code now}, batch after batch; answers how many messages were delivered. */
    public int sendDue(Instant now) {
        int delivered = 0;
        List<Claimed> claimed;
        // until nothing due is left: with another node sending, a claim may come back short or empty
        // although more are due (it skipped, or lost the race for, the rows the other node took) — each
        // such miss means the other node made progress, so a bounded number of them is enough
        int misses = 0;
        do {
            claimed = claim(now);
            delivered += deliver(claimed, now);
            misses = claimed.isEmpty() ? misses + 1 : 0;
        } while (misses <= MAX_MISSES && (!claimed.isEmpty() || anyDue(now)));
        return delivered;
    }

    private boolean anyDue(Instant now) {
        return !jdbc.sql("select id from notification_outbox where status = 'PENDING' and next_attempt_at <= :now"
                        + " fetch first 1 rows only")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list()
                .isEmpty();
    }

    private List<Claimed> claim(Instant now) {
        if (!claimsOneAtATime) {
            return claimed(now);
        }
        claiming.lock();
        try {
            return claimed(now);
        } finally {
            claiming.unlock();
        }
    }

    private List<Claimed> claimed(Instant now) {
        return jdbc
                .sql(claim)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("batch", batchSize)
                .query(OutboxSender::claimed)
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Claimed::id))
                .toList();
    }

    /** Sends each claimed message, then records all results in one transaction. */
    private int deliver(List<Claimed> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return 0;
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<Object[]> sent = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        for (Claimed each : claimed) {
            if (each.unreadable() != null) {
                failed.add(new Object[] {"FAILED", each.attempts() + 1, at, each.unreadable(), each.id()});
                log.warn("通知 #{} 无法发送，不再重试：{}", each.id(), each.unreadable());
                continue;
            }
            try {
                Notifier.Accepted accepted = notifier.deliver(each.message());
                if (accepted == null) {
                    accepted = Notifier.Accepted.WITHOUT_RECEIPT;
                }
                sent.add(new Object[] {
                    at, accepted.requestId(), accepted.bizId(), each.message().id()
                });
            } catch (Exception e) {
                int attempts = each.attempts() + 1;
                boolean giveUp = attempts >= maxAttempts || e instanceof Notifier.Undeliverable;
                Duration wait = BACKOFF.get(Math.min(attempts - 1, BACKOFF.size() - 1));
                String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                failed.add(new Object[] {
                    giveUp ? "FAILED" : "PENDING",
                    attempts,
                    at.plus(wait),
                    error.length() > 500 ? error.substring(0, 500) : error,
                    each.message().id()
                });
                log.warn("通知 #{} 第 {} 次发送失败{}", each.message().id(), attempts, giveUp ? "，不再重试" : "，稍后重试");
            }
        }
        transaction.executeWithoutResult(tx -> {
            if (!sent.isEmpty()) {
                batch.batchUpdate(
                        "update notification_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                                + " provider_request_id = ?, provider_biz_id = ? where id = ? and status = 'SENDING'",
                        sent);
            }
            if (!failed.isEmpty()) {
                batch.batchUpdate(
                        "update notification_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?"
                                + " where id = ? and status = 'SENDING'",
                        failed);
            }
        });
        return sent.size();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        int attempts = rs.getInt("attempts");
        String template = rs.getString("template");
        String kind = rs.getString("recipient_kind");
        if (!known(Template.class, template) || !known(Recipient.Kind.class, kind)) {
            return new Claimed(id, null, attempts, "未知的通知模板或收件人类型：" + template + " / " + kind);
        }
        return new Claimed(
                id,
                new Notifier.Message(
                        id,
                        Template.valueOf(template),
                        Recipient.Kind.valueOf(kind),
                        rs.getString("recipient"),
                        rs.getString("tracking_no"),
                        rs.getString("body"),
                        Notifications.params(rs.getString("params"))),
                attempts,
                null);
    }

    private static <E extends Enum<E>> boolean known(Class<E> type, String name) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .anyMatch(constant -> constant.name().equals(name));
    }

    private static String claimFor(DataSource dataSource) {
        String database;
        try {
            database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("无法识别数据库类型，通知发件箱无法启动", e);
        }
        String sql = CLAIM.get(database);
        if (sql == null) {
            throw new IllegalStateException("通知发件箱只支持 PostgreSQL 和 H2，当前数据库：" + database);
        }
        return sql;
    }
}
