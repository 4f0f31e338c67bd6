package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.lianxin.identity.migration.V12__tenants_of_open_cases;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reads which work, by the engine's tenants (the villages): a cadre reads every task of their
 * village — the station follows its own cases — but works only the tasks of their role; another
 * village's work is neither read nor worked; work that names no village belongs to the county.
 */
@PlatformIntegrationTest
class UnitTenantsIT {

    @Autowired
    AppealFixtures appeals;

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aGridWorkerReadsTheStationHeadsTaskOfTheirVillageButCannotClaimOrCompleteIt() {
        // given: a case of 东风社区 waiting for its station head's review
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "ESCALATE"));
        String review = appeals.openTask(appeal, "review-escalation");

        // when / then: the village's grid worker reads it …
        assertThat(api.as("gw-v0101").get("/engine-rest/task/" + review).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // … and neither claims nor completes it
        assertThat(api.as("gw-v0101")
                        .post("/engine-rest/task/" + review + "/claim", Map.of("userId", "gw-v0101"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(appeals.viaRest("gw-v0101", review, Map.of("approved", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(appeals.viaApi("gw-v0101", review, Map.of("approved", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // nor sees the citizen's full data, which only the task's handler may
        assertThat(api.as("gw-v0101").get("/api/tasks/" + review + "/citizen").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // another village's grid worker and station head do not even read it
        for (String stranger : List.of("gw-v0201", "head-v0201")) {
            assertThat(api.as(stranger)
                            .exchange(HttpMethod.GET, "/engine-rest/task/" + review, null, String.class)
                            .getStatusCode())
                    .as(stranger)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
            assertThat(api.as(stranger)
                            .post("/engine-rest/task/" + review + "/claim", Map.of("userId", stranger))
                            .getStatusCode())
                    .as(stranger)
                    .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        }
        // the task is untouched; its own station head works it
        Task untouched = tasks.createTaskQuery().taskId(review).singleResult();
        assertThat(untouched.getAssignee()).isNull();
        assertThat(appeals.viaRest("head-v0101", review, Map.of("approved", true))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void everyCaseBelongsToItsVillageAndWorkThatNamesNoneToTheCounty() {
        // given
        Case appeal = appeals.submit("lighting", "NORMAL", "BUILDING", "v0201");

        // then
        String instance = appeals.processInstanceOf(appeal);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("v0201");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("v0201");
        // a leader reaches the county; a grid worker only their village
        assertThat(api.as("gw-v0201")
                        .get("/engine-rest/task?processInstanceId=" + instance)
                        .getBody())
                .hasSize(1);
        assertThat(api.as("gw-v0101")
                        .get("/engine-rest/task?processInstanceId=" + instance)
                        .getBody())
                .isEmpty();
        assertThat(api.as("leader")
                        .get("/engine-rest/task?processInstanceId=" + instance)
                        .getBody())
                .hasSize(1);
    }

    @Test
    void theEnginesGrantOnAVillagesOrADepartmentsTaskIsToWorkIt() {
        // given: a triage task of a village, and a department's task
        Case appeal = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        String triage = appeals.openTask(appeal, "triage");
        Case dispatched = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", dispatched, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", dispatched, "review-escalation", Map.of("approved", true));
        appeals.done("center-t01", dispatched, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "cg"));
        String deptTask = appeals.openTask(dispatched, "dept-handle");

        // then: the village's group may work its task, and reads the village's tasks by its tenant
        Authorization village = grantOn(triage, "grid-worker-v0101");
        assertThat(village.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(village.isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .resourceType(Resources.HISTORIC_TASK)
                        .resourceId(triage)
                        .count())
                .isZero();
        // a department reads exactly the tasks given to it by their tenant, its work in the case's village
        assertThat(tasks.createTaskQuery().taskId(deptTask).singleResult().getTenantId())
                .isEqualTo("cg-v0101");
        Authorization department = grantOn(deptTask, "dept-cg");
        assertThat(department.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(department.isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(api.as("dept-cg").get("/engine-rest/task/" + deptTask).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("dept-jt")
                        .exchange(HttpMethod.GET, "/engine-rest/task/" + deptTask, null, String.class)
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(api.as("dept-jt").get("/engine-rest/task/" + triage).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void openCasesFromBeforeTheTenantsGetTheirVillage() throws Exception {
        // given: a case whose rows carry no tenant, as cases started by an earlier version do
        Case appeal = appeals.submit("parking", "NORMAL", "BUILDING", "v0102");
        String instance = appeals.processInstanceOf(appeal);
        for (String table : List.of(
                "ACT_RU_EXECUTION",
                "ACT_RU_TASK",
                "ACT_RU_VARIABLE",
                "ACT_RU_JOB",
                "ACT_HI_TASKINST",
                "ACT_HI_PROCINST")) {
            String column = table.equals("ACT_RU_JOB") ? "PROCESS_INSTANCE_ID_" : "PROC_INST_ID_";
            jdbc.sql("update " + table + " set TENANT_ID_ = null where " + column + " = ?")
                    .param(instance)
                    .update();
        }
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTenantId())
                .isNull();

        // when the migration runs
        try (Connection connection = dataSource.getConnection()) {
            Context context = mock(Context.class);
            when(context.getConnection()).thenReturn(connection);
            new V12__tenants_of_open_cases().migrate(context);
        }

        // then every row has its village again
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("v0102");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTenantId())
                .isEqualTo("v0102");
        assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ? and TENANT_ID_ is null")
                        .param(instance)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Authorization grantOn(String taskId, String groupId) {
        return authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(taskId)
                .groupIdIn(groupId)
                .singleResult();
    }
}
