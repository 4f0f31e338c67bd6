package cn.lianxin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.system.ListPage;
import cn.lianxin.testing.ProcessTest;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's side of a {@link CadreNotice}: who gets a row (a group's members at that moment, the
 * named users, never the actor, each once), in the publisher's transaction only, and which kinds
 * also go out by SMS.
 */
@ProcessTest
class CadreInboxTests {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    IdentityService identity;

    @Autowired
    EngineAsPlatform platform;

    @Autowired
    Notifications notifications;

    @Autowired
    CadreInbox inbox;

    @Test
    void aGroupMeansItsMembersNowEachUserIsToldOnceAndTheActorNotAtAll() {
        // given: 东风社区's station head is, for the moment, also one of its grid workers
        identity.createMembership("head-v0101", "grid-worker-v0101");
        String number = number();
        try {
            // when the station head does something both groups and two named users should hear of
            publish(new CadreNotice(
                    CadreNotice.Kind.TRANSFERRED,
                    Set.of("dept-cg", "gw-v0101"),
                    Set.of("grid-worker-v0101", "station-head-v0101"),
                    number,
                    "task-1",
                    number + " 的“分类分流”已转办给您：请接手",
                    "head-v0101"));
        } finally {
            identity.deleteMembership("head-v0101", "grid-worker-v0101");
        }

        // then each member and named user has one unread row, the actor none
        assertThat(told(number)).containsExactlyInAnyOrder("gw-v0101", "dept-cg");
        ListPage<CadreInbox.Item> page = inbox.page("dept-cg", true, ListPage.numbered(0, 100));
        CadreInbox.Item item = page.items().stream()
                .filter(i -> number.equals(i.number()))
                .findFirst()
                .orElseThrow();
        assertThat(item.kind()).isEqualTo("TRANSFERRED");
        assertThat(item.kindLabel()).isEqualTo("转办");
        assertThat(item.taskId()).isEqualTo("task-1");
        assertThat(item.read()).isFalse();
        assertThat(item.actorName())
                .isEqualTo(PersonNames.of(
                        identity.createUserQuery().userId("head-v0101").singleResult()))
                .isNotEqualTo("head-v0101");
    }

    @Test
    void aNoticeOutsideATransactionIsRefusedAndNothingIsStored() {
        // given
        String number = number();

        // when / then
        assertThatThrownBy(() -> events.publishEvent(new CadreNotice(
                        CadreNotice.Kind.URGED, Set.of("gw-v0101"), Set.of(), number, null, "请尽快办理", null)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(told(number)).isEmpty();
    }

    @Test
    void aNoticeWhoseOnlyReaderIsTheActorStoresNothing() {
        // given
        String number = number();

        // when the only station head of 东风社区 comments on a task of their own group
        publish(new CadreNotice(
                CadreNotice.Kind.COMMENTED,
                Set.of(),
                Set.of("station-head-v0101"),
                number,
                null,
                "站长评论了任务",
                "head-v0101"));

        // then
        assertThat(told(number)).isEmpty();
    }

    @Test
    void withoutSmsKindsConfiguredNoNoticeGoesToTheOutbox() {
        // given (application.yaml: lianxin.inbox.sms-kinds is empty)
        String number = number();

        // when
        publish(new CadreNotice(
                CadreNotice.Kind.OVERDUE, Set.of(), Set.of("grid-worker-v0101"), number, null, "已超期", null));

        // then
        assertThat(told(number)).containsExactly("gw-v0101");
        assertThat(sms(number)).isEmpty();
    }

    @Test
    void theConfiguredKindsAlsoGoOutBySmsOncePerNamedGroupAndUserButNotToTheActor() {
        // given: a county that sends 超期 by SMS
        CadreInbox withSms =
                new CadreInbox(jdbc, batch, identity, platform, notifications, Set.of(CadreNotice.Kind.OVERDUE));
        String overdue = number();
        String dueSoon = number();

        // when
        transaction.executeWithoutResult(tx -> {
            withSms.tell(new CadreNotice(
                    CadreNotice.Kind.OVERDUE,
                    Set.of("dept-cg", "head-v0101"),
                    Set.of("grid-worker-v0101"),
                    overdue,
                    null,
                    overdue + " 的“分类分流”已超期（11月25日 09:30），已进入督办。",
                    "head-v0101"));
            withSms.tell(new CadreNotice(
                    CadreNotice.Kind.DUE_SOON, Set.of(), Set.of("grid-worker-v0101"), dueSoon, null, "即将到期", null));
        });

        // then the inbox has both; the outbox only the configured kind, to the group and the named user
        assertThat(told(overdue)).containsExactlyInAnyOrder("gw-v0101", "dept-cg");
        assertThat(told(dueSoon)).containsExactly("gw-v0101");
        assertThat(sms(overdue))
                .containsExactlyInAnyOrder(
                        "CADRE_NOTICE GROUP grid-worker-v0101 【连心】" + overdue + " 的“分类分流”已超期（11月25日 09:30），已进入督办。",
                        "CADRE_NOTICE USER dept-cg 【连心】" + overdue + " 的“分类分流”已超期（11月25日 09:30），已进入督办。");
        assertThat(sms(dueSoon)).isEmpty();
    }

    @Test
    void aLongTextIsCutToWhatTheInboxKeeps() {
        // given
        String number = number();

        // when
        publish(new CadreNotice(
                CadreNotice.Kind.COMMENTED, Set.of("gw-v0101"), Set.of(), number, null, "很".repeat(3000), null));

        // then
        String kept = jdbc.sql("select text from cadre_inbox where number = ?")
                .param(number)
                .query(String.class)
                .single();
        assertThat(kept).hasSize(CadreInbox.MAX_TEXT).endsWith("…");
    }

    private void publish(CadreNotice notice) {
        transaction.executeWithoutResult(tx -> events.publishEvent(notice));
    }

    private List<String> told(String number) {
        return jdbc.sql("select user_id from cadre_inbox where number = ? order by id")
                .param(number)
                .query(String.class)
                .list();
    }

    private List<String> sms(String number) {
        return jdbc.sql("select template || ' ' || recipient_kind || ' ' || recipient || ' ' || body"
                        + " from notification_outbox where tracking_no = ? order by id")
                .param(number)
                .query(String.class)
                .list();
    }

    private static String number() {
        return "LX-INBOX-" + System.nanoTime() % 1_000_000_000L + "-" + NUMBERS.incrementAndGet();
    }
}
