package cn.lianxin.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare engine driven over {@code /engine-rest} with the same calls a platform 即办 lifecycle makes:
 * start (for the intake), per task one query and one completion, one message correlation (for the
 * evaluation) — 8 HTTP calls, as the platform's 即办 path.
 */
final class Baseline {

    private static final AtomicLong NUMBERS = new AtomicLong();

    private final Http http;
    final Queue<String> started = new ConcurrentLinkedQueue<>();

    Baseline(Http http) {
        this.http = http;
    }

    void lifecycle(int client) {
        String village = Appeals.VILLAGES.get(client % Appeals.VILLAGES.size()).code();
        String businessKey = "BL-" + NUMBERS.incrementAndGet();
        Map<String, Object> start = Map.of(
                "businessKey",
                businessKey,
                "variables",
                typed(Map.of("villageCode", village, "category", "policy", "urgency", "NORMAL", "scope", "HOUSEHOLD")));
        Http.Answer started = http.post("/engine-rest/process-definition/key/baseline/start", null, start);
        if (!started.is(200)) {
            throw started.unexpected("start");
        }
        this.started.add(businessKey);
        complete(businessKey, "triage", Map.of("path", "IMMEDIATE"));
        complete(businessKey, "handle-immediate", Map.of("onSite", true, "result", "已当面讲解政策"));
        complete(businessKey, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知办理结果"));
        Http.Answer evaluated = http.post(
                "/engine-rest/message",
                null,
                Map.of(
                        "messageName",
                        "appeal-evaluated",
                        "businessKey",
                        businessKey,
                        "processVariables",
                        typed(Map.of("satisfaction", "SATISFIED"))));
        if (!evaluated.is(204)) {
            throw evaluated.unexpected("correlate appeal-evaluated");
        }
    }

    private void complete(String businessKey, String taskKey, Map<String, Object> form) {
        Http.Answer found = http.get(
                "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey, null);
        if (!found.is(200) || found.body().isEmpty()) {
            throw found.unexpected("find " + taskKey);
        }
        String id = found.body().get(0).get("id").asText();
        Http.Answer done = http.post("/engine-rest/task/" + id + "/complete", null, Map.of("variables", typed(form)));
        if (!done.is(204)) {
            throw done.unexpected("complete " + taskKey);
        }
    }

    private static Map<String, Object> typed(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return typed;
    }

    List<String> startedKeys() {
        return List.copyOf(started);
    }
}
