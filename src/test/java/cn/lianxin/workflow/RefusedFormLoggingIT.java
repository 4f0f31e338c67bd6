package cn.lianxin.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.WebappClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A form refused by its rules is the cadre's to fix, not an error: on every route a task is completed
 * by (the platform's API, Camunda's REST API, Tasklist's copy of it) it is logged in one INFO line
 * naming the task key and the refused fields under the request's correlation id — no ERROR, no stack.
 * A real error is still logged as one.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedFormLoggingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 承诺办 without the promised working days: refused by the triage's rules inside the engine. */
    private static final Map<String, Object> PROMISE_WITHOUT_DAYS = Map.of("path", "PROMISED");

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    String triage;

    @BeforeEach
    void aRequestWaitsForTriage() {
        triage = appeals.openTask(appeals.submit("lighting", "NORMAL", "VILLAGE", "v0101"), "triage");
    }

    @Test
    void aRefusalOnThePlatformsApiIsOneInfoLine(CapturedOutput log) {
        refusedOnce(log, () -> correlationIdOf(appeals.viaApi("gw-v0101", triage, PROMISE_WITHOUT_DAYS)));
    }

    @Test
    void aRefusalOnCamundasRestApiIsOneInfoLine(CapturedOutput log) {
        refusedOnce(log, () -> correlationIdOf(appeals.viaRest("gw-v0101", triage, PROMISE_WITHOUT_DAYS)));
    }

    @Test
    void aRefusalInTasklistIsOneInfoLine(CapturedOutput log) throws Exception {
        // given: signed in to Tasklist, the task claimed as a cadre does
        WebappClient tasklist = new WebappClient(port);
        assertThat(tasklist.signIn("gw-v0101", "demo")).isEqualTo(200);
        assertThat(tasklist.engine("POST", "task/" + triage + "/claim", "{\"userId\":\"gw-v0101\"}")
                        .statusCode())
                .isEqualTo(204);

        refusedOnce(log, () -> {
            HttpResponse<String> refused = tasklist.engine(
                    "POST",
                    "task/" + triage + "/submit-form",
                    Api.write(Map.of("variables", Api.typed(PROMISE_WITHOUT_DAYS))));
            assertThat(refused.statusCode()).isEqualTo(400);
            try {
                return JSON.readTree(refused.body()).get("correlationId").asText();
            } catch (Exception unreadable) {
                throw new AssertionError(refused.body(), unreadable);
            }
        });
    }

    @Test
    void aRealFailureIsStillLoggedAsAnError(CapturedOutput log) {
        // given
        int before = log.getAll().length();

        // when: a completion the engine cannot carry out at all
        assertThatThrownBy(() -> tasks.complete("no-such-task", Map.of())).isInstanceOf(ProcessEngineException.class);

        // then: Camunda's own ERROR with its stack, as before
        String written = log.getAll().substring(before);
        assertThat(written).contains("ENGINE-16004").contains(" ERROR [");
        assertThat(written.lines().filter(line -> line.startsWith("\tat "))).isNotEmpty();
    }

    private static String correlationIdOf(ResponseEntity<JsonNode> refused) {
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        return refused.getBody().get("correlationId").asText();
    }

    /** Sends one refused completion, then reads what the log got meanwhile. */
    private void refusedOnce(CapturedOutput log, Supplier<String> refusal) {
        // given
        int before = log.getAll().length();

        // when
        String correlationId = refusal.get();

        // then: one INFO line with the task key, the field and the correlation id; no ERROR, no stack
        String written = log.getAll().substring(before);
        assertThat(written.lines().filter(line -> line.contains("拒绝办理任务")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(" INFO ", "[" + correlationId + "]", "triage", triage, "promisedDays"));
        assertThat(written.lines().filter(line -> line.contains(" ERROR "))).isEmpty();
        assertThat(written.lines().filter(line -> line.startsWith("\tat "))).isEmpty();
        assertThat(written).doesNotContain("ENGINE-16004");
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isOne();
        assertThat(tasks.getVariables(triage)).doesNotContainKeys("path", "promisedDays");
    }
}
