package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.DailyTallies;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's figures, rankings and case lists on PostgreSQL, checked against a hand-counted
 * March 2025 of a town of its own (试点镇 t99: villages v9901, v9902; department zz), and who may
 * read which unit.
 */
@PlatformIntegrationTest
class CockpitIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String MARCH = "from=2025-03-01&to=2025-03-31";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    SqlStatements sql;

    @Autowired
    DailyTallies tallies;

    /** One case's facts as the appeal module would have written them. */
    record Fact(
            String no,
            String village,
            String category,
            String channel,
            String path,
            String receivedAt,
            Boolean respondedInTime,
            String status,
            Integer workingDays,
            String satisfaction,
            int reopenCount,
            String light,
            boolean everRed,
            boolean supervised) {}

    @BeforeEach
    void aTownOfItsOwn() {
        units.save(new Unit("t99", "试点镇", UnitKind.TOWN, "c01"));
        units.save(new Unit("v9901", "试点一村", UnitKind.VILLAGE, "t99"));
        units.save(new Unit("v9902", "试点二村", UnitKind.VILLAGE, "t99"));
        units.save(new Unit("zz", "试点局", UnitKind.DEPARTMENT, "c01"));
        // received in March 2025 (Beijing time), but for H (1 April, 00:30) and I (1 March, 00:10)
        insert(new Fact(
                "K1-A",
                "v9901",
                "sanitation",
                "ONLINE",
                "IMMEDIATE",
                "2025-03-03T09:00",
                true,
                "CLOSED",
                1,
                "SATISFIED",
                0,
                "GREEN",
                false,
                false));
        insert(new Fact(
                "K1-B",
                "v9901",
                "road",
                "PHONE",
                "ESCALATE",
                "2025-03-04T09:00",
                false,
                "CLOSED",
                6,
                "UNSATISFIED",
                0,
                "GREEN",
                true,
                true));
        insert(new Fact(
                "K1-C",
                "v9901",
                "road",
                "VISIT",
                "JOINT",
                "2025-03-05T09:00",
                true,
                "CLOSED",
                4,
                "BASICALLY_SATISFIED",
                1,
                "GREEN",
                false,
                false));
        insert(new Fact(
                "K1-D",
                "v9902",
                "parking",
                "ONLINE",
                "RETURN",
                "2025-03-10T09:00",
                true,
                "RETURNED",
                0,
                null,
                0,
                "GREEN",
                false,
                false));
        insert(new Fact(
                "K1-E",
                "v9902",
                "policy",
                "WALK_IN",
                null,
                "2025-03-11T09:00",
                null,
                "WITHDRAWN",
                0,
                null,
                0,
                "GREEN",
                false,
                false));
        insert(new Fact(
                "K1-F",
                "v9902",
                "sanitation",
                "ONLINE",
                "PROMISED",
                "2025-03-12T09:00",
                true,
                "OPEN",
                null,
                null,
                0,
                "RED",
                true,
                true));
        insert(new Fact(
                "K1-G",
                "v9901",
                "sanitation",
                "AGENT",
                "PROMISED",
                "2025-03-20T09:00",
                true,
                "OPEN",
                null,
                null,
                0,
                "YELLOW",
                false,
                false));
        insert(new Fact(
                "K1-H",
                "v9901",
                "road",
                "ONLINE",
                "PROMISED",
                "2025-04-01T00:30",
                true,
                "OPEN",
                null,
                null,
                0,
                "RED",
                true,
                false));
        insert(new Fact(
                "K1-I",
                "v9902",
                "other",
                "ONLINE",
                "IMMEDIATE",
                "2025-03-01T00:10",
                true,
                "CLOSED",
                0,
                null,
                0,
                "GREEN",
                false,
                false));
        department("K1-B", "zz");
        department("K1-C", "zz");
        department("K1-C", "jt");
        jdbc.sql("insert into appeal_fact_return_reason (tracking_no, reason) values ('K1-D', '属于业主共有事项'),"
                        + " ('K1-D', '已进入诉讼程序')")
                .update();
        // facts written by SQL are a bulk fix: their daily roll-ups are rebuilt from them
        tallies.rebuild();
    }

    /** The town and its cases go again, so no other test meets them (an import that removes units). */
    @AfterEach
    void removeTheTown() {
        for (String table : List.of("appeal_fact_return_reason", "appeal_fact_dept", "appeal_fact", "appeal")) {
            jdbc.sql("delete from " + table + " where tracking_no like 'K1-%'").update();
        }
        tallies.rebuild();
        jdbc.sql("delete from unit where code in ('v9901', 'v9902', 'zz')").update();
        jdbc.sql("delete from unit where code = 't99'").update();
        // saving a unit unchanged drops the kept tree, which still holds the town
        units.save(units.byCode("c01").orElseThrow());
    }

    @Test
    void aTownsFiguresAreCountedAsByHand() {
        // when
        JsonNode figures = ok(api.as("leader").get("/api/cockpit/figures?unit=t99&" + MARCH));

        // then
        assertThat(figures.at("/unit/name").asText()).isEqualTo("试点镇");
        assertThat(figures.at("/unit/kind").asText()).isEqualTo("TOWN");
        assertThat(figures.get("from").asText()).isEqualTo("2025-03-01");
        assertThat(value(figures, "intake")).isEqualTo(8.0);
        assertThat(value(figures, "responseOnTimeRate")).isEqualTo(0.75);
        assertThat(value(figures, "onTimeRate")).isEqualTo(0.75);
        assertThat(value(figures, "closedRate")).isEqualTo(0.5);
        assertThat(value(figures, "red"))
                .as("F and H: red now, whenever received")
                .isEqualTo(2.0);
        assertThat(value(figures, "yellow")).isEqualTo(1.0);
        assertThat(value(figures, "avgWorkingDays")).as("(1 + 6 + 4 + 0) ÷ 4").isEqualTo(2.8);
        assertThat(value(figures, "satisfactionRate")).isEqualTo(0.6667);
        assertThat(value(figures, "reopenRate")).isEqualTo(0.25);
        assertThat(value(figures, "returnRate")).isEqualTo(0.125);
        assertThat(value(figures, "supervised")).isEqualTo(2.0);
        JsonNode onTime = figure(figures, "onTimeRate");
        assertThat(onTime.get("label").asText()).isEqualTo("按时办结率");
        assertThat(onTime.get("format").asText()).isEqualTo("percent");
        assertThat(onTime.get("definition").asText()).contains("从未亮红灯");
        assertThat(onTime.get("cases").asText())
                .isEqualTo("/api/cockpit/cases?unit=t99&from=2025-03-01&to=2025-03-31&status=CLOSED");
        assertThat(count(figures.get("byChannel"), "ONLINE")).isEqualTo(4);
        assertThat(count(figures.get("byChannel"), "AGENT")).isEqualTo(1);
        assertThat(count(figures.get("byCategory"), "sanitation")).isEqualTo(3);
        assertThat(count(figures.get("paths"), "IMMEDIATE")).isEqualTo(2);
        assertThat(item(figures.get("paths"), "PROMISED").get("share").asDouble())
                .isEqualTo(0.25);
        assertThat(figures.get("returnReasons").findValuesAsText("reason"))
                .containsExactlyInAnyOrder("属于业主共有事项", "已进入诉讼程序");
        assertThat(count(figures.get("supervision"), "supervisedClosed")).isEqualTo(1);
        assertThat(count(figures.get("supervision"), "supervisedOpen")).isEqualTo(1);
        assertThat(figures.get("deliberation").findValuesAsText("key"))
                .containsExactly("topics", "citizenShare", "noticesOnTimeRate", "ledgerCompletionRate");
        assertThat(figure(figures.get("deliberation"), "citizenShare")
                        .get("value")
                        .isNull())
                .as("no topic in the period: no share")
                .isTrue();
    }

    @Test
    void aDepartmentCountsTheCasesItTookAPartOf() {
        // when
        JsonNode figures = ok(api.as("leader").get("/api/cockpit/figures?unit=zz&" + MARCH));

        // then B (dispatched) and C (joint, with jt)
        assertThat(value(figures, "intake")).isEqualTo(2.0);
        assertThat(value(figures, "onTimeRate")).isEqualTo(0.5);
        assertThat(value(figures, "red")).isEqualTo(0.0);
        assertThat(figures.get("deliberation").get(0).get("value").asLong()).isZero();
    }

    @Test
    void anEmptyPeriodHasNoRates() {
        JsonNode figures = ok(api.as("leader").get("/api/cockpit/figures?unit=v9902&from=2024-01-01&to=2024-01-31"));

        assertThat(value(figures, "intake")).isZero();
        assertThat(figure(figures, "onTimeRate").get("value").isNull()).isTrue();
        assertThat(figure(figures, "avgWorkingDays").get("value").isNull()).isTrue();
    }

    @Test
    void villagesAreRankedBestFirstAndTiesShareARank() {
        JsonNode onTime = ok(api.as("leader").get("/api/cockpit/rankings?unit=t99&by=onTimeRate&" + MARCH));
        assertThat(onTime.get("label").asText()).isEqualTo("按时办结率");
        assertThat(onTime.get("items").findValuesAsText("code")).containsExactly("v9902", "v9901");
        assertThat(onTime.at("/items/0/value").asDouble()).isEqualTo(1.0);
        assertThat(onTime.at("/items/1/value").asDouble()).isEqualTo(0.6667);
        assertThat(onTime.at("/items/1/rank").asInt()).isEqualTo(2);

        JsonNode red = ok(api.as("leader").get("/api/cockpit/rankings?unit=t99&by=red&" + MARCH));
        assertThat(red.get("items").findValuesAsText("rank")).containsExactly("1", "1");

        JsonNode satisfaction = ok(api.as("leader").get("/api/cockpit/rankings?unit=t99&by=satisfactionRate&" + MARCH));
        assertThat(satisfaction.get("items").findValuesAsText("code")).containsExactly("v9901", "v9902");
        assertThat(satisfaction.at("/items/1/rank").isNull())
                .as("no evaluation: unranked")
                .isTrue();

        JsonNode county = ok(api.as("leader").get("/api/cockpit/rankings?unit=c01&by=onTimeRate&" + MARCH));
        assertThat(county.get("items").findValuesAsText("code")).contains("t01", "t02", "t99", "cg", "zz");
        assertThat(county.get("items").findValuesAsText("code")).doesNotContain("v0101", "c01");
        JsonNode zz = find(county.get("items"), "/unit/code", "zz");
        assertThat(zz.get("value").asDouble()).isEqualTo(0.5);
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/rankings?unit=t99&by=fastest")))
                .containsExactly("by");
    }

    @Test
    void theCasesBehindAFigurePageNewestFirst() {
        String march = "/api/cockpit/cases?unit=t99&" + MARCH;
        JsonNode first = ok(api.as("leader").get(march + "&size=3"));
        assertThat(first.get("items").findValuesAsText("trackingNo")).containsExactly("K1-G", "K1-F", "K1-E");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("next").asText()).isEqualTo("K1-E");
        JsonNode second = ok(api.as("leader").get(march + "&size=3&before=K1-E"));
        assertThat(second.get("items").findValuesAsText("trackingNo")).containsExactly("K1-D", "K1-C", "K1-B");
        JsonNode last = ok(api.as("leader").get(march + "&size=3&before=K1-B"));
        assertThat(last.get("items").findValuesAsText("trackingNo")).containsExactly("K1-A", "K1-I");
        assertThat(last.get("hasMore").asBoolean()).isFalse();

        JsonNode g = first.at("/items/0");
        assertThat(g.get("categoryLabel").asText()).isEqualTo("环境卫生");
        assertThat(g.get("villageName").asText()).isEqualTo("试点一村");
        assertThat(g.get("pathLabel").asText()).isEqualTo("承诺办");
        assertThat(g.get("statusLabel").asText()).isEqualTo("办理中");
        assertThat(g.get("light").asText()).isEqualTo("YELLOW");
        assertThat(g.get("lightLabel").asText()).isEqualTo("临期");
        assertThat(g.toString()).doesNotContain("张三", "138");
    }

    @Test
    void theCaseListFiltersByLightPathCategoryStatusAndMark() {
        assertThat(numbers("/api/cockpit/cases?unit=t99&status=OPEN&light=RED")).containsExactly("K1-H", "K1-F");
        assertThat(numbers("/api/cockpit/cases?unit=t99&path=PROMISED&" + MARCH))
                .containsExactly("K1-G", "K1-F");
        assertThat(numbers("/api/cockpit/cases?unit=t99&category=road&" + MARCH))
                .containsExactly("K1-C", "K1-B");
        assertThat(numbers("/api/cockpit/cases?unit=t99&status=RETURNED&" + MARCH))
                .containsExactly("K1-D");
        assertThat(numbers("/api/cockpit/cases?unit=t99&mark=SUPERVISED&" + MARCH))
                .containsExactly("K1-F", "K1-B");
        assertThat(numbers("/api/cockpit/cases?unit=zz")).containsExactly("K1-C", "K1-B");
        for (String field : List.of("light", "path", "category", "status", "mark")) {
            assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/cases?unit=t99&" + field + "=NOPE")))
                    .as(field)
                    .containsExactly(field);
        }
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/cases?unit=v9902&before=K1-A")))
                .as("a case of another village is no position in this list")
                .containsExactly("before");
    }

    @Test
    void eachCallerReadsOnlyTheUnitsInTheirReach() {
        // anonymous, a grid worker, a designer
        assertThat(api.get("/api/cockpit/figures").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("gw-v0101").get("/api/cockpit/figures").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("designer").get("/api/cockpit/cases").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // the default unit is the caller's widest
        Map<String, String> widest = Map.of(
                "leader", "c01", "supervisor", "c01", "center-t01", "t01", "head-v0101", "v0101", "dept-cg", "cg");
        widest.forEach((user, unit) -> assertThat(ok(api.as(user).get("/api/cockpit/figures"))
                        .at("/unit/code")
                        .asText())
                .as(user)
                .isEqualTo(unit));
        // a town centre reaches its villages, not another town's
        assertThat(api.as("center-t01").get("/api/cockpit/figures?unit=v0102").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String unit : List.of("t99", "v9901", "c01", "v0201", "cg")) {
            assertThat(api.as("center-t01")
                            .get("/api/cockpit/figures?unit=" + unit)
                            .getStatusCode())
                    .as(unit)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        // a station head their village only; a department itself only
        for (String unit : List.of("v0102", "t01", "v9901")) {
            assertThat(api.as("head-v0101")
                            .get("/api/cockpit/cases?unit=" + unit)
                            .getStatusCode())
                    .as(unit)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.as("head-v0101")
                        .get("/api/cockpit/rankings?unit=t01&by=red")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String unit : List.of("zz", "jt", "c01", "v0101")) {
            assertThat(api.as("dept-cg")
                            .get("/api/cockpit/figures?unit=" + unit)
                            .getStatusCode())
                    .as(unit)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(numbersAs("dept-cg", "/api/cockpit/cases?unit=cg")).doesNotContain("K1-B", "K1-C");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/figures?unit=nowhere")))
                .containsExactly("unit");
    }

    @Test
    void badDatesAndLongPeriodsAreRefusedNamingTheField() {
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/figures?from=2025-13-01")))
                .containsExactly("from");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/figures?from=2025-03-01&to=yesterday")))
                .containsExactly("to");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/figures?from=2025-03-02&to=2025-03-01")))
                .containsExactly("to");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/figures?from=2024-01-01&to=2025-01-02")))
                .as("367 days")
                .containsExactly("to");
        assertThat(api.as("leader")
                        .get("/api/cockpit/figures?from=2024-01-01&to=2025-01-01")
                        .getStatusCode())
                .as("366 days")
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> refused = api.as("leader").get("/api/cockpit/cases?from=1&to=2");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("yyyy-MM-dd");
    }

    @Test
    void theFiguresCostTheSameStatementsForMoreCases() {
        // given
        String path = "/api/cockpit/figures?unit=v9902&from=2025-06-01&to=2025-06-30";
        ok(api.as("leader").get(path)); // the first request also fills caches of the sign-in
        int few = sql.of(() -> ok(api.as("leader").get(path))).count();
        List<Fact> more = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            more.add(new Fact(
                    "K1-J" + i,
                    "v9902",
                    i % 2 == 0 ? "road" : "parking",
                    "PHONE",
                    "PROMISED",
                    "2025-06-" + (10 + i % 10) + "T10:00",
                    i % 3 == 0,
                    i % 4 == 0 ? "CLOSED" : "OPEN",
                    i % 4 == 0 ? 2 : null,
                    i % 5 == 0 ? "SATISFIED" : null,
                    0,
                    i % 6 == 0 ? "RED" : "GREEN",
                    i % 6 == 0,
                    i % 7 == 0));
        }
        more.forEach(this::insert);
        tallies.rebuild();

        // when
        SqlStatements.Request many = sql.of(() -> ok(api.as("leader").get(path)));

        // then
        assertThat(many.count()).as("%s", many.statements()).isEqualTo(few);
        assertThat(value(ok(api.as("leader").get(path)), "intake")).isEqualTo(40.0);
    }

    private List<String> numbers(String path) {
        return numbersAs("leader", path);
    }

    private List<String> numbersAs(String user, String path) {
        return ok(api.as(user).get(path)).get("items").findValuesAsText("trackingNo");
    }

    private void insert(Fact fact) {
        var received = LocalDateTime.parse(fact.receivedAt())
                .atZone(BEIJING)
                .toInstant()
                .atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into appeal (tracking_no, access_code_hash, citizen_name, phone, category, urgency, scope,"
                        + " description, village_code, channel, path, status, created_at, updated_at)"
                        + " values (?, 'x', '张三', '13800000001', ?, 'NORMAL', 'HOUSEHOLD', '驾驶舱测试', ?, ?, ?, ?, ?, ?)")
                .params(
                        fact.no(),
                        fact.category(),
                        fact.village(),
                        fact.channel(),
                        fact.path(),
                        fact.status(),
                        received,
                        received)
                .update();
        jdbc.sql("insert into appeal_fact (tracking_no, village_code, category, channel, path, received_at,"
                        + " first_response_at, responded_in_time, status, ended_at, working_days, satisfaction,"
                        + " reopen_count, light, ever_red, supervised)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        fact.no(),
                        fact.village(),
                        fact.category(),
                        fact.channel(),
                        fact.path(),
                        received,
                        fact.respondedInTime() == null ? null : received.plusHours(fact.respondedInTime() ? 1 : 30),
                        fact.respondedInTime(),
                        fact.status(),
                        "OPEN".equals(fact.status()) ? null : received.plusDays(3),
                        fact.workingDays(),
                        fact.satisfaction(),
                        fact.reopenCount(),
                        fact.light(),
                        fact.everRed(),
                        fact.supervised())
                .update();
    }

    private void department(String no, String dept) {
        jdbc.sql("insert into appeal_fact_dept (tracking_no, dept_code) values (?, ?)")
                .params(no, dept)
                .update();
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode figure(JsonNode figures, String key) {
        return item(figures.has("figures") ? figures.get("figures") : figures, key);
    }

    private static double value(JsonNode figures, String key) {
        return figure(figures, key).get("value").asDouble();
    }

    private static JsonNode item(JsonNode list, String key) {
        return find(list, "/key", key);
    }

    private static JsonNode find(JsonNode list, String pointer, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.at(pointer).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + value + " in " + list);
    }

    private static long count(JsonNode list, String key) {
        return item(list, key).get("count").asLong();
    }
}
