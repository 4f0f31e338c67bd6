package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The three routes a user task is completed by, and the ways a test finds the task of a case by its
 * number (business key) and task key. The per-feature fixtures build on it.
 */
public class TaskRoutes {

    protected final Api api;
    protected final TaskService tasks;

    protected TaskRoutes(Api api, TaskService tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    /** POSTs the form anonymously, as a citizen does, and returns what a 201 answers. */
    protected JsonNode created(String path, Object form) {
        ResponseEntity<JsonNode> response = api.post(path, form);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** GETs anonymously what a citizen may read, and returns what a 200 answers. */
    protected JsonNode read(String path) {
        ResponseEntity<JsonNode> response = api.get(path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The open task of this case, found in the engine whoever may see it; fails when there is none. */
    public String openTask(String caseNo, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(taskKey).list().stream()
                .map(Task::getId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open " + taskKey + " in " + caseNo));
    }

    /** Whether this case waits at this task now (for awaiting what the job executor does). */
    public boolean hasOpenTask(String caseNo, String taskKey) {
        return tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseNo)
                        .taskDefinitionKey(taskKey)
                        .count()
                > 0;
    }

    /** The task as the user's own list ({@code GET /api/tasks}, every page) shows it, or null when it is not theirs. */
    public String taskIdOf(String user, String caseNo, String taskKey) {
        return api.as(user).everyItem("/api/tasks").stream()
                .filter(t -> caseNo.equals(t.get("trackingNo").asText())
                        && taskKey.equals(t.get("taskKey").asText()))
                .map(t -> t.get("taskId").asText())
                .findFirst()
                .orElse(null);
    }

    /** The task as the user's own query of Camunda's REST API shows it, or null when it is not theirs. */
    public String engineTaskIdOf(String user, String caseNo, String taskKey) {
        JsonNode found = api.as(user)
                .get("/engine-rest/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey=" + taskKey)
                .getBody();
        return found.isArray() && found.size() == 1 ? found.get(0).get("id").asText() : null;
    }

    /** The platform's API: {@code POST /api/tasks/{id}/completion}. */
    public ResponseEntity<JsonNode> viaApi(String user, String taskId, Map<String, Object> data) {
        return api.as(user).post("/api/tasks/" + taskId + "/completion", data);
    }

    /** Camunda's REST API: {@code POST /engine-rest/task/{id}/complete}. */
    public ResponseEntity<JsonNode> viaRest(String user, String taskId, Map<String, Object> data) {
        return api.as(user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Api.typed(data)));
    }

    /** What Tasklist sends: {@code POST /engine-rest/task/{id}/submit-form}. */
    public ResponseEntity<JsonNode> submitForm(String user, String taskId, Map<String, Object> data) {
        return api.as(user).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Api.typed(data)));
    }
}
