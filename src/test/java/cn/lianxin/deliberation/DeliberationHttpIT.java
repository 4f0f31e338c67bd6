package cn.lianxin.deliberation;

import static cn.lianxin.testing.Api.assertRefusedField;
import static cn.lianxin.testing.Api.badRequestFields;
import static cn.lianxin.testing.DeliberationFixtures.proposal;
import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.DeliberationFixtures.Topic;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One topic over HTTP on PostgreSQL, from a citizen's proposal to the archive, as the demo users
 * {@code host-v0101}, {@code rep1} … {@code rep5}, {@code dept-cg} and a citizen — with every kind
 * of bad input refused by every route (the platform's API, Camunda's REST API, Tasklist's form
 * submission) and nothing stored. The job executor runs; a notice period or a milestone date is
 * brought forward for this topic's own job only, so no other test's timers move.
 */
@PlatformIntegrationTest
class DeliberationHttpIT {

    private static final String PROPOSER_PHONE = "13500000005";
    private static final List<String> REPRESENTATIVES = List.of("rep1", "rep2", "rep3", "rep4", "rep5");

    @Autowired
    TestRestTemplate http;

    @Autowired
    DeliberationFixtures deliberations;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizensTopicIsNoticedDebatedVotedImplementedAndEvaluated() {
        JsonNode before = as(http, "leader").getForObject("/api/cockpit/deliberations?unit=v0101", JsonNode.class);

        // a citizen proposes
        Topic topic = deliberations.propose(proposal("东风社区 3 号楼前加装路灯", PROPOSER_PHONE));
        JsonNode proposed = deliberations.view(topic);
        assertThat(proposed.get("stageLabel").asText()).isEqualTo("议题审核中");
        assertThat(proposed.get("proposer").asText()).isEqualTo("陈*");
        assertThat(proposed.toString()).doesNotContain(PROPOSER_PHONE);

        // the host accepts it in Tasklist; a representative cannot
        String review = deliberations.taskOf("host-v0101", topic, "topic-review");
        assertThat(deliberations
                        .submitForm("rep1", review, Map.of("decision", "ACCEPT"))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(deliberations
                        .submitForm("host-v0101", review, Map.of("decision", "ACCEPT"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the plan: a meeting before the notice ends is refused by every route, the task stays open
        String plan = deliberations.taskOf("host-v0101", topic, "prepare-plan");
        Instant noticeEnds = workingDays.add(Instant.now(), 5);
        Map<String, Object> early = plan(noticeEnds.minus(1, ChronoUnit.HOURS));
        assertRefusedField(deliberations.viaApi("host-v0101", plan, early), "meetingAt");
        assertRefusedField(deliberations.viaRest("host-v0101", plan, early), "meetingAt");
        assertRefusedField(deliberations.submitForm("host-v0101", plan, early), "meetingAt");
        assertThat(notices("v0101"))
                .noneMatch(n -> n.get("deliberationNo").asText().equals(topic.deliberationNo()));
        Instant meetingAt = noticeEnds.plus(1, ChronoUnit.DAYS);
        assertThat(deliberations.viaApi("host-v0101", plan, plan(meetingAt)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // 协商前公示: the plan is on the village's board; the citizen and the five representatives comment
        assertThat(notices("v0101"))
                .filteredOn(n -> n.get("deliberationNo").asText().equals(topic.deliberationNo()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.get("kind").asText()).isEqualTo("PLAN");
                    assertThat(n.get("open").asBoolean()).isTrue();
                });
        long opinions = count("deliberation_opinion");
        ResponseEntity<JsonNode> empty = http.postForEntity(
                "/api/deliberations/" + topic.deliberationNo() + "/opinions",
                Api.json(Map.of("authorName", "王小明", "phone", "110")),
                JsonNode.class);
        assertThat(badRequestFields(empty)).containsExactlyInAnyOrder("phone", "content");
        assertThat(count("deliberation_opinion")).isEqualTo(opinions);
        assertThat(opinion(
                                null,
                                topic,
                                Map.of(
                                        "authorName",
                                        "王小明",
                                        "phone",
                                        "13700000007",
                                        "content",
                                        "灯别照进卧室",
                                        "objection",
                                        true))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (String rep : REPRESENTATIVES) {
            assertThat(opinion(rep, topic, Map.of("content", "同意加装，" + rep, "objection", false))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        JsonNode noticed = deliberations.view(topic);
        assertThat(noticed.get("acceptsOpinions").asBoolean()).isTrue();
        assertThat(noticed.get("opinions")).hasSize(6);
        assertThat(noticed.get("opinions").get(0).get("author").asText()).isEqualTo("王*明");
        assertThat(noticed.get("opinions").get(1).get("representative").asBoolean())
                .isTrue();
        assertThat(noticed.toString()).doesNotContain("13700000007");

        // the notice period ends; later opinions get 409
        deliberations.bringForward(topic, "plan-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> deliberations.hasOpenTask(topic, "review-opinions"));
        ResponseEntity<JsonNode> late =
                opinion(null, topic, Map.of("authorName", "赵六", "content", "我也有意见", "objection", true));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(late.getBody().get("title").asText()).isEqualTo("公示期已结束");
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                deliberations.taskOf("host-v0101", topic, "review-opinions"),
                                Map.of("objectionsSignificant", false, "opinionResponse", "灯罩朝向道路"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // 协商中记录: the server checks the quorum and the tally on every route
        String meeting = deliberations.taskOf("host-v0101", topic, "meeting-record");
        assertThat(deliberations.taskOf("rep1", topic, "meeting-record")).isNull();
        Map<String, Object> inquorateVote = meeting(List.of("rep1", "rep2", "rep3"), 3, 0, 0);
        assertRefusedField(deliberations.viaApi("host-v0101", meeting, inquorateVote), "attendees");
        assertRefusedField(deliberations.viaRest("host-v0101", meeting, inquorateVote), "attendees");
        Map<String, Object> badTally = meeting(REPRESENTATIVES, 4, 2, 0);
        assertRefusedField(deliberations.viaApi("host-v0101", meeting, badTally), "votesFor");
        assertRefusedField(deliberations.viaRest("host-v0101", meeting, badTally), "votesFor");
        assertRefusedField(deliberations.submitForm("host-v0101", meeting, badTally), "votesFor");
        assertThat(count("deliberation_minutes where deliberation_no = '" + topic.deliberationNo() + "'"))
                .isZero();
        assertThat(deliberations
                        .viaRest("host-v0101", meeting, meeting(REPRESENTATIVES, 4, 1, 0))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode voted = deliberations.view(topic);
        assertThat(voted.get("stage").asText()).isEqualTo("RESULT_NOTICE");
        assertThat(voted.get("meetings").get(0).get("present").asInt()).isEqualTo(5);
        assertThat(voted.get("meetings").get(0).get("votesFor").asInt()).isEqualTo(4);
        assertThat(voted.get("meetings").get(0).get("passed").asBoolean()).isTrue();

        // the result notice runs out; the host sets up the ledger — milestones in the past refused everywhere
        deliberations.bringForward(topic, "result-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> deliberations.hasOpenTask(topic, "set-up-ledger"));
        String ledger = deliberations.taskOf("host-v0101", topic, "set-up-ledger");
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        Map<String, Object> past = ledger(List.of(milestone("完成选址", today.minusDays(1))));
        assertRefusedField(deliberations.viaApi("host-v0101", ledger, past), "milestones");
        assertRefusedField(
                deliberations.viaRest(
                        "host-v0101",
                        ledger,
                        Map.of(
                                "responsibleUnit",
                                "cg",
                                "measures",
                                "安装路灯",
                                "milestones",
                                today.minusDays(3) + " 完成选址")),
                "milestones");
        assertRefusedField(
                deliberations.submitForm(
                        "host-v0101",
                        ledger,
                        Map.of(
                                "responsibleUnit",
                                "cg",
                                "measures",
                                "安装路灯",
                                "milestones",
                                today.minusDays(3) + " 完成选址")),
                "milestones");
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                ledger,
                                ledger(List.of(
                                        milestone("完成选址和采购", today.plusDays(20)),
                                        milestone("完成安装并通电", today.plusDays(40)))))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // 协商后跟踪: the department reports; an overdue milestone turns red and goes to supervision
        String firstReport = deliberations.taskOf("dept-cg", topic, "report-progress");
        // the host follows the topic's progress (reads the department's task) but reports nothing for it
        assertThat(deliberations.taskOf("host-v0101", topic, "report-progress")).isEqualTo(firstReport);
        assertThat(deliberations
                        .viaRest("host-v0101", firstReport, Map.of("progress", "代为报告"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        deliberations.passMilestoneDate(topic);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey("supervision")
                                .processInstanceBusinessKey(topic.deliberationNo() + ":report-progress")
                                .count()
                        == 1);
        assertThat(deliberations
                        .view(topic)
                        .get("ledger")
                        .get("milestones")
                        .get(0)
                        .get("light")
                        .asText())
                .isEqualTo("RED");
        assertThat(deliberations
                        .viaApi("dept-cg", firstReport, Map.of("progress", "已完成选址，路灯已到货"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("supervision")
                        .processInstanceBusinessKey(topic.deliberationNo() + ":report-progress")
                        .active()
                        .count())
                .isZero();
        assertThat(deliberations
                        .viaApi(
                                "dept-cg",
                                deliberations.taskOf("dept-cg", topic, "report-progress"),
                                Map.of("progress", "两盏路灯已通电"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                deliberations.taskOf("host-v0101", topic, "confirm-completion"),
                                Map.of("implemented", true, "completionSummary", "两盏路灯已安装通电"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the citizen evaluates; the evaluation period ends; the topic is archived as implemented
        ResponseEntity<JsonNode> evaluation = http.postForEntity(
                "/api/deliberations/" + topic.deliberationNo() + "/evaluations",
                Api.json(Map.of("satisfaction", "SATISFIED", "comment", "晚上亮堂了", "accessCode", topic.accessCode())),
                JsonNode.class);
        assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        deliberations.bringForward(topic, "evaluation-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> "IMPLEMENTED"
                .equals(deliberations.view(topic).path("status").asText()));
        JsonNode archived = deliberations.view(topic);
        assertThat(archived.get("evaluations").get("SATISFIED").asInt()).isEqualTo(1);
        assertThat(archived.get("timeline").toString()).contains("议题登记", "协商方案开始公示", "进入督办", "议题归档：已落实");
        assertThat(jdbc.sql("select body from notification_outbox where recipient = ? and tracking_no = ?")
                        .params(PROPOSER_PHONE, topic.deliberationNo())
                        .query(String.class)
                        .list())
                .anyMatch(m -> m.contains("查询码"))
                .anyMatch(m -> m.contains("表决通过"))
                .anyMatch(m -> m.contains("路灯已到货"));

        // the cockpit counts it
        JsonNode after = as(http, "leader").getForObject("/api/cockpit/deliberations?unit=v0101", JsonNode.class);
        assertThat(after.get("byOrigin").get("CITIZEN").asLong())
                .isEqualTo(before.get("byOrigin").get("CITIZEN").asLong() + 1);
        assertThat(after.get("implemented").asLong())
                .isEqualTo(before.get("implemented").asLong() + 1);
        assertThat(after.get("passed").asLong()).isEqualTo(before.get("passed").asLong() + 1);
        assertThat(after.get("noticesOnTime").asLong())
                .isEqualTo(before.get("noticesOnTime").asLong() + 2);
    }

    @Test
    void badProposalsAreRefusedWithEveryProblemAndNothingStarts() {
        long topics = count("deliberation");
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey("deliberation")
                .count();

        ResponseEntity<JsonNode> missing = http.postForEntity(
                "/api/deliberations", Api.json(Map.of("phone", "12345", "villageCode", "v0101")), JsonNode.class);
        Map<String, Object> unknownVillage = proposal("路灯", PROPOSER_PHONE);
        unknownVillage.put("villageCode", "v9999");
        ResponseEntity<JsonNode> village =
                http.postForEntity("/api/deliberations", Api.json(unknownVillage), JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(badRequestFields(missing)).contains("title", "background", "proposerName", "phone");
        assertThat(missing.getBody().get("title").asText()).isEqualTo("请求数据有误");
        assertThat(badRequestFields(village)).containsExactly("villageCode");
        assertThat(count("deliberation")).isEqualTo(topics);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("deliberation")
                        .count())
                .isEqualTo(instances);
        assertThat(http.getForEntity("/api/notices", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/deliberations/YS-20000101-000000", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aGridWorkerRaisesATopicFromARequestAndTheCaseShowsIt() {
        // given a citizen's request in v0101
        ResponseEntity<JsonNode> appeal = http.postForEntity(
                "/api/appeals",
                Api.json(Map.of(
                        "citizenName", "张三",
                        "phone", "13800000001",
                        "category", "parking",
                        "description", "小区停车乱，消防通道被堵",
                        "villageCode", "v0101",
                        "channel", "ONLINE")),
                JsonNode.class);
        String trackingNo = appeal.getBody().get("trackingNo").asText();
        Map<String, Object> raise = Map.of("title", "小区停车位重新划线", "background", "多位居民反映消防通道被占");

        // when: another village's grid worker may not, the case's own may
        ResponseEntity<JsonNode> foreign = as(http, "gw-v0201")
                .postForEntity("/api/cases/" + trackingNo + "/deliberations", Api.json(raise), JsonNode.class);
        ResponseEntity<JsonNode> incomplete = as(http, "gw-v0101")
                .postForEntity(
                        "/api/cases/" + trackingNo + "/deliberations", Api.json(Map.of("title", "x")), JsonNode.class);
        ResponseEntity<JsonNode> raised = as(http, "gw-v0101")
                .postForEntity("/api/cases/" + trackingNo + "/deliberations", Api.json(raise), JsonNode.class);

        // then
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(badRequestFields(incomplete)).containsExactly("background");
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String no = raised.getBody().get("deliberationNo").asText();
        JsonNode caseView = http.getForObject(
                "/api/appeals/" + trackingNo + "?accessCode="
                        + appeal.getBody().get("accessCode").asText(),
                JsonNode.class);
        assertThat(caseView.get("deliberations").get(0).get("deliberationNo").asText())
                .isEqualTo(no);
        assertThat(caseView.get("timeline").toString()).contains("已提交协商议事");
        JsonNode topic = http.getForObject("/api/deliberations/" + no, JsonNode.class);
        assertThat(topic.get("origin").asText()).isEqualTo("APPEAL");
        assertThat(topic.get("linkedCases").asInt()).isEqualTo(1);
        assertThat(deliberations.taskOf("host-v0101", new Topic(no, null), "topic-review"))
                .isNotNull();
    }

    @Test
    void theHostStartsATopicFromTasklistAndOthersCannot() {
        Map<String, Object> form = Map.of(
                "variables",
                Map.of(
                        "title", Map.of("value", "河边护栏加固"),
                        "background", Map.of("value", "护栏松动"),
                        "proposerName", Map.of("value", "刘芳"),
                        "phone", Map.of("value", "13600000006")));

        ResponseEntity<JsonNode> started = as(http, "host-v0101")
                .postForEntity(
                        "/engine-rest/process-definition/key/deliberation/submit-form", Api.json(form), JsonNode.class);
        ResponseEntity<JsonNode> badPhone = as(http, "host-v0101")
                .postForEntity(
                        "/engine-rest/process-definition/key/deliberation/submit-form",
                        Api.json(Map.of(
                                "variables", Map.of("title", Map.of("value", "x"), "phone", Map.of("value", "110")))),
                        JsonNode.class);
        ResponseEntity<JsonNode> byGridWorker = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/process-definition/key/deliberation/submit-form", Api.json(form), JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String no = started.getBody().get("businessKey").asText();
        assertThat(no).startsWith("YS-");
        assertThat(http.getForObject("/api/deliberations/" + no, JsonNode.class)
                        .get("origin")
                        .asText())
                .isEqualTo("CADRE");
        assertThat(badPhone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPhone.getBody().get("message").asText()).contains("phone", "background");
        assertThat(byGridWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- helpers ----

    private List<JsonNode> notices(String unit) {
        return new Api(http).everyItem("/api/notices?unit=" + unit);
    }

    private ResponseEntity<JsonNode> opinion(String user, Topic topic, Map<String, Object> body) {
        TestRestTemplate client = user == null ? http : as(http, user);
        return client.postForEntity(
                "/api/deliberations/" + topic.deliberationNo() + "/opinions", Api.json(body), JsonNode.class);
    }

    private static Map<String, Object> plan(Instant meetingAt) {
        return Map.of(
                "meetingAt",
                        OffsetDateTime.ofInstant(meetingAt, WorkingDays.ZONE)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString(),
                "meetingPlace", "东风社区党群服务中心议事厅",
                "participants", "议事代表 5 人，3 号楼住户代表，城管局",
                "plan", "讨论路灯位置和经费，表决是否实施");
    }

    private static Map<String, Object> meeting(List<String> attendees, int votesFor, int against, int abstain) {
        return Map.of(
                "attendees", attendees,
                "agenda", "一、介绍方案；二、自由发言；三、表决",
                "speeches", "议事代表1：支持",
                "votesFor", votesFor,
                "votesAgainst", against,
                "votesAbstain", abstain,
                "minutes", "与会代表充分讨论后表决");
    }

    private static Map<String, Object> ledger(List<Map<String, Object>> milestones) {
        return Map.of("responsibleUnit", "cg", "measures", "城管局安装两盏太阳能路灯", "milestones", milestones);
    }

    private static Map<String, Object> milestone(String title, LocalDate due) {
        return Map.of("title", title, "dueDate", due.toString());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
