package cn.lianxin.deliberation;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    record Topic(String deliberationNo, String accessCode) {}

    private static final String PROPOSER_PHONE = "13500000005";
    private static final List<String> REPRESENTATIVES = List.of("rep1", "rep2", "rep3", "rep4", "rep5");

    @Autowired
    TestRestTemplate http;

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
        Topic topic = propose("东风社区 3 号楼前加装路灯");
        JsonNode proposed = view(topic);
        assertThat(proposed.get("stageLabel").asText()).isEqualTo("议题审核中");
        assertThat(proposed.get("proposer").asText()).isEqualTo("陈*");
        assertThat(proposed.toString()).doesNotContain(PROPOSER_PHONE);

        // the host accepts it in Tasklist; a representative cannot
        String review = taskOf("host-v0101", topic, "topic-review");
        assertThat(submitForm("rep1", review, Map.of("decision", "ACCEPT")).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(submitForm("host-v0101", review, Map.of("decision", "ACCEPT"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the plan: a meeting before the notice ends is refused by every route, the task stays open
        String plan = taskOf("host-v0101", topic, "prepare-plan");
        Instant noticeEnds = workingDays.add(Instant.now(), 5);
        Map<String, Object> early = plan(noticeEnds.minus(1, ChronoUnit.HOURS));
        assertRefused(viaApi("host-v0101", plan, early), "meetingAt");
        assertRefused(viaRest("host-v0101", plan, early), "meetingAt");
        assertRefused(submitForm("host-v0101", plan, early), "meetingAt");
        assertThat(notices("v0101"))
                .noneMatch(n -> n.get("deliberationNo").asText().equals(topic.deliberationNo()));
        Instant meetingAt = noticeEnds.plus(1, ChronoUnit.DAYS);
        assertThat(viaApi("host-v0101", plan, plan(meetingAt)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

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
                json(Map.of("authorName", "王小明", "phone", "110")),
                JsonNode.class);
        assertThat(fields(empty)).containsExactlyInAnyOrder("phone", "content");
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
        JsonNode noticed = view(topic);
        assertThat(noticed.get("acceptsOpinions").asBoolean()).isTrue();
        assertThat(noticed.get("opinions")).hasSize(6);
        assertThat(noticed.get("opinions").get(0).get("author").asText()).isEqualTo("王*明");
        assertThat(noticed.get("opinions").get(1).get("representative").asBoolean())
                .isTrue();
        assertThat(noticed.toString()).doesNotContain("13700000007");

        // the notice period ends; later opinions get 409
        bringForward(topic, "plan-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> openTask(topic, "review-opinions") != null);
        ResponseEntity<JsonNode> late =
                opinion(null, topic, Map.of("authorName", "赵六", "content", "我也有意见", "objection", true));
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(late.getBody().get("title").asText()).isEqualTo("公示期已结束");
        assertThat(viaApi(
                                "host-v0101",
                                taskOf("host-v0101", topic, "review-opinions"),
                                Map.of("objectionsSignificant", false, "opinionResponse", "灯罩朝向道路"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // 协商中记录: the server checks the quorum and the tally on every route
        String meeting = taskOf("host-v0101", topic, "meeting-record");
        assertThat(taskOf("rep1", topic, "meeting-record")).isNull();
        Map<String, Object> inquorateVote = meeting(List.of("rep1", "rep2", "rep3"), 3, 0, 0);
        assertRefused(viaApi("host-v0101", meeting, inquorateVote), "attendees");
        assertRefused(viaRest("host-v0101", meeting, inquorateVote), "attendees");
        Map<String, Object> badTally = meeting(REPRESENTATIVES, 4, 2, 0);
        assertRefused(viaApi("host-v0101", meeting, badTally), "votesFor");
        assertRefused(viaRest("host-v0101", meeting, badTally), "votesFor");
        assertRefused(submitForm("host-v0101", meeting, badTally), "votesFor");
        assertThat(count("deliberation_minutes where deliberation_no = '" + topic.deliberationNo() + "'"))
                .isZero();
        assertThat(viaRest("host-v0101", meeting, meeting(REPRESENTATIVES, 4, 1, 0))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode voted = view(topic);
        assertThat(voted.get("stage").asText()).isEqualTo("RESULT_NOTICE");
        assertThat(voted.get("meetings").get(0).get("present").asInt()).isEqualTo(5);
        assertThat(voted.get("meetings").get(0).get("votesFor").asInt()).isEqualTo(4);
        assertThat(voted.get("meetings").get(0).get("passed").asBoolean()).isTrue();

        // the result notice runs out; the host sets up the ledger — milestones in the past refused everywhere
        bringForward(topic, "result-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> openTask(topic, "set-up-ledger") != null);
        String ledger = taskOf("host-v0101", topic, "set-up-ledger");
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        Map<String, Object> past = ledger(List.of(milestone("完成选址", today.minusDays(1))));
        assertRefused(viaApi("host-v0101", ledger, past), "milestones");
        assertRefused(
                viaRest(
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
        assertRefused(
                submitForm(
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
        assertThat(viaApi(
                                "host-v0101",
                                ledger,
                                ledger(List.of(
                                        milestone("完成选址和采购", today.plusDays(20)),
                                        milestone("完成安装并通电", today.plusDays(40)))))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // 协商后跟踪: the department reports; an overdue milestone turns red and goes to supervision
        assertThat(taskOf("host-v0101", topic, "report-progress")).isNull();
        String firstReport = taskOf("dept-cg", topic, "report-progress");
        bringForward(topic, "milestone-overdue");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey("supervision")
                                .processInstanceBusinessKey(topic.deliberationNo() + ":report-progress")
                                .count()
                        == 1);
        assertThat(view(topic)
                        .get("ledger")
                        .get("milestones")
                        .get(0)
                        .get("light")
                        .asText())
                .isEqualTo("RED");
        assertThat(viaApi("dept-cg", firstReport, Map.of("progress", "已完成选址，路灯已到货"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("supervision")
                        .processInstanceBusinessKey(topic.deliberationNo() + ":report-progress")
                        .active()
                        .count())
                .isZero();
        assertThat(viaApi("dept-cg", taskOf("dept-cg", topic, "report-progress"), Map.of("progress", "两盏路灯已通电"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(viaApi(
                                "host-v0101",
                                taskOf("host-v0101", topic, "confirm-completion"),
                                Map.of("implemented", true, "completionSummary", "两盏路灯已安装通电"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the citizen evaluates; the evaluation period ends; the topic is archived as implemented
        ResponseEntity<JsonNode> evaluation = http.postForEntity(
                "/api/deliberations/" + topic.deliberationNo() + "/evaluations",
                json(Map.of("satisfaction", "SATISFIED", "comment", "晚上亮堂了", "accessCode", topic.accessCode())),
                JsonNode.class);
        assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        bringForward(topic, "evaluation-period");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "IMPLEMENTED".equals(view(topic).path("status").asText()));
        JsonNode archived = view(topic);
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
                "/api/deliberations", json(Map.of("phone", "12345", "villageCode", "v0101")), JsonNode.class);
        Map<String, Object> unknownVillage = proposal("路灯");
        unknownVillage.put("villageCode", "v9999");
        ResponseEntity<JsonNode> village =
                http.postForEntity("/api/deliberations", json(unknownVillage), JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(missing)).contains("title", "background", "proposerName", "phone");
        assertThat(missing.getBody().get("title").asText()).isEqualTo("请求数据有误");
        assertThat(fields(village)).containsExactly("villageCode");
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
                json(Map.of(
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
                .postForEntity("/api/cases/" + trackingNo + "/deliberations", json(raise), JsonNode.class);
        ResponseEntity<JsonNode> incomplete = as(http, "gw-v0101")
                .postForEntity(
                        "/api/cases/" + trackingNo + "/deliberations", json(Map.of("title", "x")), JsonNode.class);
        ResponseEntity<JsonNode> raised = as(http, "gw-v0101")
                .postForEntity("/api/cases/" + trackingNo + "/deliberations", json(raise), JsonNode.class);

        // then
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fields(incomplete)).containsExactly("background");
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
        assertThat(taskOf("host-v0101", new Topic(no, null), "topic-review")).isNotNull();
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
                        "/engine-rest/process-definition/key/deliberation/submit-form", json(form), JsonNode.class);
        ResponseEntity<JsonNode> badPhone = as(http, "host-v0101")
                .postForEntity(
                        "/engine-rest/process-definition/key/deliberation/submit-form",
                        json(Map.of(
                                "variables", Map.of("title", Map.of("value", "x"), "phone", Map.of("value", "110")))),
                        JsonNode.class);
        ResponseEntity<JsonNode> byGridWorker = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/process-definition/key/deliberation/submit-form", json(form), JsonNode.class);

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

    private Topic propose(String title) {
        ResponseEntity<JsonNode> response =
                http.postForEntity("/api/deliberations", json(proposal(title)), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Topic(
                response.getBody().get("deliberationNo").asText(),
                response.getBody().get("accessCode").asText());
    }

    private static Map<String, Object> proposal(String title) {
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("title", title);
        proposal.put("background", "3 号楼前晚上太黑，老人摔倒过");
        proposal.put("proposerName", "陈静");
        proposal.put("phone", PROPOSER_PHONE);
        proposal.put("villageCode", "v0101");
        return proposal;
    }

    private JsonNode view(Topic topic) {
        ResponseEntity<JsonNode> response =
                http.getForEntity("/api/deliberations/" + topic.deliberationNo(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<JsonNode> notices(String unit) {
        JsonNode board = http.getForObject("/api/notices?unit=" + unit, JsonNode.class);
        return StreamSupport.stream(board.spliterator(), false).toList();
    }

    private ResponseEntity<JsonNode> opinion(String user, Topic topic, Map<String, Object> body) {
        TestRestTemplate client = user == null ? http : as(http, user);
        return client.postForEntity(
                "/api/deliberations/" + topic.deliberationNo() + "/opinions", json(body), JsonNode.class);
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

    /** The task as the user's own query of Camunda's REST API shows it, or null when it is not theirs. */
    private String taskOf(String user, Topic topic, String taskKey) {
        JsonNode found = as(http, user)
                .getForObject(
                        "/engine-rest/task?processInstanceBusinessKey=" + topic.deliberationNo() + "&taskDefinitionKey="
                                + taskKey,
                        JsonNode.class);
        return found.isArray() && found.size() == 1 ? found.get(0).get("id").asText() : null;
    }

    private String openTask(Topic topic, String taskKey) {
        return tasks
                .createTaskQuery()
                .processInstanceBusinessKey(topic.deliberationNo())
                .taskDefinitionKey(taskKey)
                .list()
                .stream()
                .map(t -> t.getId())
                .findFirst()
                .orElse(null);
    }

    /** This topic's timer falls due now; the job executor fires it. */
    private void bringForward(Topic topic, String activityId) {
        String instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey("deliberation")
                .processInstanceBusinessKey(topic.deliberationNo())
                .singleResult()
                .getId();
        Job job = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(activityId)
                .singleResult();
        management.setJobDuedate(job.getId(), new Date());
    }

    /** The platform's API: {@code POST /api/tasks/{id}/completion}. */
    private ResponseEntity<JsonNode> viaApi(String user, String taskId, Map<String, Object> data) {
        return as(http, user).postForEntity("/api/tasks/" + taskId + "/completion", json(data), JsonNode.class);
    }

    /** Camunda's REST API: {@code POST /engine-rest/task/{id}/complete}. */
    private ResponseEntity<JsonNode> viaRest(String user, String taskId, Map<String, Object> data) {
        return as(http, user)
                .postForEntity(
                        "/engine-rest/task/" + taskId + "/complete",
                        json(Map.of("variables", typed(data))),
                        JsonNode.class);
    }

    /** What Tasklist sends: {@code POST /engine-rest/task/{id}/submit-form}. */
    private ResponseEntity<JsonNode> submitForm(String user, String taskId, Map<String, Object> data) {
        return as(http, user)
                .postForEntity(
                        "/engine-rest/task/" + taskId + "/submit-form",
                        json(Map.of("variables", typed(data))),
                        JsonNode.class);
    }

    /** Camunda's typed variables; lists as JSON, the way Camunda Forms send them. */
    private static Map<String, Object> typed(Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>();
        data.forEach((name, value) -> variables.put(
                name,
                value instanceof List<?> list
                        ? Map.of("type", "Json", "value", toJson(list))
                        : Map.of("value", value)));
        return variables;
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 400 naming the field, on whichever route: problem+json errors, or Camunda's message. */
    private void assertRefused(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = response.getBody();
        if (body.has("errors")) {
            assertThat(fields(response)).contains(field);
        } else {
            assertThat(body.get("message").asText()).contains(field);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static List<String> fields(ResponseEntity<JsonNode> problem) {
        assertThat(problem.getStatusCode()).as("%s", problem.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return StreamSupport.stream(problem.getBody().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }
}
