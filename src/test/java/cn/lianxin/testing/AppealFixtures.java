package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A citizen's request (诉求) over HTTP: submitted in a village, worked task by task, read back by the citizen. */
public final class AppealFixtures extends TaskRoutes {

    /** What the citizen holds after submitting: the tracking number and the access code. */
    public record Case(String trackingNo, String accessCode) {}

    private final RuntimeService runtime;

    public AppealFixtures(Api api, TaskService tasks, RuntimeService runtime) {
        super(api, tasks);
        this.runtime = runtime;
    }

    /** The request form as a citizen fills it online (张三, 13800000001), description "测试诉求：category". */
    public static Map<String, Object> intake(String category, String village) {
        Map<String, Object> intake = new HashMap<>();
        intake.put("citizenName", "张三");
        intake.put("phone", "13800000001");
        intake.put("category", category);
        intake.put("description", "测试诉求：" + category);
        intake.put("villageCode", village);
        intake.put("location", "3号楼");
        intake.put("channel", "ONLINE");
        return intake;
    }

    /** The request form with this urgency and scope. */
    public static Map<String, Object> intake(String category, String urgency, String scope, String village) {
        Map<String, Object> intake = intake(category, village);
        intake.put("urgency", urgency);
        intake.put("scope", scope);
        return intake;
    }

    /**
     * Tasklist's start form as a grid worker fills it at the station for a citizen who walked in
     * ({@code POST /engine-rest/process-definition/key/appeal/submit-form}).
     */
    public static Map<String, Object> stationForm(
            String citizenName, String phone, String category, String scope, String description) {
        return Map.of(
                "variables",
                Map.of(
                        "citizenName", Map.of("value", citizenName),
                        "phone", Map.of("value", phone),
                        "category", Map.of("value", category),
                        "channel", Map.of("value", "WALK_IN"),
                        "urgency", Map.of("value", "NORMAL"),
                        "scope", Map.of("value", scope),
                        "description", Map.of("value", description)));
    }

    /** A request with this urgency and scope, submitted anonymously. */
    public Case submit(String category, String urgency, String scope, String village) {
        return submit(intake(category, urgency, scope, village));
    }

    /** This request form, submitted anonymously ({@code POST /api/appeals}, 201). */
    public Case submit(Map<String, Object> intake) {
        JsonNode receipt = created("/api/appeals", intake);
        return new Case(
                receipt.get("trackingNo").asText(), receipt.get("accessCode").asText());
    }

    /** A request of 东风 (v0101) submitted with this category and description; its process instance. */
    public String runningCase(String category, String description) {
        Map<String, Object> intake = intake(category, "v0101");
        intake.put("description", description);
        return processInstanceOf(submit(intake));
    }

    /** The id of the case's process instance. */
    public String processInstanceOf(Case appeal) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(appeal.trackingNo())
                .singleResult()
                .getId();
    }

    /** The case as the citizen reads it with the access code. */
    public JsonNode view(Case appeal) {
        return read("/api/appeals/" + appeal.trackingNo() + "?accessCode=" + appeal.accessCode());
    }

    /** The open task of this case, whoever may see it; fails when there is none. */
    public String openTask(Case appeal, String taskKey) {
        return openTask(appeal.trackingNo(), taskKey);
    }

    /** The task as the user's own list shows it, or null when it is not theirs. */
    public String taskIdOf(String user, Case appeal, String taskKey) {
        return taskIdOf(user, appeal.trackingNo(), taskKey);
    }

    /** The user finds the task in their own list and completes it through {@code /api}: 204. */
    public void done(String user, Case appeal, String taskKey, Map<String, Object> data) {
        String taskId = taskIdOf(user, appeal, taskKey);
        assertThat(taskId)
                .as("%s sees %s of %s", user, taskKey, appeal.trackingNo())
                .isNotNull();
        ResponseEntity<JsonNode> response = viaApi(user, taskId, data);
        assertThat(response.getStatusCode())
                .as("%s completes %s: %s", user, taskKey, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }
}
