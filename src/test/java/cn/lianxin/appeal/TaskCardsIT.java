package cn.lianxin.appeal;

import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import cn.lianxin.testing.WebappClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/tasks/cards} and {@code GET /api/tasks/{id}/timeline}, what Tasklist's card and
 * 办理记录 plugins read: each task's number, category, village and light (colour and word), and the
 * case's whole log with people's names and masked numbers — only for tasks the user may see.
 */
@PlatformIntegrationTest
class TaskCardsIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    DeliberationFixtures topics;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    SqlStatements sql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCardsOfThreeCasesTellThemApartByNumberCategoryVillageAndLight() {
        // given three requests of 东风 at triage: one on time, one due soon, one overdue; and one of 河口
        AppealFixtures.Case green = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        AppealFixtures.Case yellow = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        AppealFixtures.Case red = appeals.submit(AppealFixtures.intake("road", "v0101"));
        AppealFixtures.Case elsewhere = appeals.submit(AppealFixtures.intake("parking", "v0201"));
        StepLightDriver lights = new StepLightDriver(tasks, management);
        lights.dueSoon(appeals.processInstanceOf(yellow), "triage");
        lights.overdue(appeals.processInstanceOf(red), "triage");
        String greenTask = appeals.openTask(green, "triage");
        String yellowTask = appeals.openTask(yellow, "triage");
        String redTask = appeals.openTask(red, "triage");
        String foreignTask = appeals.openTask(elsewhere, "triage");

        // when 东风's grid worker asks for the cards of the three, of 河口's task and of a made-up id
        ResponseEntity<JsonNode> answer = api.as("gw-v0101")
                .get("/api/tasks/cards?ids="
                        + String.join(",", redTask, foreignTask, greenTask, "forged-id", yellowTask));

        // then the three cards come, in the order asked, each with its own number, category, village and
        // light as a word; 河口's task and the made-up one are left out
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> cards = list(answer.getBody());
        assertThat(cards).extracting(c -> c.get("taskId").asText()).containsExactly(redTask, greenTask, yellowTask);
        assertThat(cards)
                .extracting(c -> c.get("number").asText())
                .containsExactly(red.trackingNo(), green.trackingNo(), yellow.trackingNo());
        assertThat(cards).extracting(c -> c.get("categoryLabel").asText()).containsExactly("道路维修", "停车", "楼道照明");
        assertThat(cards).extracting(c -> c.get("villageName").asText()).containsOnly("东风社区");
        assertThat(cards).extracting(c -> c.get("light").asText()).containsExactly("RED", "GREEN", "YELLOW");
        assertThat(cards).extracting(c -> c.get("lightLabel").asText()).containsExactly("超期", "正常", "临期");
        assertThat(cards.get(1).get("summary").asText()).isEqualTo("测试诉求：parking");

        // and 河口's grid worker sees only 河口's
        assertThat(list(api.as("gw-v0201")
                        .get("/api/tasks/cards?ids=" + String.join(",", redTask, foreignTask))
                        .getBody()))
                .extracting(c -> c.get("taskId").asText())
                .containsExactly(foreignTask);

        // and the red step's supervision reads as the case it watches, red, with its step
        String supervise = tasks.createTaskQuery()
                .processDefinitionKey("supervision")
                .processVariableValueEquals("trackingNo", red.trackingNo())
                .singleResult()
                .getId();
        JsonNode supervision = list(api.as("supervisor")
                        .get("/api/tasks/cards?ids=" + supervise)
                        .getBody())
                .get(0);
        assertThat(supervision.get("number").asText()).isEqualTo(red.trackingNo());
        assertThat(supervision.get("summary").asText()).startsWith("督办：分类分流").endsWith("测试诉求：road");
        assertThat(supervision.get("light").asText()).isEqualTo("RED");
        assertThat(supervision.get("villageName").asText()).isEqualTo("东风社区");
        assertThat(list(api.as("gw-v0201")
                        .get("/api/tasks/cards?ids=" + supervise)
                        .getBody()))
                .as("another village's grid worker sees no supervision of 东风's case")
                .isEmpty();
    }

    @Test
    void aTopicsTaskCardShowsItsNumberAndTitle() {
        // given a resident's topic waiting for 东风's host
        DeliberationFixtures.Topic topic = topics.propose(DeliberationFixtures.proposal("3号楼前加装路灯", "13900000077"));
        String review = topics.taskOf("host-v0101", topic, "topic-review");

        // when the host asks for its card
        JsonNode card = list(api.as("host-v0101")
                        .get("/api/tasks/cards?ids=" + review)
                        .getBody())
                .get(0);

        // then
        assertThat(card.get("number").asText()).isEqualTo(topic.deliberationNo());
        assertThat(card.get("summary").asText()).isEqualTo("3号楼前加装路灯");
        assertThat(card.get("categoryLabel").asText()).isEqualTo("协商议事");
        assertThat(card.get("villageName").asText()).isEqualTo("东风社区");
        assertThat(card.get("lightLabel").asText()).isEqualTo("正常");
    }

    @Test
    void aTaskOfItsOwnHasACardWithItsLightAndAnEmptyTimeline() {
        // given a task created on its own (Tasklist's 创建任务), due yesterday
        org.camunda.bpm.engine.task.Task own = tasks.newTask();
        own.setName("整理台账");
        own.setDueDate(new java.util.Date(System.currentTimeMillis() - 86_400_000L));
        tasks.saveTask(own);
        try {
            // when the administrator, who sees every task, reads its card and 办理记录
            JsonNode card = list(api.as("admin")
                            .get("/api/tasks/cards?ids=" + own.getId())
                            .getBody())
                    .get(0);
            ResponseEntity<JsonNode> timeline = api.as("admin").get("/api/tasks/" + own.getId() + "/timeline");

            // then the card has its light and no case; the timeline is empty
            assertThat(card.get("lightLabel").asText()).isEqualTo("超期");
            assertThat(card.has("number")).isFalse();
            assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(timeline.getBody().get("entries")).isEmpty();
        } finally {
            tasks.deleteTask(own.getId(), true);
        }
    }

    @Test
    void fiftyCardsCostTheStatementsOfOne() {
        // given 东风's open appeal tasks (a topic's or supervision's card reads its own kind's table once more)
        List<String> ids =
                new ArrayList<>(tasks
                        .createTaskQuery()
                        .processDefinitionKey("appeal")
                        .taskCandidateGroup("grid-worker-v0101")
                        .list()
                        .stream()
                        .map(t -> t.getId())
                        .toList());
        while (ids.size() < 3) {
            appeals.submit(AppealFixtures.intake("security", "v0101"));
            ids =
                    new ArrayList<>(tasks
                            .createTaskQuery()
                            .processDefinitionKey("appeal")
                            .taskCandidateGroup("grid-worker-v0101")
                            .list()
                            .stream()
                            .map(t -> t.getId())
                            .toList());
        }
        List<String> fifty = new ArrayList<>(ids.subList(0, Math.min(ids.size(), 40)));
        for (int i = fifty.size(); i < 50; i++) {
            fifty.add("forged-id-" + i);
        }

        // when the grid worker asks for one card, then fifty
        int one = statements("/api/tasks/cards?ids=" + ids.get(0));
        int many = statements("/api/tasks/cards?ids=" + String.join(",", fifty));

        // then both cost the same
        assertThat(many).isEqualTo(one);
    }

    @Test
    void cardsAskedForWithNoneOrMoreThanFiftyIdsAreRefusedNamingIds() {
        Api worker = api.as("gw-v0101");
        assertThat(badRequestFields(worker.get("/api/tasks/cards"))).containsExactly("ids");
        assertThat(badRequestFields(worker.get("/api/tasks/cards?ids=,,"))).containsExactly("ids");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("t" + i);
        }
        ResponseEntity<JsonNode> tooMany = worker.get("/api/tasks/cards?ids=" + String.join(",", many));
        assertThat(badRequestFields(tooMany)).containsExactly("ids");
        assertThat(tooMany.getBody().get("errors").get(0).get("message").asText())
                .contains("1 到 50");
        assertThat(api.get("/api/tasks/cards?ids=x").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTasksTimelineTellsTheCaseStoryWithNamesAndMaskedNumbers() {
        // given a request triaged as a promise, done with a result that names the neighbour's phone
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("property", "v0101"));
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "PROMISED", "promisedDays", 3));
        appeals.done(
                "gw-v0101",
                appeal,
                "handle-promised",
                Map.of("outcome", "DONE", "result", "已联系楼上住户 13912345678 修好漏水管"));
        String feedback = appeals.openTask(appeal, "feedback");
        long logBefore = logCount(appeal);

        // when 东风's grid worker opens the feedback task's 办理记录
        ResponseEntity<JsonNode> answer = api.as("gw-v0101").get("/api/tasks/" + feedback + "/timeline");

        // then every step is there, oldest first, with who did it by name and the kind in Chinese
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode timeline = answer.getBody();
        assertThat(timeline.get("number").asText()).isEqualTo(appeal.trackingNo());
        assertThat(timeline.get("lightLabel").asText()).isEqualTo("正常");
        List<JsonNode> entries = list(timeline.get("entries"));
        assertThat(entries)
                .extracting(e -> e.get("kind").asText())
                .startsWith("APPOINTMENT")
                .contains("TRIAGE", "RESULT");
        JsonNode triage = entries.stream()
                .filter(e -> e.get("kind").asText().equals("TRIAGE"))
                .findFirst()
                .orElseThrow();
        assertThat(triage.get("kindLabel").asText()).isEqualTo("分流");
        assertThat(triage.get("actor").asText()).isEqualTo("gw-v0101");
        assertThat(triage.get("actorName").asText()).isEqualTo("东风社区网格员");
        JsonNode result = entries.stream()
                .filter(e -> e.get("kind").asText().equals("RESULT"))
                .findFirst()
                .orElseThrow();
        assertThat(result.get("kindLabel").asText()).isEqualTo("办理结果");
        assertThat(result.get("entry").asText()).contains("139****5678").doesNotContain("13912345678");
        assertThat(answer.getBody().toString()).doesNotContain("13912345678", "13800000001");

        // and reading it stores nothing
        assertThat(logCount(appeal)).isEqualTo(logBefore);
    }

    @Test
    void anotherUnitAForgedIdAndAnonymousReadNoTimeline() {
        // given 东风's open triage
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("sanitation", "v0101"));
        String triage = appeals.openTask(appeal, "triage");

        // then 河口's grid worker, 河口's station head and a department get 404, as for a made-up id
        for (String outsider : List.of("gw-v0201", "head-v0201", "dept-cg")) {
            ResponseEntity<JsonNode> refused = api.as(outsider).get("/api/tasks/" + triage + "/timeline");
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody().toString()).doesNotContain(appeal.trackingNo(), "测试诉求");
        }
        assertThat(api.as("gw-v0101").get("/api/tasks/forged-id/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("/api/tasks/" + triage + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // and its own grid worker reads it
        assertThat(api.as("gw-v0101").get("/api/tasks/" + triage + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTasklistPluginsCallKeepsTheWebappsSession() {
        // given a cadre signed in to Tasklist
        WebappClient tasklist = new WebappClient(port);
        assertThat(tasklist.signIn("gw-v0101", "demo")).isEqualTo(HttpStatus.OK.value());

        // when a plugin asks for cards with the session's cookie and CSRF token
        HttpResponse<String> cards = tasklist.send("GET", "/api/tasks/cards?ids=forged-id", null, null);

        // then it is answered as that cadre, and the session keeps its id: the webapps stay signed in
        assertThat(cards.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(cards.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(tasklist.engine("GET", "task/count", null).statusCode()).isEqualTo(HttpStatus.OK.value());
    }

    private int statements(String path) {
        Api worker = api.as("gw-v0101");
        SqlStatements.Request fewest = null;
        for (int run = 0; run < 2; run++) {
            SqlStatements.Request request =
                    sql.of(() -> assertThat(worker.get(path).getStatusCode()).isEqualTo(HttpStatus.OK));
            if (fewest == null || request.count() < fewest.count()) {
                fewest = request;
            }
        }
        System.out.printf(
                "%s: %d statements %s%n",
                path.substring(0, Math.min(60, path.length())), fewest.count(), fewest.statements());
        return fewest.count();
    }

    private long logCount(AppealFixtures.Case appeal) {
        return jdbc.sql("select count(*) from appeal_log where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(Long.class)
                .single();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
