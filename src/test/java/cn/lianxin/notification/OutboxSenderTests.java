package cn.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: written with the step or not at all, delivered later, retried, given up on. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1",
            "lianxin.notifications.scheduled=false",
            "lianxin.notifications.max-attempts=3",
            "lianxin.notifications.batch-size=10",
            "camunda.bpm.job-execution.enabled=false"
        })
class OutboxSenderTests {

    /** A gateway that fails a given number of times per message before it accepts it. */
    static class FlakyGateway implements Notifier {
        final Map<Long, Integer> failuresLeft = new HashMap<>();
        final List<Message> delivered = new ArrayList<>();
        int failEachMessage;

        @Override
        public synchronized Accepted deliver(Message message) throws Exception {
            int left = failuresLeft.computeIfAbsent(message.id(), id -> failEachMessage);
            if (left > 0) {
                failuresLeft.put(message.id(), left - 1);
                throw new java.io.IOException("短信网关不可用");
            }
            delivered.add(message);
            return Accepted.WITHOUT_RECEIPT;
        }
    }

    @TestConfiguration
    static class Gateway {
        @Bean
        @Primary
        FlakyGateway flakyGateway() {
            return new FlakyGateway();
        }
    }

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxSender sender;

    @Autowired
    FlakyGateway gateway;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from notification_outbox").update();
        gateway.failuresLeft.clear();
        gateway.delivered.clear();
        gateway.failEachMessage = 0;
    }

    @Test
    void aMessageIsRenderedFromItsChineseTemplateAndDeliveredLater() {
        // given
        transaction.executeWithoutResult(tx -> notifications.queue(
                Template.RECEIPT,
                Recipient.citizen("13800000001"),
                "LX-20261124-000001",
                "LX-20261124-000001",
                "ABCD2345"));
        assertThat(gateway.delivered).isEmpty();

        // when
        int sent = sender.sendDue(Instant.now());

        // then
        assertThat(sent).isEqualTo(1);
        assertThat(gateway.delivered.get(0).body()).contains("已受理", "LX-20261124-000001", "ABCD2345");
        assertThat(gateway.delivered.get(0).template()).isEqualTo(Template.RECEIPT);
        assertThat(gateway.delivered.get(0).params())
                .containsExactlyInAnyOrderEntriesOf(Map.of("no", "LX-20261124-000001", "code", "ABCD2345"));
        assertThat(status()).isEqualTo("SENT");
    }

    @Test
    void aStepThatRollsBackLeavesNoMessage() {
        transaction.executeWithoutResult(tx -> {
            notifications.queue(Template.CLOSED, Recipient.citizen("13800000001"), "LX-1", "LX-1", "已维修");
            tx.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from notification_outbox")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aMessageIsOnlyQueuedInsideTheStepsTransaction() {
        assertThatThrownBy(() ->
                        notifications.queue(Template.CLOSED, Recipient.citizen("13800000001"), "LX-1", "LX-1", "x"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aFailedDeliveryIsTriedAgainLater() {
        // given
        gateway.failEachMessage = 1;
        transaction.executeWithoutResult(tx -> notifications.queue(
                Template.CADRE_NOTICE,
                Recipient.group("grid-worker-v0101"),
                "LX-1",
                "超期",
                "LX-1",
                "LX-1 的“承诺办”已超期（10月10日 10:00），已进入督办。"));
        Instant now = Instant.now();

        // when
        assertThat(sender.sendDue(now)).isZero();

        // then it waits a minute before the next try
        assertThat(status()).isEqualTo("PENDING");
        assertThat(sender.sendDue(now.plusSeconds(30))).isZero();
        assertThat(gateway.delivered).isEmpty();
        assertThat(sender.sendDue(now.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        assertThat(status()).isEqualTo("SENT");
        assertThat(jdbc.sql("select attempts from notification_outbox")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptAMessageIsGivenUpAndKeptWithItsError() {
        // given
        gateway.failEachMessage = 99;
        transaction.executeWithoutResult(tx -> notifications.queue(
                Template.CADRE_NOTICE,
                Recipient.user("dept-jt"),
                "LX-1",
                "临期",
                "LX-1",
                "LX-1 的“部门办理”即将到期（12月1日 09:00），请抓紧办理。"));
        Instant now = Instant.now();

        // when
        sender.sendDue(now);
        sender.sendDue(now.plus(Duration.ofMinutes(2)));
        sender.sendDue(now.plus(Duration.ofMinutes(10)));

        // then
        assertThat(status()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from notification_outbox")
                        .query(String.class)
                        .single())
                .contains("短信网关不可用");
        assertThat(sender.sendDue(now.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void everyDueMessageIsSentInBatchesAndAFailureHoldsUpNoOther() {
        // given 25 messages (batches of 10), the 7th refused once by the gateway
        transaction.executeWithoutResult(tx -> {
            for (int i = 1; i <= 25; i++) {
                notifications.queue(Template.CLOSED, Recipient.citizen("13800000001"), "LX-" + i, "LX-" + i, "已维修");
            }
        });
        long refused = ids().get(6);
        gateway.failuresLeft.put(refused, 1);
        Instant now = Instant.now();

        // when
        int sent = sender.sendDue(now);

        // then
        assertThat(sent).isEqualTo(24);
        assertThat(jdbc.sql("select status from notification_outbox where id = ?")
                        .param(refused)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(sender.sendDue(now.plus(Duration.ofMinutes(2)))).isEqualTo(1);
        assertThat(gateway.delivered)
                .extracting(Notifier.Message::id)
                .doesNotHaveDuplicates()
                .hasSize(25);
    }

    @Test
    void aMessageOfATemplateThisVersionDoesNotKnowIsGivenUpAloneAndHoldsUpNoOther() {
        // given three messages claimed in one batch, the second queued by an older release under a
        // template that no longer exists
        transaction.executeWithoutResult(tx -> {
            for (int i = 1; i <= 3; i++) {
                notifications.queue(Template.CLOSED, Recipient.citizen("13800000001"), "LX-" + i, "LX-" + i, "已维修");
            }
        });
        long old = ids().get(1);
        jdbc.sql("update notification_outbox set template = 'DUE_SOON' where id = ?")
                .param(old)
                .update();

        // when
        int sent = sender.sendDue(Instant.now());

        // then the others are sent, and the old one is given up on with its reason, not left claimed
        assertThat(sent).isEqualTo(2);
        assertThat(gateway.delivered).extracting(Notifier.Message::id).doesNotContain(old);
        assertThat(jdbc.sql("select status || ' ' || last_error from notification_outbox where id = ?")
                        .param(old)
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED 未知的通知模板或收件人类型：DUE_SOON / CITIZEN");
        assertThat(jdbc.sql("select count(*) from notification_outbox where status = 'SENDING'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void twoSendersAtOnceNeverSendOneMessageTwice() throws Exception {
        // given
        transaction.executeWithoutResult(tx -> {
            for (int i = 1; i <= 200; i++) {
                notifications.queue(Template.CLOSED, Recipient.citizen("13800000001"), "LX-" + i, "LX-" + i, "已维修");
            }
        });
        Instant now = Instant.now();

        // when two nodes send at the same moment
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return sender.sendDue(now);
                }));
            }
            start.countDown();
            int sent = 0;
            for (var node : nodes) {
                sent += node.get();
            }

            // then
            assertThat(sent).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(gateway.delivered)
                .extracting(Notifier.Message::id)
                .doesNotHaveDuplicates()
                .hasSize(200);
        assertThat(jdbc.sql("select count(*) from notification_outbox where status = 'SENT' and attempts = 1")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
    }

    private List<Long> ids() {
        return jdbc.sql("select id from notification_outbox order by id")
                .query(Long.class)
                .list();
    }

    private String status() {
        return jdbc.sql("select status from notification_outbox")
                .query(String.class)
                .single();
    }
}
