package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two nodes of the platform — the packaged jar, each in a JVM of its own — on one PostgreSQL database
 * (docs/operations.md "Several nodes", "Faults"), the tests in order on the same cluster: requests taken
 * by either node, a task created on one and worked on the other, one idempotent request sent to both,
 * light timers falling due together with both job executors running (every timer fires exactly once);
 * a flood of wrong access codes and wrong passwords split across the nodes meeting the limits of one
 * node, a Tasklist session opened on one node used on the other, and under load every outbox message
 * sent exactly once; then, under a steady load, one node killed ({@code kill -9}) and PostgreSQL restarted: afterwards every
 * acknowledged request is exactly one case, every acknowledged completion is done, no timer ran twice —
 * all read from the database. The figures go to {@code target/cluster/faults.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Map<String, Object> IMMEDIATE = Map.of("path", "IMMEDIATE");

    /** Limits low enough to reach: six wrong access codes per case an hour; after 5 failed sign-ins, a minute. */
    private static final List<String> SETTINGS = List.of(
            "--lianxin.public-limits.code-guesses-per-case.capacity=6",
            "--lianxin.public-limits.code-guesses-per-case.refill=1h",
            "--lianxin.sign-in.per-user-and-address.base-delay=1m");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of("target", "cluster");
    private EmbeddedPostgres db;
    private int port;
    private String url;
    private NamedParameterJdbcTemplate sql;
    private PlatformNode a;
    private PlatformNode b;
    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void aDatabaseAndTwoNodes() throws Exception {
        Files.createDirectories(work);
        port = freePort();
        db = database(true);
        url = db.getJdbcUrl("postgres", "postgres");
        sql = new NamedParameterJdbcTemplate(db.getPostgresDatabase());
        // the logs of an earlier run would hold deliveries of the same message ids
        try (var logs = Files.newDirectoryStream(work, "node-*.log")) {
            for (Path log : logs) {
                Files.delete(log);
            }
        }
        a = PlatformNode.start(url, "postgres", "postgres", work.resolve("node-a.log"), SETTINGS);
        b = PlatformNode.start(url, "postgres", "postgres", work.resolve("node-b.log"), SETTINGS);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (EmbeddedPostgres stopped = db;
                PlatformNode first = a;
                PlatformNode second = b) {
            Files.write(work.resolve("faults.txt"), report);
        }
    }

    @Test
    @Order(1)
    void twoNodesShareTheCasesTheTasksAndTheTimersAndFireEachTimerOnce() {
        List<PlatformNode> nodes = List.of(a, b);

        // requests taken by either node
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(submit(nodes.get(i % 2), UUID.randomUUID().toString()));
        }
        assertThat(cases).doesNotHaveDuplicates();
        assertThat(sql.queryForObject(
                        "select count(*) from appeal where tracking_no in (:cases)",
                        Map.of("cases", cases),
                        Long.class))
                .isEqualTo(20);

        // one request sent to both nodes with one Idempotency-Key is one case
        String key = UUID.randomUUID().toString();
        String first = submit(a, key);
        String again = submit(b, key);
        assertThat(again).isEqualTo(first);
        assertThat(sql.queryForObject(
                        "select count(*) from appeal where idempotency_key = :key", Map.of("key", key), Long.class))
                .isEqualTo(1);
        assertThat(sql.queryForObject(
                        "select count(*) from act_ru_execution where business_key_ = :no and parent_id_ is null",
                        Map.of("no", first),
                        Long.class))
                .isEqualTo(1);

        // a task of a case taken on A is worked on B, and the next step shows on A
        String triage = taskOf(b, first, "triage");
        PlatformNode.Answer done = b.post("/api/tasks/" + triage + "/completion", "gw-v0101", IMMEDIATE, Map.of());
        assertThat(done.status()).as(done.text()).isEqualTo(204);
        assertThat(taskOf(a, first, "handle-immediate")).isNotBlank();

        // the 20 cases' light timers fall due together, with both job executors running
        List<String> instances = sql.queryForList(
                "select id_ from act_ru_execution where business_key_ in (:cases) and parent_id_ is null",
                Map.of("cases", cases),
                String.class);
        List<String> timers = sql.queryForList(
                "select id_ from act_ru_job where process_instance_id_ in (:instances)"
                        + " and handler_type_ = 'timer-transition'",
                Map.of("instances", instances),
                String.class);
        assertThat(timers).hasSize(20);
        // the yellow date passed a minute ago: a timer that fires turns its case yellow
        sql.update(
                "update act_ru_task set follow_up_date_ = now() - interval '1 minute'"
                        + " where proc_inst_id_ in (:instances) and task_def_key_ = 'triage'",
                Map.of("instances", instances));
        // then: each timer ran once, never failed, and each case turned yellow once
        fallDueAndRunOnceEach(timers, "the 20 timers");
        assertThat(sql.queryForList(
                        "select tracking_no from appeal_log where tracking_no in (:cases) and kind = 'LIGHT'",
                        Map.of("cases", cases),
                        String.class))
                .as("one light change per case")
                .hasSize(20)
                .doesNotHaveDuplicates();

        // the cycle's second firing falls due for all 20 together: each case turns red and its
        // step's supervision (督办) starts — once, though two job executors race for the timers
        List<String> redTimers = sql.queryForList(
                "select id_ from act_ru_job where process_instance_id_ in (:instances)"
                        + " and handler_type_ = 'timer-transition'",
                Map.of("instances", instances),
                String.class);
        assertThat(redTimers).hasSize(20).doesNotContainAnyElementsOf(timers);
        sql.update(
                "update act_ru_task set due_date_ = now() - interval '1 minute'"
                        + " where proc_inst_id_ in (:instances) and task_def_key_ = 'triage'",
                Map.of("instances", instances));
        List<String> supervised = cases.stream().map(no -> no + ":triage").toList();
        fallDueAndRunOnceEach(redTimers, "the 20 red timers");
        assertThat(sql.queryForList(
                        "select business_key_ from act_hi_procinst where proc_def_key_ = 'supervision'"
                                + " and business_key_ in (:keys)",
                        Map.of("keys", supervised),
                        String.class))
                .as("one supervision per overdue step")
                .hasSize(20)
                .doesNotHaveDuplicates();
        assertThat(sql.queryForList(
                        "select tracking_no from appeal where tracking_no in (:cases) and light = 'RED'",
                        Map.of("cases", cases),
                        String.class))
                .hasSize(20);
    }

    @Test
    @Order(2)
    void noticePeriodsEndingTogetherOnTwoNodesEachEndOnce() {
        List<PlatformNode> nodes = List.of(a, b);

        // ten topics proposed on either node, accepted and planned by 东风's host, each now on notice (公示)
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PlatformNode node = nodes.get(i % 2);
            PlatformNode.Answer proposed = node.post("/api/deliberations", null, proposal(i), Map.of());
            assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
            String no = proposed.body().path("deliberationNo").asText();
            PlatformNode.Answer accepted = node.post(
                    "/engine-rest/task/" + hostsTask(node, no, "topic-review") + "/submit-form",
                    "host-v0101",
                    Map.of("variables", Map.of("decision", Map.of("value", "ACCEPT"))),
                    Map.of());
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(204);
            PlatformNode.Answer planned = nodes.get((i + 1) % 2)
                    .post(
                            "/api/tasks/" + hostsTask(node, no, "prepare-plan") + "/completion",
                            "host-v0101",
                            Map.of(
                                    "meetingAt",
                                    OffsetDateTime.now(ZoneOffset.ofHours(8))
                                            .plusDays(30)
                                            .truncatedTo(ChronoUnit.MINUTES)
                                            .toString(),
                                    "meetingPlace",
                                    "东风社区党群服务中心议事厅",
                                    "participants",
                                    "议事代表 5 人",
                                    "plan",
                                    "讨论方案，表决是否实施"),
                            Map.of());
            assertThat(planned.status()).as(planned.text()).isEqualTo(204);
            topics.add(no);
        }
        List<String> instances = sql.queryForList(
                "select id_ from act_ru_execution where business_key_ in (:topics) and parent_id_ is null",
                Map.of("topics", topics),
                String.class);
        List<String> timers = sql.queryForList(
                "select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where j.process_instance_id_ in (:instances) and d.act_id_ = 'plan-notice-period'",
                Map.of("instances", instances),
                String.class);
        assertThat(timers).hasSize(10);
        assertThat(sql.queryForObject(
                        "select count(*) from deliberation_notice where deliberation_no in (:topics)"
                                + " and kind = 'PLAN' and closed_at is null",
                        Map.of("topics", topics),
                        Long.class))
                .isEqualTo(10);

        // when the ten notice periods end together, with both job executors running, then each ended once:
        // one successful run per timer and none failed, each notice closed, one entry "协商前公示期满" in
        // each topic's record, and each topic waits once at 研判公示意见
        fallDueAndRunOnceEach(timers, "the 10 notice timers");
        assertThat(sql.queryForObject(
                        "select count(*) from deliberation_notice where deliberation_no in (:topics)"
                                + " and kind = 'PLAN' and closed_at is null",
                        Map.of("topics", topics),
                        Long.class))
                .as("notices still open")
                .isZero();
        assertThat(sql.queryForList(
                        "select deliberation_no from deliberation_log where deliberation_no in (:topics)"
                                + " and kind = 'NOTICE' and entry like '协商前公示期满%'",
                        Map.of("topics", topics), String.class))
                .as("one end of notice per topic")
                .hasSize(10)
                .doesNotHaveDuplicates();
        assertThat(sql.queryForList(
                        "select proc_inst_id_ from act_ru_task where proc_inst_id_ in (:instances)"
                                + " and task_def_key_ = 'review-opinions'",
                        Map.of("instances", instances),
                        String.class))
                .hasSize(10)
                .doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void aFloodOfWrongCodesSplitAcrossTheNodesMeetsTheLimitOfOne() {
        // given a case, and its limit of six wrong access codes an hour
        String trackingNo = submit(a, UUID.randomUUID().toString());

        // when twelve wrong codes are tried, turn about on A and B
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add((i % 2 == 0 ? a : b)
                    .get("/api/appeals/" + trackingNo + "?accessCode=WRONG234", null)
                    .status());
        }

        // then the first six were checked and the next six refused, on both nodes, as one node would
        assertThat(answers.subList(0, 6)).as(answers.toString()).doesNotContain(429);
        assertThat(answers.subList(6, 12)).as(answers.toString()).containsOnly(429);
        // from one bucket in the database, kept under a digest of the number, not the number
        assertThat(sql.queryForList(
                        "select key_digest from public_limit where limit_name = 'code-guesses-per-case'",
                        Map.of(),
                        String.class))
                .singleElement()
                .matches(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    @Order(4)
    void failedSignInsSplitAcrossTheNodesThrottleTheAccountAsOnOne() {
        // when five wrong passwords for one account are tried, turn about on A and B
        for (int i = 0; i < 5; i++) {
            assertThat(basic(i % 2 == 0 ? a : b, "pm4", "not-the-password")).isEqualTo(401);
        }

        // then the next attempt waits on either node, even with the right password
        assertThat(basic(a, "pm4", "demo")).isEqualTo(429);
        assertThat(basic(b, "pm4", "demo")).isEqualTo(429);
        // the three counters (the account from this address, the address, the account) hold all five
        assertThat(sql.queryForList("select failures from sign_in_failure", Map.of(), Integer.class))
                .containsExactly(5, 5, 5);
    }

    @Test
    @Order(5)
    void aTasklistSessionOpenedOnOneNodeWorksOnTheOther() throws Exception {
        // given a grid worker signed in to Tasklist on A (its session and CSRF token)
        HttpResponse<String> page = send(
                a,
                HttpRequest.newBuilder(a.base().resolve("/camunda/app/tasklist/"))
                        .GET());
        String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String session = cookie(page, "JSESSIONID");
        String cookies = "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf;
        HttpResponse<String> login = send(
                a,
                HttpRequest.newBuilder(a.base().resolve("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("username=gw-v0101&password=demo")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String signedIn = cookie(login, "JSESSIONID") == null ? session : cookie(login, "JSESSIONID");
        String signedInCookies = "JSESSIONID=" + signedIn + "; XSRF-TOKEN=" + csrf;
        String sessionId = new String(Base64.getDecoder().decode(signedIn), StandardCharsets.UTF_8);
        assertThat(sql.queryForObject(
                        "select count(*) from spring_session where session_id = :id",
                        Map.of("id", sessionId),
                        Long.class))
                .isEqualTo(1);

        // when the next requests land on B
        HttpResponse<String> me = send(
                b,
                HttpRequest.newBuilder(b.base().resolve("/camunda/api/admin/auth/user/default"))
                        .header("Cookie", signedInCookies)
                        .GET());
        HttpResponse<String> tasks = send(
                b,
                HttpRequest.newBuilder(b.base().resolve("/camunda/api/engine/engine/default/task"))
                        .header("Cookie", signedInCookies)
                        .GET());
        // a request that changes state, on A: CSRF-checked against the token B handed out into the session
        String token = me.headers().firstValue("X-XSRF-TOKEN").orElse(csrf);
        HttpResponse<String> logout = send(
                a,
                HttpRequest.newBuilder(a.base().resolve("/camunda/api/admin/auth/user/default/logout"))
                        .header("Cookie", "JSESSIONID=" + signedIn + "; XSRF-TOKEN=" + token)
                        .header("Origin", a.base().toString())
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.noBody()));

        // then B knows the user and answers the user's Tasklist, A takes the token B gave, and B sees the sign-out
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"gw-v0101\"");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        HttpResponse<String> afterwards = send(
                b,
                HttpRequest.newBuilder(b.base().resolve("/camunda/api/engine/engine/default/task"))
                        .header("Cookie", signedInCookies)
                        .GET());
        assertThat(afterwards.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void thePortalsReceiptSubmittedOnOneNodeShowsOnTheOther() {
        // given a citizen's request form read from A and posted back to A, as the portal's page does
        HttpResponse<String> page =
                send(a, HttpRequest.newBuilder(a.base().resolve("/submit")).GET());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        Map<String, Object> fields = new java.util.HashMap<>(AppealFixtures.intake("policy", "v0101"));
        fields.remove("channel");
        fields.put("consent", "yes");
        fields.put("requestKey", UUID.randomUUID().toString());
        fields.put("_csrf", token.group(1));
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(field.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> submitted = send(
                a,
                HttpRequest.newBuilder(a.base().resolve("/submit"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "LX-PORTAL-CSRF=" + cookie(page, "LX-PORTAL-CSRF"))
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/submit/receipt");
        String session = cookie(submitted, "JSESSIONID");
        assertThat(session).isNotNull();

        // when the redirect lands on B
        HttpResponse<String> receipt = send(
                b,
                HttpRequest.newBuilder(b.base().resolve("/submit/receipt"))
                        .header("Cookie", "JSESSIONID=" + session)
                        .GET());

        // then B shows the receipt of the case A took: its number, as the database has it
        String trackingNo = sql.queryForObject(
                "select tracking_no from appeal where idempotency_key = :key",
                Map.of("key", fields.get("requestKey")),
                String.class);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains(trackingNo);
    }

    @Test
    @Order(7)
    void messagesProducedOnBothNodesUnderLoadAreEachSentOnce() throws Exception {
        // given a steady load of requests on both nodes, each case sending its citizen a receipt
        long before = sql.queryForObject("select coalesce(max(id), 0) from notification_outbox", Map.of(), Long.class);
        ClusterLoad load = new ClusterLoad(() -> List.of(a, b), 4);
        try (load) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= 40);
        }
        List<String> cases = load.accepted.values().stream()
                .map(ClusterLoad.Accepted::trackingNo)
                .toList();

        // when both nodes' senders have worked through the outbox
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sql.queryForObject(
                                "select count(*) from notification_outbox where id > :before and status <> 'SENT'",
                                Map.of("before", before),
                                Long.class)
                        == 0);

        // then every case's receipt was sent, once: one attempt in the database, one delivery in the logs
        List<Long> messages = sql.queryForList(
                "select id from notification_outbox where id > :before and tracking_no in (:cases)"
                        + " and attempts = 1 and status = 'SENT'",
                Map.of("before", before, "cases", cases),
                Long.class);
        assertThat(messages).hasSizeGreaterThanOrEqualTo(cases.size());
        Map<Path, List<Long>> sentBy = deliveriesInTheNodesLogs();
        Map<Long, Long> deliveries = sentBy.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(messages)
                .as("each message delivered by exactly one node, once")
                .allSatisfy(id -> assertThat(deliveries.get(id))
                        .as("deliveries of #" + id)
                        .isEqualTo(1L));
        long nodesThatSent = sentBy.values().stream()
                .filter(ids -> ids.stream().anyMatch(messages::contains))
                .count();
        report.add(String.format(
                "outbox under load on two nodes: %d requests, %d messages, each delivered once; %d nodes sent",
                cases.size(), messages.size(), nodesThatSent));
    }

    @Test
    @Order(8)
    void aNodeKilledMidFlightLosesNoAcknowledgedRequest() throws Exception {
        // given a steady load on both nodes
        long killedAt;
        long backAfter;
        ClusterLoad load = new ClusterLoad(() -> List.of(a, b), 4);
        try (load) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= 20);

            // when node A is killed mid-flight, and started again while B carries the load
            killedAt = System.currentTimeMillis();
            a.kill();
            int atKill = load.acceptedCount();
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= atKill + 20);
            a = PlatformNode.start(url, "postgres", "postgres", work.resolve("node-a-restarted.log"), SETTINGS);
            backAfter = System.currentTimeMillis() - killedAt;
            int atRestart = load.acceptedCount();
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= atRestart + 20);
        }

        // then
        everyAcknowledgementHolds(load);
        report.add(String.format(
                "kill -9 of one node: %d requests acknowledged, %d completions acknowledged, %d failed attempts"
                        + " (retried on the other node), longest wait of a client from a failure to its"
                        + " acknowledgement %d ms, node back %d ms after the kill",
                load.acceptedCount(),
                load.completed.size(),
                load.failedAttempts.get(),
                load.longestRecoveryMillis.get(),
                backAfter));
    }

    @Test
    @Order(9)
    void aDatabaseRestartIsAnOutageTheNodesRecoverFrom() throws Exception {
        long down;
        long readinessSaidDownAfter;
        long recoveredAfter;
        ClusterLoad load = new ClusterLoad(() -> List.of(a, b), 4);
        try (load) {
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= 20);

            // when PostgreSQL stops
            down = System.currentTimeMillis();
            db.close();

            // then readiness says so while it lasts
            assertThat(b.readiness()).isEqualTo(503);
            readinessSaidDownAfter = System.currentTimeMillis() - down;

            // when it is back (the same data, the same port)
            db = database(false);
            await().atMost(Duration.ofMinutes(2)).until(() -> a.ready() && b.ready());
            recoveredAfter = System.currentTimeMillis() - down;
            int atRecovery = load.acceptedCount();
            await().atMost(Duration.ofMinutes(2)).until(() -> load.acceptedCount() >= atRecovery + 20);
        }
        sql = new NamedParameterJdbcTemplate(db.getPostgresDatabase());

        // then
        everyAcknowledgementHolds(load);
        report.add(String.format(
                "PostgreSQL restarted: %d requests acknowledged, %d completions acknowledged, %d failed attempts,"
                        + " longest wait of a client from a failure to its acknowledgement %d ms; readiness DOWN"
                        + " %d ms after the stop; both nodes ready again %d ms after the stop",
                load.acceptedCount(),
                load.completed.size(),
                load.failedAttempts.get(),
                load.longestRecoveryMillis.get(),
                readinessSaidDownAfter,
                recoveredAfter));
    }

    /** Each acknowledged request is exactly one case and one process; each acknowledged completion is done. */
    private void everyAcknowledgementHolds(ClusterLoad load) {
        NamedParameterJdbcTemplate now = new NamedParameterJdbcTemplate(db.getPostgresDatabase());
        List<String> keys = List.copyOf(load.accepted.keySet());
        Map<String, String> stored = new java.util.HashMap<>();
        now.query(
                "select idempotency_key, tracking_no from appeal where idempotency_key in (:keys)",
                Map.of("keys", keys),
                rs -> {
                    assertThat(stored.put(rs.getString(1), rs.getString(2)))
                            .as("one case per key")
                            .isNull();
                });
        assertThat(stored).hasSize(keys.size());
        load.accepted.values().forEach(acknowledged -> assertThat(stored.get(acknowledged.idempotencyKey()))
                .isEqualTo(acknowledged.trackingNo()));
        List<String> numbers = List.copyOf(stored.values());
        assertThat(now.queryForObject(
                        "select count(*) from act_hi_procinst where business_key_ in (:numbers)",
                        Map.of("numbers", numbers),
                        Long.class))
                .as("one process per case")
                .isEqualTo(numbers.size());
        if (!load.completed.isEmpty()) {
            assertThat(now.queryForObject(
                            "select count(*) from act_hi_taskinst where id_ in (:tasks) and end_time_ is not null"
                                    + " and delete_reason_ = 'completed'",
                            Map.of("tasks", List.copyOf(load.completed)),
                            Long.class))
                    .as("every acknowledged completion is done")
                    .isEqualTo(load.completed.size());
        }
        assertThat(now.queryForList(
                        "select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1",
                        Map.of(),
                        String.class))
                .as("no job ran twice")
                .isEmpty();
    }

    /**
     * The cluster's PostgreSQL, on the same port and data directory each time ({@code fresh}: emptied
     * first). The data directory is never removed by the server's own close, so a restart keeps the data.
     */
    private EmbeddedPostgres database(boolean fresh) throws IOException {
        Path data = work.resolve("pgdata");
        if (fresh && Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String submit(PlatformNode node, String idempotencyKey) {
        PlatformNode.Answer answer = node.post(
                "/api/appeals",
                null,
                AppealFixtures.intake("policy", "NORMAL", "HOUSEHOLD", "v0101"),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(answer.status()).as(answer.text()).isIn(200, 201);
        return answer.body().path("trackingNo").asText();
    }

    /**
     * These timers fall due now, with both nodes' job executors running; once each has run, each ran exactly
     * once and none failed (from Camunda's job log).
     */
    private void fallDueAndRunOnceEach(List<String> timers, String what) {
        sql.update("update act_ru_job set duedate_ = now() where id_ in (:timers)", Map.of("timers", timers));
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sql.queryForObject(
                                "select count(distinct job_id_) from act_hi_job_log where job_id_ in (:timers)"
                                        + " and job_state_ = 2",
                                Map.of("timers", timers),
                                Long.class)
                        == timers.size());
        assertThat(sql.queryForObject(
                        "select count(*) from act_hi_job_log where job_id_ in (:timers) and job_state_ = 2",
                        Map.of("timers", timers),
                        Long.class))
                .as("successful runs of " + what)
                .isEqualTo(timers.size());
        assertThat(sql.queryForObject(
                        "select count(*) from act_hi_job_log where job_id_ in (:timers) and job_state_ = 1",
                        Map.of("timers", timers),
                        Long.class))
                .as("failed runs of " + what)
                .isZero();
    }

    /** A resident's proposal of a topic for 东风 (v0101). */
    private static Map<String, Object> proposal(int i) {
        return Map.of(
                "title", "东风社区议题 " + i,
                "background", "居民反映的问题 " + i,
                "proposerName", "陈静",
                "phone", "1380013" + String.format("%04d", i),
                "villageCode", "v0101");
    }

    /** The id of the topic's open task of this key, as 东风's host finds it on the node. */
    private static String hostsTask(PlatformNode node, String deliberationNo, String taskKey) {
        PlatformNode.Answer found = node.get(
                "/engine-rest/task?processInstanceBusinessKey=" + deliberationNo + "&taskDefinitionKey=" + taskKey,
                "host-v0101");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body()).as(taskKey + " of " + deliberationNo).hasSize(1);
        return found.body().get(0).path("id").asText();
    }

    /** The id of the case's open task of this key, as the village's grid worker finds it on the node. */
    private static String taskOf(PlatformNode node, String trackingNo, String taskKey) {
        PlatformNode.Answer found = node.get(
                "/engine-rest/task?processInstanceBusinessKey=" + trackingNo + "&taskDefinitionKey=" + taskKey,
                "gw-v0101");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.body()).as(taskKey + " of " + trackingNo).hasSize(1);
        return found.body().get(0).path("id").asText();
    }

    /** A GET of the signed-in user's own profile with HTTP Basic: the status. */
    private static int basic(PlatformNode node, String user, String password) {
        return send(
                        node,
                        HttpRequest.newBuilder(node.base().resolve("/api/me"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((user + ":" + password)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .GET())
                .statusCode();
    }

    private static HttpResponse<String> send(PlatformNode node, HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(node.base() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    /** The message ids each node's log shows delivered (the log provider writes one line per delivery). */
    private Map<Path, List<Long>> deliveriesInTheNodesLogs() throws IOException {
        Pattern delivery = Pattern.compile("通知 #(\\d+) → ");
        Map<Path, List<Long>> sent = new java.util.HashMap<>();
        try (var logs = Files.newDirectoryStream(work, "node-*.log")) {
            for (Path log : logs) {
                List<Long> ids = new ArrayList<>();
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    Matcher found = delivery.matcher(line);
                    if (found.find()) {
                        ids.add(Long.valueOf(found.group(1)));
                    }
                }
                sent.put(log, ids);
            }
        }
        return sent;
    }
}
