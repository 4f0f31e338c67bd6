package cn.lianxin.service;

import static cn.lianxin.testing.Api.assertRefusedField;
import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.testing.TaskRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * Volunteers (志愿者) over HTTP on PostgreSQL: the village's register kept by its secretary and station head, an
 * order from the menu dispatched to a volunteer whose answer and service the secretary records, evaluated by
 * the resident and credited to the volunteer's points; and the hostile requests — other roles, the other
 * village, forged or retired volunteers on every task route, unknown fields, bad phones, a replayed task —
 * refused with nothing stored, the phone never in a list nor shown to another village.
 */
@PlatformIntegrationTest
class VolunteerOrderHttpIT {

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ServicePortal portal;

    @Test
    void anOrderFromTheMenuServedByAVolunteerEndsInTheVolunteersPoints() {
        // given the secretary registers a volunteer of the village (no account), and reads the register
        String phone = phone();
        ResponseEntity<JsonNode> registered = api.as("sec-v0101")
                .post(
                        "/api/villages/v0101/volunteers",
                        Map.of("name", "刘秀兰", "phone", phone, "skills", "上门理发", "availability", "周末上午"));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        long volunteer = registered.getBody().get("id").asLong();
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/villages/v0101/volunteers/" + volunteer);
        assertThat(registered.getBody().get("statusLabel").asText()).isEqualTo("在册");
        assertThat(registered.getBody().has("phone")).isFalse();
        List<JsonNode> register = api.as("head-v0101").everyItem("/api/villages/v0101/volunteers");
        assertThat(register).anyMatch(v -> v.get("id").asLong() == volunteer);
        assertThat(register.toString()).doesNotContain(phone).doesNotContain("\"phone\"");
        // the station head opens the one volunteer to phone them: the number, and the view recorded
        long views = phoneViews(volunteer);
        JsonNode opened = api.as("head-v0101")
                .get("/api/villages/v0101/volunteers/" + volunteer)
                .getBody();
        assertThat(opened.get("phone").asText()).isEqualTo(phone);
        assertThat(phoneViews(volunteer)).isEqualTo(views + 1);

        // and a resident orders a volunteer's service from the menu
        long resource = api.as("head-v0101")
                .post(
                        "/api/villages/v0101/resources",
                        Map.of("title", "上门理发", "providerKind", "VOLUNTEER", "providerName", "刘秀兰"))
                .getBody()
                .get("id")
                .asLong();
        assertThat(api.get("/api/villages/v0101/service-menu").getBody().toString())
                .contains("志愿者")
                .doesNotContain("刘秀兰");
        Map<String, Object> request = order();
        request.put("resourceId", resource);
        ResponseEntity<JsonNode> placed = api.post("/api/service-orders", request);
        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        String orderNo = placed.getBody().get("orderNo").asText();
        String accessCode = placed.getBody().get("accessCode").asText();

        // when the secretary dispatches it to the volunteer, phones them and records their acceptance
        assertDone(routes().viaApi(
                        "sec-v0101",
                        task("sec-v0101", orderNo, "dispatch"),
                        Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + volunteer)));
        JsonNode waiting = view(orderNo, accessCode);
        assertThat(waiting.get("statusLabel").asText()).isEqualTo("待志愿者接单");
        assertThat(waiting.toString()).doesNotContain(phone, "刘秀兰");
        JsonNode listed = api.as("sec-v0101").everyItem("/api/villages/v0101/service-orders").stream()
                .filter(o -> o.get("orderNo").asText().equals(orderNo))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("volunteerId").asLong()).isEqualTo(volunteer);
        assertThat(listed.hasNonNull("memberId")).isFalse();
        assertThat(listed.get("statusLabel").asText()).isEqualTo("待志愿者接单");
        assertThat(listed.get("light").asText()).isEqualTo("GREEN");
        assertDone(routes().viaRest(
                        "sec-v0101",
                        task("sec-v0101", orderNo, "volunteer-accept"),
                        Map.of("acceptDecision", "ACCEPT")));

        // and, the service done, attaches a photo and records it in Tasklist
        String serve = task("sec-v0101", orderNo, "volunteer-serve");
        assertThat(serve).isNotNull();
        String photos = "/api/service-orders/" + orderNo + "/photos";
        assertThat(api.as("sec-v0201").upload(photos, photo()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> attached = api.as("sec-v0101").upload(photos, photo());
        assertThat(attached.getStatusCode()).as("%s", attached.getBody()).isEqualTo(HttpStatus.CREATED);
        assertDone(routes().submitForm("sec-v0101", serve, Map.of("minutesServed", 90, "serviceRecord", "为张奶奶上门理发")));

        // then the resident reads who served (masked, no phone), sees the photo and evaluates
        JsonNode served = view(orderNo, accessCode);
        assertThat(served.get("status").asText()).isEqualTo("AWAITING_EVALUATION");
        assertThat(served.get("photos")).hasSize(1);
        assertThat(served.get("timeline").toString()).contains("志愿者已接单，将与您联系上门服务");
        assertThat(served.toString()).doesNotContain(phone, "刘秀兰", "代志愿者");
        // the portal's 查单 page names the volunteer as it names a member: kind and masked name
        ServicePortal.OrderView page = portal.view(orderNo, accessCode, "127.0.0.1");
        assertThat(page.member()).isEqualTo("志愿者 刘*兰");
        assertThat(page.toString()).doesNotContain(phone);
        assertThat(api.post(
                                "/api/service-orders/" + orderNo + "/evaluation",
                                Map.of("accessCode", accessCode, "satisfaction", "SATISFIED"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // and the volunteer's ledger holds 1.5 hours (3 points) and the evaluation (2), shown in the register
        assertThat(jdbc.sql("select minutes_served || ' ' || points || ' ' || satisfaction || ' '"
                                + " || coalesce(user_id, '-') from points_entry where volunteer_id = ?")
                        .param(volunteer)
                        .query(String.class)
                        .list())
                .containsExactly("90 5 SATISFIED -");
        assertThat(view(orderNo, accessCode).get("status").asText()).isEqualTo("CLOSED");
        JsonNode inRegister = api.as("sec-v0101").everyItem("/api/villages/v0101/volunteers?status=ACTIVE").stream()
                .filter(v -> v.get("id").asLong() == volunteer)
                .findFirst()
                .orElseThrow();
        assertThat(inRegister.get("services").asLong()).isOne();
        assertThat(inRegister.get("hours").asDouble()).isEqualTo(1.5);
        assertThat(inRegister.get("points").asLong()).isEqualTo(5);
        assertThat(inRegister.get("starLabel").asText()).isEqualTo("未评星");

        // when the volunteer retires, they are no longer offered, their points stay
        ResponseEntity<JsonNode> retired =
                api.as("sec-v0101").post("/api/villages/v0101/volunteers/" + volunteer + "/retirement", null);
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody().get("statusLabel").asText()).isEqualTo("已退出");
        assertThat(retired.getBody().get("points").asLong()).isEqualTo(5);
    }

    @Test
    void hostileRequestsAreRefusedAndStoreNothing() {
        // given a volunteer of each village, a retired one, an order waiting for its dispatch and one whose
        // volunteer's answer was already recorded
        long ours = registered("sec-v0101", "v0101", "陈志刚");
        long retired = registered("head-v0101", "v0101", "钱已退");
        assertThat(api.as("head-v0101")
                        .post("/api/villages/v0101/volunteers/" + retired + "/retirement", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long theirs = registered("sec-v0201", "v0201", "吴外村");
        String orderNo = placed();
        String dispatch = task("sec-v0101", orderNo, "dispatch");
        String answered = placed();
        assertDone(routes().viaApi(
                        "sec-v0101",
                        task("sec-v0101", answered, "dispatch"),
                        Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + ours)));
        String answer = task("sec-v0101", answered, "volunteer-accept");
        assertDone(routes().viaApi("sec-v0101", answer, Map.of("acceptDecision", "DECLINE", "declineReason", "生病了")));
        String waiting = placed();
        assertDone(routes().viaApi(
                        "sec-v0101",
                        task("sec-v0101", waiting, "dispatch"),
                        Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + ours)));
        String waitingAnswer = task("sec-v0101", waiting, "volunteer-accept");
        String theirOrder = placed("v0201");
        String theirDispatch = task("sec-v0201", theirOrder, "dispatch");
        String register = "/api/villages/v0101/volunteers";
        Map<String, Object> volunteer =
                new HashMap<>(Map.of("name", "张三", "phone", phone(), "skills", "修电器", "availability", "周末"));
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // anonymous: 401
        assertThat(api.get(register).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post(register, volunteer).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get(register + "/" + ours).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a party member, a grid worker, the other village's secretary and station head: 403
        for (String outsider : List.of("pm1", "gw-v0101", "sec-v0201", "head-v0201")) {
            assertThat(api.as(outsider).post(register, volunteer).getStatusCode())
                    .as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(outsider).get(register).getStatusCode())
                    .as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(outsider).get(register + "/" + ours).getStatusCode())
                    .as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(outsider)
                            .post(register + "/" + ours + "/retirement", null)
                            .getStatusCode())
                    .as(outsider)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        // another village's volunteer through one's own village: not found, no phone
        ResponseEntity<JsonNode> foreign = api.as("sec-v0201").get("/api/villages/v0201/volunteers/" + ours);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("sec-v0201").everyItem("/api/villages/v0201/volunteers"))
                .noneMatch(v -> v.get("id").asLong() == ours)
                .noneMatch(v -> v.has("phone"));
        // bad phones, missing and unknown fields, retiring twice
        for (String bad : List.of("12345678901", "1380000000", "138000000001", "+8613800000000", "电话")) {
            Map<String, Object> badPhone = new HashMap<>(volunteer);
            badPhone.put("phone", bad);
            assertThat(badRequestFields(api.as("sec-v0101").post(register, badPhone)))
                    .as(bad)
                    .containsExactly("phone");
        }
        for (String owned : List.of("status", "points", "registeredBy", "villageCode")) {
            Map<String, Object> forged = new HashMap<>(volunteer);
            forged.put(owned, "x");
            assertThat(badRequestFields(api.as("sec-v0101").post(register, forged)))
                    .as(owned)
                    .containsExactly(owned);
        }
        assertThat(badRequestFields(api.as("head-v0101").post(register, Map.of("phone", phone()))))
                .contains("name", "skills", "availability");
        assertThat(api.as("sec-v0101")
                        .post(register + "/" + retired + "/retirement", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        // the other village's secretary cannot see, let alone dispatch, v0101's order to their volunteer
        assertThat(task("sec-v0201", orderNo, "dispatch")).isNull();
        assertThat(routes().viaApi(
                                "sec-v0201",
                                dispatch,
                                Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + theirs))
                        .getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        // Camunda's REST routes too: the right to work the task is checked before its data, so the answer
        // says nothing of what the task would accept
        Map<String, Object> theirVolunteer =
                Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + theirs);
        assertThat(routes().viaRest("sec-v0201", dispatch, theirVolunteer).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(routes().submitForm("sec-v0201", dispatch, theirVolunteer).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // the other village's, a retired, an unknown or forged volunteer, on every route: 400 naming volunteerId
        for (String forgedId : List.of("" + theirs, "" + retired, "99999999", "1;drop table volunteer")) {
            Map<String, Object> data = Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", forgedId);
            assertRefusedField(routes().viaApi("sec-v0101", dispatch, data), "volunteerId");
            assertRefusedField(routes().viaRest("sec-v0101", dispatch, data), "volunteerId");
            assertRefusedField(routes().submitForm("sec-v0101", dispatch, data), "volunteerId");
        }
        // v0201's secretary dispatching their own order to v0101's volunteer, on every route
        Map<String, Object> toOurs = Map.of("dispatchDecision", "DISPATCH_VOLUNTEER", "volunteerId", "" + ours);
        assertRefusedField(routes().viaApi("sec-v0201", theirDispatch, toOurs), "volunteerId");
        assertRefusedField(routes().viaRest("sec-v0201", theirDispatch, toOurs), "volunteerId");
        assertRefusedField(routes().submitForm("sec-v0201", theirDispatch, toOurs), "volunteerId");
        // the volunteer of an order cannot be swapped while their answer is recorded, on every route
        Map<String, Object> swapped = Map.of("acceptDecision", "ACCEPT", "volunteerId", "" + retired);
        assertRefusedField(routes().viaApi("sec-v0101", waitingAnswer, swapped), "volunteerId");
        assertRefusedField(routes().viaRest("sec-v0101", waitingAnswer, swapped), "volunteerId");
        assertRefusedField(routes().submitForm("sec-v0101", waitingAnswer, swapped), "volunteerId");
        // a field the dispatch does not have
        assertRefusedField(
                routes().viaApi(
                                "sec-v0101",
                                dispatch,
                                Map.of(
                                        "dispatchDecision",
                                        "DISPATCH_VOLUNTEER",
                                        "volunteerId",
                                        "" + ours,
                                        "volunteerPhone",
                                        "13900000000")),
                "volunteerPhone");
        // the volunteer's answer recorded once cannot be replayed, on any route
        assertThat(routes().viaApi("sec-v0101", answer, Map.of("acceptDecision", "ACCEPT"))
                        .getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertThat(routes().viaRest("sec-v0101", answer, Map.of("acceptDecision", "ACCEPT"))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isFalse();
        assertThat(routes().submitForm("sec-v0101", answer, Map.of("acceptDecision", "ACCEPT"))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isFalse();

        // then
        before.assertUnchanged(jdbcTemplate);
    }

    @Test
    void theDemoWorldHasTwoVolunteersPerVillageWithoutAccounts() {
        // when the demo villages' staff read their registers
        for (String village : List.of("v0101", "v0201")) {
            List<JsonNode> demo =
                    api.as("sec-" + village).everyItem("/api/villages/" + village + "/volunteers").stream()
                            .filter(v -> v.get("registeredBy").asText().equals("示范数据"))
                            .toList();

            // then two volunteers each, active, offered at dispatch, and none of them a platform user
            assertThat(demo).as(village).hasSize(2).allMatch(v -> v.get("status")
                    .asText()
                    .equals("ACTIVE"));
            for (JsonNode v : demo) {
                assertThat(jdbc.sql("select count(*) from act_id_user where first_ = ? or last_ = ?")
                                .params(v.get("name").asText(), v.get("name").asText())
                                .query(Long.class)
                                .single())
                        .as(v.get("name").asText())
                        .isZero();
            }
        }
        assertThat(jdbc.sql("select count(*) from volunteer where registered_by = '示范数据' and village_code = 'v0102'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    // ---- the moves ----

    private long registered(String user, String village, String name) {
        ResponseEntity<JsonNode> registered = api.as(user)
                .post(
                        "/api/villages/" + village + "/volunteers",
                        Map.of("name", name, "phone", phone(), "skills", "修电器", "availability", "周末"));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        return registered.getBody().get("id").asLong();
    }

    private Map<String, Object> order() {
        Map<String, Object> order = new HashMap<>();
        order.put("residentName", "张桂兰");
        order.put("phone", "13800000003");
        order.put("villageCode", "v0101");
        order.put("description", "腿脚不便，想请人上门理发");
        order.put("address", "东风社区 3 号楼 2 单元");
        return order;
    }

    private String placed() {
        return placed("v0101");
    }

    private String placed(String village) {
        Map<String, Object> order = order();
        order.put("villageCode", village);
        ResponseEntity<JsonNode> placed = api.post("/api/service-orders", order);
        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        return placed.getBody().get("orderNo").asText();
    }

    private JsonNode view(String orderNo, String accessCode) {
        ResponseEntity<JsonNode> view = api.get("/api/service-orders/" + orderNo + "?accessCode=" + accessCode);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        return view.getBody();
    }

    private long phoneViews(long volunteer) {
        return jdbc.sql("select count(*) from volunteer_phone_view where volunteer_id = ?")
                .param(volunteer)
                .query(Long.class)
                .single();
    }

    private String task(String user, String orderNo, String taskKey) {
        return routes().engineTaskIdOf(user, orderNo, taskKey);
    }

    private TaskRoutes routes() {
        return new TaskRoutes(api, tasks) {};
    }

    /** A mobile number of this run, so that what is looked for in a page is this test's. */
    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static MultiValueMap<String, Object> photo() {
        return SamplePhotos.jpegUpload("photos", "a.jpg", SamplePhotos.jpegWithGps(640, 480, 1));
    }

    private static void assertDone(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
    }
}
