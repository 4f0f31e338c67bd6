package cn.lianxin.migration;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 版本迁移 on PostgreSQL, as issue 19 puts it: open cases sitting on every user task of {@code appeal}
 * move from v1 to a v2 that renames one task ({@code feedback} → {@code feedback-v2}) and adds one
 * ({@code feedback-check} after it), keeping their tasks' dates, their lights and their light timers;
 * and every refusal stores nothing.
 */
@PlatformIntegrationTest
class MigrationIT {

    /** Every user task of appeal, and the activity each starts at through the engine's modification. */
    private static final List<String> USER_TASKS = List.of(
            "visit-feedback",
            "triage",
            "handle-immediate",
            "handle-promised",
            "review-escalation",
            "town-handle",
            "dept-handle",
            "notify-return",
            "joint-handle",
            "joint-conclude",
            "feedback",
            "revisit",
            "reopen-alert");

    private static final Map<String, Object> FEEDBACK_RENAMED = Map.of("from", "feedback", "to", "feedback-v2");

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MigrationTrial trial;

    private final List<String> deployed = new ArrayList<>();

    /** What must survive the move: the tasks (id, dates, light), the light timers, the platform's row. */
    record Kept(List<String> tasks, List<String> timers, String appealRow) {}

    @Test
    void movesOpenCasesSittingOnEveryUserTaskOfAppealFromV1ToAV2ThatRenamesOneTaskAndAddsOne() throws Exception {
        // given a case on every user task of v1
        ProcessDefinition v1 = latestAppeal();
        Map<String, Case> cases = new LinkedHashMap<>();
        for (String taskKey : USER_TASKS) {
            cases.put(taskKey, caseAt(taskKey));
        }
        // and two cases under supervision (督办, a leader's 批示): one on a step that keeps its id, one on feedback
        Case supervisedAtFeedback = caseAt("feedback");
        String triageSupervision = instruct(cases.get("triage"), "triage");
        String feedbackSupervision = instruct(supervisedAtFeedback, "feedback");
        Map<String, Kept> before = new LinkedHashMap<>();
        cases.forEach((taskKey, appeal) -> before.put(taskKey, kept(appeal)));
        assertThat(before.get("feedback").timers())
                .as("the light's timer of feedback")
                .isNotEmpty();

        // and v2 deployed by the administrator: feedback renamed to feedback-v2, a check added after it
        ProcessDefinition v2 = deploy(secondVersion());
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        // when the designer looks at what changed (by default: the latest version against the one before)
        ResponseEntity<JsonNode> changes = api.as("designer").get("/api/migrations/changes?key=appeal");

        // then
        assertThat(changes.getStatusCode()).as("%s", changes.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        changes.getBody().get("steps").forEach(step -> steps.put(step.get("id").asText(), step));
        assertThat(changes.getBody().at("/from/version").asInt()).isEqualTo(v1.getVersion());
        assertThat(changes.getBody().at("/to/version").asInt()).isEqualTo(v2.getVersion());
        assertThat(steps.get("feedback").get("change").asText()).isEqualTo("REMOVED");
        assertThat(steps.get("feedback").get("changeLabel").asText()).isEqualTo("删除");
        assertThat(steps.get("feedback").get("name").asText()).isEqualTo("结果反馈");
        assertThat(steps.get("feedback").get("openCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(steps.get("feedback-v2").get("change").asText()).isEqualTo("ADDED");
        assertThat(steps.get("feedback-check").get("change").asText()).isEqualTo("ADDED");
        assertThat(steps.get("feedback-check").get("name").asText()).isEqualTo("反馈抽查");
        assertThat(steps.get("revisit").get("change").asText()).isEqualTo("RENAMED");
        assertThat(steps.get("revisit").get("previousName").asText()).isEqualTo("电话回访");
        assertThat(steps.get("revisit").get("name").asText()).isEqualTo("电话回访（含满意度）");
        assertThat(steps.get("triage").get("change").asText()).isEqualTo("KEPT");
        assertThat(steps.get("triage").get("openCases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(changes.getBody().get("openCases").asLong()).isGreaterThanOrEqualTo(USER_TASKS.size());

        // when the designer tries without mapping the renamed task
        Map<String, Object> withoutMapping = request(v1, v2, List.of());
        StoreSnapshot snapshot = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> unmapped = api.as("designer").post("/api/migrations/dry-run", withoutMapping);

        // then only the case on feedback cannot move, and why is said in Chinese; nothing moved
        assertThat(unmapped.getStatusCode()).as("%s", unmapped.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> verdicts = verdicts(unmapped.getBody());
        cases.forEach((taskKey, appeal) -> {
            JsonNode verdict = verdicts.get(appeal.trackingNo());
            assertThat(verdict).as("dry run of the case on %s", taskKey).isNotNull();
            assertThat(verdict.get("movable").asBoolean())
                    .as("%s: %s", taskKey, verdict)
                    .isEqualTo(!taskKey.equals("feedback"));
        });
        assertThat(verdicts.get(cases.get("feedback").trackingNo())
                        .get("reasons")
                        .toString())
                .contains("停留在新版本中不存在的环节「结果反馈」");
        snapshot.assertUnchanged(jdbc);

        // when with the mapping
        Map<String, Object> withMapping = request(v1, v2, List.of(FEEDBACK_RENAMED));
        snapshot = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> dryRun = api.as("designer").post("/api/migrations/dry-run", withMapping);

        // then every case can move, and still nothing moved
        assertThat(dryRun.getStatusCode()).as("%s", dryRun.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> movable = verdicts(dryRun.getBody());
        cases.forEach((taskKey, appeal) -> assertThat(
                        movable.get(appeal.trackingNo()).get("movable").asBoolean())
                .as("%s: %s", taskKey, movable.get(appeal.trackingNo()))
                .isTrue());
        assertThat(dryRun.getBody().get("instructions").toString()).contains("\"to\":\"feedback-v2\"");
        // except the one whose supervision follows the step by the id the new version changes
        assertThat(movable.get(supervisedAtFeedback.trackingNo()).get("movable").asBoolean())
                .isFalse();
        assertThat(movable.get(supervisedAtFeedback.trackingNo()).get("reasons").toString())
                .contains("环节「结果反馈」正在督办中");
        snapshot.assertUnchanged(jdbc);

        // when the designer executes it, and the request is sent again with the same key
        long batchesBefore = history.createHistoricBatchQuery().count();
        ResponseEntity<JsonNode> started = execute("designer", "migrate-appeal-1", withMapping);
        ResponseEntity<JsonNode> replayed = execute("designer", "migrate-appeal-1", withMapping);

        // then one migration, one batch
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = started.getBody().get("id").asLong();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/migrations/" + id);
        assertThat(started.getBody().get("requestedBy").asText()).isEqualTo("designer");
        assertThat(started.getBody().get("casesSubmitted").asInt()).isGreaterThanOrEqualTo(USER_TASKS.size());
        assertThat(replayed.getStatusCode()).as("%s", replayed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().get("id").asLong()).isEqualTo(id);
        assertThat(replayed.getBody().get("batchId").asText())
                .isEqualTo(started.getBody().get("batchId").asText());
        assertThat(history.createHistoricBatchQuery().count()).isEqualTo(batchesBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from process_migration where idempotency_key = 'migrate-appeal-1'",
                        Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select mappings from process_migration where id = ?", String.class, id))
                .contains("feedback-v2");
        // the same key with another request is refused
        assertThat(execute("designer", "migrate-appeal-1", withoutMapping).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        // when the job executor has run the batch, the administrator reads the result
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE"
                .equals(api.as("admin")
                        .get("/api/migrations/" + id)
                        .getBody()
                        .get("state")
                        .asText()));
        JsonNode done = api.as("admin").get("/api/migrations/" + id).getBody();

        // then every case is on v2 at the mapped task, its dates, light and light timer as they were
        assertThat(done.at("/jobs/remaining").asInt()).isZero();
        assertThat(done.at("/result/notMoved").toString())
                .doesNotContain(cases.values().stream().map(Case::trackingNo).toArray(String[]::new));
        assertThat(done.at("/result/moved").asInt()).isGreaterThanOrEqualTo(USER_TASKS.size());
        cases.forEach((taskKey, appeal) -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(appeal.trackingNo())
                    .singleResult();
            assertThat(instance.getProcessDefinitionId()).as(taskKey).isEqualTo(v2.getId());
            String movedTo = taskKey.equals("feedback") ? "feedback-v2" : taskKey;
            assertThat(tasks.createTaskQuery()
                            .processInstanceId(instance.getId())
                            .taskDefinitionKey(movedTo)
                            .count())
                    .as("%s is at %s", appeal.trackingNo(), movedTo)
                    .isPositive();
            Kept after = kept(appeal);
            assertThat(after.tasks())
                    .as("tasks of the case on %s", taskKey)
                    .isEqualTo(before.get(taskKey).tasks().stream()
                            .map(task -> task.replace("|feedback|", "|feedback-v2|"))
                            .toList());
            assertThat(after.timers())
                    .as("light timers of the case on %s", taskKey)
                    .isEqualTo(before.get(taskKey).timers());
            assertThat(after.appealRow())
                    .as("the case's own row")
                    .isEqualTo(before.get(taskKey).appealRow());
        });
        // the supervisions go on: the one of triage finds its step on v2 by the same key; the supervised
        // feedback case stayed on v1 with its supervision
        assertThat(started.getBody().get("casesLeft").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(done.at("/result/notMoved").toString()).doesNotContain(supervisedAtFeedback.trackingNo());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(supervisedAtFeedback.trackingNo())
                        .singleResult()
                        .getProcessDefinitionId())
                .isEqualTo(v1.getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceIds(Set.of(triageSupervision, feedbackSupervision))
                        .count())
                .isEqualTo(2);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(cases.get("triage").trackingNo())
                        .taskDefinitionKey("triage")
                        .count())
                .isEqualTo(1);
        assertThat(appeals.taskIdOf("gw-v0101", cases.get("feedback"), "feedback-v2"))
                .as("the grid worker still finds the moved task in their list")
                .isNotNull();
    }

    @Test
    void onlyDesignersAndAdministratorsMigrateAndEveryRefusalStoresNothing() {
        ProcessDefinition v1 = latestAppeal();
        Map<String, Object> valid = request(v1, v1, List.of());
        valid.put("toVersion", v1.getVersion() + 50);
        StoreSnapshot snapshot = StoreSnapshot.of(jdbc);

        // anonymous, and people who are not designers
        assertThat(api.get("/api/migrations/changes?key=appeal").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("/api/migrations/dry-run", valid).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("gw-v0101", "leader", "supervisor", "ops")) {
            assertThat(api.as(user).get("/api/migrations/changes?key=appeal").getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(user).post("/api/migrations/dry-run", valid).getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(execute(user, "k-" + user, valid).getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api.as(user).get("/api/migrations/1").getStatusCode())
                    .as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        // the engine's own migration API stays the administrator's
        assertThat(api.as("designer")
                        .post(
                                "/engine-rest/migration/generate",
                                Map.of(
                                        "sourceProcessDefinitionId",
                                        v1.getId(),
                                        "targetProcessDefinitionId",
                                        v1.getId()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // unknown model, versions, steps; fields nobody asked for; no key
        Api designer = api.as("designer");
        assertThat(notFoundFields(designer.get("/api/migrations/changes?key=no-such-model")))
                .containsExactly("key");
        assertThat(notFoundFields(designer.get("/api/migrations/changes?key=appeal&to=" + (v1.getVersion() + 50))))
                .containsExactly("to");
        assertThat(Api.badRequestFields(designer.get("/api/migrations/changes?key=appeal&from=0")))
                .containsExactly("from");
        assertThat(designer.get("/api/migrations/changes?key=appeal&from=abc").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> unknownModel = request(v1, v1, List.of());
        unknownModel.put("key", "no-such-model");
        assertThat(notFoundFields(designer.post("/api/migrations/dry-run", unknownModel)))
                .containsExactly("key");
        assertThat(Api.badRequestFields(designer.get("/api/migrations/changes")))
                .containsExactly("key");
        assertThat(notFoundFields(designer.post("/api/migrations/dry-run", valid)))
                .containsExactly("toVersion");
        Map<String, Object> oldFrom = request(v1, v1, List.of());
        oldFrom.put("fromVersion", v1.getVersion() + 50);
        assertThat(notFoundFields(execute("designer", "k-from", oldFrom))).containsExactly("fromVersion");
        assertThat(Api.badRequestFields(designer.post("/api/migrations/dry-run", request(v1, v1, List.of()))))
                .containsExactly("toVersion");
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("key", "appeal");
        assertThat(Api.badRequestFields(designer.post("/api/migrations/dry-run", missing)))
                .containsExactly("fromVersion", "toVersion");
        Map<String, Object> extra = request(v1, v1, List.of());
        extra.put("skipListeners", true);
        assertThat(Api.badRequestFields(designer.post("/api/migrations/dry-run", extra)))
                .contains("skipListeners");
        Map<String, Object> extraInMapping = request(v1, v1, List.of(Map.of("from", "triage", "to", "triage", "x", 1)));
        assertThat(designer.post("/api/migrations/dry-run", extraInMapping).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        if (v1.getVersion() > 1) {
            Map<String, Object> wrongStep = request(v1, v1, List.of(Map.of("from", "no-such-step", "to", "feedback")));
            wrongStep.put("fromVersion", v1.getVersion() - 1);
            assertThat(Api.badRequestFields(designer.post("/api/migrations/dry-run", wrongStep)))
                    .containsExactly("mappings[0].from");
        }
        Map<String, Object> noKey = request(v1, v1, List.of());
        noKey.put("fromVersion", Math.max(1, v1.getVersion() - 1));
        assertThat(Api.badRequestFields(execute("designer", null, noKey))).contains("Idempotency-Key");
        assertThat(notFoundFields(designer.get("/api/migrations/999999"))).isEmpty();

        // then
        snapshot.assertUnchanged(jdbc);
    }

    @Test
    void aMappingToAStepTheNewVersionDoesNotHaveIsRefusedNamingIt() throws Exception {
        ProcessDefinition v1 = latestAppeal();
        ProcessDefinition v2 = deploy(secondVersion());
        StoreSnapshot snapshot = StoreSnapshot.of(jdbc);

        ResponseEntity<JsonNode> wrongTarget = execute(
                "admin", "k-wrong-target", request(v1, v2, List.of(Map.of("from", "feedback", "to", "feedback-v3"))));
        ResponseEntity<JsonNode> wrongKind = api.as("designer")
                .post(
                        "/api/migrations/dry-run",
                        request(v1, v2, List.of(Map.of("from", "feedback", "to", "await-evaluation"))));

        assertThat(Api.badRequestFields(wrongTarget)).containsExactly("mappings[0].to");
        assertThat(wrongTarget.getBody().toString()).contains("没有环节「feedback-v3」");
        assertThat(Api.badRequestFields(wrongKind)).contains("mappings[0]");
        snapshot.assertUnchanged(jdbc);
    }

    /** The versions this test deployed go, after their cases are moved back to the version before. */
    @AfterEach
    void moveBackAndRemoveTheSecondVersion() {
        for (String deploymentId : deployed) {
            moveBackAndRemove(deploymentId, repository, runtime, trial);
        }
        deployed.clear();
    }

    /** Moves the cases of this deployment's appeal (v2) back to the version before it, then removes it. */
    static void moveBackAndRemove(
            String deploymentId, RepositoryService repository, RuntimeService runtime, MigrationTrial trial) {
        ProcessDefinition v2 = repository
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .singleResult();
        ProcessDefinition v1 = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("appeal")
                .processDefinitionVersion(v2.getVersion() - 1)
                .singleResult();
        if (runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count() > 0) {
            // the rollback docs/migration.md advises: the same plan the other way round
            MigrationTrial.Plan back = trial.plan(new MigrationRequest(
                    "appeal",
                    v2.getVersion(),
                    v1.getVersion(),
                    List.of(new MigrationRequest.Mapping("feedback-v2", "feedback"))));
            runtime.newMigration(back.plan())
                    .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()))
                    .execute();
        }
        repository.deleteDeployment(deploymentId);
    }

    private ProcessDefinition latestAppeal() {
        return repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("appeal")
                .latestVersion()
                .singleResult();
    }

    /** A case of 东风 (v0101) registered online and then put on this task by the engine's modification. */
    private Case caseAt(String taskKey) {
        return caseAt(taskKey, appeals, runtime);
    }

    /** A case of 东风 (v0101) put on this task of the latest appeal version by the engine's modification. */
    static Case caseAt(String taskKey, AppealFixtures appeals, RuntimeService runtime) {
        Case appeal = appeals.submit(AppealFixtures.intake("road", "v0101"));
        await().atMost(Duration.ofSeconds(30)).until(() -> appeals.hasOpenTask(appeal.trackingNo(), "triage"));
        String id = appeals.processInstanceOf(appeal);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("path", taskKey.startsWith("joint") ? "JOINT" : "PROMISED");
        variables.put("promisedDays", 2);
        variables.put("deptCode", "jt");
        variables.put("leadDept", "jt");
        variables.put(
                "coDepts",
                Variables.objectValue(new ArrayList<>(List.of("cg")))
                        .serializationDataFormat("application/json")
                        .create());
        variables.put(
                "jointDepts",
                Variables.objectValue(new ArrayList<>(List.of("jt", "cg")))
                        .serializationDataFormat("application/json")
                        .create());
        runtime.setVariables(id, variables);
        if (!taskKey.equals("triage")) {
            runtime.createProcessInstanceModification(id)
                    .cancelAllForActivity("triage")
                    .startBeforeActivity(taskKey.equals("joint-handle") ? "joint-handle#multiInstanceBody" : taskKey)
                    .execute();
        }
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), taskKey))
                .as("a case on %s", taskKey)
                .isTrue();
        return appeal;
    }

    /** A leader's 批示 on the case's current step opens a supervision; its process instance. */
    private String instruct(Case appeal, String stepKey) {
        ResponseEntity<JsonNode> instructed = as(http, "leader")
                .postForEntity(
                        "/api/cases/" + appeal.trackingNo() + "/instructions",
                        Api.json(Map.of("instruction", "群众反映强烈，尽快办理")),
                        JsonNode.class);
        assertThat(instructed.getStatusCode()).as("%s", instructed.getBody()).isEqualTo(HttpStatus.CREATED);
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("supervision")
                .processInstanceBusinessKey(appeal.trackingNo() + ":" + stepKey)
                .singleResult()
                .getId();
    }

    /** The case's open tasks (id, key, due and follow-up dates, light), its light timers, its row. */
    private Kept kept(Case appeal) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(appeal.trackingNo())
                .singleResult();
        List<String> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(task -> String.join(
                        "|",
                        task.getId(),
                        task.getTaskDefinitionKey(),
                        time(task.getDueDate()),
                        time(task.getFollowUpDate()),
                        Objects.toString(tasks.getVariableLocal(task.getId(), "light"))))
                .sorted()
                .toList();
        Set<String> timers = new TreeSet<>();
        for (Job job : management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .list()) {
            timers.add(job.getId() + "|" + time(job.getDuedate()));
        }
        String row = jdbc.queryForObject(
                "select t::text from appeal t where tracking_no = ?", String.class, appeal.trackingNo());
        return new Kept(open, List.copyOf(timers), row);
    }

    private static String time(Date date) {
        return date == null ? "-" : Long.toString(date.getTime());
    }

    /** appeal.bpmn with feedback's id changed to feedback-v2, 反馈抽查 added after it, 电话回访 renamed. */
    static BpmnModelInstance secondVersion() throws IOException {
        BpmnModelInstance model;
        try (InputStream in = new ClassPathResource("processes/appeal.bpmn").getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        }
        UserTask feedback = model.getModelElementById("feedback");
        feedback.setId("feedback-v2");
        UserTask revisit = model.getModelElementById("revisit");
        revisit.setName("电话回访（含满意度）");
        SequenceFlow fedBack = model.getModelElementById("flow-fed-back");
        FlowNode awaitEvaluation = fedBack.getTarget();
        UserTask check = model.newInstance(UserTask.class);
        check.setId("feedback-check");
        check.setName("反馈抽查");
        check.setCamundaCandidateGroups("station-head-${villageCode}");
        feedback.getParentElement().addChildElement(check);
        fedBack.setTarget(check);
        SequenceFlow checked = model.newInstance(SequenceFlow.class);
        checked.setId("flow-checked");
        feedback.getParentElement().addChildElement(checked);
        checked.setSource(check);
        checked.setTarget(awaitEvaluation);
        return model;
    }

    private ProcessDefinition deploy(BpmnModelInstance model) {
        ProcessDefinition deployedVersion = deploy(repository, model);
        deployed.add(deployedVersion.getDeploymentId());
        return deployedVersion;
    }

    /** Deploys this appeal model as the next version, as the administrator does. */
    static ProcessDefinition deploy(RepositoryService repository, BpmnModelInstance model) {
        String deploymentId = repository
                .createDeployment()
                .name("appeal-v2-migration-test")
                .addModelInstance("appeal.bpmn", model)
                .deploy()
                .getId();
        return repository
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .singleResult();
    }

    private static Map<String, Object> request(
            ProcessDefinition from, ProcessDefinition to, List<Map<String, Object>> mappings) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("key", "appeal");
        request.put("fromVersion", from.getVersion());
        request.put("toVersion", to.getVersion());
        request.put("mappings", mappings);
        return request;
    }

    private ResponseEntity<JsonNode> execute(String user, String idempotencyKey, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(http, user)
                .exchange("/api/migrations", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static Map<String, JsonNode> verdicts(JsonNode dryRun) {
        Map<String, JsonNode> verdicts = new LinkedHashMap<>();
        StreamSupport.stream(dryRun.get("cases").spliterator(), false)
                .forEach(verdict -> verdicts.put(verdict.get("trackingNo").asText(), verdict));
        return verdicts;
    }

    private static List<String> notFoundFields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        return Api.fields(response.getBody());
    }
}
