package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.lianxin.identity.migration.V25__department_work_tenants;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A department's work is a tenant of its own in each place ({@code jt-v0101}): the department reads
 * and works only the tasks given to it — through Camunda's REST API and the platform's — and nothing
 * of another department or of a village; the case's village still follows the task; and no task of a
 * department carries an authorization row that lets anyone read it, so the engine's task queries join
 * no row per task.
 */
@PlatformIntegrationTest
class DepartmentWorkIT {

    @Autowired
    AppealFixtures appeals;

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aDepartmentReadsAndWorksOnlyTheTasksGivenToIt() {
        // given: a case of 东风社区 dispatched to 交通, one of 河口村 to 城管, and a village's own task
        Case ours = dispatched("v0101", "t01", "jt");
        Case theirs = dispatched("v0201", "t02", "cg");
        String jtTask = appeals.openTask(ours, "dept-handle");
        String cgTask = appeals.openTask(theirs, "dept-handle");
        String triage = appeals.openTask(appeals.submit("road", "NORMAL", "VILLAGE", "v0101"), "triage");

        // then: in Camunda's REST API 交通 reads its task and only its department's work
        assertThat(tasks.createTaskQuery().taskId(jtTask).singleResult().getTenantId())
                .isEqualTo("jt-v0101");
        List<JsonNode> seen = engineTasks("dept-jt", "");
        assertThat(seen)
                .extracting(task -> task.get("id").asText())
                .contains(jtTask)
                .doesNotContain(cgTask, triage);
        assertThat(seen)
                .allSatisfy(task -> assertThat(task.get("tenantId").asText()).startsWith("jt-"));
        assertThat(engineTasks("dept-jt", "?candidateGroup=dept-jt"))
                .extracting(task -> task.get("id").asText())
                .contains(jtTask);
        assertThat(api.as("dept-jt")
                        .get("/engine-rest/task/count")
                        .getBody()
                        .get("count")
                        .asLong())
                .isEqualTo(seen.size());
        // … and neither reads nor works another department's or a village's
        Map<String, Map<String, Object>> validData =
                Map.of(cgTask, Map.of("deptOutcome", "DONE", "result", "x"), triage, Map.of("path", "ESCALATE"));
        for (String other : List.of(cgTask, triage)) {
            assertThat(reads("dept-jt", other)).as(other).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(claims("dept-jt", other)).as(other).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(appeals.viaRest("dept-jt", other, validData.get(other)).getStatusCode())
                    .as(other)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        // in the platform's API: its list, its cards and its timeline, nothing of the others
        assertThat(api.as("dept-jt").everyItem("/api/tasks").toString())
                .contains(jtTask)
                .doesNotContain(cgTask, triage);
        ResponseEntity<JsonNode> cards =
                api.as("dept-jt").get("/api/tasks/cards?ids=" + String.join(",", jtTask, cgTask, triage));
        assertThat(cards.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cards.getBody().findValuesAsText("taskId")).containsExactly(jtTask);
        assertThat(api.as("dept-jt").get("/api/tasks/" + jtTask + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("dept-jt").get("/api/tasks/" + cgTask + "/timeline").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(appeals.viaApi("dept-jt", cgTask, Map.of("deptOutcome", "DONE", "result", "x"))
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(tasks.createTaskQuery().taskId(cgTask).count()).isOne();

        // and the station of the case follows the department's task: reads it, may urge, does not work it
        assertThat(reads("gw-v0101", jtTask)).isEqualTo(HttpStatus.OK);
        assertThat(claims("gw-v0101", jtTask)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("head-v0101")
                        .get("/api/tasks/" + jtTask + "/operations")
                        .getBody()
                        .toString())
                .contains("urge");
        assertThat(reads("gw-v0201", jtTask)).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        // when 交通 completes its task through the platform's API
        appeals.done("dept-jt", ours, "dept-handle", Map.of("deptOutcome", "DONE", "result", "已修补路面坑洼"));

        // then its history is the department's work too, and the case is back with its village
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(jtTask)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("jt-v0101");
        String itsHistory = "/engine-rest/history/task?taskId=" + jtTask;
        assertThat(api.as("dept-jt").get(itsHistory).getBody()).hasSize(1);
        assertThat(api.as("dept-cg").get(itsHistory).getBody()).isEmpty();
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(ours.trackingNo())
                        .singleResult()
                        .getTenantId())
                .isEqualTo("v0101");
    }

    @Test
    void noTaskOfADepartmentCarriesARowThatLetsItBeRead() {
        // given: departments' tasks, single and joint
        String single = appeals.openTask(dispatched("v0201", "t02", "zj"), "dept-handle");
        Case joint = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done(
                "gw-v0101",
                joint,
                "triage",
                Map.of(
                        "path", "JOINT",
                        "leadDept", "jt",
                        "coDepts", List.of("cg", "zj"),
                        "overrideReason", "涉及交通、城管、住建"));

        // then: the departments' tasks lie in their work's tenants, and the engine's rows on them grant
        // work only — no READ row per task to join to every query, for the running tasks or their history
        List<String> tenants = jdbc.sql("select t.TENANT_ID_ from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l"
                        + " on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ like 'dept-%'")
                .query(String.class)
                .list();
        assertThat(tenants).isNotEmpty().allSatisfy(tenant -> assertThat(tenant).matches("[a-z]+-(v\\d{4}|county)"));
        assertThat(readRowsOnDepartmentTasks()).isZero();
        assertThat(tasks.createTaskQuery().taskId(single).singleResult().getTenantId())
                .isEqualTo("zj-v0201");
        // and the department's list still answers, through its one grant and its tenants
        assertThat(engineTasks("dept-zj", "?candidateGroup=dept-zj&maxResults=50"))
                .extracting(task -> task.get("id").asText())
                .contains(single);
    }

    @Test
    void tasksGivenToDepartmentsBeforeTheirWorkHadTenantsMoveIntoIt() throws Exception {
        // given: a department's open task as an earlier version left it — in the village, read by its own row
        Case appeal = dispatched("v0101", "t01", "mz");
        String task = appeals.openTask(appeal, "dept-handle");
        jdbc.sql("update ACT_RU_TASK set TENANT_ID_ = 'v0101' where ID_ = ?")
                .param(task)
                .update();
        jdbc.sql("update ACT_HI_TASKINST set TENANT_ID_ = 'v0101' where ID_ = ?")
                .param(task)
                .update();
        jdbc.sql("update ACT_RU_AUTHORIZATION set PERMS_ = ? where RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?")
                .params(
                        Permissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue(),
                        Resources.TASK.resourceType(),
                        task)
                .update();
        jdbc.sql("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
                        + " values (?, 1, 1, 'dept-mz', ?, ?, ?)")
                .params("earlier-" + task, Resources.HISTORIC_TASK.resourceType(), task, Permissions.READ.getValue())
                .update();
        assertThat(readRowsOnDepartmentTasks()).isPositive();

        // when the migration runs
        try (Connection connection = dataSource.getConnection()) {
            Context context = mock(Context.class);
            when(context.getConnection()).thenReturn(connection);
            new V25__department_work_tenants().migrate(context);
        }

        // then the task and its history are the department's work, read through its grant on every task
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getTenantId())
                .isEqualTo("mz-v0101");
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(task)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("mz-v0101");
        assertThat(readRowsOnDepartmentTasks()).isZero();
        assertThat(reads("dept-mz", task)).isEqualTo(HttpStatus.OK);
        assertThat(reads("dept-jt", task)).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        appeals.done("dept-mz", appeal, "dept-handle", Map.of("deptOutcome", "DONE", "result", "已办结"));
    }

    /** A case of this village escalated by its station and dispatched by its town to the department. */
    private Case dispatched(String village, String town, String department) {
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", village);
        appeals.done("gw-" + village, appeal, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-" + village, appeal, "review-escalation", Map.of("approved", true));
        appeals.done(
                "center-" + town, appeal, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", department));
        return appeal;
    }

    /** Authorization rows granting READ on a department's task or its history to a department's group. */
    private long readRowsOnDepartmentTasks() {
        return jdbc.sql("select count(*) from ACT_RU_AUTHORIZATION a where a.TYPE_ = 1 and a.GROUP_ID_ like 'dept-%'"
                        + " and a.RESOURCE_ID_ <> '*' and a.RESOURCE_TYPE_ in (:task, :historicTask)"
                        + " and (a.PERMS_ & :read) = :read")
                .param("task", Resources.TASK.resourceType())
                .param("historicTask", Resources.HISTORIC_TASK.resourceType())
                .param("read", Permissions.READ.getValue())
                .query(Long.class)
                .single();
    }

    /** The answer to the user reading the task through Camunda's REST API. */
    private HttpStatusCode reads(String user, String taskId) {
        return api.as(user)
                .exchange(HttpMethod.GET, "/engine-rest/task/" + taskId, null, String.class)
                .getStatusCode();
    }

    /** The answer to the user claiming the task for themselves through Camunda's REST API. */
    private HttpStatusCode claims(String user, String taskId) {
        return api.as(user)
                .post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                .getStatusCode();
    }

    private List<JsonNode> engineTasks(String user, String query) {
        ResponseEntity<JsonNode> response = api.as(user).get("/engine-rest/task" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().spliterator(), false).toList();
    }
}
