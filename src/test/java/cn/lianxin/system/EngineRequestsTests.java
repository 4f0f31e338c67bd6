package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.identity.EngineOperation;
import cn.lianxin.identity.Role;
import cn.lianxin.system.EngineRequests.EngineRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operation a request to Camunda's REST API is, from its method and path alone. */
class EngineRequestsTests {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "GET, /engine-rest/task, READ",
        "POST, /engine-rest/task, READ",
        "POST, /engine-rest/task/count, READ",
        "GET, /engine-rest/task/t1/form-variables, READ",
        "POST, /camunda/api/engine/engine/default/filter/f1/list, READ",
        "POST, /camunda/api/engine/engine/default/history/process-instance, READ",
        "POST, /engine-rest/history/variable-instance/count, READ",
        "GET, /engine-rest/user/gw-v0101/profile, READ",
        "GET, /engine-rest/user, LIST_USERS_AND_GROUPS",
        "GET, /engine-rest/group/count, LIST_USERS_AND_GROUPS",
        "POST, /engine-rest/task/t1/complete, WORK_TASK",
        "POST, /camunda/api/engine/engine/default/task/t1/submit-form, WORK_TASK",
        "POST, /engine-rest/task/t1/comment/create, WORK_TASK",
        "POST, /engine-rest/task/t1/claim, ASSIGN_TASK",
        "POST, /engine-rest/task/t1/assignee, ASSIGN_TASK",
        "POST, /engine-rest/task/t1/delegate, ASSIGN_TASK",
        "POST, /engine-rest/task/t1/identity-links, ASSIGN_TASK",
        "PUT, /engine-rest/task/t1, ASSIGN_TASK",
        "POST, /engine-rest/task/create, ASSIGN_TASK",
        "PUT, /engine-rest/task/t1/variables/description, WRITE_VARIABLES",
        "POST, /engine-rest/task/t1/localVariables, WRITE_VARIABLES",
        "POST, /engine-rest/process-instance/p1/variables, WRITE_VARIABLES",
        "DELETE, /engine-rest/process-instance/p1/variables/status, WRITE_VARIABLES",
        "PUT, /engine-rest/execution/e1/localVariables/x, WRITE_VARIABLES",
        "POST, /engine-rest/process-instance/p1/modification, MODIFY_INSTANCES",
        "DELETE, /engine-rest/process-instance/p1, MODIFY_INSTANCES",
        "PUT, /engine-rest/process-instance/p1/suspended, MODIFY_INSTANCES",
        "POST, /engine-rest/process-definition/d1/restart, MODIFY_INSTANCES",
        "POST, /engine-rest/history/process-instance/delete, MODIFY_INSTANCES",
        "POST, /engine-rest/history/cleanup, MODIFY_INSTANCES",
        "DELETE, /engine-rest/deployment/x, MODIFY_INSTANCES",
        "POST, /engine-rest/modification/execute, MODIFY_INSTANCES",
        "POST, /engine-rest/job/j1/execute, EDIT_JOBS",
        "PUT, /engine-rest/job/j1/duedate, EDIT_JOBS",
        "PUT, /engine-rest/job-definition/jd1/suspended, EDIT_JOBS",
        "POST, /engine-rest/message, CORRELATE_MESSAGES",
        "POST, /engine-rest/signal, CORRELATE_MESSAGES",
        "POST, /engine-rest/condition, CORRELATE_MESSAGES",
        "GET, /engine-rest/external-task, EXTERNAL_TASKS",
        "POST, /engine-rest/external-task/fetchAndLock, EXTERNAL_TASKS",
        "POST, /engine-rest/batch/b1/suspended, BATCHES_AND_MIGRATION",
        "POST, /engine-rest/migration/execute, BATCHES_AND_MIGRATION",
        "POST, /engine-rest/deployment/create, DEPLOY",
        "POST, /engine-rest/decision-definition/key/appeal-triage/evaluate, EVALUATE_DECISIONS",
        "POST, /engine-rest/user/create, MANAGE_IDENTITY",
        "PUT, /engine-rest/user/admin/credentials, MANAGE_IDENTITY",
        "POST, /engine-rest/authorization/create, MANAGE_IDENTITY",
        "POST, /engine-rest/filter/create, MANAGE_IDENTITY",
        "POST, /engine-rest/identity/verify, MANAGE_IDENTITY",
        "GET, /engine-rest/identity/groups, READ",
        "POST, /engine-rest/telemetry/configuration, OTHER_CHANGES",
        "POST, /engine-rest/engine/default/message, CORRELATE_MESSAGES",
    })
    void namesTheOperation(String method, String path, EngineOperation expected) {
        EngineRequest request = EngineRequests.parse(method, path).orElseThrow();

        assertThat(EngineRequests.operationOf(request)).isEqualTo(expected);
    }

    @Test
    void readsStartsFromEveryFormOfPath() {
        assertThat(parse("POST", "/engine-rest/process-definition/key/appeal/start")
                        .isStart())
                .isTrue();
        assertThat(parse("POST", "/engine-rest/process-definition/key/appeal/start")
                        .startKey())
                .contains("appeal");
        assertThat(parse("POST", "/engine-rest/process-definition/key/appeal/tenant-id/t/submit-form")
                        .startKey())
                .contains("appeal");
        assertThat(parse("POST", "/camunda/api/engine/engine/default/process-definition/appeal:1:x/submit-form")
                        .startDefinitionId())
                .contains("appeal:1:x");
        assertThat(parse("GET", "/engine-rest/process-definition/key/appeal/start")
                        .isStart())
                .isFalse();
    }

    @Test
    void leavesOtherPathsAlone() {
        assertThat(EngineRequests.parse("POST", "/api/appeals")).isEmpty();
        assertThat(EngineRequests.parse("POST", "/engine-rest-x/message")).isEmpty();
        assertThat(EngineRequests.parse("POST", "/camunda/api/admin/auth/user/default/login/tasklist"))
                .isEmpty();
    }

    @Test
    void onlyAdministratorsChangeCasesBehindTheirForms() {
        for (EngineOperation operation : List.of(
                EngineOperation.WRITE_VARIABLES,
                EngineOperation.MODIFY_INSTANCES,
                EngineOperation.START_AT_ACTIVITY,
                EngineOperation.CORRELATE_MESSAGES,
                EngineOperation.EDIT_JOBS,
                EngineOperation.ASSIGN_TASK)) {
            assertThat(Role.values())
                    .as(operation.name())
                    .filteredOn(operation::allows)
                    .containsExactly(Role.ADMIN);
        }
    }

    private static EngineRequest parse(String method, String path) {
        return EngineRequests.parse(method, path).orElseThrow();
    }
}
