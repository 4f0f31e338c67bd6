package cn.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's batch claim on PostgreSQL ({@code UPDATE … RETURNING} over {@code FOR UPDATE SKIP
 * LOCKED}): three nodes sending at once deliver every message exactly once, and a failure is retried
 * on its schedule. The messages fall due in 2100, so the application's own scheduled sender (which
 * sends what is due now) leaves them to the nodes of this test.
 */
@PlatformIntegrationTest
class OutboxBatchIT {

    static final Instant DUE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Test
    void threeNodesSendingAtOnceDeliverEveryMessageOnce() throws Exception {
        // given
        String marker = "IT-" + System.nanoTime();
        for (int i = 0; i < 300; i++) {
            queue(marker);
        }
        List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
        Notifier gateway = message -> {
            if (marker.equals(message.trackingNo())) {
                delivered.add(message.id());
            }
            return Notifier.Accepted.WITHOUT_RECEIPT;
        };

        // when
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sending = new ArrayList<>();
            for (int node = 0; node < 3; node++) {
                OutboxSender sender = node(gateway);
                sending.add(nodes.submit(() -> {
                    start.await();
                    return sender.sendDue(DUE);
                }));
            }
            start.countDown();
            for (Future<Integer> node : sending) {
                node.get();
            }
        } finally {
            nodes.shutdownNow();
        }

        // then
        assertThat(delivered).hasSize(300).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from notification_outbox where tracking_no = ? and status = 'SENT'"
                                + " and attempts = 1")
                        .param(marker)
                        .query(Long.class)
                        .single())
                .isEqualTo(300);
    }

    @Test
    void aRefusedMessageWaitsAMinuteAndTheOthersOfItsBatchAreSent() {
        // given
        String marker = "IT-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            queue(marker);
        }
        long refused = jdbc.sql("select min(id) from notification_outbox where tracking_no = ?")
                .param(marker)
                .query(Long.class)
                .single();
        Notifier gateway = message -> {
            if (message.id() == refused) {
                throw new java.io.IOException("短信网关不可用");
            }
            return Notifier.Accepted.WITHOUT_RECEIPT;
        };

        // when
        node(gateway).sendDue(DUE);

        // then
        assertThat(jdbc.sql("select status, attempts, next_attempt_at, last_error from notification_outbox"
                                + " where id = ?")
                        .param(refused)
                        .query((rs, i) -> List.of(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                                rs.getString(4)))
                        .single())
                .containsExactly("PENDING", 1, DUE.plus(Duration.ofMinutes(1)), "IOException: 短信网关不可用");
        assertThat(jdbc.sql("select count(*) from notification_outbox where tracking_no = ? and status = 'SENT'")
                        .param(marker)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    private OutboxSender node(Notifier gateway) {
        return new OutboxSender(jdbc, jdbcTemplate, transaction, dataSource, gateway, 6, 20);
    }

    private void queue(String marker) {
        jdbc.sql("insert into notification_outbox (template, recipient_kind, recipient, tracking_no, body, status,"
                        + " next_attempt_at, created_at) values ('CLOSED', 'CITIZEN', '13800000001', ?, '已办结',"
                        + " 'PENDING', ?, ?)")
                .params(marker, DUE.atOffset(ZoneOffset.UTC), DUE.atOffset(ZoneOffset.UTC))
                .update();
    }
}
