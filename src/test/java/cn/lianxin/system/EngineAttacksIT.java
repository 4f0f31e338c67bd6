package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.testing.WebappClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks on Camunda's REST API reported against main, replayed by the demo users: each must be
 * refused and leave every case, variable, history row and log entry as it was. Both homes of the API
 * are attacked: {@code /engine-rest} (HTTP Basic) and Tasklist's {@code /camunda/api/engine} (a
 * signed-in webapp session).
 */
@PlatformIntegrationTest
class EngineAttacksIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    /** A case of 东风社区 (v0101) and one of 河口村 (v0201), each waiting for triage. */
    String dongfeng;

    String hekou;

    Task dongfengTriage;

    @BeforeEach
    void twoCasesWaitForTriage() {
        dongfeng = submitIn("v0101");
        hekou = submitIn("v0201");
        dongfengTriage = triageOf(dongfeng);
    }

    // ---- forging a case through a start ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/engine-rest/process-definition/key/appeal/start",
                "/engine-rest/process-definition/key/appeal/submit-form",
                "/engine-rest/engine/default/process-definition/key/appeal/start"
            })
    void aGridWorkerCannotStartACaseAtTriageWithAnotherVillagesNumber(String path) {
        // given: the reported attack — start before triage, carrying 河口村's tracking number
        Map<String, Object> body = Map.of(
                "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "triage")),
                "variables",
                Map.of("trackingNo", value(hekou), "villageCode", value("v0101")));

        // when / then
        JsonNode refusal = refusedAndNothingStored(() -> api.as("gw-v0101").post(path, body), HttpStatus.FORBIDDEN);
        assertThat(refusal.get("operation").asText()).isEqualTo("START_AT_ACTIVITY");
        assertThat(openTasksOf("gw-v0101")).doesNotContain(hekou);
    }

    @Test
    void nobodyButAnAdministratorStartsACaseAfterItsStepsToForgeAnEvaluation() {
        // given: start after the feedback step with a made-up satisfied evaluation
        Map<String, Object> body = Map.of(
                "startInstructions",
                List.of(Map.of("type", "startAfterActivity", "activityId", "feedback")),
                "skipCustomListeners",
                true,
                "variables",
                Map.of("trackingNo", value(hekou), "satisfaction", value("SATISFIED")));

        // when / then
        for (String user : List.of("gw-v0101", "head-v0101", "supervisor", "leader", "designer")) {
            refusedAndNothingStored(
                    () -> api.as(user).post("/engine-rest/process-definition/key/appeal/start", body),
                    HttpStatus.FORBIDDEN);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "trackingNo",
                "villageCode",
                "townCode",
                "status",
                "path",
                "satisfaction",
                "initiator",
                "citizenSummary",
                "light"
            })
    void aStartCarriesOnlyTheRegistrationFormsFields(String serverOwned) {
        // given: a complete registration plus one variable only the server sets
        Map<String, Object> variables = new java.util.HashMap<>(registration());
        variables.put(serverOwned, value("v0201"));

        // when / then
        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post("/engine-rest/process-definition/key/appeal/submit-form", Map.of("variables", variables)),
                HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(refusal)).containsExactly(serverOwned);
    }

    @Test
    void aStartCannotChooseItsTrackingNumber() {
        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/process-definition/key/appeal/start",
                                Map.of("businessKey", hekou, "variables", registration())),
                HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(refusal)).containsExactly("businessKey");
    }

    @Test
    void aStartByDefinitionIdIsCheckedLikeOneByKey() {
        // given
        String definitionId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(dongfeng)
                .singleResult()
                .getProcessDefinitionId();
        Map<String, Object> variables = new java.util.HashMap<>(registration());
        variables.put("villageCode", value("v0201"));

        // when / then
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/process-definition/" + definitionId + "/submit-form",
                                Map.of("variables", variables)),
                HttpStatus.BAD_REQUEST);
    }

    @Test
    void aHostCannotStartATopicForAnotherVillage() {
        Map<String, Object> variables = Map.of(
                "title", value("修路"),
                "background", value("路面坑洼"),
                "villageCode", value("v0201"),
                "deliberationNo", value("YS-20260101-000001"));

        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("host-v0101")
                        .post(
                                "/engine-rest/process-definition/key/deliberation/submit-form",
                                Map.of("variables", variables)),
                HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(refusal)).containsExactlyInAnyOrder("villageCode", "deliberationNo");
    }

    @Test
    void theSupervisorCannotStartASupervisionWithTextOfTheirChoosing() {
        // given: the reported attack — a made-up reason would land in the citizen's timeline
        Map<String, Object> body = Map.of(
                "businessKey",
                hekou + ":triage",
                "variables",
                Map.of(
                        "trackingNo", value(hekou),
                        "reason", value("群众无理取闹"),
                        "stepName", value("分类分流"),
                        "handlerGroup", value("grid-worker-v0101")));

        // when / then: neither through the REST API…
        for (String user : List.of("supervisor", "leader")) {
            JsonNode refusal = refusedAndNothingStored(
                    () -> api.as(user).post("/engine-rest/process-definition/key/supervision/start", body),
                    HttpStatus.FORBIDDEN);
            assertThat(refusal.get("operation").asText()).isEqualTo("START_OTHER_PROCESS");
        }
        // …nor in the engine itself: no role is granted to start it
        identity.setAuthentication("supervisor", List.of("supervisor"));
        try {
            StoreSnapshot before = StoreSnapshot.of(jdbc);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> runtime.startProcessInstanceByKey("supervision", hekou + ":triage"))
                    .isInstanceOf(AuthorizationException.class);
            before.assertUnchanged(jdbc);
        } finally {
            identity.clearAuthentication();
        }
    }

    // ---- claiming, assigning, delegating ----

    @Test
    void aClaimIsForOneselfOnly() {
        // when / then: claiming 东风社区's task for a grid worker of 河口村
        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post("/engine-rest/task/" + dongfengTriage.getId() + "/claim", Map.of("userId", "gw-v0201")),
                HttpStatus.FORBIDDEN);
        assertThat(refusal.get("operation").asText()).isEqualTo("ASSIGN_TASK");
        assertThat(tasks.createTaskQuery()
                        .taskId(dongfengTriage.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        // and the other village's grid worker cannot read the citizen
        assertThat(as(http, "gw-v0201")
                        .getForEntity("/api/tasks/" + dongfengTriage.getId() + "/citizen", JsonNode.class)
                        .getStatusCode()
                        .is4xxClientError())
                .isTrue();
    }

    @Test
    void aClaimWithoutAUserOrForSomeoneElseIsRefusedButOneselfIsFine() {
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/engine-rest/task/" + dongfengTriage.getId() + "/claim", Map.of()),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post("/engine-rest/task/" + dongfengTriage.getId() + "/claim", Map.of("userId", "admin")),
                HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> own = api.as("gw-v0101")
                .post("/engine-rest/task/" + dongfengTriage.getId() + "/claim", Map.of("userId", "gw-v0101"));

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery()
                        .taskId(dongfengTriage.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("gw-v0101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"assignee", "delegate", "identity-links", "resolve", "bpmnError", "attachment/create"})
    void aCandidateCannotHandTheTaskToAnyoneElse(String verb) {
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/task/" + dongfengTriage.getId() + "/" + verb,
                                Map.of("userId", "gw-v0201", "type", "candidate", "groupId", "grid-worker-v0201")),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aCandidateCannotEditTheTasksPropertiesOrDeleteIt() {
        String task = "/engine-rest/task/" + dongfengTriage.getId();
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .exchange(HttpMethod.PUT, task, Map.of("name", "x", "due", "2099-01-01T00:00:00.000+0800")),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(() -> api.as("gw-v0101").exchange(HttpMethod.DELETE, task, null), HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/engine-rest/task/create", Map.of("name", "假任务")), HttpStatus.FORBIDDEN);
    }

    // ---- writing a case's data outside its forms ----

    @Test
    void aHandlerCannotOverwriteWhatTheFormOnlyShows() {
        // when / then: on every route that completes a task
        String task = dongfengTriage.getId();
        Map<String, Object> engineBody =
                Map.of("variables", Map.of("path", value("IMMEDIATE"), "description", value("被篡改的诉求内容")));
        for (String path :
                List.of("/engine-rest/task/" + task + "/complete", "/engine-rest/task/" + task + "/submit-form")) {
            JsonNode refusal =
                    refusedAndNothingStored(() -> api.as("gw-v0101").post(path, engineBody), HttpStatus.BAD_REQUEST);
            assertThat(refusal.path("message").asText()).contains("description", "不能修改");
        }
        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/api/tasks/" + task + "/completion",
                                Map.of("path", "IMMEDIATE", "description", "被篡改的诉求内容")),
                HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(refusal)).contains("description");
        assertThat(runtime.getVariable(dongfengTriage.getProcessInstanceId(), "description"))
                .isEqualTo("测试诉求：v0101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "hacked", "satisfaction", "onSite"})
    void aTaskTakesNoFieldItsFormDoesNotHave(String field) {
        // satisfaction belongs to the revisit, onSite to the on-the-spot handling, status to the server
        Map<String, Object> body = Map.of("variables", Map.of("path", value("IMMEDIATE"), field, value("CLOSED")));

        JsonNode refusal = refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/engine-rest/task/" + dongfengTriage.getId() + "/complete", body),
                HttpStatus.BAD_REQUEST);
        assertThat(refusal.path("message").asText()).contains(field);
    }

    @Test
    void readOnlyFieldsSentBackUnchangedAreAcceptedAndNotWrittenAgain() {
        // given: what Camunda Forms submits — the read-only fields as shown, plus the cadre's choice
        Map<String, Object> variables = Map.of(
                "trackingNo", value(dongfeng),
                "description", value("测试诉求：v0101"),
                "location", value("3号楼"),
                "path", value("IMMEDIATE"),
                "overrideReason", value("现场就能修好"));
        long descriptionWrites = historyDetailsOf("description");

        // when
        ResponseEntity<JsonNode> done = api.as("gw-v0101")
                .post("/engine-rest/task/" + dongfengTriage.getId() + "/submit-form", Map.of("variables", variables));

        // then
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyDetailsOf("description")).isEqualTo(descriptionWrites);
    }

    @Test
    void variablesCannotBeWrittenOutsideAForm() {
        String instance = dongfengTriage.getProcessInstanceId();
        String task = dongfengTriage.getId();
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .exchange(
                                HttpMethod.PUT,
                                "/engine-rest/process-instance/" + instance + "/variables/description",
                                value("被篡改")),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/process-instance/" + instance + "/variables",
                                Map.of("modifications", Map.of("status", value("CLOSED")))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .exchange(
                                HttpMethod.DELETE,
                                "/engine-rest/process-instance/" + instance + "/variables/villageCode",
                                null),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/task/" + task + "/variables",
                                Map.of("modifications", Map.of("description", value("被篡改")))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101")
                        .post(
                                "/engine-rest/task/" + task + "/localVariables",
                                Map.of("modifications", Map.of("path", value("RETURN")))),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aCaseCannotBeMovedCancelledOrSuspended() {
        String instance = dongfengTriage.getProcessInstanceId();
        for (String user : List.of("gw-v0101", "head-v0101", "center-t01", "supervisor", "leader", "designer")) {
            refusedAndNothingStored(
                    () -> api.as(user)
                            .post(
                                    "/engine-rest/process-instance/" + instance + "/modification",
                                    Map.of(
                                            "instructions",
                                            List.of(Map.of("type", "startBeforeActivity", "activityId", "feedback")))),
                    HttpStatus.FORBIDDEN);
            refusedAndNothingStored(
                    () -> api.as(user).exchange(HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null),
                    HttpStatus.FORBIDDEN);
            refusedAndNothingStored(
                    () -> api.as(user)
                            .exchange(
                                    HttpMethod.PUT,
                                    "/engine-rest/process-instance/" + instance + "/suspended",
                                    Map.of("suspended", true)),
                    HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void nobodyButAnAdministratorCorrelatesAMessageToForgeAnEvaluationOrWithdrawal() {
        for (String message : List.of("appeal-evaluated", "appeal-withdrawn")) {
            for (String user : List.of("gw-v0101", "supervisor", "leader")) {
                refusedAndNothingStored(
                        () -> api.as(user)
                                .post(
                                        "/engine-rest/message",
                                        Map.of(
                                                "messageName", message,
                                                "businessKey", dongfeng,
                                                "processVariables", Map.of("satisfaction", value("SATISFIED")))),
                        HttpStatus.FORBIDDEN);
            }
        }
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/engine-rest/signal", Map.of("name", "any")), HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("gw-v0101").post("/engine-rest/condition", Map.of("businessKey", dongfeng)),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void nobodyButAnAdministratorRunsOrMovesATimer() {
        // given: the case's light timer
        String job = management
                .createJobQuery()
                .processInstanceId(dongfengTriage.getProcessInstanceId())
                .list()
                .get(0)
                .getId();

        // when / then: reading it is fine, changing it is not
        assertThat(as(http, "supervisor")
                        .getForEntity("/engine-rest/job/" + job, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String user : List.of("gw-v0101", "supervisor", "leader")) {
            refusedAndNothingStored(
                    () -> api.as(user).post("/engine-rest/job/" + job + "/execute", Map.of()), HttpStatus.FORBIDDEN);
            refusedAndNothingStored(
                    () -> api.as(user)
                            .exchange(
                                    HttpMethod.PUT,
                                    "/engine-rest/job/" + job + "/duedate",
                                    Map.of("duedate", "2000-01-01T00:00:00.000+0800")),
                    HttpStatus.FORBIDDEN);
            refusedAndNothingStored(
                    () -> api.as(user)
                            .exchange(HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)),
                    HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void externalTasksBatchesAndMigrationsAreClosed() {
        refusedAndNothingStored(
                () -> api.as("dept-cg")
                        .post(
                                "/engine-rest/external-task/fetchAndLock",
                                Map.of(
                                        "workerId",
                                        "w",
                                        "maxTasks",
                                        10,
                                        "topics",
                                        List.of(Map.of("topicName", "x", "lockDuration", 1000)))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("dept-cg").exchange(HttpMethod.GET, "/engine-rest/external-task", null),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("designer")
                        .post(
                                "/engine-rest/migration/execute",
                                Map.of(
                                        "migrationPlan",
                                        Map.of(),
                                        "processInstanceIds",
                                        List.of(dongfengTriage.getProcessInstanceId()))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("leader")
                        .post(
                                "/engine-rest/process-instance/delete",
                                Map.of("processInstanceIds", List.of(dongfengTriage.getProcessInstanceId()))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("designer")
                        .post(
                                "/engine-rest/history/process-instance/delete",
                                Map.of("historicProcessInstanceIds", List.of("x"))),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aDesignerCannotDeleteADeploymentWithItsRunningCases() {
        String deployment = jdbc.queryForObject(
                "select d.deployment_id_ from act_re_procdef d where d.key_ = 'appeal' order by d.version_ desc limit 1",
                String.class);

        refusedAndNothingStored(
                () -> api.as("designer")
                        .exchange(HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aMethodOverrideHeaderDoesNotSmuggleAChange() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-HTTP-Method-Override", "DELETE");

        refusedAndNothingStored(
                () -> as(http, "gw-v0101")
                        .exchange(
                                "/engine-rest/process-instance/" + dongfengTriage.getProcessInstanceId(),
                                HttpMethod.POST,
                                new HttpEntity<>("{}", headers),
                                JsonNode.class),
                HttpStatus.FORBIDDEN);
    }

    // ---- reading what a role should not ----

    @Test
    void aDesignerReadsModelsButNoCaseData() {
        String instance = dongfengTriage.getProcessInstanceId();

        for (String path : List.of(
                "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/history/process-instance?processInstanceId=" + instance,
                "/engine-rest/process-instance?processInstanceIds=" + instance,
                "/engine-rest/history/task?processInstanceId=" + instance,
                "/engine-rest/task?processInstanceId=" + instance)) {
            ResponseEntity<JsonNode> designer = as(http, "designer").getForEntity(path, JsonNode.class);
            ResponseEntity<JsonNode> admin = as(http, "admin").getForEntity(path, JsonNode.class);
            assertThat(designer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(designer.getBody()).as(path).isEmpty();
            assertThat(admin.getBody()).as("the case exists: " + path).isNotEmpty();
        }
        assertThat(as(http, "designer")
                        .getForEntity("/engine-rest/process-definition?key=appeal", JsonNode.class)
                        .getBody())
                .isNotEmpty();
    }

    @Test
    void onlyAdministratorsListEveryUserAndGroup() {
        for (String path : List.of(
                "/engine-rest/user", "/engine-rest/user/count", "/engine-rest/group", "/engine-rest/group/count")) {
            refusedAndNothingStored(
                    () -> api.as("gw-v0101").exchange(HttpMethod.GET, path, null), HttpStatus.FORBIDDEN);
            assertThat(as(http, "admin").getForEntity(path, JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(as(http, "gw-v0101")
                        .getForEntity("/engine-rest/user/gw-v0101/profile", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeliberationRepresentativeFollowsNoCase() {
        JsonNode cases = as(http, "rep1").getForObject("/api/cases", JsonNode.class);

        assertThat(cases.toString()).doesNotContain(dongfeng);
        assertThat(as(http, "rep1")
                        .getForEntity("/api/cases/" + dongfeng, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(http, "gw-v0101")
                        .getForObject("/api/cases", JsonNode.class)
                        .toString())
                .contains(dongfeng);
    }

    @Test
    void aLeaderActsOnlyThroughThePlatformsOperations() {
        refusedAndNothingStored(
                () -> api.as("leader")
                        .post(
                                "/engine-rest/task/" + dongfengTriage.getId() + "/complete",
                                Map.of("variables", Map.of("path", value("IMMEDIATE")))),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("leader")
                        .post("/engine-rest/task/" + dongfengTriage.getId() + "/claim", Map.of("userId", "leader")),
                HttpStatus.FORBIDDEN);
        refusedAndNothingStored(
                () -> api.as("leader")
                        .post(
                                "/engine-rest/task/" + dongfengTriage.getId() + "/comment/create",
                                Map.of("message", "x")),
                HttpStatus.FORBIDDEN);
    }

    // ---- Tasklist's home of the API ----

    @Test
    void tasklistsCopyOfTheApiKeepsTheSameRules() {
        // given
        WebappClient tasklist = new WebappClient(port);
        assertThat(tasklist.signIn("gw-v0101", "demo")).isEqualTo(200);
        String task = dongfengTriage.getId();
        String instance = dongfengTriage.getProcessInstanceId();

        // when / then
        webappRefused(tasklist, "POST", "task/" + task + "/claim", Map.of("userId", "gw-v0201"), 403);
        webappRefused(tasklist, "POST", "task/" + task + "/assignee", Map.of("userId", "gw-v0201"), 403);
        webappRefused(
                tasklist, "POST", "message", Map.of("messageName", "appeal-evaluated", "businessKey", dongfeng), 403);
        webappRefused(
                tasklist,
                "POST",
                "process-instance/" + instance + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "triage"))),
                403);
        webappRefused(tasklist, "PUT", "process-instance/" + instance + "/variables/status", value("CLOSED"), 403);
        webappRefused(
                tasklist,
                "POST",
                "process-definition/key/appeal/submit-form",
                Map.of(
                        "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "triage")),
                        "variables",
                        Map.of("trackingNo", value(hekou))),
                403);
        webappRefused(
                tasklist,
                "POST",
                "process-definition/key/appeal/submit-form",
                Map.of("variables", Map.of("villageCode", value("v0201"))),
                400);
        webappRefused(
                tasklist,
                "POST",
                "task/" + task + "/submit-form",
                Map.of("variables", Map.of("path", value("IMMEDIATE"), "description", value("被篡改"))),
                400);
        HttpResponse<String> own = tasklist.engine("POST", "task/" + task + "/claim", "{\"userId\": \"gw-v0101\"}");
        assertThat(own.statusCode()).isEqualTo(204);
    }

    @Test
    void anAnonymousCallerChangesNothingThroughTasklistsCopy() {
        WebappClient anonymous = new WebappClient(port);
        anonymous.send("GET", "/camunda/app/tasklist/default/", null, null);

        webappRefused(
                anonymous, "POST", "message", Map.of("messageName", "appeal-evaluated", "businessKey", dongfeng), 401);
        webappRefused(
                anonymous, "POST", "task/" + dongfengTriage.getId() + "/claim", Map.of("userId", "gw-v0101"), 401);
    }

    @Test
    void nobodyMakesThemselvesAdministratorThroughTheWebappsSetup() {
        // given: what Camunda's setup page sends while no administrator exists
        WebappClient stranger = new WebappClient(port);
        stranger.send("GET", "/camunda/app/admin/default/setup/", null, null);
        String body = Api.write(Map.of(
                "profile", Map.of("id", "intruder", "firstName", "入", "lastName", "侵", "email", "x@example.org"),
                "credentials", Map.of("password", "intruder-password")));
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        HttpResponse<String> setup =
                stranger.send("POST", "/camunda/api/admin/setup/default/user/create", body, "application/json");

        // then
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains("不能在网页上创建管理员");
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
        before.assertUnchanged(jdbc);
    }

    // ---- helpers ----

    private void webappRefused(WebappClient client, String method, String path, Object body, int status) {
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        HttpResponse<String> response = client.engine(method, path, Api.write(body));
        assertThat(response.statusCode())
                .as(method + " " + path + " → " + response.body())
                .isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "org.camunda", "SQL");
        before.assertUnchanged(jdbc);
    }

    private JsonNode refusedAndNothingStored(Supplier<ResponseEntity<JsonNode>> attack, HttpStatus status) {
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> response = attack.get();
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getBody()).isNotNull();
        assertThat(response.getBody().toString()).doesNotContain("Exception", "org.camunda", "SQL");
        before.assertUnchanged(jdbc);
        return response.getBody();
    }

    /** A lighting request of this village, described "测试诉求：village" (the attacks below try to overwrite it). */
    private String submitIn(String village) {
        Map<String, Object> intake = AppealFixtures.intake("lighting", village);
        intake.put("description", "测试诉求：" + village);
        return appeals.submit(intake).trackingNo();
    }

    private Task triageOf(String trackingNo) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(trackingNo)
                .taskDefinitionKey("triage")
                .singleResult();
    }

    private List<String> openTasksOf(String user) {
        return api.as(user).everyItem("/api/tasks").stream()
                .map(t -> t.get("trackingNo").asText())
                .toList();
    }

    private long historyDetailsOf(String variable) {
        return jdbc.queryForObject(
                "select count(*) from act_hi_detail where name_ = ? and proc_inst_id_ = ?",
                Long.class,
                variable,
                dongfengTriage.getProcessInstanceId());
    }

    private static Map<String, Object> registration() {
        return Map.of(
                "citizenName", value("李四"),
                "phone", value("13800000002"),
                "channel", value("PHONE"),
                "category", value("lighting"),
                "description", value("楼道灯坏了"));
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
