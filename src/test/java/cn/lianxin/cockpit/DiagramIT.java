package cn.lianxin.cockpit;

import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.StepLightDriver;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/cockpit/diagram/{processKey}}: the appeal's model with, per node, its open tasks by
 * light within the caller's unit; and the cases behind one node. Counts are read as differences, so
 * the cases other tests leave open do not matter.
 */
@PlatformIntegrationTest
class DiagramIT {

    private static final String CASES = "/api/cockpit/diagram/appeal/nodes/triage/cases?size=100";

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

    /** A node's counts: green, yellow, red. */
    record Counts(long green, long yellow, long red) {
        Counts minus(Counts before) {
            return new Counts(green - before.green, yellow - before.yellow, red - before.red);
        }
    }

    @Test
    void eachNodeCountsItsOpenTasksByLightWithinTheCallersUnit() {
        // given: what the leader, 东风's station head, 河口镇's centre and 城管 see now
        Counts county = triage("leader", "c01");
        Counts dongfeng = triage("head-v0101", null);
        Counts hekou = triage("center-t02", null);
        Counts cgTriage = triage("dept-cg", null);
        Counts cgHandle = node(diagram("dept-cg", null), "dept-handle");

        // when three requests of 东风 wait at triage (one on time, one due soon, one overdue), one of
        // 河口村 is on time, and one of 东风 has been dispatched to 城管
        AppealFixtures.Case green = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        AppealFixtures.Case yellow = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        AppealFixtures.Case red = appeals.submit(AppealFixtures.intake("road", "v0101"));
        appeals.submit(AppealFixtures.intake("parking", "v0201"));
        StepLightDriver lights = new StepLightDriver(tasks, management);
        lights.dueSoon(appeals.processInstanceOf(yellow), "triage");
        lights.overdue(appeals.processInstanceOf(red), "triage");
        AppealFixtures.Case dispatched = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", dispatched, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", dispatched, "review-escalation", Map.of("approved", true));
        appeals.done("center-t01", dispatched, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "cg"));

        // then the leader's triage node counts all four, by light; the station head only 东风's three
        assertThat(triage("leader", "c01").minus(county)).isEqualTo(new Counts(2, 1, 1));
        assertThat(triage("head-v0101", null).minus(dongfeng)).isEqualTo(new Counts(1, 1, 1));
        // and 河口镇's centre only 河口村's
        assertThat(triage("center-t02", null).minus(hekou)).isEqualTo(new Counts(1, 0, 0));
        // and 城管 no triage at all, only its own task
        assertThat(triage("dept-cg", null).minus(cgTriage)).isEqualTo(new Counts(0, 0, 0));
        assertThat(node(diagram("dept-cg", null), "dept-handle").minus(cgHandle))
                .isEqualTo(new Counts(1, 0, 0));

        // and the answer carries the model, its name and every user task with its Chinese name
        JsonNode diagram = diagram("leader", null);
        assertThat(diagram.get("processKey").asText()).isEqualTo("appeal");
        assertThat(diagram.get("name").asText()).isEqualTo("群众诉求办理");
        assertThat(diagram.get("xml").asText()).contains("<bpmn:userTask id=\"triage\"");
        assertThat(nodes(diagram))
                .filteredOn(n -> n.get("activityId").asText().equals("triage"))
                .extracting(n -> n.get("name").asText())
                .containsExactly("分类分流");
    }

    @Test
    void aDeliberationStepThatRecordsNoLightCountsByItsOwnDates() {
        // given: the topic reviews 东风's station head and 河口村's see now
        Counts dongfeng = node(deliberation("head-v0101"), "topic-review");
        Counts hekou = node(deliberation("head-v0201"), "topic-review");

        // when two topics of 东风 wait for review, one past its due date
        topics.propose(DeliberationFixtures.proposal("楼道装灯", "13900000211"));
        DeliberationFixtures.Topic late = topics.propose(DeliberationFixtures.proposal("修补路面", "13900000212"));
        Task review = tasks.createTaskQuery()
                .processDefinitionKey("deliberation")
                .processInstanceBusinessKey(late.deliberationNo())
                .taskDefinitionKey("topic-review")
                .singleResult();
        review.setFollowUpDate(new Date(System.currentTimeMillis() - 2000));
        review.setDueDate(new Date(System.currentTimeMillis() - 1000));
        tasks.saveTask(review);

        // then 东风's station head counts one on time and one overdue; 河口村's none of them
        assertThat(node(deliberation("head-v0101"), "topic-review").minus(dongfeng))
                .isEqualTo(new Counts(1, 0, 1));
        assertThat(node(deliberation("head-v0201"), "topic-review").minus(hekou))
                .isEqualTo(new Counts(0, 0, 0));
        // and a deliberation node lists no cases (topics are not cases)
        assertThat(status("head-v0101", "/api/cockpit/diagram/deliberation/nodes/topic-review/cases"))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aNodeListsItsCasesNewestFirstAPageAtATime() {
        // given three requests of 东风 at triage, the last one overdue
        AppealFixtures.Case first = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        AppealFixtures.Case second = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        AppealFixtures.Case third = appeals.submit(AppealFixtures.intake("road", "v0101"));
        new StepLightDriver(tasks, management).overdue(appeals.processInstanceOf(third), "triage");

        // when 东风's station head lists the triage node's cases two at a time
        ResponseEntity<JsonNode> page =
                api.as("head-v0101").get("/api/cockpit/diagram/appeal/nodes/triage/cases?unit=v0101&size=2");

        // then the newest two come first, with their labels and lights in words
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> items = items(page.getBody());
        assertThat(items)
                .extracting(i -> i.get("trackingNo").asText())
                .containsExactly(third.trackingNo(), second.trackingNo());
        assertThat(items.get(0).get("light").asText()).isEqualTo("RED");
        assertThat(items.get(0).get("lightLabel").asText()).isEqualTo("超期");
        assertThat(items.get(0).get("categoryLabel").asText()).isEqualTo("道路维修");
        assertThat(items.get(0).get("villageName").asText()).isEqualTo("东风社区");
        assertThat(items.get(0).get("statusLabel").asText()).isEqualTo("办理中");
        assertThat(items.get(0).has("createdAt")).isTrue();
        assertThat(page.getBody().get("hasMore").asBoolean()).isTrue();

        // and the next page goes on after the second
        JsonNode next = api.as("head-v0101")
                .get("/api/cockpit/diagram/appeal/nodes/triage/cases?unit=v0101&size=2&before="
                        + page.getBody().get("next").asText())
                .getBody();
        assertThat(items(next).get(0).get("trackingNo").asText()).isEqualTo(first.trackingNo());

        // and 河口村's station head finds none of 东风's there, nor may they page after one of them
        assertThat(items(api.as("head-v0201")
                        .get("/api/cockpit/diagram/appeal/nodes/triage/cases")
                        .getBody()))
                .extracting(i -> i.get("trackingNo").asText())
                .doesNotContain(first.trackingNo(), second.trackingNo(), third.trackingNo());
        assertThat(badRequestFields(api.as("head-v0201")
                        .get("/api/cockpit/diagram/appeal/nodes/triage/cases?before=" + third.trackingNo())))
                .containsExactly("before");
    }

    @Test
    void theDiagramIsRefusedToStrangersAndOutsideTheCallersReach() {
        assertThat(api.get("/api/cockpit/diagram/appeal").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/cockpit/diagram/appeal/nodes/triage/cases").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // a grid worker, a designer: no cockpit
        assertThat(status("gw-v0101", "/api/cockpit/diagram/appeal")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("designer", "/api/cockpit/diagram/appeal")).isEqualTo(HttpStatus.FORBIDDEN);
        // another village, the town of one's village, the county, another department
        assertThat(status("head-v0101", "/api/cockpit/diagram/appeal?unit=v0201"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("head-v0101", "/api/cockpit/diagram/appeal?unit=t01")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("center-t01", "/api/cockpit/diagram/appeal?unit=v0201"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("dept-cg", "/api/cockpit/diagram/appeal?unit=c01")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("dept-cg", "/api/cockpit/diagram/appeal/nodes/triage/cases?unit=jt"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        // what the leader reaches: a town's village, a department
        assertThat(status("center-t01", "/api/cockpit/diagram/appeal?unit=v0102"))
                .isEqualTo(HttpStatus.OK);
        assertThat(status("leader", "/api/cockpit/diagram/deliberation?unit=jt"))
                .isEqualTo(HttpStatus.OK);
        // unknown process keys (supervision has no diagram here) and nodes that are not user tasks
        assertThat(status("leader", "/api/cockpit/diagram/nope")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("leader", "/api/cockpit/diagram/supervision")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("leader", "/api/cockpit/diagram/appeal/nodes/nope/cases"))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("leader", "/api/cockpit/diagram/appeal/nodes/triage-light/cases"))
                .isEqualTo(HttpStatus.NOT_FOUND);
        // bad parameters name their field
        assertThat(badRequestFields(api.as("leader").get("/api/cockpit/diagram/appeal?unit=x99")))
                .containsExactly("unit");
        assertThat(badRequestFields(api.as("leader").get("/api/cockpit/diagram/appeal/nodes/triage/cases?size=0")))
                .containsExactly("size");
        assertThat(badRequestFields(
                        api.as("leader").get("/api/cockpit/diagram/appeal/nodes/triage/cases?before=LX-forged")))
                .containsExactly("before");
    }

    @Test
    void theDiagramCostsTheSameStatementsHoweverManyTasksAreOpen() {
        // given: the leader's diagram now
        int before = sql.of(() -> diagram("leader", null)).count();
        int casesBefore = sql.of(() -> api.as("leader").get(CASES)).count();

        // when five more requests wait, two of them late
        StepLightDriver lights = new StepLightDriver(tasks, management);
        for (int i = 0; i < 5; i++) {
            AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("road", i % 2 == 0 ? "v0101" : "v0201"));
            if (i < 2) {
                lights.overdue(appeals.processInstanceOf(appeal), "triage");
            }
        }

        // then the diagram and a node's cases send as many statements as before
        assertThat(sql.of(() -> diagram("leader", null)).count()).isEqualTo(before);
        assertThat(sql.of(() -> api.as("leader").get(CASES)).count()).isEqualTo(casesBefore);
    }

    private JsonNode diagram(String user, String unit) {
        ResponseEntity<JsonNode> answer =
                api.as(user).get("/api/cockpit/diagram/appeal" + (unit == null ? "" : "?unit=" + unit));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode deliberation(String user) {
        ResponseEntity<JsonNode> answer = api.as(user).get("/api/cockpit/diagram/deliberation");
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Counts triage(String user, String unit) {
        return node(diagram(user, unit), "triage");
    }

    private static Counts node(JsonNode diagram, String activityId) {
        JsonNode node = nodes(diagram).stream()
                .filter(n -> n.get("activityId").asText().equals(activityId))
                .findFirst()
                .orElseThrow();
        return new Counts(
                node.get("green").asLong(),
                node.get("yellow").asLong(),
                node.get("red").asLong());
    }

    private static List<JsonNode> nodes(JsonNode diagram) {
        return StreamSupport.stream(diagram.get("nodes").spliterator(), false).toList();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(api.as(user).get(path).getStatusCode().value());
    }
}
