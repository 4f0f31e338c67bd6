package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.identity.EngineOperation;
import cn.lianxin.identity.Role;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role × operation matrix of docs/identity.md, cell by cell, generated from the same source the
 * gate enforces ({@link EngineOperation}): each role's demo user sends one request of each operation
 * to Camunda's REST API. A refused cell must answer 403 naming the operation and leave every table
 * as it was; an allowed cell must pass the gate (what the engine then says about the made-up ids is
 * the engine's business).
 */
@PlatformIntegrationTest
class EngineOperationMatrixIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    /** One request of an operation, harmless even where it is allowed (made-up ids, invalid forms). */
    record Probe(HttpMethod method, String path, String body) {}

    static Probe probeOf(EngineOperation operation) {
        return switch (operation) {
            case READ -> new Probe(HttpMethod.GET, "/engine-rest/task?maxResults=1", null);
            case LIST_USERS_AND_GROUPS -> new Probe(HttpMethod.GET, "/engine-rest/user?maxResults=5", null);
            case START_APPEAL -> new Probe(
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/appeal/start",
                    "{\"variables\": {\"phone\": {\"value\": \"110\"}}}");
            case START_DELIBERATION -> new Probe(
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/deliberation/start",
                    "{\"variables\": {\"title\": {\"value\": \"\"}}}");
            case START_OTHER_PROCESS -> new Probe(
                    HttpMethod.POST, "/engine-rest/process-definition/key/no-such-process/start", "{}");
            case START_AT_ACTIVITY -> new Probe(
                    HttpMethod.POST,
                    "/engine-rest/process-definition/key/appeal/start",
                    "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"no-such\"}]}");
            case WORK_TASK -> new Probe(HttpMethod.POST, "/engine-rest/task/no-such-task/complete", "{}");
            case ASSIGN_TASK -> new Probe(
                    HttpMethod.POST, "/engine-rest/task/no-such-task/assignee", "{\"userId\": \"gw-v0201\"}");
            case WRITE_VARIABLES -> new Probe(
                    HttpMethod.PUT,
                    "/engine-rest/process-instance/no-such-instance/variables/status",
                    "{\"value\": \"CLOSED\"}");
            case MODIFY_INSTANCES -> new Probe(
                    HttpMethod.DELETE, "/engine-rest/process-instance/no-such-instance", null);
            case EDIT_JOBS -> new Probe(HttpMethod.POST, "/engine-rest/job/no-such-job/execute", "{}");
            case CORRELATE_MESSAGES -> new Probe(
                    HttpMethod.POST, "/engine-rest/message", "{\"messageName\": \"no-such-message\"}");
            case EXTERNAL_TASKS -> new Probe(
                    HttpMethod.POST,
                    "/engine-rest/external-task/fetchAndLock",
                    "{\"workerId\": \"w\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"no-such\", \"lockDuration\": 1000}]}");
            case BATCHES_AND_MIGRATION -> new Probe(
                    HttpMethod.POST,
                    "/engine-rest/migration/generate",
                    "{\"sourceProcessDefinitionId\": \"no-such\", \"targetProcessDefinitionId\": \"no-such\"}");
            case DEPLOY -> new Probe(HttpMethod.POST, "/engine-rest/deployment/create", "{}");
            case EVALUATE_DECISIONS -> new Probe(
                    HttpMethod.POST, "/engine-rest/decision-definition/key/no-such-decision/evaluate", "{}");
            case MANAGE_IDENTITY -> new Probe(HttpMethod.DELETE, "/engine-rest/user/no-such-user", null);
            case OTHER_CHANGES -> new Probe(HttpMethod.POST, "/engine-rest/no-such-resource", "{}");
        };
    }

    /** The demo user who holds the role (DESIGN §2). */
    static String userOf(Role role) {
        return switch (role) {
            case GRID_WORKER -> "gw-v0101";
            case STATION_HEAD -> "head-v0101";
            case DELIBERATION_HOST -> "host-v0101";
            case DELIBERATION_REP -> "rep1";
            case BRANCH_SECRETARY -> "sec-v0101";
            case PARTY_MEMBER -> "pm1";
            case TOWN_CENTER -> "center-t01";
            case DEPT -> "dept-cg";
            case SUPERVISOR -> "supervisor";
            case LEADER -> "leader";
            case PROCESS_DESIGNER -> "designer";
            case ADMIN -> "admin";
            case OPERATIONS -> "ops";
        };
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Role.values())
                .flatMap(role -> Arrays.stream(EngineOperation.values()).map(op -> Arguments.of(role, op)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void eachRoleDoesExactlyTheOperationsOfTheMatrix(Role role, EngineOperation operation) {
        // given
        Probe probe = probeOf(operation);
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<JsonNode> response = send(userOf(role), probe);

        // then
        if (operation.allows(role)) {
            assertThat(response.getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(
                            response.getBody() == null
                                    ? null
                                    : response.getBody().path("operation").asText(null))
                    .as("the gate let it through")
                    .isNull();
        } else {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().get("operation").asText()).isEqualTo(operation.name());
            assertThat(response.getBody().get("title").asText()).isEqualTo("无权执行此操作");
            assertThat(response.getBody().get("message").asText()).contains(operation.label());
            before.assertUnchanged(jdbc);
        }
    }

    private ResponseEntity<JsonNode> send(String userId, Probe probe) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(http, userId)
                .exchange(probe.path(), probe.method(), new HttpEntity<>(probe.body(), headers), JsonNode.class);
    }
}
