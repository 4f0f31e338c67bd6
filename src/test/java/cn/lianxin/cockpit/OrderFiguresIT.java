package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's service-order figures (群众点单) on PostgreSQL: a town of its own (示范点单镇 t98: villages
 * v9801, v9802) gets sixty orders of random steps around March 2025, and every figure is counted again here
 * from the same list, without SQL; and who may read which unit.
 */
@PlatformIntegrationTest
class OrderFiguresIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String MARCH = "from=2025-03-01&to=2025-03-31";
    private static final Instant START =
            LocalDateTime.parse("2025-03-01T00:00").atZone(BEIJING).toInstant();
    private static final Instant END =
            LocalDateTime.parse("2025-04-01T00:00").atZone(BEIJING).toInstant();
    private static final List<String> STATUSES =
            List.of("DISPATCHING", "ACCEPTING", "SERVING", "AWAITING_EVALUATION", "CLOSED", "CONVERTED");
    private static final List<String> KINDS = List.of("UNIT", "PARTY_MEMBER", "VOLUNTEER", "PARTNER");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    Units units;

    /** One order's row as the service module would have written it. */
    record Order(
            String no,
            String village,
            String kind,
            Instant createdAt,
            String status,
            Instant dispatchedAt,
            Instant acceptedAt,
            Long acceptSeconds,
            String member,
            Instant servedAt,
            Integer minutes,
            Instant closedAt,
            String satisfaction) {}

    final List<Order> orders = new ArrayList<>();
    final Map<String, Long> resources = new HashMap<>();

    @BeforeEach
    void aTownWithOrders() {
        units.save(new Unit("t98", "示范点单镇", UnitKind.TOWN, "c01"));
        units.save(new Unit("v9801", "点单一村", UnitKind.VILLAGE, "t98"));
        units.save(new Unit("v9802", "点单二村", UnitKind.VILLAGE, "t98"));
        for (String village : List.of("v9801", "v9802")) {
            for (String kind : KINDS) {
                resources.put(
                        village + kind,
                        jdbc.sql("insert into village_resource (village_code, title, provider_kind, provider_name,"
                                        + " created_by, created_at, updated_at)"
                                        + " values (?, ?, ?, '提供方', 'test', now(), now()) returning id")
                                .params(village, "服务" + kind, kind)
                                .query(Long.class)
                                .single());
            }
        }
        Random random = new Random(20250301);
        for (int i = 0; i < 60; i++) {
            orders.add(order(i, random));
        }
        // the edges of the period: placed a minute before and at the first minute after March, Beijing time
        orders.add(new Order(
                "K98-EARLY",
                "v9801",
                null,
                START.minusSeconds(60),
                "DISPATCHING",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        orders.add(new Order(
                "K98-LATE", "v9802", "UNIT", END, "DISPATCHING", null, null, null, null, null, null, null, null));
        orders.forEach(this::insert);
    }

    @AfterEach
    void removeTheTown() {
        jdbc.sql("delete from service_order where order_no like 'K98-%'").update();
        jdbc.sql("delete from village_resource where village_code in ('v9801', 'v9802')")
                .update();
        jdbc.sql("delete from unit where code in ('v9801', 'v9802')").update();
        jdbc.sql("delete from unit where code = 't98'").update();
        units.save(units.byCode("c01").orElseThrow());
    }

    @Test
    void aTownsOrderFiguresAreCountedAgainHere() {
        // when
        JsonNode body = ok(api.as("leader").get("/api/cockpit/orders?unit=t98&" + MARCH));

        // then
        assertThat(body.at("/unit/code").asText()).isEqualTo("t98");
        assertThat(body.get("from").asText()).isEqualTo("2025-03-01");
        assertThat(body.get("to").asText()).isEqualTo("2025-03-31");
        assertFiguresOf(body.get("figures"), Set.of("v9801", "v9802"));
    }

    @Test
    void aVillagesOrderFiguresAreItsOwn() {
        JsonNode body = ok(api.as("leader").get("/api/cockpit/orders?unit=v9802&" + MARCH));

        assertThat(body.at("/unit/kind").asText()).isEqualTo("VILLAGE");
        assertFiguresOf(body.get("figures"), Set.of("v9802"));
        assertThat(body.at("/figures/service/villages").findValuesAsText("code"))
                .containsExactly("v9802");
    }

    @Test
    void theCountyHoldsTheTownsOrders() {
        JsonNode county =
                ok(api.as("leader").get("/api/cockpit/orders?" + MARCH)).get("figures");
        JsonNode town = ok(api.as("leader").get("/api/cockpit/orders?unit=t98&" + MARCH))
                .get("figures");

        assertThat(county.get("placed").asLong())
                .isGreaterThanOrEqualTo(town.get("placed").asLong());
        assertThat(county.at("/service/villages").findValuesAsText("code"))
                .contains("v0101", "v0102", "v0201", "v9801", "v9802");
    }

    @Test
    void eachCountLeadsToTheOrdersBehindIt() {
        // when / then every order placed in March, newest first, over pages of 7
        List<String> all = new ArrayList<>();
        String next = "";
        do {
            JsonNode page = ok(api.as("leader").get("/api/cockpit/orders/list?unit=t98&" + MARCH + "&size=7" + next));
            page.get("items").forEach(item -> all.add(item.get("orderNo").asText()));
            next = page.get("hasMore").asBoolean()
                    ? "&before=" + page.get("next").asText()
                    : null;
        } while (next != null);
        assertThat(all).isEqualTo(newestFirst(o -> true));

        // of a status and of a category
        assertThat(numbers("/api/cockpit/orders/list?unit=t98&" + MARCH + "&status=CLOSED"))
                .isEqualTo(newestFirst(o -> o.status().equals("CLOSED")));
        assertThat(numbers("/api/cockpit/orders/list?unit=v9801&" + MARCH + "&category=OWN_NEED"))
                .isEqualTo(newestFirst(o -> o.village().equals("v9801") && o.kind() == null));
        JsonNode item = ok(api.as("leader").get("/api/cockpit/orders/list?unit=t98&" + MARCH + "&category=PARTNER"))
                .at("/items/0");
        assertThat(item.get("categoryLabel").asText()).isEqualTo("共建单位");
        assertThat(item.get("villageName").asText()).startsWith("点单");
        assertThat(item.toString()).doesNotContain("张三", "13800000001", "pm-");

        // and a town centre or a department, refused like the figures; unknown values named
        assertThat(api.as("center-t01").get("/api/cockpit/orders/list?unit=t98").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("dept-cg").get("/api/cockpit/orders/list").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("/api/cockpit/orders/list").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/orders/list?status=LOST&category=robots")))
                .containsExactlyInAnyOrder("status", "category");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/orders/list?size=1000")))
                .containsExactly("size");
    }

    @Test
    void anEmptyPeriodHasNoTimesAndNoShares() {
        JsonNode figures = ok(api.as("leader").get("/api/cockpit/orders?unit=t98&from=2024-01-01&to=2024-01-31"))
                .get("figures");

        assertThat(figures.get("placed").asLong()).isZero();
        assertThat(figures.at("/acceptance/accepted").asLong()).isZero();
        assertThat(figures.at("/acceptance/medianHours").isNull()).isTrue();
        assertThat(figures.at("/acceptance/averageHours").isNull()).isTrue();
        assertThat(figures.at("/satisfaction/shares/0/share").isNull()).isTrue();
        assertThat(figures.at("/service/activeMembers").asLong()).isZero();
    }

    @Test
    void eachCallerReadsOnlyTheUnitsInTheirReach() {
        StoreSnapshot before = StoreSnapshot.of(template);

        // anonymous; roles without the cockpit; a department, which has no orders
        assertThat(api.get("/api/cockpit/orders").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("gw-v0101", "sec-v0101", "pm1", "designer", "dept-cg")) {
            assertThat(api.as(user).get("/api/cockpit/orders").getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.as("leader").get("/api/cockpit/orders?unit=cg").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the default unit is the caller's widest
        Map<String, String> widest = Map.of("leader", "c01", "center-t01", "t01", "head-v0101", "v0101");
        widest.forEach((user, unit) -> assertThat(ok(api.as(user).get("/api/cockpit/orders"))
                        .at("/unit/code")
                        .asText())
                .as(user)
                .isEqualTo(unit));
        // a town centre its villages, not another town's; a station head their village only
        assertThat(ok(api.as("center-t01").get("/api/cockpit/orders?unit=v0102"))
                        .at("/figures/service/villages")
                        .findValuesAsText("code"))
                .containsExactly("v0102");
        for (String unit : List.of("t98", "v9801", "c01", "v0201")) {
            assertThat(api.as("center-t01")
                            .get("/api/cockpit/orders?unit=" + unit)
                            .getStatusCode())
                    .as(unit)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String unit : List.of("v0102", "t01", "v9801")) {
            assertThat(api.as("head-v0101")
                            .get("/api/cockpit/orders?unit=" + unit)
                            .getStatusCode())
                    .as(unit)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        // forged units and dates are named; parameters the API does not know change nothing
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/orders?unit=v98%27--")))
                .containsExactly("unit");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/orders?from=2025-02-30")))
                .containsExactly("from");
        assertThat(Api.badRequestFields(api.as("leader").get("/api/cockpit/orders?from=2025-03-02&to=2025-03-01")))
                .containsExactly("to");
        assertThat(ok(api.as("leader").get("/api/cockpit/orders?unit=t98&" + MARCH + "&village=v0101&status=CLOSED"))
                        .at("/figures/placed")
                        .asLong())
                .isEqualTo(placedIn(Set.of("v9801", "v9802")));
        JsonNode problem = api.as("leader").get("/api/cockpit/orders?to=x").getBody();
        assertThat(problem.get("detail").asText()).containsPattern("\\p{IsHan}");

        before.assertUnchanged(template);
    }

    /** Every figure of these villages' March, counted from {@link #orders} without SQL. */
    private void assertFiguresOf(JsonNode figures, Set<String> villages) {
        Predicate<Order> ofVillages = o -> villages.contains(o.village());
        List<Order> placed = orders.stream()
                .filter(ofVillages)
                .filter(o -> in(o.createdAt()))
                .toList();
        assertThat(figures.get("placed").asLong()).isEqualTo(placed.size());
        for (String status : STATUSES) {
            assertThat(count(figures.get("byStatus"), status))
                    .as(status)
                    .isEqualTo(placed.stream()
                            .filter(o -> o.status().equals(status))
                            .count());
        }
        assertThat(figures.get("byStatus").findValuesAsText("label")).contains("待派单", "已办结");
        for (String kind : KINDS) {
            assertThat(count(figures.get("byCategory"), kind))
                    .as(kind)
                    .isEqualTo(
                            placed.stream().filter(o -> kind.equals(o.kind())).count());
        }
        assertThat(count(figures.get("byCategory"), "OWN_NEED"))
                .isEqualTo(placed.stream().filter(o -> o.kind() == null).count());

        List<Long> seconds = orders.stream()
                .filter(ofVillages)
                .filter(o -> o.acceptedAt() != null && in(o.acceptedAt()))
                .map(Order::acceptSeconds)
                .sorted()
                .toList();
        assertThat(seconds).as("the random orders accept some in March").hasSizeGreaterThan(3);
        JsonNode acceptance = figures.get("acceptance");
        assertThat(acceptance.get("accepted").asLong()).isEqualTo(seconds.size());
        double median = seconds.size() % 2 == 1
                ? seconds.get(seconds.size() / 2)
                : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2.0;
        double average = seconds.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(acceptance.get("medianHours").asDouble()).isEqualTo(Math.round(median / 360.0) / 10.0);
        assertThat(acceptance.get("averageHours").asDouble()).isEqualTo(Math.round(average / 360.0) / 10.0);
        assertThat(acceptance.get("definition").asText()).contains("派单到党员接单");

        List<Order> closed = orders.stream()
                .filter(ofVillages)
                .filter(o -> "CLOSED".equals(o.status()) && in(o.closedAt()))
                .toList();
        long evaluated = closed.stream().filter(o -> o.satisfaction() != null).count();
        JsonNode satisfaction = figures.get("satisfaction");
        assertThat(satisfaction.get("closed").asLong()).isEqualTo(closed.size());
        assertThat(satisfaction.get("evaluated").asLong()).isEqualTo(evaluated);
        assertThat(satisfaction.get("unevaluated").asLong()).isEqualTo(closed.size() - evaluated);
        for (String level : List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED")) {
            long n = closed.stream().filter(o -> level.equals(o.satisfaction())).count();
            JsonNode share = item(satisfaction.get("shares"), level);
            assertThat(share.get("count").asLong()).as(level).isEqualTo(n);
            assertThat(share.get("share").asDouble())
                    .as(level)
                    .isEqualTo(Math.round(n * 10000.0 / evaluated) / 10000.0);
        }

        List<Order> served = orders.stream()
                .filter(ofVillages)
                .filter(o -> o.servedAt() != null && in(o.servedAt()))
                .toList();
        JsonNode service = figures.get("service");
        assertThat(service.get("orders").asLong()).isEqualTo(served.size());
        assertThat(service.get("activeMembers").asLong())
                .isEqualTo(served.stream().map(Order::member).distinct().count());
        assertThat(service.get("hours").asDouble())
                .isEqualTo(Math.round(served.stream().mapToInt(Order::minutes).sum() / 6.0) / 10.0);
        for (String village : villages) {
            List<Order> own =
                    served.stream().filter(o -> o.village().equals(village)).toList();
            JsonNode row = null;
            for (JsonNode candidate : service.get("villages")) {
                if (candidate.get("code").asText().equals(village)) {
                    row = candidate;
                }
            }
            assertThat(row).as(village).isNotNull();
            assertThat(row.get("name").asText()).startsWith("点单");
            assertThat(row.get("activeMembers").asLong())
                    .isEqualTo(own.stream().map(Order::member).distinct().count());
            assertThat(row.get("hours").asDouble())
                    .isEqualTo(Math.round(own.stream().mapToInt(Order::minutes).sum() / 6.0) / 10.0);
        }
    }

    /** The numbers of t98's orders placed in March that match, newest first. */
    private List<String> newestFirst(Predicate<Order> matching) {
        return orders.stream()
                .filter(o -> in(o.createdAt()) && matching.test(o))
                .sorted(Comparator.comparing(Order::createdAt)
                        .thenComparing(Order::no)
                        .reversed())
                .map(Order::no)
                .toList();
    }

    private List<String> numbers(String path) {
        return api.as("leader").everyItem(path).stream()
                .map(item -> item.get("orderNo").asText())
                .toList();
    }

    private long placedIn(Set<String> villages) {
        return orders.stream()
                .filter(o -> villages.contains(o.village()) && in(o.createdAt()))
                .count();
    }

    private static boolean in(Instant at) {
        return at != null && !at.isBefore(START) && at.isBefore(END);
    }

    /** An order placed between 20 February and 10 April (Beijing), gone as far as a random step. */
    private static Order order(int i, Random random) {
        String village = random.nextBoolean() ? "v9801" : "v9802";
        String kind = random.nextInt(5) == 0 ? null : KINDS.get(random.nextInt(KINDS.size()));
        Instant created = LocalDateTime.parse("2025-02-20T08:00")
                .atZone(BEIJING)
                .toInstant()
                .plus(Duration.ofMinutes(random.nextInt(49 * 24 * 60)));
        int step = random.nextInt(6); // 0 dispatching … 4 closed, 5 converted
        if (step == 5) {
            return new Order(
                    "K98-" + i,
                    village,
                    kind,
                    created,
                    "CONVERTED",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    created.plusSeconds(3600),
                    null);
        }
        Instant dispatched = step >= 1 ? created.plusSeconds(600 + random.nextInt(20 * 3600)) : null;
        long acceptSeconds = 60 + random.nextInt(30 * 3600);
        Instant accepted = step >= 2 ? dispatched.plusSeconds(acceptSeconds) : null;
        String member = step >= 3 ? "pm-" + (1 + random.nextInt(5)) : step >= 1 ? "pm-1" : null;
        Instant served = step >= 3 ? accepted.plusSeconds(3600 + random.nextInt(3 * 24 * 3600)) : null;
        Integer minutes = step >= 3 ? 10 + random.nextInt(180) : null;
        Instant closed = step >= 4 ? served.plusSeconds(3600 + random.nextInt(6 * 24 * 3600)) : null;
        String satisfaction = step >= 4
                ? List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED")
                        .get(random.nextInt(4))
                : null;
        if (step >= 4 && random.nextInt(4) == 0) {
            satisfaction = null; // closed unevaluated (未评价)
        }
        return new Order(
                "K98-" + i,
                village,
                kind,
                created,
                STATUSES.get(step),
                dispatched,
                accepted,
                step >= 2 ? acceptSeconds : null,
                member,
                served,
                minutes,
                closed,
                satisfaction);
    }

    private void insert(Order o) {
        jdbc.sql("insert into service_order (order_no, village_code, resource_id, description, resident_name, phone,"
                        + " access_code_hash, status, member_id, minutes_served, satisfaction, registered_by,"
                        + " created_at, closed_at, dispatched_at, accepted_at, accept_seconds, served_at)"
                        + " values (?, ?, ?, '驾驶舱点单测试', '张三', '13800000001', 'x', ?, ?, ?, ?, 'portal',"
                        + " ?, ?, ?, ?, ?, ?)")
                .params(
                        o.no(),
                        o.village(),
                        o.kind() == null ? null : resources.get(o.village() + o.kind()),
                        o.status(),
                        o.member(),
                        o.minutes(),
                        o.satisfaction(),
                        utc(o.createdAt()),
                        utc(o.closedAt()),
                        utc(o.dispatchedAt()),
                        utc(o.acceptedAt()),
                        o.acceptSeconds(),
                        utc(o.servedAt()))
                .update();
    }

    private static Object utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static long count(JsonNode items, String key) {
        return item(items, key).get("count").asLong();
    }

    private static JsonNode item(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.get("key").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no " + key + " in " + items);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
