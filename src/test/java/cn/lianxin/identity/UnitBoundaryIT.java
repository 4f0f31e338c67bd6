package cn.lianxin.identity;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasks are assigned by role within a unit: over HTTP, as the demo users, a grid worker sees and
 * works only the tasks of their own village, and a leader reads everything but completes nothing.
 */
@PlatformIntegrationTest
class UnitBoundaryIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    DataSource dataSource;

    Task dongfengTask;
    Task hekouTask;

    @BeforeEach
    void twoVillagesHaveAnOpenTask() {
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("village-check")
                        .count()
                == 0) {
            repository
                    .createDeployment()
                    .addClasspathResource("boundary/village-check.bpmn")
                    .deploy();
        }
        dongfengTask = openTaskIn("v0101");
        hekouTask = openTaskIn("v0201");
    }

    @Test
    void theTestsRunOnARealPostgresServer() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void aGridWorkerSeesOnlyTheTasksOfTheirOwnVillage() {
        // when
        List<String> seenByDongfeng = taskIdsSeenBy("gw-v0101");
        List<String> seenByHekou = taskIdsSeenBy("gw-v0201");

        // then
        assertThat(seenByDongfeng).contains(dongfengTask.getId()).doesNotContain(hekouTask.getId());
        assertThat(seenByHekou).contains(hekouTask.getId()).doesNotContain(dongfengTask.getId());
        assertThat(as(http, "gw-v0101")
                        .getForEntity("/engine-rest/task/" + hekouTask.getId(), String.class)
                        .getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void completingAnotherVillagesTaskIsRefusedAndTheTaskStaysOpen() {
        // when
        ResponseEntity<String> response = complete("gw-v0101", hekouTask);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(hekouTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void aGridWorkerCompletesATaskOfTheirOwnVillage() {
        // when
        ResponseEntity<String> response = complete("gw-v0101", dongfengTask);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(dongfengTask.getId()).count()).isZero();
    }

    @Test
    void aLeaderReadsEveryVillagesTasksButCompletesNone() {
        // when
        List<String> seenByLeader = taskIdsSeenBy("leader");
        ResponseEntity<String> response = complete("leader", dongfengTask);

        // then
        assertThat(seenByLeader).contains(dongfengTask.getId(), hekouTask.getId());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(dongfengTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void aGridWorkerCannotClaimAnotherVillagesTask() {
        // when
        ResponseEntity<String> response = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/task/" + hekouTask.getId() + "/claim",
                        json(Map.of("userId", "gw-v0101")),
                        String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery()
                        .taskId(hekouTask.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
    }

    private Task openTaskIn(String villageCode) {
        String instanceId = runtime.startProcessInstanceByKey("village-check", Map.of("villageCode", villageCode))
                .getId();
        return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private List<String> taskIdsSeenBy(String userId) {
        JsonNode body =
                as(http, userId).getForObject("/engine-rest/task?processDefinitionKey=village-check", JsonNode.class);
        return StreamSupport.stream(body.spliterator(), false)
                .map(task -> task.get("id").asText())
                .toList();
    }

    private ResponseEntity<String> complete(String userId, Task task) {
        return as(http, userId)
                .postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(Map.of()), String.class);
    }

    private static HttpEntity<Object> json(Object body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
