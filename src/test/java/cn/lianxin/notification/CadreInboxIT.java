package cn.lianxin.notification;

import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.testing.WebappClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /api/inbox} on PostgreSQL, as the Tasklist navbar uses it: a red step reaches its handlers'
 * inboxes once; the unread count; pages newest first; marking one or all read. Nobody reads or marks
 * another's notices, anonymous callers are refused, bad paging is a 400 naming the parameter — and
 * none of these changes anything.
 */
@PlatformIntegrationTest
class CadreInboxIT {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    /** The process designer: told of nothing by the processes, so their inbox is this test's alone. */
    private static final String HEAVY_READER = "designer";

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    SqlStatements sql;

    @LocalServerPort
    int port;

    @Test
    void aStepTurningRedReachesItsHandlersInboxesOnce() {
        // given: a request in 河口村 nobody triages, and what its grid worker has unread so far
        String trackingNo =
                appeals.submit("lighting", "NORMAL", "HOUSEHOLD", "v0201").trackingNo();
        long unreadBefore = unreadCount("gw-v0201");

        // when its 24 hours are over and its light timer runs
        Task triage = tasks.createTaskQuery()
                .processInstanceBusinessKey(trackingNo)
                .taskDefinitionKey("triage")
                .singleResult();
        triage.setFollowUpDate(new Date(System.currentTimeMillis() - 2000));
        triage.setDueDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(triage);
        management.executeJob(lightJob(triage).getId());

        // then the grid worker's inbox holds one new unread 超期 notice about the task, first on the page
        assertThat(unreadCount("gw-v0201")).isEqualTo(unreadBefore + 1);
        JsonNode newest = ok(api.as("gw-v0201").get("/api/inbox?unread=true&size=1"))
                .get("items")
                .get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("OVERDUE");
        assertThat(newest.get("kindLabel").asText()).isEqualTo("超期");
        assertThat(newest.get("number").asText()).isEqualTo(trackingNo);
        assertThat(newest.get("taskId").asText()).isEqualTo(triage.getId());
        assertThat(newest.get("text").asText()).contains(trackingNo, "分类分流", "已超期");
        assertThat(newest.get("read").asBoolean()).isFalse();
        assertThat(newest.has("at")).isTrue();
        assertThat(newest.has("actorName")).isFalse();
        // and the supervisors hear of the supervision it started; nobody else of the case
        assertThat(told(trackingNo)).containsExactlyInAnyOrder("gw-v0201 OVERDUE", "supervisor SUPERVISION");

        // when whatever firing is left runs after the deadline
        for (Job left : management
                .createJobQuery()
                .processInstanceId(triage.getProcessInstanceId())
                .activityId("triage-light")
                .list()) {
            management.executeJob(left.getId());
        }

        // then nobody is told again
        assertThat(told(trackingNo)).containsExactlyInAnyOrder("gw-v0201 OVERDUE", "supervisor SUPERVISION");
        assertThat(unreadCount("gw-v0201")).isEqualTo(unreadBefore + 1);
    }

    @Test
    void thePagesTogetherAreTheUsersNoticesOnceNewestFirst() {
        // given: 25 notices for 住建's handler, one after another
        String number = number();
        for (int i = 1; i <= 25; i++) {
            tell("dept-zj", number, "第 " + i + " 条");
        }

        // when
        List<JsonNode> whole = api.as("dept-zj").everyItem("/api/inbox");
        List<JsonNode> bySeven = new ArrayList<>();
        JsonNode page;
        int pageNo = 0;
        do {
            page = ok(api.as("dept-zj").get("/api/inbox?size=7&page=" + pageNo));
            assertThat(page.get("page").asInt()).isEqualTo(pageNo);
            assertThat(page.get("size").asInt()).isEqualTo(7);
            assertThat(page.has("next")).isFalse();
            page.get("items").forEach(bySeven::add);
            pageNo++;
        } while (page.get("hasMore").asBoolean());

        // then the pages hold each notice once, newest first: the 25th, the 24th … the 1st
        List<String> mine = texts(whole, number);
        assertThat(mine).hasSize(25).first().isEqualTo("第 25 条");
        assertThat(mine).last().isEqualTo("第 1 条");
        assertThat(ids(bySeven)).doesNotHaveDuplicates().isEqualTo(ids(whole));
        assertThat(whole.stream()
                        .map(item -> Instant.parse(item.get("at").asText()))
                        .toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void markingOneReadCountsOnceAndReadAllLeavesNothingUnread() {
        // given: three new notices for 交通's handler
        String number = number();
        tell("dept-jt", number, "一");
        tell("dept-jt", number, "二");
        tell("dept-jt", number, "三");
        long unread = unreadCount("dept-jt");
        assertThat(unread).isGreaterThanOrEqualTo(3);
        long first = idOf("dept-jt", number, "一");

        // when one is marked read, twice (a replayed request)
        assertThat(api.as("dept-jt").post("/api/inbox/" + first + "/read", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.as("dept-jt").post("/api/inbox/" + first + "/read", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then it counts once, shows as read, and leaves the unread-only page
        assertThat(unreadCount("dept-jt")).isEqualTo(unread - 1);
        assertThat(itemOf("dept-jt", first).get("read").asBoolean()).isTrue();
        assertThat(ids(api.as("dept-jt").everyItem("/api/inbox?unread=true")))
                .doesNotContain(first)
                .contains(idOf("dept-jt", number, "二"), idOf("dept-jt", number, "三"));

        // when all are marked read
        assertThat(api.as("dept-jt").post("/api/inbox/read-all", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then nothing is unread, and the list still holds every notice, read
        assertThat(unreadCount("dept-jt")).isZero();
        assertThat(api.as("dept-jt").everyItem("/api/inbox?unread=true")).isEmpty();
        assertThat(texts(api.as("dept-jt").everyItem("/api/inbox?unread=false"), number))
                .containsExactly("三", "二", "一");
    }

    @Test
    void theTasklistNavbarReadsTheCountAndMarksReadWithTheWebappsSession() {
        // given: a notice for 民政's handler, who is signed in to Tasklist
        String number = number();
        tell("dept-mz", number, "导航栏");
        long expected = unreadCount("dept-mz");
        WebappClient tasklist = new WebappClient(port);
        assertThat(tasklist.signIn("dept-mz", "demo")).isEqualTo(200);

        // when the navbar plugin asks with the session and its CSRF token
        HttpResponse<String> count = tasklist.send("GET", "/api/inbox/unread-count", null, null);

        // then it reads the cadre's own count, and marks their notices read the same way
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(count.body()).isEqualTo("{\"count\":" + expected + "}");
        assertThat(tasklist.send("POST", "/api/inbox/read-all", null, "application/json")
                        .statusCode())
                .isEqualTo(204);
        assertThat(unreadCount("dept-mz")).isZero();
    }

    @Test
    void nobodyReadsOrMarksAnotherUsersNoticesAndTryingChangesNothing() {
        // given: a notice for 民政's handler, and 城管's handler with nothing unread
        String number = number();
        tell("dept-mz", number, "民政的消息");
        long theirs = idOf("dept-mz", number, "民政的消息");
        api.as("dept-cg").post("/api/inbox/read-all", null);
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // when another cadre tries to mark it read, by its id or by ids made up
        for (String id : List.of(String.valueOf(theirs), "0", "-1", "abc", "1e3", "99999999999999999999")) {
            ResponseEntity<JsonNode> refused = api.as("dept-cg").post("/api/inbox/" + id + "/read", null);
            assertThat(refused.getStatusCode()).as(id).isEqualTo(HttpStatus.NOT_FOUND);
        }
        // … or asks to mark "all" read naming the other user in a body the route does not take
        assertThat(api.as("dept-cg")
                        .post("/api/inbox/read-all", Map.of("userId", "dept-mz", "ids", List.of(theirs)))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then the other's notice is still unread, on no page of theirs, and nothing else changed
        assertThat(itemOf("dept-mz", theirs).get("read").asBoolean()).isFalse();
        assertThat(ids(api.as("dept-cg").everyItem("/api/inbox"))).doesNotContain(theirs);
        before.assertUnchanged(jdbcTemplate);
    }

    @Test
    void anonymousCallersAreRefusedAndChangeNothing() {
        // given
        String number = number();
        tell("dept-mz", number, "给民政");
        long id = idOf("dept-mz", number, "给民政");
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // when / then
        assertThat(api.get("/api/inbox").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/inbox/unread-count").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("/api/inbox/" + id + "/read", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("/api/inbox/read-all", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.exchange(HttpMethod.GET, "/api/inbox?unread=true", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        before.assertUnchanged(jdbcTemplate);
        assertThat(itemOf("dept-mz", id).get("read").asBoolean()).isFalse();
    }

    @Test
    void badPagingIsA400NamingTheParameter() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // when / then
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?page=-1")))
                .containsExactly("page");
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?page=abc")))
                .containsExactly("page");
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?size=0"))).containsExactly("size");
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?size=101")))
                .containsExactly("size");
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?page=-1&size=1000")))
                .containsExactlyInAnyOrder("page", "size");
        assertThat(badRequestFields(api.as("dept-cg").get("/api/inbox?unread=maybe")))
                .containsExactly("unread");
        ResponseEntity<JsonNode> problem = api.as("dept-cg").get("/api/inbox?size=0");
        assertThat(problem.getBody().get("title").asText()).matches(".*\\p{IsHan}.*");
        assertThat(problem.getBody().get("detail").asText()).contains("size");
        before.assertUnchanged(jdbcTemplate);
    }

    @Test
    void aPageAndTheUnreadCountReadOneIndexRangeOfTheUserAndNoSort() {
        // given: a cadre with years of notices, nearly all read, and the planner's statistics up to date
        if (unreadCount(HEAVY_READER) == 0) {
            OffsetDateTime start = OffsetDateTime.parse("2020-01-01T00:00:00Z");
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                OffsetDateTime at = start.plusHours(i);
                boolean read = i < 19_990;
                rows.add(new Object[] {HEAVY_READER, "COMMENTED", "旧消息 " + i, at, read ? at : null, !read});
            }
            jdbcTemplate.batchUpdate(
                    "insert into cadre_inbox (user_id, kind, text, created_at, read_at, unread) values (?, ?, ?, ?, ?, ?)",
                    rows);
        }
        jdbcTemplate.execute("analyze cadre_inbox");

        // when
        String newest = plan(CadreInbox.PAGE.formatted(""));
        String unread = plan(CadreInbox.PAGE.formatted(CadreInbox.UNREAD_ONLY));
        String count = plan(CadreInbox.UNREAD_COUNT);

        // then each reads one range of its index, in the page's order, with nothing to sort
        assertThat(newest)
                .contains("Index Scan Backward using cadre_inbox_newest")
                .doesNotContain("Sort");
        assertThat(unread)
                .contains("Index Scan Backward using cadre_inbox_unread")
                .doesNotContain("Sort");
        assertThat(count).contains("cadre_inbox_unread").doesNotContain("Seq Scan");
        assertThat(unreadCount(HEAVY_READER)).isEqualTo(10);
    }

    @Test
    void aPageOfTwentyFiveCostsTheStatementsOfAPageOfOne() {
        // given
        String number = number();
        for (int i = 1; i <= 25; i++) {
            tell("dept-zj", number, "第 " + i + " 条");
        }

        // then
        assertThat(statements("/api/inbox?size=25")).isEqualTo(statements("/api/inbox?size=1"));
        assertThat(statements("/api/inbox/unread-count")).isLessThanOrEqualTo(statements("/api/inbox?size=1"));
    }

    // ---- helpers ----

    private String plan(String sql) {
        return String.join(
                "\n",
                jdbc.sql("explain " + sql)
                        .param("user", HEAVY_READER)
                        .param("offset", 0)
                        .param("fetch", 21)
                        .query(String.class)
                        .list());
    }

    /** The statements of a request as 住建's handler, the fewest of two runs (the first may sign in the slow way). */
    private int statements(String path) {
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            SqlStatements.Request request = sql.of(() -> ok(api.as("dept-zj").get(path)));
            assertThat(request.path()).isEqualTo(path);
            fewest = Math.min(fewest, request.count());
        }
        return fewest;
    }

    /** A notice to one user, published in its own transaction as an operation publishes it. */
    private void tell(String user, String number, String text) {
        transaction.executeWithoutResult(tx -> events.publishEvent(
                new CadreNotice(CadreNotice.Kind.COMMENTED, Set.of(user), Set.of(), number, null, text, null)));
    }

    private long unreadCount(String user) {
        JsonNode count = ok(api.as(user).get("/api/inbox/unread-count"));
        assertThat(count.size()).isEqualTo(1);
        return count.get("count").asLong();
    }

    private List<String> told(String number) {
        return jdbc.sql("select user_id || ' ' || kind from cadre_inbox where number = ? order by id")
                .param(number)
                .query(String.class)
                .list();
    }

    private long idOf(String user, String number, String text) {
        return jdbc.sql("select id from cadre_inbox where user_id = ? and number = ? and text = ?")
                .params(user, number, text)
                .query(Long.class)
                .single();
    }

    private JsonNode itemOf(String user, long id) {
        return api.as(user).everyItem("/api/inbox").stream()
                .filter(item -> item.get("id").asLong() == id)
                .findFirst()
                .orElseThrow();
    }

    private Job lightJob(Task task) {
        return management
                .createJobQuery()
                .processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey() + "-light")
                .singleResult();
    }

    private static List<String> texts(List<JsonNode> items, String number) {
        return items.stream()
                .filter(item -> number.equals(item.path("number").asText()))
                .map(item -> item.get("text").asText())
                .toList();
    }

    private static List<Long> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asLong()).toList();
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String number() {
        return "LX-IT-" + System.nanoTime() % 1_000_000_000L + "-" + NUMBERS.incrementAndGet();
    }
}
