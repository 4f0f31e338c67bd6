package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lists of the platform's API a page at a time — {@code /api/tasks} (numbered pages),
 * {@code /api/cases} and {@code /api/notices} (pages that go on after a row): the pages together
 * are the whole list once, in order; bad paging is a 400 naming the parameter; another unit's rows
 * are on no page; and a page of 50 costs the same number of SQL statements as a page of 1.
 */
@PlatformIntegrationTest
class PagedListsIT {

    /** 向阳村's grid worker: the village few other tests use, given more than 50 open tasks here. */
    static final String GRID_WORKER = "gw-v0102";

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    DeliberationFixtures topics;

    @Autowired
    SqlStatements sql;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    String otherVillagesCase;

    @BeforeEach
    void moreThanFiftyOpenTasksInXiangyangAndACaseInDongfengAndHekou() {
        long open = tasks.createTaskQuery()
                .processDefinitionKey("appeal")
                .taskCandidateGroup("grid-worker-v0102")
                .count();
        for (long i = open; i < 55; i++) {
            appeals.submit("lighting", "NORMAL", "BUILDING", "v0102");
        }
        appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        otherVillagesCase = appeals.submit("road", "NORMAL", "VILLAGE", "v0201").trackingNo();
    }

    @Test
    void theTaskPagesTogetherAreTheWholeListOnceOldestFirstAndOnlyTheUsersVillage() {
        // when
        List<JsonNode> whole = api.as(GRID_WORKER).everyItem("/api/tasks");
        List<JsonNode> bySeven = new ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = ok(api.as(GRID_WORKER).get("/api/tasks?size=7&page=" + number));
            assertThat(page.get("page").asInt()).isEqualTo(number);
            assertThat(page.get("size").asInt()).isEqualTo(7);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(7);
            assertThat(page.has("next")).isFalse();
            if (page.get("hasMore").asBoolean()) {
                assertThat(page.get("items").size()).isEqualTo(7);
            }
            page.get("items").forEach(bySeven::add);
            number++;
        } while (page.get("hasMore").asBoolean());

        // then
        assertThat(ids(bySeven, "taskId")).isEqualTo(ids(whole, "taskId")).doesNotHaveDuplicates();
        assertThat(whole).hasSizeGreaterThan(50);
        assertThat(whole)
                .extracting(t -> Instant.parse(t.get("created").asText()))
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(whole).allSatisfy(t -> assertThat(t.get("village").asText()).isEqualTo("v0102"));
        assertThat(ids(whole, "trackingNo")).doesNotContain(otherVillagesCase);
        JsonNode first = ok(api.as(GRID_WORKER).get("/api/tasks"));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(20);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("citizen").asText()).contains("****");
        JsonNode beyond = ok(api.as(GRID_WORKER).get("/api/tasks?size=100&page=1000"));
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void badPagingIsRefusedNamingTheParameter() {
        assertThat(refused("/api/tasks?size=0")).containsExactly("size");
        assertThat(refused("/api/tasks?size=101")).containsExactly("size");
        assertThat(refused("/api/tasks?page=-1")).containsExactly("page");
        assertThat(refused("/api/tasks?page=10001")).containsExactly("page");
        assertThat(refused("/api/tasks?page=-1&size=500")).containsExactly("page", "size");
        assertThat(refused("/api/tasks?size=twenty")).containsExactly("size");
        assertThat(refused("/api/cases?size=0")).containsExactly("size");
        assertThat(refused("/api/cases?size=101")).containsExactly("size");
        assertThat(refused("/api/cases?before=LX-00000000-000000")).containsExactly("before");
        // a case the user does not follow answers like one that does not exist
        assertThat(refused("/api/cases?before=" + otherVillagesCase)).containsExactly("before");
        assertThat(refused("/api/notices?unit=v0101&size=101")).containsExactly("size");
        assertThat(refused("/api/notices?unit=v0101&before=first")).containsExactly("before");
        assertThat(refused("/api/notices?unit=v0101&before=999999999")).containsExactly("before");
        ResponseEntity<JsonNode> problem = api.as(GRID_WORKER).get("/api/tasks?size=0");
        assertThat(problem.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(problem.getBody().get("title").asText()).isEqualTo("请求数据有误");
        assertThat(problem.getBody().get("detail").asText()).contains("size");
        assertThat(problem.getBody().at("/errors/0/message").asText()).isEqualTo("应为 1 到 100 之间的整数");
    }

    @Test
    void theCasePagesGoOnAfterTheLastCaseNewestFirstAndOnlyTheUsersVillages() {
        // when
        List<JsonNode> station = api.as(GRID_WORKER).everyItem("/api/cases");
        List<JsonNode> bySeven = walk(GRID_WORKER, "/api/cases?size=7");
        List<JsonNode> town = walk("center-t01", "/api/cases?size=9");

        // then
        assertThat(ids(bySeven, "trackingNo"))
                .isEqualTo(ids(station, "trackingNo"))
                .doesNotHaveDuplicates();
        assertThat(station).hasSizeGreaterThan(50);
        assertThat(station)
                .allSatisfy(c -> assertThat(c.get("village").asText()).isEqualTo("向阳村"));
        assertThat(newestFirst(station)).isTrue();
        // a town centre's villages, each read on its own and merged, in one order
        assertThat(town).extracting(c -> c.get("village").asText()).containsOnly("东风社区", "向阳村");
        assertThat(ids(town, "trackingNo")).doesNotHaveDuplicates().doesNotContain(otherVillagesCase);
        assertThat(newestFirst(town)).isTrue();
        assertThat(ids(town, "trackingNo")).containsAll(ids(station, "trackingNo"));
        JsonNode open = ok(api.as(GRID_WORKER).get("/api/cases?status=OPEN&size=5"));
        assertThat(open.get("items"))
                .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("OPEN"));
        assertThat(open.get("next").asText())
                .isEqualTo(open.at("/items/4/trackingNo").asText());
        assertThat(open.has("page")).isFalse();
        assertThat(ids(api.as("leader").everyItem("/api/cases"), "trackingNo"))
                .contains(otherVillagesCase)
                .containsAll(ids(station, "trackingNo"));
        assertThat(api.as("rep1").everyItem("/api/cases")).isEmpty();
    }

    @Test
    void theNoticeBoardPagesGoOnAfterTheLastNoticeNewestFirst() {
        // given: 25 notices of one topic, some opened at the same moment (ordered by id then)
        String topic = topics.propose(DeliberationFixtures.proposal("分页测试", "13900000009"))
                .deliberationNo();
        OffsetDateTime base = Instant.parse("2020-01-01T00:00:00Z").atOffset(ZoneOffset.UTC);
        for (int i = 0; i < 25; i++) {
            jdbc.sql("insert into deliberation_notice (deliberation_no, village_code, kind, title, body, opens_at)"
                            + " values (?, 'v0101', 'PROGRESS', ?, '进展', ?)")
                    .params(topic, "进展 " + i, base.plusHours(i / 3))
                    .update();
        }

        // when
        List<JsonNode> whole = api.everyItem("/api/notices?unit=v0101");
        List<JsonNode> byFour = new ArrayList<>();
        JsonNode page = ok(api.get("/api/notices?unit=v0101&size=4"));
        page.get("items").forEach(byFour::add);
        while (page.get("hasMore").asBoolean()) {
            page = ok(api.get(
                    "/api/notices?unit=v0101&size=4&before=" + page.get("next").asText()));
            page.get("items").forEach(byFour::add);
        }

        // then
        assertThat(ids(byFour, "id")).isEqualTo(ids(whole, "id")).doesNotHaveDuplicates();
        List<JsonNode> mine = whole.stream()
                .filter(n -> topic.equals(n.get("deliberationNo").asText()))
                .toList();
        assertThat(mine).extracting(n -> n.get("title").asText()).containsExactlyElementsOf(titlesNewestFirst());
    }

    @Test
    void aPageOfFiftyCostsAsManyStatementsAsAPageOfOne() {
        for (String user : List.of(GRID_WORKER, "center-t01", "leader")) {
            assertThat(statements(user, "/api/cases?size=50"))
                    .as("%s: /api/cases", user)
                    .isEqualTo(statements(user, "/api/cases?size=1"));
        }
        assertThat(statements(GRID_WORKER, "/api/tasks?size=50"))
                .as("/api/tasks")
                .isEqualTo(statements(GRID_WORKER, "/api/tasks?size=1"));
        assertThat(statements(null, "/api/notices?unit=v0101&size=50"))
                .as("/api/notices")
                .isEqualTo(statements(null, "/api/notices?unit=v0101&size=1"));
        String before =
                ok(api.as(GRID_WORKER).get("/api/cases?size=1")).get("next").asText();
        assertThat(statements(GRID_WORKER, "/api/cases?size=50&before=" + before))
                .as("/api/cases after a case")
                .isEqualTo(statements(GRID_WORKER, "/api/cases?size=1&before=" + before));
    }

    /**
     * The statements of the request, its fewest over two runs: the first request of a user may sign
     * in the slow way, or read the unit tree afresh, which a page's size has nothing to do with. The
     * task list's own part is three: the tasks, their variables, their cases.
     */
    private int statements(String user, String path) {
        Api client = user == null ? api : api.as(user);
        SqlStatements.Request fewest = null;
        for (int run = 0; run < 2; run++) {
            SqlStatements.Request request =
                    sql.of(() -> assertThat(client.get(path).getStatusCode()).isEqualTo(HttpStatus.OK));
            if (fewest == null || request.count() < fewest.count()) {
                fewest = request;
            }
        }
        assertThat(fewest.path()).isEqualTo(path);
        assertThat(fewest.count()).as("%s: %s", path, fewest.statements()).isLessThanOrEqualTo(12);
        System.out.printf("%s as %s: %d statements%n", path, user, fewest.count());
        fewest.statements().stream()
                .map(statement -> statement.replaceAll("\\s+", " "))
                .forEach(statement ->
                        System.out.printf("    %s%n", statement.substring(0, Math.min(160, statement.length()))));
        return fewest.count();
    }

    private List<JsonNode> walk(String user, String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = ok(api.as(user).get(firstPage));
        page.get("items").forEach(items::add);
        while (page.get("hasMore").asBoolean()) {
            page = ok(api.as(user).get(firstPage + "&before=" + page.get("next").asText()));
            page.get("items").forEach(items::add);
        }
        return items;
    }

    private List<String> refused(String path) {
        return Api.badRequestFields(api.as(GRID_WORKER).get(path));
    }

    private static List<String> titlesNewestFirst() {
        List<String> titles = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            titles.add("进展 " + i);
        }
        // notices opened at the same moment (i / 3 equal) come newest id first: the same order
        return titles;
    }

    private static boolean newestFirst(List<JsonNode> cases) {
        Function<JsonNode, Instant> at = c -> Instant.parse(c.get("submittedAt").asText());
        for (int i = 1; i < cases.size(); i++) {
            if (at.apply(cases.get(i)).isAfter(at.apply(cases.get(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(i -> i.get(field).asText()).toList();
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
