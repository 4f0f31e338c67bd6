package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Tasks are assigned by role within a unit: over HTTP, as the demo users, a grid worker sees and
 * works only the tasks of their own village, a department only its own, a leader reads everything
 * but completes nothing, and only the designer deploys. One specification, run once for each way of
 * signing in ({@link UnitBoundaryIT}: HTTP Basic; {@link KeycloakIT}: Keycloak tokens), because the
 * boundary must not depend on how a user proved who they are.
 */
abstract class UnitBoundarySpec {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    Task dongfeng;
    Task hekou;
    Task chengguan;
    Task jiaotong;

    /** The driver, anonymous, that signs users in the way this run tests. */
    abstract Api api();

    /** How users sign in here, in the names of the deployments the designer and a grid worker try. */
    abstract String signedInBy();

    @BeforeEach
    void tasksInTwoVillagesAndTwoDepartments() {
        deployOnce("village-check");
        deployOnce("department-check");
        dongfeng = start("village-check", Map.of("villageCode", "v0101"));
        hekou = start("village-check", Map.of("villageCode", "v0201"));
        chengguan = start("department-check", Map.of("deptCode", "cg"));
        jiaotong = start("department-check", Map.of("deptCode", "jt"));
    }

    @Test
    void aUserIsSignedInWithTheGroupsOfTheirUnit() {
        // when
        JsonNode me = api().as("gw-v0101").get("/api/me").getBody();

        // then
        assertThat(me.get("id").asText()).isEqualTo("gw-v0101");
        assertThat(me.get("groups").toString()).contains("grid-worker-v0101");
    }

    @Test
    void aGridWorkerSeesOnlyTheTasksOfTheirOwnVillage() {
        // when
        List<String> seenByDongfeng = api().as("gw-v0101").engineTaskIds("");
        List<String> seenByHekou = api().as("gw-v0201").engineTaskIds("");

        // then
        assertThat(seenByDongfeng)
                .contains(dongfeng.getId())
                .doesNotContain(hekou.getId(), chengguan.getId(), jiaotong.getId());
        assertThat(seenByHekou).contains(hekou.getId()).doesNotContain(dongfeng.getId());
        assertThat(api().as("gw-v0101")
                        .exchange(HttpMethod.GET, "/engine-rest/task/" + hekou.getId(), null, String.class)
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void completingAnotherVillagesTaskIsRefusedAndTheTaskStaysOpen() {
        // when
        ResponseEntity<String> response = complete("gw-v0101", hekou);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stillOpen(hekou)).isTrue();
    }

    @Test
    void aGridWorkerCompletesATaskOfTheirOwnVillage() {
        // when
        ResponseEntity<String> response = complete("gw-v0101", dongfeng);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(stillOpen(dongfeng)).isFalse();
    }

    @Test
    void oneDepartmentCannotCompleteAnothersTask() {
        // when
        ResponseEntity<String> foreign = complete("dept-cg", jiaotong);
        ResponseEntity<String> own = complete("dept-cg", chengguan);

        // then
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stillOpen(jiaotong)).isTrue();
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aLeaderReadsEveryUnitsTasksButCompletesNone() {
        // when
        List<String> seenByLeader = api().as("leader").engineTaskIds("");
        ResponseEntity<String> village = complete("leader", dongfeng);
        ResponseEntity<String> department = complete("leader", chengguan);

        // then
        assertThat(seenByLeader).contains(dongfeng.getId(), hekou.getId(), chengguan.getId(), jiaotong.getId());
        assertThat(village.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(department.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stillOpen(dongfeng)).isTrue();
        assertThat(stillOpen(chengguan)).isTrue();
    }

    @Test
    void aGridWorkerCannotClaimAnotherVillagesTask() {
        // when
        ResponseEntity<String> response = api().as("gw-v0101")
                .exchange(
                        HttpMethod.POST,
                        "/engine-rest/task/" + hekou.getId() + "/claim",
                        Map.of("userId", "gw-v0101"),
                        String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(hekou.getId()).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void aDesignerDeploysAndAGridWorkerCannot() {
        // given
        String byDesigner = "设计员经 " + signedInBy() + " 部署";
        String byGridWorker = "网格员经 " + signedInBy() + " 部署";

        // when
        ResponseEntity<JsonNode> designer = deploy("designer", byDesigner);
        ResponseEntity<JsonNode> gridWorker = deploy("gw-v0101", byGridWorker);

        // then
        assertThat(designer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(gridWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName(byGridWorker)
                        .count())
                .isZero();
    }

    private void deployOnce(String processKey) {
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .count()
                == 0) {
            repository
                    .createDeployment()
                    .addClasspathResource("boundary/" + processKey + ".bpmn")
                    .deploy();
        }
    }

    private Task start(String process, Map<String, Object> variables) {
        String instance = runtime.startProcessInstanceByKey(process, variables).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private boolean stillOpen(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).count() == 1;
    }

    private ResponseEntity<String> complete(String user, Task task) {
        return api().as(user)
                .exchange(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", Map.of(), String.class);
    }

    /** What the Modeler sends to deploy {@code village-check.bpmn}. */
    private ResponseEntity<JsonNode> deploy(String user, String name) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("village-check.bpmn", new ClassPathResource("boundary/village-check.bpmn"));
        return api().as(user).upload("/engine-rest/deployment/create", parts);
    }
}
