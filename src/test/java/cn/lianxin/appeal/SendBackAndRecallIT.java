package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 驳回 and 撤回 through {@code /api} on PostgreSQL, as the Tasklist buttons call them: what works for
 * the step's handler or sender, and every refusal — other unit, other role, anonymous, forged ids,
 * a step the model does not let go back, a next step already claimed, someone else's step, a
 * replay, a missing reason, extra fields, Camunda's own REST API — leaving nothing changed.
 */
@PlatformIntegrationTest
class SendBackAndRecallIT {

    private static final Map<String, Object> REASON = Map.of("reason", "需要先核实现场情况");

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Test
    void theHandlerSendsAStepBackAndTheGridWorkerSeesWhyInTriage() {
        // given: a policy question of 东风社区 at 即办
        AppealFixtures.Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String immediate = appeals.taskIdOf("gw-v0101", appeal, "handle-immediate");
        assertThat(operations("gw-v0101", immediate)).contains("send-back");

        // when
        ResponseEntity<JsonNode> response = api.as("gw-v0101").post("/api/tasks/" + immediate + "/send-back", REASON);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String triage = appeals.taskIdOf("gw-v0101", appeal, "triage");
        assertThat(tasks.getVariableLocal(triage, "sentBackReason")).isEqualTo("需要先核实现场情况");
        assertThat(operations("gw-v0101", triage)).doesNotContain("send-back");
        assertThat(logKinds(appeal)).contains("SEND_BACK");
        // the citizen's view does not show it
        assertThat(appeals.view(appeal).toString()).doesNotContain("需要先核实现场情况");
    }

    @Test
    void aSendBackIsRefusedToEveryoneButTheHandlerAndWhereTheModelHasNoStepBefore() {
        // given
        AppealFixtures.Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String immediate = appeals.openTask(appeal, "handle-immediate");
        String path = "/api/tasks/" + immediate + "/send-back";

        // then: another village's grid worker does not see it, the station head may see but not handle it
        refusedAndNothingStored(() -> api.as("gw-v0201").post(path, REASON), HttpStatus.NOT_FOUND);
        refusedAndNothingStored(() -> api.as("head-v0101").post(path, REASON), HttpStatus.FORBIDDEN);
        refusedAndNothingStored(() -> api.post(path, REASON), HttpStatus.UNAUTHORIZED);
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/api/tasks/no-such-task/send-back", REASON), HttpStatus.NOT_FOUND);
        // a completed task is no open task
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/api/tasks/" + triage + "/send-back", REASON), HttpStatus.NOT_FOUND);
        assertFieldRefused(() -> api.as("gw-v0101").post(path, Map.of()), "reason");
        assertFieldRefused(() -> api.as("gw-v0101").post(path, Map.of("reason", "   ")), "reason");
        assertFieldRefused(() -> api.as("gw-v0101").post(path, Map.of("reason", "长".repeat(501))), "reason");
        assertFieldRefused(() -> api.as("gw-v0101").post(path, Map.of("reason", "理由", "target", "feedback")), "target");

        // and the first step has nothing before it
        AppealFixtures.Case fresh = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String freshTriage = appeals.taskIdOf("gw-v0101", fresh, "triage");
        assertThat(operations("gw-v0101", freshTriage)).doesNotContain("send-back");
        JsonNode problem = refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/api/tasks/" + freshTriage + "/send-back", REASON), HttpStatus.CONFLICT);
        assertThat(problem.path("title").asText()).isEqualTo("此步骤不能驳回");
    }

    @Test
    void aDelegateDoesNotSendTheStepBackForItsOwner() {
        // given: the grid worker delegates a 即办 step to the station head (委派)
        AppealFixtures.Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String immediate = appeals.openTask(appeal, "handle-immediate");
        assertThat(api.as("gw-v0101")
                        .post(
                                "/api/tasks/" + immediate + "/delegation",
                                Map.of("toUser", "head-v0101", "reason", "请站长到现场核实"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then the delegate is offered no 驳回 and is refused one; the step stays where it is
        assertThat(operations("head-v0101", immediate)).doesNotContain("send-back");
        JsonNode problem = refusedAndNothingStored(
                () -> api.as("head-v0101").post("/api/tasks/" + immediate + "/send-back", REASON), HttpStatus.CONFLICT);
        assertThat(problem.path("title").asText()).isEqualTo("任务正在委派中");
    }

    @Test
    void theSenderRecallsAStepOnceBeforeTheNextIsClaimed() {
        // given: gw-v0101 triaged a case to 承诺办
        AppealFixtures.Case appeal = appeals.submit("lighting", "NORMAL", "BUILDING", "v0101");
        String triage = appeals.taskIdOf("gw-v0101", appeal, "triage");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "PROMISED", "promisedDays", 2));

        // then it is listed as recallable for them only
        assertThat(api.as("gw-v0101").get("/api/tasks/recallable").getBody()).anySatisfy(item -> {
            assertThat(item.path("taskId").asText()).isEqualTo(triage);
            assertThat(item.path("taskName").asText()).isEqualTo("分类分流");
            assertThat(item.path("number").asText()).isEqualTo(appeal.trackingNo());
            assertThat(item.path("nextTaskName").asText()).isEqualTo("承诺办");
            assertThat(item.path("completedAt").isTextual()).isTrue();
        });
        assertThat(api.as("gw-v0102").get("/api/tasks/recallable").getBody())
                .noneSatisfy(item -> assertThat(item.path("taskId").asText()).isEqualTo(triage));
        String recall = "/api/tasks/" + triage + "/recall";
        refusedAndNothingStored(() -> api.as("gw-v0102").post(recall, REASON), HttpStatus.NOT_FOUND);
        refusedAndNothingStored(() -> api.as("head-v0101").post(recall, REASON), HttpStatus.NOT_FOUND);
        refusedAndNothingStored(() -> api.post(recall, REASON), HttpStatus.UNAUTHORIZED);
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/api/tasks/no-such-task/recall", REASON), HttpStatus.NOT_FOUND);
        assertFieldRefused(() -> api.as("gw-v0101").post(recall, Map.of()), "reason");
        assertFieldRefused(() -> api.as("gw-v0101").post(recall, Map.of("reason", "理由", "taskId", "x")), "taskId");

        // when
        ResponseEntity<JsonNode> response = api.as("gw-v0101").post(recall, REASON);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "triage")).isTrue();
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-promised")).isFalse();
        assertThat(logKinds(appeal)).contains("RECALL");

        // and a replay finds nothing left to take back
        JsonNode problem = refusedAndNothingStored(() -> api.as("gw-v0101").post(recall, REASON), HttpStatus.CONFLICT);
        assertThat(problem.path("title").asText()).isEqualTo("已不能撤回");
    }

    @Test
    void aRecallAfterTheNextStepWasClaimedIsTooLate() {
        // given: triaged to 即办, and the 即办 task claimed (by the grid worker, the village's only one)
        AppealFixtures.Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.taskIdOf("gw-v0101", appeal, "triage");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String immediate = appeals.openTask(appeal, "handle-immediate");
        assertThat(api.as("gw-v0101")
                        .post("/engine-rest/task/" + immediate + "/claim", Map.of("userId", "gw-v0101"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then
        assertThat(api.as("gw-v0101").get("/api/tasks/recallable").getBody())
                .noneSatisfy(item -> assertThat(item.path("taskId").asText()).isEqualTo(triage));
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/api/tasks/" + triage + "/recall", REASON), HttpStatus.CONFLICT);
        // and only the claimant may send it back now
        refusedAndNothingStored(
                () -> api.as("head-v0101").post("/api/tasks/" + immediate + "/send-back", REASON),
                HttpStatus.FORBIDDEN);
        assertThat(operations("gw-v0101", immediate)).contains("send-back");
    }

    @Test
    void noCadreTriggersTheStepBackMessagesThroughCamundasRestApi() {
        // given
        AppealFixtures.Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String immediate = appeals.openTask(appeal, "handle-immediate");
        String execution =
                tasks.createTaskQuery().taskId(immediate).singleResult().getExecutionId();
        String instance = appeals.processInstanceOf(appeal);

        // then
        for (String message : List.of(AppealProcess.Messages.SENT_BACK, AppealProcess.Messages.RECALLED)) {
            for (String user : List.of("gw-v0101", "head-v0101", "supervisor", "leader")) {
                refusedAndNothingStored(
                        () -> api.as(user)
                                .post(
                                        "/engine-rest/message",
                                        Map.of("messageName", message, "processInstanceId", instance)),
                        HttpStatus.FORBIDDEN);
                refusedAndNothingStored(
                        () -> api.as(user)
                                .post(
                                        "/engine-rest/execution/" + execution + "/messageSubscriptions/" + message
                                                + "/trigger",
                                        Map.of()),
                        HttpStatus.FORBIDDEN);
            }
        }
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-immediate")).isTrue();
    }

    private List<String> operations(String user, String taskId) {
        JsonNode body = api.as(user).get("/api/tasks/" + taskId + "/operations").getBody();
        assertThat(body).isNotNull();
        return StreamSupport.stream(body.path("allowed").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private List<String> logKinds(AppealFixtures.Case appeal) {
        return jdbc.queryForList(
                "select kind from appeal_log where tracking_no = ? order by id", String.class, appeal.trackingNo());
    }

    private void assertFieldRefused(Supplier<ResponseEntity<JsonNode>> attempt, String field) {
        assertThat(Api.fields(refusedAndNothingStored(attempt, HttpStatus.BAD_REQUEST)))
                .contains(field);
    }

    private JsonNode refusedAndNothingStored(Supplier<ResponseEntity<JsonNode>> attempt, HttpStatus status) {
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> response = attempt.get();
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).isNotNull();
        assertThat(response.getBody().toString()).doesNotContain("Exception", "org.camunda", "SQL");
        before.assertUnchanged(jdbc);
        return response.getBody();
    }
}
