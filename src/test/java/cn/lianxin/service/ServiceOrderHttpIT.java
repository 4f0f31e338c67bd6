package cn.lianxin.service;

import static cn.lianxin.testing.Api.assertRefusedField;
import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.testing.TaskRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * Service orders over HTTP on PostgreSQL, as the demo users and an anonymous resident: from the village's
 * menu to the member's points, a declined order and one nobody accepted in time dispatched again, an order
 * turned into an appeal; the unit boundary (v0201's secretary and member never see v0101's orders or
 * tasks) and hostile requests refused with nothing stored.
 */
@PlatformIntegrationTest
class ServiceOrderHttpIT {

    record Order(String orderNo, String accessCode) {}

    @Autowired
    Api api;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    AppealFixtures appeals;

    @BeforeEach
    void partyMembers() {
        // 党员报到 is the members' module's; here pm1 and pm3 are confirmed, pm2 still waits for it
        member("pm1", "v0101", "CONFIRMED");
        member("pm2", "v0101", "REGISTERED");
        member("pm3", "v0201", "CONFIRMED");
        member("pm4", "v0201", "CONFIRMED");
    }

    /** The members' own tests start from no registration of pm1 … pm4: leave none behind. */
    @AfterEach
    void noPartyMembersLeft() {
        jdbc.sql("delete from points_entry where user_id in ('pm1', 'pm2', 'pm3', 'pm4')")
                .update();
        jdbc.sql("delete from party_member where user_id in ('pm1', 'pm2', 'pm3', 'pm4')")
                .update();
    }

    @Test
    void anOrderFromTheMenuIsServedEvaluatedAndCreditedToTheMember() {
        // given the station head puts a service on the village's resource list
        ResponseEntity<JsonNode> added = api.as("head-v0101")
                .post(
                        "/api/villages/v0101/resources",
                        Map.of(
                                "title", "上门理发",
                                "description", "为行动不便的老人上门理发",
                                "providerKind", "PARTY_MEMBER",
                                "providerName", "王建国"));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        long resourceId = added.getBody().get("id").asLong();

        // then the portal's menu shows it, without the member's name
        JsonNode menu = api.get("/api/villages/v0101/service-menu").getBody();
        JsonNode offered = find(menu.get("resources"), "id", Long.toString(resourceId));
        assertThat(offered.get("title").asText()).isEqualTo("上门理发");
        assertThat(offered.get("providerKindLabel").asText()).isEqualTo("党员");
        assertThat(offered.hasNonNull("provider")).isFalse();
        assertThat(menu.toString()).doesNotContain("王建国");

        // when a resident orders it, and the browser retries with the same key
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = order("v0101", resourceId);
        ResponseEntity<JsonNode> placed = place(request, key);
        ResponseEntity<JsonNode> retried = place(request, key);

        // then one order, one number
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Order order = new Order(
                placed.getBody().get("orderNo").asText(),
                placed.getBody().get("accessCode").asText());
        assertThat(order.orderNo()).matches("FW-\\d{8}-\\d{6}");
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("orderNo").asText()).isEqualTo(order.orderNo());

        // when the secretary dispatches it to pm1, who accepts and serves
        String dispatch = engineTask("sec-v0101", order, "dispatch");
        assertThat(dispatch).isNotNull();
        assertDone(viaApi("sec-v0101", dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        assertThat(api.as("pm1").everyItem("/api/service-orders/mine"))
                .anyMatch(o -> o.get("orderNo").asText().equals(order.orderNo()));
        assertDone(viaRest("pm1", engineTask("pm1", order, "accept"), Map.of("acceptDecision", "ACCEPT")));
        assertDone(submitForm(
                "pm1",
                engineTask("pm1", order, "serve"),
                Map.of("minutesServed", 120, "serviceRecord", "为张奶奶理发，顺便检查了燃气灶")));

        // then the resident reads the progress and evaluates, once
        JsonNode progress = view(order);
        assertThat(progress.get("status").asText()).isEqualTo("AWAITING_EVALUATION");
        assertThat(progress.get("awaitingEvaluation").asBoolean()).isTrue();
        assertThat(progress.get("resident").asText()).isEqualTo("张*兰");
        assertThat(progress.toString()).doesNotContain("13800000002", "pm1");
        ResponseEntity<JsonNode> evaluation = evaluate(order, order.accessCode());
        assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(evaluate(order, order.accessCode()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // and the points ledger has the member's two hours and the evaluation, the order is closed
        assertThat(jdbc.sql("select minutes_served || ' ' || satisfaction from points_entry"
                                + " where user_id = 'pm1' and order_no = ?")
                        .param(order.orderNo())
                        .query(String.class)
                        .list())
                .containsExactly("120 SATISFIED");
        JsonNode closed = view(order);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("minutesServed").asInt()).isEqualTo(120);
        assertThat(closed.get("timeline").toString()).contains("群众评价：满意");
        assertThat(api.as("sec-v0101").everyItem("/api/villages/v0101/service-orders"))
                .filteredOn(o -> o.get("orderNo").asText().equals(order.orderNo()))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.get("statusLabel").asText()).isEqualTo("已办结");
                    assertThat(o.get("resident").asText()).isEqualTo("张*兰（138****0002）");
                });
    }

    @Test
    void aDeclinedOrderAndOneNobodyAcceptsInTimeGoBackToTheSecretary() {
        // given
        Order order = placed("v0101");
        assertDone(viaApi(
                "sec-v0101",
                engineTask("sec-v0101", order, "dispatch"),
                Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));

        // when pm1 declines
        assertDone(viaApi(
                "pm1",
                engineTask("pm1", order, "accept"),
                Map.of("acceptDecision", "DECLINE", "declineReason", "这周在外地培训")));

        // then the secretary dispatches again, this time nobody answers
        assertDone(viaApi(
                "sec-v0101",
                engineTask("sec-v0101", order, "dispatch"),
                Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        assertThat(engineTask("pm1", order, "accept")).isNotNull();
        Job timer = management
                .createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(order.orderNo())
                        .singleResult()
                        .getId())
                .activityId("accept-overdue")
                .singleResult();
        // the step's due date and its timer are worked out one after the other, on the running clock
        assertThat(timer.getDuedate())
                .isCloseTo(
                        tasks.createTaskQuery()
                                .processInstanceBusinessKey(order.orderNo())
                                .singleResult()
                                .getDueDate(),
                        1000);

        // when its 24 hours are up (the timer brought forward, this order's only)
        management.executeJob(timer.getId());

        // then
        assertThat(engineTask("pm1", order, "accept")).isNull();
        assertThat(engineTask("sec-v0101", order, "dispatch")).isNotNull();
        assertThat(view(order).get("timeline").toString())
                .contains("党员未能接单，支部正在重新派单", "党员未及时接单，支部正在重新派单")
                .doesNotContain("培训");
    }

    @Test
    void theVillagesStaffAndTheMemberSeeTheLightOfTheWaitForDispatchAndAcceptance() {
        // given an order just placed, waiting for its dispatch (one working day)
        Order order = placed("v0101");
        Task dispatch = openTask(order);
        JsonNode listed = listed("head-v0101", "/api/villages/v0101/service-orders", order);
        assertThat(listed.get("light").asText()).isEqualTo("GREEN");
        assertThat(listed.get("lightLabel").asText()).isEqualTo("正常");
        assertThat(Instant.parse(listed.get("dueAt").asText()))
                .isEqualTo(dispatch.getDueDate().toInstant());

        // when its warning (follow-up) date has passed, the secretary and the station head read yellow
        dispatch.setFollowUpDate(Date.from(Instant.now().minusSeconds(60)));
        tasks.saveTask(dispatch);
        assertThat(listed("sec-v0101", "/api/villages/v0101/service-orders", order)
                        .get("light")
                        .asText())
                .isEqualTo("YELLOW");
        assertThat(listed("head-v0101", "/api/villages/v0101/service-orders", order)
                        .get("lightLabel")
                        .asText())
                .isEqualTo("临期");

        // when dispatched to pm1 and the 24 hours to accept are up, red — in pm1's own list too
        assertDone(viaApi(
                "sec-v0101",
                engineTask("sec-v0101", order, "dispatch"),
                Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        Task accept = openTask(order);
        assertThat(listed("pm1", "/api/service-orders/mine", order).get("light").asText())
                .isEqualTo("GREEN");
        accept.setDueDate(Date.from(Instant.now().minusSeconds(60)));
        tasks.saveTask(accept);
        JsonNode late = listed("pm1", "/api/service-orders/mine", order);
        assertThat(late.get("light").asText()).isEqualTo("RED");
        assertThat(late.get("lightLabel").asText()).isEqualTo("超期");

        // when accepted, the service has no deadline: no light
        assertDone(viaApi("pm1", engineTask("pm1", order, "accept"), Map.of("acceptDecision", "ACCEPT")));
        assertThat(listed("head-v0101", "/api/villages/v0101/service-orders", order)
                        .path("light")
                        .isTextual())
                .isFalse();
    }

    @Test
    void anOrderThatIsReallyARequestBecomesAnAppealOfTheVillage() {
        // given
        Order order = placed("v0101");

        // when the secretary turns it into an appeal in Tasklist
        assertDone(submitForm(
                "sec-v0101",
                engineTask("sec-v0101", order, "dispatch"),
                Map.of("dispatchDecision", "CONVERT", "appealCategory", "lighting")));

        // then the order ends with the appeal's number, and the appeal waits for the village's triage
        JsonNode progress = view(order);
        assertThat(progress.get("status").asText()).isEqualTo("CONVERTED");
        String trackingNo = progress.get("trackingNo").asText();
        assertThat(trackingNo).startsWith("LX-");
        assertThat(appeals.hasOpenTask(trackingNo, "triage")).isTrue();
        assertThat(jdbc.sql("select village_code || ' ' || category from appeal where tracking_no = ?")
                        .param(trackingNo)
                        .query(String.class)
                        .single())
                .isEqualTo("v0101 lighting");
        // the branch secretary reads order tasks only, never the appeal's
        assertThat(engineTask("sec-v0101", trackingNo, "triage")).isNull();
    }

    @Test
    void anotherVillagesSecretaryAndMembersSeeNothingOfTheOrder() {
        // given an order of v0101 dispatched to pm1
        Order order = placed("v0101");
        String dispatch = engineTask("sec-v0101", order, "dispatch");
        assertThat(engineTask("sec-v0201", order, "dispatch")).isNull();
        assertThat(engineTask("pm3", order, "dispatch")).isNull();
        assertThat(api.as("sec-v0201")
                        .post("/api/tasks/" + dispatch + "/completion", Map.of("dispatchDecision", "CONVERT"))
                        .getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertDone(viaApi("sec-v0101", dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        String accept = engineTask("pm1", order, "accept");

        // then
        for (String outsider : List.of("sec-v0201", "pm3", "pm2", "gw-v0201")) {
            assertThat(engineTask(outsider, order, "accept")).as(outsider).isNull();
            assertThat(api.as(outsider).engineTaskIds("?processInstanceBusinessKey=" + order.orderNo()))
                    .as(outsider)
                    .isEmpty();
            assertThat(viaRest(outsider, accept, Map.of("acceptDecision", "ACCEPT"))
                            .getStatusCode())
                    .as(outsider)
                    .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
            assertThat(api.as(outsider).everyItem("/api/service-orders/mine"))
                    .noneMatch(o -> o.get("orderNo").asText().equals(order.orderNo()));
        }
        for (String outsider : List.of("sec-v0201", "pm3", "pm1", "head-v0201")) {
            for (String list : List.of("service-orders", "resources", "needs", "projects")) {
                assertThat(api.as(outsider).get("/api/villages/v0101/" + list).getStatusCode())
                        .as(outsider + " " + list)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        // the village's own secretary follows the member's step too
        assertThat(engineTask("sec-v0101", order, "accept")).isEqualTo(accept);
    }

    @Test
    void hostileRequestsAreRefusedAndStoreNothing() {
        // given
        Order order = placed("v0101");
        String dispatch = engineTask("sec-v0101", order, "dispatch");
        long foreignResource = api.as("head-v0201")
                .post(
                        "/api/villages/v0201/resources",
                        Map.of("title", "代买药品", "providerKind", "VOLUNTEER", "providerName", "李志愿"))
                .getBody()
                .get("id")
                .asLong();
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // anonymous where not public
        for (String list : List.of("service-orders", "resources", "needs", "projects")) {
            assertThat(api.get("/api/villages/v0101/" + list).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(api.post("/api/villages/v0101/resources", Map.of("title", "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/service-orders/mine").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the wrong role of the right village
        assertThat(api.as("gw-v0101")
                        .post(
                                "/api/villages/v0101/resources",
                                Map.of("title", "x", "providerKind", "UNIT", "providerName", "y"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("sec-v0201")
                        .post("/api/service-orders", order("v0101", null))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // forged numbers and wrong codes: the same 404
        assertThat(api.get("/api/service-orders/FW-20260101-999999?accessCode=ABCDEFGH")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/service-orders/" + order.orderNo() + "?accessCode=WRONGCOD")
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evaluate(order, "WRONGCOD").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // an evaluation before the service
        assertThat(evaluate(order, order.accessCode()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // fields the server owns, bad fields, another village's resource
        Map<String, Object> forged = new HashMap<>(order("v0101", null));
        forged.put("status", "CLOSED");
        assertThat(badRequestFields(api.post("/api/service-orders", forged))).contains("status");
        assertThat(badRequestFields(api.post("/api/service-orders", Map.of("villageCode", "v0101"))))
                .contains("residentName", "phone", "description");
        assertThat(badRequestFields(api.post("/api/service-orders", order("v9999", null))))
                .contains("villageCode");
        assertThat(badRequestFields(api.post("/api/service-orders", order("v0101", foreignResource))))
                .contains("resourceId");
        Map<String, Object> resource =
                new HashMap<>(Map.of("title", "理发", "providerKind", "UNIT", "providerName", "东风社区", "open", false));
        assertThat(badRequestFields(api.as("head-v0101").post("/api/villages/v0101/resources", resource)))
                .contains("open");
        assertThat(badRequestFields(api.as("sec-v0101")
                        .post(
                                "/api/villages/v0101/needs",
                                Map.of("title", "装扶手", "source", "APPEAL", "sourceRef", "LX-20260101-999999"))))
                .contains("sourceRef");
        assertThat(badRequestFields(api.as("sec-v0101")
                        .post(
                                "/api/villages/v0101/projects",
                                Map.of(
                                        "title",
                                        "加装扶手",
                                        "owner",
                                        "东风社区",
                                        "startsOn",
                                        "2026-12-01",
                                        "endsOn",
                                        "2026-11-01"))))
                .contains("endsOn");
        // dispatching to a member not confirmed, or of another village, on every route
        assertRefusedField(
                viaApi("sec-v0101", dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm2")), "memberId");
        assertRefusedField(
                viaRest("sec-v0101", dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm3")), "memberId");
        assertRefusedField(
                submitForm("sec-v0101", dispatch, Map.of("dispatchDecision", "DISPATCH", "memberId", "pm4")),
                "memberId");

        // then
        before.assertUnchanged(jdbcTemplate);
    }

    @Test
    void theMembersPhotosOfTheServiceReachTheResidentOnceTheServiceIsRecorded() {
        // given an order pm1 serves
        Order order = placed("v0101");
        assertDone(viaApi(
                "sec-v0101",
                engineTask("sec-v0101", order, "dispatch"),
                Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        String photos = "/api/service-orders/" + order.orderNo() + "/photos";
        byte[] taken = SamplePhotos.jpegWithGps(640, 480, 1);
        // not before the member accepted: no serve step of theirs is open
        assertThat(api.as("pm1").upload(photos, photoForm("a.jpg", taken)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertDone(viaApi("pm1", engineTask("pm1", order, "accept"), Map.of("acceptDecision", "ACCEPT")));

        // when pm1 attaches a photo; another village's member and a non-photo are refused, storing nothing
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);
        assertThat(api.as("pm3").upload(photos, photoForm("a.jpg", taken)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(badRequestFields(api.as("pm1").upload(photos, photoForm("a.jpg", "<html>".getBytes()))))
                .containsExactly("photos");
        before.assertUnchanged(jdbcTemplate);
        ResponseEntity<JsonNode> attached = api.as("pm1").upload(photos, photoForm("a.jpg", taken));

        // then it is kept without its metadata, for the branch and the member
        assertThat(attached.getStatusCode()).as("%s", attached.getBody()).isEqualTo(HttpStatus.CREATED);
        String url = attached.getBody().get(0).get("url").asText();
        ResponseEntity<byte[]> kept = api.as("sec-v0101").exchange(HttpMethod.GET, url, null, byte[].class);
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(new String(kept.getBody(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(SamplePhotos.MARKER);
        assertThat(api.as("sec-v0201").get(photos).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get(url).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the resident sees none while the service goes on
        assertThat(view(order).get("photos")).isEmpty();
        assertThat(api.get(url + "?accessCode=" + order.accessCode()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // when the service is recorded
        assertDone(viaApi(
                "pm1", engineTask("pm1", order, "serve"), Map.of("minutesServed", 30, "serviceRecord", "修好了水龙头")));

        // then the resident sees it with the code, never with a wrong one
        JsonNode shown = view(order).get("photos");
        assertThat(shown).hasSize(1);
        String residents = shown.get(0).get("url").asText();
        assertThat(api.exchange(HttpMethod.GET, residents, null, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.get(url + "?accessCode=WRONGCOD").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("pm1").upload(photos, photoForm("b.jpg", taken)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theStationKeepsItsThreeLists() {
        // a need heard on a visit, a project that takes it on, both changed and closed
        ResponseEntity<JsonNode> need =
                api.as("sec-v0101").post("/api/villages/v0101/needs", Map.of("title", "3 号楼加装扶手", "source", "VISIT"));
        assertThat(need.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long needId = need.getBody().get("id").asLong();
        ResponseEntity<JsonNode> project = api.as("head-v0101")
                .post(
                        "/api/villages/v0101/projects",
                        Map.of("title", "加装楼道扶手", "needId", needId, "owner", "东风社区居委会", "startsOn", "2026-12-01"));
        assertThat(project.getStatusCode()).as("%s", project.getBody()).isEqualTo(HttpStatus.CREATED);
        long projectId = project.getBody().get("id").asLong();
        assertThat(project.getBody().get("statusLabel").asText()).isEqualTo("计划中");
        ResponseEntity<JsonNode> changed = api.as("sec-v0101")
                .exchange(
                        HttpMethod.PUT,
                        "/api/villages/v0101/projects/" + projectId,
                        Map.of(
                                "title",
                                "加装楼道扶手",
                                "needId",
                                needId,
                                "owner",
                                "东风社区居委会",
                                "startsOn",
                                "2026-12-01",
                                "endsOn",
                                "2026-12-20",
                                "status",
                                "ONGOING"));
        assertThat(changed.getBody().get("status").asText()).isEqualTo("ONGOING");
        assertThat(find(api.get("/api/villages/v0101/service-menu").getBody().get("projects"), "id", "" + projectId)
                        .toString())
                .contains("实施中")
                .doesNotContain("居委会");
        assertThat(api.as("head-v0101")
                        .post("/api/villages/v0101/needs/" + needId + "/closure", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("head-v0101")
                        .post("/api/villages/v0101/needs/" + needId + "/closure", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as("head-v0101")
                        .post("/api/villages/v0101/projects/" + projectId + "/closure", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.get("/api/villages/v0101/service-menu")
                        .getBody()
                        .get("projects")
                        .toString())
                .doesNotContain("\"id\":" + projectId + ",");
        // another village's entry is not found through this village's path
        assertThat(api.as("head-v0201")
                        .post("/api/villages/v0201/needs/" + needId + "/closure", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // lists page newest first
        JsonNode page =
                api.as("sec-v0101").get("/api/villages/v0101/needs?size=1").getBody();
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(needId);
        assertThat(badRequestFields(api.as("sec-v0101").get("/api/villages/v0101/needs?size=0")))
                .contains("size");
    }

    // ---- the moves ----

    private Map<String, Object> order(String village, Long resourceId) {
        Map<String, Object> order = new HashMap<>();
        order.put("residentName", "张桂兰");
        order.put("phone", "13800000002");
        order.put("villageCode", village);
        order.put("description", "腿脚不便，想请人上门理发");
        order.put("address", "东风社区 3 号楼 2 单元");
        if (resourceId != null) {
            order.put("resourceId", resourceId);
        }
        return order;
    }

    private ResponseEntity<JsonNode> place(Map<String, Object> order, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", idempotencyKey);
        return http.exchange("/api/service-orders", HttpMethod.POST, new HttpEntity<>(order, headers), JsonNode.class);
    }

    private Order placed(String village) {
        ResponseEntity<JsonNode> placed = api.post("/api/service-orders", order(village, null));
        assertThat(placed.getStatusCode()).as("%s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Order(
                placed.getBody().get("orderNo").asText(),
                placed.getBody().get("accessCode").asText());
    }

    private Task openTask(Order order) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(order.orderNo())
                .singleResult();
    }

    /** The order as a list of cadres shows it to this user. */
    private JsonNode listed(String user, String path, Order order) {
        return api.as(user).everyItem(path).stream()
                .filter(item -> item.get("orderNo").asText().equals(order.orderNo()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(order.orderNo() + " not in " + path + " for " + user));
    }

    private JsonNode view(Order order) {
        ResponseEntity<JsonNode> view =
                api.get("/api/service-orders/" + order.orderNo() + "?accessCode=" + order.accessCode());
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        return view.getBody();
    }

    private ResponseEntity<JsonNode> evaluate(Order order, String accessCode) {
        return api.post(
                "/api/service-orders/" + order.orderNo() + "/evaluation",
                Map.of("accessCode", accessCode, "satisfaction", "SATISFIED", "comment", "很周到"));
    }

    private String engineTask(String user, Order order, String taskKey) {
        return routes().engineTaskIdOf(user, order.orderNo(), taskKey);
    }

    private String engineTask(String user, String businessKey, String taskKey) {
        return routes().engineTaskIdOf(user, businessKey, taskKey);
    }

    private ResponseEntity<JsonNode> viaApi(String user, String taskId, Map<String, Object> data) {
        return routes().viaApi(user, taskId, data);
    }

    private ResponseEntity<JsonNode> viaRest(String user, String taskId, Map<String, Object> data) {
        return routes().viaRest(user, taskId, data);
    }

    private ResponseEntity<JsonNode> submitForm(String user, String taskId, Map<String, Object> data) {
        return routes().submitForm(user, taskId, data);
    }

    /** The three routes a task is completed by, and a user's own view of Camunda's task list. */
    private TaskRoutes routes() {
        return new TaskRoutes(api, tasks) {};
    }

    private static MultiValueMap<String, Object> photoForm(String name, byte[] bytes) {
        return SamplePhotos.jpegUpload("photos", name, bytes);
    }

    private static void assertDone(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + array);
    }

    private void member(String userId, String village, String status) {
        jdbc.sql("insert into party_member (user_id, village_code, name, employer, skills, availability, status,"
                        + " registered_at) values (?, ?, ?, '县人社局', '理发', '周末', ?, current_timestamp)"
                        + " on conflict (user_id) do update set village_code = excluded.village_code,"
                        + " status = excluded.status")
                .params(userId, village, "党员" + userId, status)
                .update();
    }
}
