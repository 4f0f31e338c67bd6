package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily roll-ups ({@code appeal_day}, {@code appeal_day_count}) stay equal to a fresh aggregation of
 * the whole {@code appeal_fact} table — computed here independently, in SQL by Beijing day — after every
 * way {@link CaseFacts} changes a fact, and two transactions adding to the same day × village row at once
 * both count.
 */
@PlatformIntegrationTest
class DailyTalliesIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseFacts facts;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DailyTallies tallies;

    /** Other tests write facts by SQL (a bulk fix): the roll-ups start equal to the facts, as after one. */
    @BeforeEach
    void rollUpsRebuilt() {
        tallies.rebuild();
    }

    @Test
    void theRollUpsEqualAFreshAggregationAfterEveryKindOfChange() {
        // intake
        Case closed = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        Case reopened = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        Case returned = appeals.submit("parking", "NORMAL", "BUILDING", "v0201");
        Case withdrawn = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0102");
        Case dispatched = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        Case joint = appeals.submit("road", "URGENT", "CROSS_AREA", "v0102");
        assertRollUpsEqualTheFacts();

        // the path chosen at triage (the first response), handling, feedback and evaluation
        for (Case appeal : List.of(closed, reopened)) {
            appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
            appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已当面处理"));
            appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
        }
        assertRollUpsEqualTheFacts();
        evaluate(closed, "SATISFIED");
        assertRollUpsEqualTheFacts();
        // an unsatisfied evaluation reopens the case
        evaluate(reopened, "UNSATISFIED");
        assertRollUpsEqualTheFacts();

        // return, with its reasons
        appeals.done("gw-v0201", returned, "triage", Map.of("path", "RETURN", "overrideReason", "属于业主共有事项"));
        appeals.done(
                "gw-v0201",
                returned,
                "notify-return",
                Map.of(
                        "returnReasons", List.of("车位产权属于业主共有事项"),
                        "returnBasis", "《民法典》第二百七十六条",
                        "alternatives", "请联系业主委员会"));
        assertRollUpsEqualTheFacts();

        // withdrawal
        assertThat(http.postForEntity(
                                "/api/appeals/" + withdrawn.trackingNo() + "/withdrawal",
                                Api.json(Map.of("accessCode", withdrawn.accessCode(), "reason", "问题已自行解决")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertRollUpsEqualTheFacts();

        // a dispatch to a department, and joint departments
        appeals.done("gw-v0101", dispatched, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", dispatched, "review-escalation", Map.of("approved", true));
        appeals.done("center-t01", dispatched, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "jt"));
        appeals.done("gw-v0102", joint, "triage", Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg")));
        assertRollUpsEqualTheFacts();

        // supervision (a leader's instruction) and a red light
        assertThat(api.as("leader")
                        .post("/api/cases/" + joint.trackingNo() + "/instructions", Map.of("instruction", "请尽快处理"))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        transaction.executeWithoutResult(status -> facts.lightChanged(dispatched.trackingNo(), TrafficLight.RED));
        assertRollUpsEqualTheFacts();

        // a department's case ends, with working days
        transaction.executeWithoutResult(status -> facts.ended(
                dispatched.trackingNo(),
                AppealStatus.CLOSED,
                java.time.Instant.now().plus(Duration.ofDays(9)),
                List.of()));
        assertRollUpsEqualTheFacts();

        // then every kind of fact was met, and the roll-ups count these cases
        assertThat(facts(List.of(closed, reopened, returned, withdrawn, dispatched, joint), "status"))
                .contains("CLOSED", "OPEN", "RETURNED", "WITHDRAWN");
        assertThat(facts(List.of(reopened), "reopen_count")).containsExactly("1");
        assertThat(facts(List.of(joint), "supervised")).containsExactly("true");
        assertThat(facts(List.of(dispatched), "ever_red")).containsExactly("true");
        LocalDate today = LocalDate.now(BEIJING);
        assertThat(day(today, "DEPT", "cg", "received")).isGreaterThanOrEqualTo(1);
        assertThat(day(today, "DEPT", "jt", "closed")).isGreaterThanOrEqualTo(1);
        assertThat(day(today, "VILLAGE", "v0201", "returned")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select sum(cases) from appeal_day_count where received_on = ? and unit_code = 'v0201'"
                                + " and dimension = 'REASON' and item = '车位产权属于业主共有事项'")
                        .param(today)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoTransactionsAddingToTheSameDayAndVillageBothCount() throws Exception {
        // given two cases of a day no case has yet, each taken in by its own transaction
        LocalDateTime at = LocalDate.of(2001, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(3000))
                .atTime(10, 0);
        assertThat(day(at.toLocalDate(), "VILLAGE", "v0102", "received")).isZero();
        String first = caseRow();
        String second = caseRow();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        // when the first has added to its roll-ups and not committed, and the second adds to the same rows
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            receive(first, at);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // after the roll-ups' differences, which are added last before the commit
                    firstWrote.countDown();
                    waitFor(firstMayCommit);
                }
            });
        }));
        waitFor(firstWrote);
        CompletableFuture<Void> two =
                CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> receive(second, at)));
        // the second waits for the first's row lock
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnRollUps() > 0);
        firstMayCommit.countDown();
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);

        // then both cases count in the day's row and its breakdown
        assertThat(day(at.toLocalDate(), "VILLAGE", "v0102", "received")).isEqualTo(2);
        assertThat(jdbc.sql("select cases from appeal_day_count where received_on = ? and unit_kind = 'VILLAGE'"
                                + " and unit_code = 'v0102' and dimension = 'CATEGORY' and item = 'lighting'")
                        .param(at.toLocalDate())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertRollUpsEqualTheFacts();
    }

    @Test
    void twoTransactionsChangingCasesOfTwoDaysInCrossingOrdersBothCommit() throws Exception {
        // given two days no case has yet, and four case rows
        LocalDate base =
                LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        LocalDateTime earlier = base.atTime(9, 0);
        LocalDateTime later = base.plusDays(1).atTime(9, 0);
        String[] cases = {caseRow(), caseRow(), caseRow(), caseRow()};
        CountDownLatch firstChangedOne = new CountDownLatch(1);
        CountDownLatch secondChangedOne = new CountDownLatch(1);

        // when the first takes in a case of the earlier day, then one of the later, and the second the other
        // way round, each changing its first case before the other changes its second
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            receive(cases[0], earlier);
            firstChangedOne.countDown();
            waitFor(secondChangedOne);
            receive(cases[1], later);
        }));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            waitFor(firstChangedOne);
            receive(cases[2], later);
            secondChangedOne.countDown();
            receive(cases[3], earlier);
        }));

        // then neither is a deadlock's victim (each took its rows in the one order), and all four count
        one.get(30, TimeUnit.SECONDS);
        two.get(30, TimeUnit.SECONDS);
        assertThat(day(base, "VILLAGE", "v0102", "received")).isEqualTo(2);
        assertThat(day(base.plusDays(1), "VILLAGE", "v0102", "received")).isEqualTo(2);
        assertRollUpsEqualTheFacts();
    }

    private long waitingOnRollUps() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like '%appeal_day%'")
                .query(Long.class)
                .single();
    }

    private void receive(String trackingNo, LocalDateTime at) {
        facts.received(
                trackingNo,
                "v0102",
                Category.LIGHTING,
                Channel.PHONE,
                null,
                at.atZone(BEIJING).toInstant());
    }

    /** A case row without facts yet, as intake writes it just before them. */
    private String caseRow() {
        String no = "RU-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        jdbc.sql("insert into appeal (tracking_no, access_code_hash, citizen_name, phone, category, urgency, scope,"
                        + " description, village_code, channel, status, created_at, updated_at)"
                        + " values (?, 'x', '测试', '13800000000', 'lighting', 'NORMAL', 'HOUSEHOLD', '并发测试', 'v0102',"
                        + " 'PHONE', 'OPEN', now(), now())")
                .param(no)
                .update();
        return no;
    }

    private void evaluate(Case appeal, String satisfaction) {
        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/evaluation",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "satisfaction", satisfaction)),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Every roll-up row equals the same sums computed afresh from every fact, and no fact is missing from
     * them: the rows that differ, both ways, in one statement (one snapshot, while the engine may be
     * changing facts in the background). A row all of whose sums went back to 0 counts as no row.
     */
    private void assertRollUpsEqualTheFacts() {
        String units = " from appeal_fact f cross join lateral (select 'VILLAGE' kind, f.village_code code union all"
                + " select 'DEPT', d.dept_code from appeal_fact_dept d where d.tracking_no = f.tracking_no) u";
        String day = "(f.received_at at time zone 'Asia/Shanghai')::date";
        String freshDays = "select " + day + " received_on, u.kind unit_kind, u.code unit_code, count(*) received,"
                + sum("f.responded_in_time")
                + sum("f.status = 'CLOSED'")
                + sum("f.status = 'CLOSED' and not f.ever_red")
                + " coalesce(sum(case when f.status = 'CLOSED' then f.working_days end), 0),"
                + sum("f.status = 'CLOSED' and f.working_days is not null")
                + sum("f.satisfaction is not null")
                + sum("f.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')")
                + sum("f.reopen_count > 0")
                + sum("f.status = 'CLOSED' or f.reopen_count > 0")
                + sum("f.status = 'RETURNED'")
                + sum("f.supervised")
                + sum("f.supervised and f.status = 'CLOSED'")
                + " count(*) filter (where f.supervised and f.status = 'OPEN')"
                + units + " group by 1, 2, 3";
        String keptDays = "select received_on, unit_kind, unit_code, "
                + DailyTallies.TALLIES.stream().map(c -> "t." + c).collect(Collectors.joining(", "))
                + " from appeal_day t where "
                + DailyTallies.TALLIES.stream().map(c -> "t." + c + " <> 0").collect(Collectors.joining(" or "));
        String freshCounts = "select " + day + ", u.kind, u.code, x.dimension, x.item, count(*)" + units
                + " cross join lateral (values ('CHANNEL', f.channel), ('CATEGORY', f.category), ('PATH', f.path))"
                + " x(dimension, item) where x.item is not null group by 1, 2, 3, 4, 5"
                + " union all select " + day + ", u.kind, u.code, 'REASON', r.reason, count(*)" + units
                + " join appeal_fact_return_reason r on r.tracking_no = f.tracking_no where f.status = 'RETURNED'"
                + " group by 1, 2, 3, 4, 5";
        String keptCounts =
                "select received_on, unit_kind, unit_code, dimension, item, cases from appeal_day_count where cases <> 0";
        List<String> differences = jdbc.sql("select 'fresh, not kept: ' || r::text from ((" + freshDays + ") except ("
                        + keptDays + ")) r union all select 'kept, not fresh: ' || r::text from ((" + keptDays
                        + ") except (" + freshDays + ")) r union all select 'fresh, not kept: ' || r::text from (("
                        + freshCounts + ") except (" + keptCounts + ")) r union all select 'kept, not fresh: ' ||"
                        + " r::text from ((" + keptCounts + ") except (" + freshCounts + ")) r")
                .query(String.class)
                .list();
        assertThat(differences).isEmpty();
        assertThat(jdbc.sql("select count(*) from appeal_day").query(Long.class).single())
                .isPositive();
    }

    private static String sum(String condition) {
        return " count(*) filter (where " + condition + "),";
    }

    private long day(LocalDate on, String kind, String unit, String column) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from appeal_day where received_on = ?"
                        + " and unit_kind = ? and unit_code = ?")
                .params(on, kind, unit)
                .query(Long.class)
                .single();
    }

    private List<String> facts(List<Case> cases, String column) {
        return jdbc.sql("select " + column + "::text from appeal_fact where tracking_no in (:nos)")
                .param("nos", cases.stream().map(Case::trackingNo).toList())
                .query(String.class)
                .list();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
