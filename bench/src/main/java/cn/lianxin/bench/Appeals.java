package cn.lianxin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A citizen's request through the platform's HTTP API, as people do it: the citizen submits
 * ({@code POST /api/appeals}), each cadre finds the task in Camunda's REST API as themself and completes
 * it through {@code POST /api/tasks/{id}/completion}, the citizen evaluates with the access code. Each
 * path is one {@link Path}; a lifecycle is 2 HTTP calls per task plus the intake and the evaluation.
 */
final class Appeals {

    /** A village with its grid worker, its station head (if it has one) and its town centre. */
    record Village(String code, String gridWorker, String stationHead, String townCentre) {}

    static final List<Village> VILLAGES = List.of(
            new Village("v0101", "gw-v0101", "head-v0101", "center-t01"),
            new Village("v0201", "gw-v0201", "head-v0201", "center-t02"),
            new Village("v0102", "gw-v0102", null, "center-t01"));

    /** What a citizen holds after submitting. */
    record Case(String trackingNo, String accessCode, String idempotencyKey) {}

    /** One step: who finds which task and what they enter. */
    record Step(String taskKey, String user, Map<String, Object> form) {}

    /** The five ways of handling, each with a request whose triage suggestion is that way (except 退回, which no rule suggests). */
    enum Path {
        IMMEDIATE("policy", "NORMAL", "HOUSEHOLD", true),
        PROMISED("lighting", "NORMAL", "BUILDING", true),
        ESCALATE("road", "NORMAL", "VILLAGE", true),
        RETURN("parking", "NORMAL", "BUILDING", false),
        JOINT("road", "URGENT", "CROSS_AREA", true);

        final String category;
        final String urgency;
        final String scope;
        final boolean evaluated;

        Path(String category, String urgency, String scope, boolean evaluated) {
            this.category = category;
            this.urgency = urgency;
            this.scope = scope;
            this.evaluated = evaluated;
        }

        /** The final status the case must reach. */
        String finalStatus() {
            return evaluated ? "CLOSED" : "RETURNED";
        }
    }

    private final Http http;
    /** Every case submitted (201) in the current run, and every one that went through its whole path. */
    final Queue<Case> submitted = new ConcurrentLinkedQueue<>();

    final Queue<Case> finished = new ConcurrentLinkedQueue<>();

    Appeals(Http http) {
        this.http = http;
    }

    /** A village for this client: clients spread over the demo villages; 上报 needs a station head. */
    static Village villageFor(Path path, int client) {
        if (path == Path.ESCALATE) {
            return VILLAGES.get(client % 2);
        }
        return VILLAGES.get(client % VILLAGES.size());
    }

    /** One whole lifecycle along the path. */
    void lifecycle(Path path, int client) {
        Village village = villageFor(path, client);
        Case appeal = submit(intake(path.category, path.urgency, path.scope, village.code()));
        for (Step step : steps(path, village)) {
            complete(appeal, step);
        }
        if (path.evaluated) {
            evaluate(appeal);
        }
        finished.add(appeal);
    }

    static Map<String, Object> intake(String category, String urgency, String scope, String village) {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("citizenName", "张三");
        intake.put("phone", "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        intake.put("category", category);
        intake.put("description", "基准测试诉求：" + category);
        intake.put("villageCode", village);
        intake.put("location", "3号楼");
        intake.put("urgency", urgency);
        intake.put("scope", scope);
        return intake;
    }

    /** {@code POST /api/appeals} with a fresh Idempotency-Key: 201. */
    Case submit(Map<String, Object> intake) {
        String key = UUID.randomUUID().toString();
        Http.Answer answer = http.post("/api/appeals", null, intake, Map.of("Idempotency-Key", key));
        if (!answer.is(201)) {
            throw answer.unexpected("POST /api/appeals");
        }
        Case appeal = new Case(
                answer.body().get("trackingNo").asText(), answer.body().get("accessCode").asText(), key);
        submitted.add(appeal);
        return appeal;
    }

    static List<Step> steps(Path path, Village v) {
        Step feedback = new Step(
                "feedback", v.gridWorker(), Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知办理结果"));
        return switch (path) {
            case IMMEDIATE -> List.of(
                    new Step("triage", v.gridWorker(), Map.of("path", "IMMEDIATE")),
                    new Step("handle-immediate", v.gridWorker(), Map.of("onSite", true, "result", "已当面讲解政策")),
                    feedback);
            case PROMISED -> List.of(
                    new Step("triage", v.gridWorker(), Map.of("path", "PROMISED", "promisedDays", 2)),
                    new Step("handle-promised", v.gridWorker(), Map.of("outcome", "DONE", "result", "已更换楼道灯")),
                    feedback);
            case ESCALATE -> List.of(
                    new Step("triage", v.gridWorker(), Map.of("path", "ESCALATE")),
                    new Step("review-escalation", v.stationHead(), Map.of("approved", true)),
                    new Step(
                            "town-handle",
                            v.townCentre(),
                            Map.of("townDecision", "HANDLED", "result", "镇便民服务中心已协调修复")),
                    feedback);
            case RETURN -> List.of(
                    new Step("triage", v.gridWorker(), Map.of("path", "RETURN", "overrideReason", "属于业主共有事项")),
                    new Step(
                            "notify-return",
                            v.gridWorker(),
                            Map.of(
                                    "returnReasons", List.of("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定"),
                                    "returnBasis", "《民法典》第二百七十六条",
                                    "alternatives", "请联系业主委员会")));
            case JOINT -> List.of(
                    new Step("triage", v.gridWorker(), Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg"))),
                    new Step("joint-handle", "dept-jt", Map.of("jointResult", "已修复路面")),
                    new Step("joint-handle", "dept-cg", Map.of("jointResult", "已清理占道摊点")),
                    new Step("joint-conclude", "dept-jt", Map.of("result", "交通、城管联合处理完毕")),
                    feedback);
        };
    }

    /** The user finds the task as themself in Camunda's REST API, then completes it through the platform's API. */
    void complete(Case appeal, Step step) {
        String taskId = taskIdOf(appeal, step.taskKey(), step.user());
        Http.Answer done = completeTask(taskId, step.user(), step.form());
        if (!done.is(204)) {
            throw done.unexpected(step.user() + " completes " + step.taskKey());
        }
    }

    /**
     * The task as the user finds it. A step that follows another asynchronously (the lead's
     * conclusion after the departments' parts, continued by the job executor) may take a moment to
     * appear: the user looks again for up to 30 s, and that wait counts in the lifecycle's time.
     */
    String taskIdOf(Case appeal, String taskKey, String user) {
        long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            Http.Answer found = http.get(
                    "/engine-rest/task?processInstanceBusinessKey=" + appeal.trackingNo() + "&taskDefinitionKey=" + taskKey,
                    user);
            if (found.is(200) && found.body().isArray() && !found.body().isEmpty()) {
                return found.body().get(0).get("id").asText();
            }
            if (!found.is(200) || System.nanoTime() > giveUp) {
                throw found.unexpected(user + " looks for " + taskKey + " of " + appeal.trackingNo());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the task appears for the user within 30 s. */
    boolean appears(Case appeal, String taskKey, String user) {
        try {
            taskIdOf(appeal, taskKey, user);
            return true;
        } catch (RuntimeException notThere) {
            return false;
        }
    }

    Http.Answer completeTask(String taskId, String user, Map<String, Object> form) {
        return http.post("/api/tasks/" + taskId + "/completion", user, form);
    }

    /** The citizen evaluates with the access code: 204. */
    void evaluate(Case appeal) {
        Map<String, Object> evaluation = new HashMap<>();
        evaluation.put("accessCode", appeal.accessCode());
        evaluation.put("satisfaction", "SATISFIED");
        Http.Answer answer = http.post("/api/appeals/" + appeal.trackingNo() + "/evaluation", null, evaluation);
        if (!answer.is(204)) {
            throw answer.unexpected("evaluation of " + appeal.trackingNo());
        }
    }

    /** The user's answer to {@code /engine-rest/task} of this case and key, as a list. */
    JsonNode tasks(Case appeal, String taskKey, String user) {
        return http.get(
                        "/engine-rest/task?processInstanceBusinessKey=" + appeal.trackingNo() + "&taskDefinitionKey="
                                + taskKey,
                        user)
                .body();
    }
}
