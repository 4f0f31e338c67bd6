package cn.lianxin.appeal;

import static cn.lianxin.testing.AppealFixtures.intake;
import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Every path of a citizen's request over HTTP, on PostgreSQL, as the demo users of DESIGN §2:
 * each task done by the right role and unit, and refused to the wrong one.
 */
@PlatformIntegrationTest
class AppealHttpIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPolicyQuestionIsAnsweredOnTheSpotEvaluatedAndClosed() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");

        // then the other village and the leader cannot work it
        assertThat(appeals.taskIdOf("gw-v0201", appeal, "triage")).isNull();
        assertThat(appeals.viaApi("gw-v0201", appeals.openTask(appeal, "triage"), Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        assertThat(appeals.viaApi("leader", appeals.openTask(appeal, "triage"), Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // when the village's grid worker handles it
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已当面讲解政策"));
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知结果"));
        JsonNode waiting = appeals.view(appeal);
        assertThat(waiting.get("canEvaluate").asBoolean()).isTrue();
        ResponseEntity<String> evaluation = http.postForEntity(
                "/api/appeals/" + appeal.trackingNo() + "/evaluation",
                Api.json(Map.of("accessCode", appeal.accessCode(), "satisfaction", "SATISFIED", "comment", "很快")),
                String.class);

        // then
        assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode closed = appeals.view(appeal);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("statusLabel").asText()).isEqualTo("已办结");
        assertThat(closed.get("citizen").asText()).isEqualTo("张* 138****0001");
        assertThat(closed.toString()).doesNotContain("gw-v0101").doesNotContain("13800000001");
        assertThat(closed.get("timeline").toString()).contains("受理登记", "分流：即办", "现场服务登记", "群众评价：满意");
        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/evaluation",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "satisfaction", "UNSATISFIED")),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anEscalationIsReviewedByTheStationHeadDispatchedByTheTownAndHandledByTheDepartment() {
        // given
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "ESCALATE"));

        // then only the station head of the same village reviews
        assertThat(appeals.viaApi("gw-v0101", appeals.openTask(appeal, "review-escalation"), Map.of("approved", true))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(appeals.viaApi("head-v0201", appeals.openTask(appeal, "review-escalation"), Map.of("approved", true))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        appeals.done("head-v0101", appeal, "review-escalation", Map.of("approved", true));

        // and only the village's own town centre handles it
        assertThat(appeals.viaApi(
                                "center-t02",
                                appeals.openTask(appeal, "town-handle"),
                                Map.of("townDecision", "DISPATCH", "deptCode", "jt"))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> noDepartment = appeals.viaApi(
                "center-t01", appeals.openTask(appeal, "town-handle"), Map.of("townDecision", "DISPATCH"));
        assertThat(noDepartment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(noDepartment.getBody())).containsExactly("deptCode");
        appeals.done("center-t01", appeal, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "jt"));

        // and only the department it was dispatched to
        assertThat(appeals.viaApi(
                                "dept-cg",
                                appeals.openTask(appeal, "dept-handle"),
                                Map.of("deptOutcome", "DONE", "result", "x"))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        appeals.done("dept-jt", appeal, "dept-handle", Map.of("deptOutcome", "DONE", "result", "已修补路面坑洼"));

        // then the station sees it all the way (全程跟踪) and feeds back
        JsonNode progress = appeals.view(appeal);
        assertThat(progress.get("currentStep").asText()).isEqualTo("站点正在向您反馈办理结果");
        assertThat(progress.get("timeline").toString()).contains("站长同意上报", "派发到交通", "交通已办结");
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "VISIT", "feedbackContent", "已上门告知"));
    }

    @Test
    void aReturnNeedsEveryReasonAtOnceAndEndsReturned() {
        // given
        Case appeal = appeals.submit("parking", "NORMAL", "BUILDING", "v0201");
        appeals.done("gw-v0201", appeal, "triage", Map.of("path", "RETURN", "overrideReason", "属于业主共有事项"));
        String notify = appeals.openTask(appeal, "notify-return");

        // when the reasons are missing
        ResponseEntity<JsonNode> missing =
                appeals.viaApi("gw-v0201", notify, Map.of("returnBasis", "《民法典》", "alternatives", "找业委会"));

        // then
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("title").asText()).isEqualTo("办理信息不完整");
        assertThat(Api.fields(missing.getBody())).containsExactly("returnReasons");
        assertThat(tasks.createTaskQuery().taskId(notify).count()).isEqualTo(1);

        // when
        appeals.done(
                "gw-v0201",
                appeal,
                "notify-return",
                Map.of(
                        "returnReasons", List.of("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定"),
                        "extraReason", "车位纠纷已在法院审理",
                        "returnBasis", "《民法典》第二百七十六条",
                        "alternatives", "请联系业主委员会"));

        // then
        JsonNode returned = appeals.view(appeal);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("timeline").toString()).contains("业主大会决定", "车位纠纷已在法院审理", "请联系业主委员会");
    }

    @Test
    void jointHandlingGivesEachDepartmentItsOwnTask() {
        // given
        Case appeal = appeals.submit("road", "URGENT", "CROSS_AREA", "v0102");

        // when an unknown co-department is named
        ResponseEntity<JsonNode> unknown = appeals.viaApi(
                "gw-v0102",
                appeals.openTask(appeal, "triage"),
                Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("moon")));
        assertThat(Api.fields(unknown.getBody())).containsExactly("coDepts");
        appeals.done("gw-v0102", appeal, "triage", Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg")));

        // then
        String cgTask = appeals.taskIdOf("dept-cg", appeal, "joint-handle");
        String jtTask = appeals.taskIdOf("dept-jt", appeal, "joint-handle");
        assertThat(cgTask).isNotNull().isNotEqualTo(jtTask);
        assertThat(appeals.viaApi("dept-cg", jtTask, Map.of("jointResult", "越权"))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(appeals.viaApi("dept-cg", cgTask, Map.of("jointResult", "已清理占道摊点"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(appeals.viaApi("dept-jt", jtTask, Map.of("jointResult", "已修复路面"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // the model goes on after each department's part in a job of its own
        await().atMost(Duration.ofSeconds(60))
                .until(() -> appeals.taskIdOf("dept-jt", appeal, "joint-conclude") != null);
        appeals.done("dept-jt", appeal, "joint-conclude", Map.of("result", "交通、城管联合处理完毕"));
        assertThat(appeals.taskIdOf("gw-v0102", appeal, "feedback")).isNotNull();
    }

    @Test
    void aPromiseIsLimitedByTheCategoryAndMayTurnIntoAnEscalation() {
        // given
        Case appeal = appeals.submit("lighting", "NORMAL", "BUILDING", "v0101");

        // when
        ResponseEntity<JsonNode> tooLong = appeals.viaApi(
                "gw-v0101", appeals.openTask(appeal, "triage"), Map.of("path", "PROMISED", "promisedDays", 5));

        // then
        assertThat(Api.fields(tooLong.getBody())).containsExactly("promisedDays");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "PROMISED", "promisedDays", 2));
        assertThat(appeals.view(appeal).get("dueAt").isNull()).isFalse();
        appeals.done(
                "gw-v0101", appeal, "handle-promised", Map.of("outcome", "ESCALATE", "escalationReason", "需整体更换线路"));
        assertThat(appeals.taskIdOf("head-v0101", appeal, "review-escalation")).isNotNull();
    }

    @Test
    void aCitizenWithdrawsWithTheAccessCodeAndNothingStaysOpen() {
        // given
        Case appeal = appeals.submit("sanitation", "NORMAL", "BUILDING", "v0101");

        // when
        ResponseEntity<String> withdrawal = http.postForEntity(
                "/api/appeals/" + appeal.trackingNo() + "/withdrawal",
                Api.json(Map.of("accessCode", appeal.accessCode(), "reason", "问题已自行解决")),
                String.class);

        // then
        assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(appeals.view(appeal).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(appeal.trackingNo())
                        .count())
                .isZero();
        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/withdrawal",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "reason", "再次撤回")),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aWrongAccessCodeLearnsNothing() {
        // given
        Case appeal = appeals.submit("elderly", "NORMAL", "HOUSEHOLD", "v0101");

        // then
        ResponseEntity<JsonNode> wrongCode =
                http.getForEntity("/api/appeals/" + appeal.trackingNo() + "?accessCode=WRONG123", JsonNode.class);
        ResponseEntity<JsonNode> unknownCase =
                http.getForEntity("/api/appeals/LX-19990101-999999?accessCode=" + appeal.accessCode(), JsonNode.class);
        assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongCode.getBody().get("detail"))
                .isEqualTo(unknownCase.getBody().get("detail"));
    }

    @Test
    void aRetriedIntakeWithTheSameKeyReturnsTheSameCase() {
        // given
        String key = UUID.randomUUID().toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        HttpEntity<Map<String, Object>> request =
                new HttpEntity<>(intake("road", "NORMAL", "HOUSEHOLD", "v0101"), headers);

        // when
        ResponseEntity<JsonNode> first = http.postForEntity("/api/appeals", request, JsonNode.class);
        ResponseEntity<JsonNode> retry = http.postForEntity("/api/appeals", request, JsonNode.class);

        // then
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(jdbc.sql("select count(*) from appeal where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(
                                first.getBody().get("trackingNo").asText())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anUnknownVillageOrCategoryStartsNothing() {
        // given
        long cases = jdbc.sql("select count(*) from appeal").query(Long.class).single();

        // when
        ResponseEntity<JsonNode> village = http.postForEntity(
                "/api/appeals", Api.json(intake("road", "NORMAL", "HOUSEHOLD", "v9999")), JsonNode.class);
        ResponseEntity<JsonNode> category = http.postForEntity(
                "/api/appeals", Api.json(intake("weather", "NORMAL", "HOUSEHOLD", "v0101")), JsonNode.class);

        // then
        assertThat(Api.fields(village.getBody())).containsExactly("villageCode");
        assertThat(Api.fields(category.getBody())).containsExactly("category");
        assertThat(jdbc.sql("select count(*) from appeal").query(Long.class).single())
                .isEqualTo(cases);
    }

    @Test
    void camundasRestApiAppliesTheSameRulesAndLeavesTheTaskOpen() {
        // given
        Case appeal = appeals.submit("lighting", "NORMAL", "BUILDING", "v0101");
        String triage = appeals.openTask(appeal, "triage");

        // when
        ResponseEntity<JsonNode> complete = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/task/" + triage + "/complete",
                        Api.json(Map.of(
                                "variables",
                                Map.of("path", Map.of("value", "PROMISED"), "promisedDays", Map.of("value", 9)))),
                        JsonNode.class);
        ResponseEntity<JsonNode> submitForm = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/task/" + triage + "/submit-form",
                        Api.json(Map.of("variables", Map.of("path", Map.of("value", "RETURN")))),
                        JsonNode.class);
        // then
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete.getBody().get("message").asText())
                .startsWith("请修正以下内容：")
                .contains("promisedDays", "最多 3 个工作日");
        assertThat(submitForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submitForm.getBody().get("message").asText())
                .startsWith("请修正以下内容：")
                .contains("overrideReason");
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isEqualTo(1);
        assertThat(runtime.getVariable(
                        tasks.createTaskQuery().taskId(triage).singleResult().getProcessInstanceId(), "path"))
                .isNull();
    }

    @Test
    void aCadreRegistersARequestThroughTheTasklistStartForm() {
        // given
        Map<String, Object> form = AppealFixtures.stationForm("王五", "13700000003", "security", "BUILDING", "单元门禁坏了");
        long before = runtime.createProcessInstanceQuery()
                .processDefinitionKey("appeal")
                .count();

        // when
        ResponseEntity<JsonNode> started = as(http, "gw-v0201")
                .postForEntity(
                        "/engine-rest/process-definition/key/appeal/submit-form", Api.json(form), JsonNode.class);
        Map<String, Object> bad = Map.of("variables", Map.of("phone", Map.of("value", "110")));
        ResponseEntity<JsonNode> refused = as(http, "gw-v0201")
                .postForEntity("/engine-rest/process-definition/key/appeal/submit-form", Api.json(bad), JsonNode.class);
        ResponseEntity<JsonNode> byLeader = as(http, "leader")
                .postForEntity(
                        "/engine-rest/process-definition/key/appeal/submit-form", Api.json(form), JsonNode.class);

        // then
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String trackingNo = started.getBody().get("businessKey").asText();
        assertThat(trackingNo).startsWith("LX-");
        assertThat(jdbc.sql("select village_code from appeal where tracking_no = ?")
                        .param(trackingNo)
                        .query(String.class)
                        .single())
                .isEqualTo("v0201");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText())
                .startsWith("请修正以下内容：")
                .contains("phone");
        assertThat(byLeader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("appeal")
                        .count())
                .isEqualTo(before + 1);
    }

    @Test
    void onlyTheHandlerSeesTheFullPhoneNumberAndEachLookIsAudited() {
        // given
        Case appeal = appeals.submit("charging", "NORMAL", "BUILDING", "v0101");
        String triage = appeals.openTask(appeal, "triage");

        // when
        ResponseEntity<JsonNode> handler =
                as(http, "gw-v0101").getForEntity("/api/tasks/" + triage + "/citizen", JsonNode.class);
        ResponseEntity<JsonNode> leader =
                as(http, "leader").getForEntity("/api/tasks/" + triage + "/citizen", JsonNode.class);
        ResponseEntity<JsonNode> otherVillage =
                as(http, "gw-v0201").getForEntity("/api/tasks/" + triage + "/citizen", JsonNode.class);
        String list = new Api(http).as("gw-v0101").everyItem("/api/tasks").toString();

        // then
        assertThat(handler.getBody().get("phone").asText()).isEqualTo("13800000001");
        assertThat(leader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherVillage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list).contains(appeal.trackingNo(), "138****0001").doesNotContain("13800000001");
        assertThat(jdbc.sql("select revealed_to from personal_data_reveal where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(String.class)
                        .list())
                .containsExactly("gw-v0101");
    }

    @Test
    void aCompletionWithAFieldTheTaskDoesNotKnowIsRefused() {
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        ResponseEntity<JsonNode> response = appeals.viaApi(
                "gw-v0101", appeals.openTask(appeal, "triage"), Map.of("path", "IMMEDIATE", "status", "CLOSED"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(response.getBody())).containsExactly("status");
    }

    @Test
    void theStationFollowsItsCaseThroughTheTownAndOthersDoNot() {
        // given
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", appeal, "review-escalation", Map.of("approved", true));

        // when
        ResponseEntity<JsonNode> station =
                as(http, "head-v0101").getForEntity("/api/cases/" + appeal.trackingNo(), JsonNode.class);
        ResponseEntity<JsonNode> town =
                as(http, "center-t01").getForEntity("/api/cases/" + appeal.trackingNo(), JsonNode.class);
        ResponseEntity<JsonNode> otherVillage =
                as(http, "gw-v0201").getForEntity("/api/cases/" + appeal.trackingNo(), JsonNode.class);
        ResponseEntity<JsonNode> otherTown =
                as(http, "center-t02").getForEntity("/api/cases/" + appeal.trackingNo(), JsonNode.class);
        String stationList =
                new Api(http).as("gw-v0101").everyItem("/api/cases?status=OPEN").toString();
        String otherList = new Api(http).as("gw-v0201").everyItem("/api/cases").toString();

        // then
        assertThat(station.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(station.getBody().at("/openSteps/0/taskKey").asText()).isEqualTo("town-handle");
        assertThat(station.getBody().at("/openSteps/0/candidateGroups/0").asText())
                .isEqualTo("town-center-t01");
        assertThat(station.getBody().get("log").toString()).contains("head-v0101", "站长同意上报");
        assertThat(station.getBody().toString()).doesNotContain("13800000001");
        assertThat(town.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(otherVillage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherTown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stationList).contains(appeal.trackingNo());
        assertThat(otherList).doesNotContain(appeal.trackingNo());
    }

    @Test
    void administratorsMaintainTheStandardReturnReasonsTheFormOffers() {
        // when
        ResponseEntity<JsonNode> added = as(http, "admin")
                .postForEntity(
                        "/api/return-reasons",
                        Api.json(Map.of("category", "renovation", "reason", "改造计划已公示，本年度不再增加项目")),
                        JsonNode.class);
        ResponseEntity<JsonNode> byGridWorker = as(http, "gw-v0101")
                .postForEntity(
                        "/api/return-reasons",
                        Api.json(Map.of("category", "renovation", "reason", "网格员不能维护理由库")),
                        JsonNode.class);
        ResponseEntity<JsonNode> unknownCategory = as(http, "admin")
                .postForEntity(
                        "/api/return-reasons", Api.json(Map.of("category", "weather", "reason", "x")), JsonNode.class);

        // then
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(byGridWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.fields(unknownCategory.getBody())).containsExactly("category");
        Case appeal = appeals.submit("renovation", "NORMAL", "BUILDING", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "RETURN", "overrideReason", "本年度计划已满"));
        String notify = appeals.openTask(appeal, "notify-return");
        assertThat(runtime.getVariable(
                                tasks.createTaskQuery()
                                        .taskId(notify)
                                        .singleResult()
                                        .getProcessInstanceId(),
                                "standardReturnReasons")
                        .toString())
                .contains("改造计划已公示，本年度不再增加项目", "诉求内容不完整");
        long id = added.getBody().get("id").asLong();
        assertThat(as(http, "admin")
                        .exchange(
                                "/api/return-reasons/" + id,
                                org.springframework.http.HttpMethod.DELETE,
                                null,
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as(http, "gw-v0101")
                        .getForObject("/api/return-reasons?category=renovation", JsonNode.class)
                        .toString())
                .doesNotContain("改造计划已公示");
    }

    @Test
    void onlyALeaderInstructsAndTheInstructionOpensASupervision() {
        // given
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");

        // when
        ResponseEntity<JsonNode> byGridWorker = as(http, "gw-v0101")
                .postForEntity(
                        "/api/cases/" + appeal.trackingNo() + "/instructions",
                        Api.json(Map.of("instruction", "")),
                        JsonNode.class);
        ResponseEntity<JsonNode> empty = as(http, "leader")
                .postForEntity(
                        "/api/cases/" + appeal.trackingNo() + "/instructions",
                        Api.json(Map.of("instruction", " ")),
                        JsonNode.class);
        ResponseEntity<JsonNode> byLeader = as(http, "leader")
                .postForEntity(
                        "/api/cases/" + appeal.trackingNo() + "/instructions",
                        Api.json(Map.of("instruction", "群众反映强烈，尽快办理")),
                        JsonNode.class);

        // then
        assertThat(byGridWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.fields(empty.getBody())).containsExactly("instruction");
        assertThat(byLeader.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("supervision")
                        .processInstanceBusinessKey(appeal.trackingNo() + ":triage")
                        .count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery()
                        .processDefinitionKey("supervision")
                        .taskCandidateGroup("supervisor")
                        .processInstanceBusinessKey(appeal.trackingNo() + ":triage")
                        .count())
                .isEqualTo(1);
    }
}
