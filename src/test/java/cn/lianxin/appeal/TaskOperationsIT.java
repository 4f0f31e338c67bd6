package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workbench operations on a task over HTTP, on PostgreSQL: 转办, 委派 and its hand-back, 催办,
 * comments and 批量转派 — each done by the role and unit allowed, recorded in the case log with a
 * cadre notice, and every refusal (anonymous, other unit, other role, forged id, claimed by someone
 * else, target outside the unit, extra fields, replay, flood) changing nothing.
 */
@PlatformIntegrationTest
class TaskOperationsIT {

    /** One cadre told about a task in their inbox (站内消息). */
    record Told(String kind, String userId) {}

    /** What a refused operation must leave as it was. */
    record Snapshot(String assignee, String owner, List<String> candidates, long logLines, long grants) {}

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGridWorkerTransfersTriageToTheStationHeadWhoAloneCanThenCompleteIt() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.taskIdOf("gw-v0101", appeal, "triage");
        assertThat(operations("gw-v0101", triage))
                .contains("comment", "delegate", "transfer")
                .doesNotContain("urge");
        JsonNode targets = api.as("gw-v0101")
                .get("/api/tasks/" + triage + "/transfer-targets")
                .getBody();
        assertThat(ids(targets.get("users"))).contains("head-v0101").doesNotContain("gw-v0101", "gw-v0201", "gw-v0102");
        assertThat(ids(targets.get("groups"))).contains("station-head-v0101").doesNotContain("station-head-v0201");
        assertThat(nameOf(targets.get("groups"), "station-head-v0101")).isEqualTo("东风社区 站长");
        assertThat(nameOf(targets.get("users"), "head-v0101"))
                .doesNotContain("head")
                .isNotBlank();

        // when
        ResponseEntity<JsonNode> transfer = api.as("gw-v0101")
                .post("/api/tasks/" + triage + "/transfer", Map.of("toUser", "head-v0101", "reason", "涉及道路，请站长亲自分流"));

        // then
        assertThat(transfer.getStatusCode()).as("%s", transfer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task moved = tasks.createTaskQuery().taskId(triage).singleResult();
        assertThat(moved.getAssignee()).isEqualTo("head-v0101");
        assertThat(candidates(triage)).isEmpty();
        CaseLogEntry logged = lastLog(appeal);
        assertThat(logged.kind()).isEqualTo("TRANSFER");
        assertThat(logged.actor()).isEqualTo("gw-v0101");
        assertThat(logged.entry()).contains("分类分流", "涉及道路，请站长亲自分流");
        assertThat(logged.shownToCitizen()).isFalse();
        assertThat(told(triage)).containsExactly(new Told("TRANSFERRED", "head-v0101"));
        assertThat(appeals.taskIdOf("head-v0101", appeal, "triage")).isEqualTo(triage);

        // and the old handler can neither transfer it again nor complete it by any route
        Snapshot before = snapshot(appeal, triage);
        ResponseEntity<JsonNode> replay = api.as("gw-v0101")
                .post("/api/tasks/" + triage + "/transfer", Map.of("toGroup", "grid-worker-v0101", "reason", "收回"));
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(appeals.viaRest("gw-v0101", triage, Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(appeals.submitForm("gw-v0101", triage, Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(snapshot(appeal, triage)).isEqualTo(before);

        // the new handler completes it through Camunda's REST API
        ResponseEntity<JsonNode> done = appeals.viaRest("head-v0101", triage, Map.of("path", "IMMEDIATE"));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-immediate")).isTrue();
    }

    @Test
    void aTransferToAGroupLetsThatGroupWorkTheTaskAndNotTheOldOne() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");

        // when
        ResponseEntity<JsonNode> transfer = api.as("gw-v0101")
                .post("/api/tasks/" + triage + "/transfer", Map.of("toGroup", "station-head-v0101", "reason", "需站长把关"));

        // then
        assertThat(transfer.getStatusCode()).as("%s", transfer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(candidates(triage)).containsExactly("group:station-head-v0101");
        assertThat(grantHolders(triage)).containsExactly("group:station-head-v0101");
        // (every member of station-head-v0101: the demo village has one)
        assertThat(told(triage)).containsExactly(new Told("TRANSFERRED", "head-v0101"));
        assertThat(appeals.taskIdOf("head-v0101", appeal, "triage")).isEqualTo(triage);
        assertThat(appeals.taskIdOf("gw-v0101", appeal, "triage")).isNull();
        assertThat(appeals.viaRest("gw-v0101", triage, Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> done = appeals.submitForm("head-v0101", triage, Map.of("path", "IMMEDIATE"));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aTransferIsRefusedToEveryoneOutsideTheRulesAndChangesNothing() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        String path = "/api/tasks/" + triage + "/transfer";
        Map<String, Object> body = Map.of("toUser", "head-v0101", "reason", "请站长处理");
        Snapshot before = snapshot(appeal, triage);

        // then: anonymous, another village, a department, a forged id, a read-only leader
        assertThat(api.post(path, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("gw-v0201").post(path, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("head-v0201").post(path, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("dept-cg").post(path, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("gw-v0101")
                        .post("/api/tasks/forged-" + triage + "/transfer", body)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("leader").post(path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("leader")
                        .get("/api/tasks/" + triage + "/transfer-targets")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // targets outside the unit or the role, unknown people, bad bodies
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("toUser", "gw-v0201", "reason", "x"))))
                .containsExactly("toUser");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("toUser", "dept-cg", "reason", "x"))))
                .containsExactly("toUser");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("toUser", "nobody", "reason", "x"))))
                .containsExactly("toUser");
        assertThat(Api.badRequestFields(
                        api.as("gw-v0101").post(path, Map.of("toGroup", "station-head-v0201", "reason", "x"))))
                .containsExactly("toGroup");
        assertThat(Api.badRequestFields(
                        api.as("gw-v0101").post(path, Map.of("toGroup", "town-center-t01", "reason", "x"))))
                .containsExactly("toGroup");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("toUser", "head-v0101"))))
                .containsExactly("reason");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("reason", "x"))))
                .contains("toUser", "toGroup");
        assertThat(Api.badRequestFields(api.as("gw-v0101")
                        .post(path, Map.of("toUser", "head-v0101", "toGroup", "station-head-v0101", "reason", "x"))))
                .contains("toUser", "toGroup");
        assertThat(Api.badRequestFields(api.as("gw-v0101")
                        .post(path, Map.of("toUser", "head-v0101", "reason", "x", "assignee", "gw-v0101"))))
                .containsExactly("assignee");
        assertThat(snapshot(appeal, triage)).isEqualTo(before);
        assertThat(told(triage)).isEmpty();

        // when someone else has claimed it, a candidate of its group may not pass it on …
        tasks.setAssignee(triage, "head-v0101");
        Snapshot claimed = snapshot(appeal, triage);
        assertThat(api.as("gw-v0101")
                        .post(path, Map.of("toGroup", "grid-worker-v0101", "reason", "我来办"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operations("gw-v0101", triage)).doesNotContain("transfer", "delegate");
        assertThat(snapshot(appeal, triage)).isEqualTo(claimed);

        // … but the town centre, which heads its villages' work, may
        ResponseEntity<JsonNode> byTown =
                api.as("center-t01").post(path, Map.of("toGroup", "grid-worker-v0101", "reason", "退回网格员分流"));
        assertThat(byTown.getStatusCode()).as("%s", byTown.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(triage).singleResult().getAssignee())
                .isNull();
        assertThat(candidates(triage)).containsExactly("group:grid-worker-v0101");
    }

    @Test
    void aDelegatedTaskComesBackToItsOwnerWhoCompletesIt() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        String path = "/api/tasks/" + triage;
        assertThat(Api.badRequestFields(
                        api.as("gw-v0101").post(path + "/delegation", Map.of("toUser", "gw-v0201", "reason", "x"))))
                .containsExactly("toUser");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path + "/delegation", Map.of("toUser", "head-v0101"))))
                .containsExactly("reason");
        assertThat(api.as("gw-v0101")
                        .post(path + "/resolution", Map.of("note", "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // when
        ResponseEntity<JsonNode> delegation =
                api.as("gw-v0101").post(path + "/delegation", Map.of("toUser", "head-v0101", "reason", "请站长先核实现场"));

        // then
        assertThat(delegation.getStatusCode()).as("%s", delegation.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task delegated = tasks.createTaskQuery().taskId(triage).singleResult();
        assertThat(delegated.getOwner()).isEqualTo("gw-v0101");
        assertThat(delegated.getAssignee()).isEqualTo("head-v0101");
        assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(lastLog(appeal).kind()).isEqualTo("DELEGATION");
        assertThat(told(triage)).containsExactly(new Told("DELEGATED", "head-v0101"));
        assertThat(operations("head-v0101", triage)).contains("resolve").doesNotContain("transfer");
        assertThat(operations("gw-v0101", triage)).doesNotContain("resolve", "transfer", "delegate");

        // nobody completes it while it is delegated, by any route, and it cannot be delegated again
        Snapshot pending = snapshot(appeal, triage);
        assertThat(appeals.viaApi("head-v0101", triage, Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Api.assertRefusedField(appeals.viaRest("head-v0101", triage, Map.of("path", "IMMEDIATE")), "delegation");
        Api.assertRefusedField(appeals.submitForm("head-v0101", triage, Map.of("path", "IMMEDIATE")), "delegation");
        assertThat(api.as("gw-v0101")
                        .post(path + "/delegation", Map.of("toUser", "head-v0101", "reason", "再委派"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as("gw-v0101")
                        .post(path + "/resolution", Map.of("note", "我交回"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.badRequestFields(api.as("head-v0101").post(path + "/resolution", Map.of("note", " "))))
                .containsExactly("note");
        // (Camunda's REST API lets no cadre resolve: the hand-back goes through the platform)
        assertThat(api.as("head-v0101")
                        .post(
                                "/engine-rest/task/" + triage + "/resolve",
                                Map.of("variables", Api.typed(Map.of("path", "RETURN"))))
                        .getStatusCode())
                .isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
        assertThat(tasks.getVariable(triage, "path")).isNull();
        assertThat(snapshot(appeal, triage)).isEqualTo(pending);

        // when the delegate hands it back
        ResponseEntity<JsonNode> resolution =
                api.as("head-v0101").post(path + "/resolution", Map.of("note", "现场已核实，属实"));

        // then the owner has it again and completes it
        assertThat(resolution.getStatusCode()).as("%s", resolution.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task back = tasks.createTaskQuery().taskId(triage).singleResult();
        assertThat(back.getAssignee()).isEqualTo("gw-v0101");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(lastLog(appeal).kind()).isEqualTo("RESOLUTION");
        assertThat(told(triage))
                .containsExactly(new Told("DELEGATED", "head-v0101"), new Told("DELEGATION_RESOLVED", "gw-v0101"));
        assertThat(appeals.viaRest("head-v0101", triage, Map.of("path", "IMMEDIATE"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> done = appeals.viaApi("gw-v0101", triage, Map.of("path", "IMMEDIATE"));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aStationHeadOrTownCentreUrgesTheHandlersOnceAnHour() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        String path = "/api/tasks/" + triage + "/urge";
        Map<String, Object> body = Map.of("message", "群众催问，请今天内分流");
        assertThat(operations("head-v0101", triage)).contains("urge");
        assertThat(operations("gw-v0101", triage)).doesNotContain("urge");
        Snapshot before = snapshot(appeal, triage);

        // then the handler itself, another village's head, another town, a leader, anonymous: refused
        assertThat(api.as("gw-v0101").post(path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("leader").post(path, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("head-v0201").post(path, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("center-t02").post(path, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post(path, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.badRequestFields(api.as("head-v0101").post(path, Map.of("message", ""))))
                .containsExactly("message");
        assertThat(Api.badRequestFields(api.as("head-v0101").post(path, Map.of("message", "x", "to", "gw-v0102"))))
                .containsExactly("to");
        assertThat(snapshot(appeal, triage)).isEqualTo(before);

        // when the station head urges
        ResponseEntity<JsonNode> urge = api.as("head-v0101").post(path, body);

        // then the candidates are told and the case log says so
        assertThat(urge.getStatusCode()).as("%s", urge.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(lastLog(appeal).kind()).isEqualTo("URGE");
        // (every member of grid-worker-v0101: the demo village has one)
        assertThat(told(triage)).containsExactly(new Told("URGED", "gw-v0101"));

        // and nobody urges the same task again within the hour
        long lines = logLines(appeal);
        ResponseEntity<JsonNode> again = api.as("center-t01").post(path, body);
        Api.assertProblem(again, HttpStatus.TOO_MANY_REQUESTS, "催办过于频繁");
        assertThat(logLines(appeal)).isEqualTo(lines);
        assertThat(told(triage)).hasSize(1);

        // when the hour has passed, the town centre may
        jdbc.sql("update task_urge set urged_at = urged_at - interval '61 minutes' where task_id = ?")
                .param(triage)
                .update();
        ResponseEntity<JsonNode> later = api.as("center-t01").post(path, body);
        assertThat(later.getStatusCode()).as("%s", later.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(logLines(appeal)).isEqualTo(lines + 1);
    }

    @Test
    void twoUrgesOfOneTaskAtOnceLetOnlyOneThrough() throws Exception {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        String path = "/api/tasks/" + triage + "/urge";
        long lines = logLines(appeal);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);

        // when the station head and the town centre urge at the same moment
        try {
            List<Future<HttpStatusCode>> urges = new ArrayList<>();
            for (String user : List.of("head-v0101", "center-t01")) {
                urges.add(pool.submit(() -> {
                    start.await();
                    return api.as(user).post(path, Map.of("message", "请尽快分流")).getStatusCode();
                }));
            }
            start.countDown();
            List<HttpStatusCode> answers = new ArrayList<>();
            for (Future<HttpStatusCode> urge : urges) {
                answers.add(urge.get(60, TimeUnit.SECONDS));
            }

            // then
            assertThat(answers).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.TOO_MANY_REQUESTS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(logLines(appeal)).isEqualTo(lines + 1);
        assertThat(told(triage)).hasSize(1);
    }

    @Test
    void commentsAreTheTasksNotesForEveryoneWhoSeesIt() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        String path = "/api/tasks/" + triage + "/comments";
        Snapshot before = snapshot(appeal, triage);
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("message", ""))))
                .containsExactly("message");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("message", "长".repeat(501)))))
                .containsExactly("message");
        assertThat(Api.badRequestFields(api.as("gw-v0101").post(path, Map.of("message", "x", "userId", "head-v0101"))))
                .containsExactly("userId");
        assertThat(api.as("leader").post(path, Map.of("message", "领导看看")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("gw-v0201").post(path, Map.of("message", "别村")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.as("gw-v0201").get(path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post(path, Map.of("message", "匿名")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(snapshot(appeal, triage)).isEqualTo(before);
        assertThat(tasks.getTaskComments(triage)).isEmpty();

        // when
        ResponseEntity<JsonNode> created = api.as("gw-v0101").post(path, Map.of("message", "已电话联系，明早到现场"));

        // then
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        List<JsonNode> read = list(api.as("head-v0101").get(path).getBody());
        assertThat(read).singleElement().satisfies(comment -> {
            assertThat(comment.get("userId").asText()).isEqualTo("gw-v0101");
            assertThat(comment.get("name").asText()).isNotEqualTo("gw-v0101");
            assertThat(comment.get("message").asText()).isEqualTo("已电话联系，明早到现场");
            assertThat(comment.get("at").asText()).isNotBlank();
        });
        assertThat(list(api.as("leader").get(path).getBody())).hasSize(1);
        assertThat(lastLog(appeal).kind()).isEqualTo("COMMENT");
        // the writer is not told of their own note; when the station head adds one, the grid worker is
        assertThat(told(triage)).isEmpty();
        assertThat(api.as("head-v0101").post(path, Map.of("message", "注意核实门牌号")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(told(triage)).containsExactly(new Told("COMMENTED", "gw-v0101"));
    }

    @Test
    void aStationHeadMovesADepartedColleaguesTasksToAnotherOfTheVillage() {
        // given two tasks the grid worker claimed
        Case first = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        Case second = appeals.submit("elderly", "NORMAL", "HOUSEHOLD", "v0101");
        String one = appeals.openTask(first, "triage");
        String two = appeals.openTask(second, "triage");
        for (String task : List.of(one, two)) {
            assertThat(api.as("gw-v0101")
                            .post("/engine-rest/task/" + task + "/claim", Map.of("userId", "gw-v0101"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        JsonNode people =
                api.as("head-v0101").get("/api/tasks/reassignment/people").getBody();
        JsonNode gridWorker = list(people.get("users")).stream()
                .filter(p -> p.get("id").asText().equals("gw-v0101"))
                .findFirst()
                .orElseThrow();
        assertThat(gridWorker.get("openTasks").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ids(people.get("users"))).doesNotContain("gw-v0201", "rep1");
        Map<String, Object> body = Map.of("fromUser", "gw-v0101", "toUser", "head-v0101", "reason", "网格员调离");
        Snapshot before = snapshot(first, one);

        // then only the village's station head, between people of the village
        assertThat(api.as("gw-v0101").post("/api/tasks/reassignment", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("center-t01").post("/api/tasks/reassignment", body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("/api/tasks/reassignment", body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.as("gw-v0101").get("/api/tasks/reassignment/people").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.badRequestFields(api.as("head-v0201").post("/api/tasks/reassignment", body)))
                .containsExactly("fromUser", "toUser");
        assertThat(Api.badRequestFields(api.as("head-v0101")
                        .post(
                                "/api/tasks/reassignment",
                                Map.of("fromUser", "gw-v0101", "toUser", "gw-v0201", "reason", "x"))))
                .containsExactly("toUser");
        assertThat(Api.badRequestFields(api.as("head-v0101")
                        .post(
                                "/api/tasks/reassignment",
                                Map.of("fromUser", "gw-v0101", "toUser", "head-v0101", "reason", "x", "all", true))))
                .containsExactly("all");
        assertThat(Api.badRequestFields(api.as("head-v0101")
                        .post("/api/tasks/reassignment", Map.of("fromUser", "gw-v0101", "toUser", "head-v0101"))))
                .containsExactly("reason");
        assertThat(snapshot(first, one)).isEqualTo(before);

        // when
        ResponseEntity<JsonNode> moved = api.as("head-v0101").post("/api/tasks/reassignment", body);

        // then
        assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(ids(moved.getBody().get("taskIds"))).contains(one, two);
        assertThat(moved.getBody().get("moved").asInt())
                .isEqualTo(moved.getBody().get("taskIds").size());
        assertThat(tasks.createTaskQuery()
                        .processDefinitionKeyIn("appeal", "supervision")
                        .taskAssignee("gw-v0101")
                        .tenantIdIn("v0101")
                        .count())
                .isZero();
        assertThat(tasks.createTaskQuery().taskId(one).singleResult().getAssignee())
                .isEqualTo("head-v0101");
        assertThat(lastLog(first).kind()).isEqualTo("REASSIGNMENT");
        assertThat(lastLog(second).kind()).isEqualTo("REASSIGNMENT");
        // the station head took them over themself: nobody else is concerned, and nobody is told of their own act
        assertThat(told(two)).isEmpty();
        ResponseEntity<JsonNode> done = appeals.viaRest("head-v0101", one, Map.of("path", "IMMEDIATE"));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void supervisionTasksAreListedAndCompletedLikeEveryOtherTask() {
        // given a leader's instruction opens a supervision of the case's triage
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        assertThat(api.as("leader")
                        .post(
                                "/api/cases/" + appeal.trackingNo() + "/instructions",
                                Map.of("instruction", "群众反映强烈，尽快办理"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // when the supervisor lists their tasks
        JsonNode supervise = api.as("supervisor").everyItem("/api/tasks").stream()
                .filter(t -> t.get("taskKey").asText().equals("supervise")
                        && appeal.trackingNo().equals(t.path("trackingNo").asText()))
                .findFirst()
                .orElseThrow();

        // then it carries the case and the step supervised, and completes through the API
        assertThat(supervise.get("summary").asText()).contains("分类分流");
        assertThat(supervise.get("name").asText()).isEqualTo("督办");
        ResponseEntity<JsonNode> refused = api.as("supervisor")
                .post(
                        "/api/tasks/" + supervise.get("taskId").asText() + "/completion",
                        Map.of("action", "URGE", "note", "请尽快", "trackingNo", "LX-forged"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> urged = api.as("supervisor")
                .post(
                        "/api/tasks/" + supervise.get("taskId").asText() + "/completion",
                        Map.of("action", "URGE", "note", "请今天内分流"));
        assertThat(urged.getStatusCode()).as("%s", urged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // and the handler's reply appears in the village's list and completes there too
        JsonNode reply = api.as("gw-v0101").everyItem("/api/tasks").stream()
                .filter(t -> t.get("taskKey").asText().equals("reply")
                        && appeal.trackingNo().equals(t.path("trackingNo").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(reply.get("summary").asText()).contains("分类分流");
        assertThat(api.as("gw-v0201")
                        .post("/api/tasks/" + reply.get("taskId").asText() + "/completion", Map.of("reply", "别村"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> replied = api.as("gw-v0101")
                .post("/api/tasks/" + reply.get("taskId").asText() + "/completion", Map.of("reply", "今天已分流"));
        assertThat(replied.getStatusCode()).as("%s", replied.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private List<String> operations(String user, String taskId) {
        ResponseEntity<JsonNode> response = api.as(user).get("/api/tasks/" + taskId + "/operations");
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return list(response.getBody().get("allowed")).stream()
                .map(JsonNode::asText)
                .toList();
    }

    private Snapshot snapshot(Case appeal, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return new Snapshot(
                task.getAssignee(),
                task.getOwner(),
                candidates(taskId),
                logLines(appeal),
                authorizations
                        .createAuthorizationQuery()
                        .resourceType(Resources.TASK)
                        .resourceId(taskId)
                        .count());
    }

    private List<String> candidates(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(link -> link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId())
                .sorted()
                .toList();
    }

    private List<String> grantHolders(String taskId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list().stream()
                .map(a -> a.getGroupId() != null ? "group:" + a.getGroupId() : "user:" + a.getUserId())
                .sorted()
                .toList();
    }

    private long logLines(Case appeal) {
        return jdbc.sql("select count(*) from appeal_log where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(Long.class)
                .single();
    }

    private CaseLogEntry lastLog(Case appeal) {
        return jdbc.sql("select logged_at, actor, kind, entry, shown_to_citizen from appeal_log"
                        + " where tracking_no = ? order by id desc limit 1")
                .param(appeal.trackingNo())
                .query((rs, i) -> new CaseLogEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
                .single();
    }

    private static List<JsonNode> list(JsonNode array) {
        return array == null
                ? List.of()
                : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list(array)) {
            ids.add(item.isTextual() ? item.asText() : item.get("id").asText());
        }
        return ids;
    }

    private static String nameOf(JsonNode targets, String id) {
        Map<String, String> names = new HashMap<>();
        list(targets).forEach(t -> names.put(t.get("id").asText(), t.get("name").asText()));
        return names.get(id);
    }

    /** Who was told what about the task in their inbox, oldest first. */
    private List<Told> told(String taskId) {
        return jdbc.sql("select kind, user_id from cadre_inbox where task_id = ? order by id")
                .param(taskId)
                .query((rs, i) -> new Told(rs.getString(1), rs.getString(2)))
                .list();
    }
}
