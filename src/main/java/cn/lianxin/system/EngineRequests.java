package cn.lianxin.system;

import cn.lianxin.identity.EngineOperation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the {@link EngineOperation} of a request to Camunda's REST API from its method and path,
 * whichever of the API's two homes it arrives at ({@code /engine-rest/…}, also as
 * {@code /engine-rest/engine/default/…}, and the webapps' {@code /camunda/api/engine/engine/default/…}).
 * Anything not known to be a read is a change, and a change not named here is
 * {@link EngineOperation#OTHER_CHANGES}: a new REST resource in a Camunda upgrade is an
 * administrator's until it is classified.
 */
final class EngineRequests {

    /** A request to the engine's REST API: the path's segments below the engine, and the method. */
    record EngineRequest(String method, List<String> segments) {

        String first() {
            return segments.isEmpty() ? "" : segments.get(0);
        }

        String last() {
            return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }

        /** {@code POST /task/{id}/claim} and the like: resource, one id, one verb. */
        boolean isVerbOnOne(String resource, String verb) {
            return segments.size() == 3
                    && first().equals(resource)
                    && segments.get(2).equals(verb);
        }

        /** {@code POST /process-definition/{id}/start}, {@code …/key/{key}/submit-form}, with a tenant too. */
        boolean isStart() {
            return method.equals("POST")
                    && first().equals("process-definition")
                    && (last().equals("start") || last().equals("submit-form"))
                    && (segments.size() == 3
                            || segments.size() == 4 && segments.get(1).equals("key")
                            || segments.size() == 6
                                    && segments.get(1).equals("key")
                                    && segments.get(3).equals("tenant-id"));
        }

        /** The process key a start names in its path, if it names one (else a definition id). */
        Optional<String> startKey() {
            return segments.size() >= 4 && segments.get(1).equals("key")
                    ? Optional.of(segments.get(2))
                    : Optional.empty();
        }

        Optional<String> startDefinitionId() {
            return segments.size() == 3 ? Optional.of(segments.get(1)) : Optional.empty();
        }

        boolean isClaim() {
            return method.equals("POST") && isVerbOnOne("task", "claim");
        }
    }

    private static final String REST = "/engine-rest";
    private static final String WEBAPP_REST = "/camunda/api/engine";

    /** Read-only searches that Camunda's API takes as POST (a query body). */
    private static final Set<String> POST_QUERIES = Set.of(
            "task",
            "process-instance",
            "variable-instance",
            "execution",
            "job",
            "job-definition",
            "incident",
            "process-definition",
            "deployment",
            "decision-definition",
            "case-instance",
            "case-execution");

    private EngineRequests() {}

    /** The request, if the path is one of the engine API's; the segments are below the engine's name. */
    static Optional<EngineRequest> parse(String method, String path) {
        String below;
        if (path.startsWith(REST + "/") || path.equals(REST)) {
            below = path.substring(REST.length());
        } else if (path.startsWith(WEBAPP_REST + "/")) {
            below = path.substring(WEBAPP_REST.length());
        } else {
            return Optional.empty();
        }
        List<String> segments =
                Arrays.stream(below.split("/")).filter(s -> !s.isEmpty()).toList();
        // a named engine (/engine/default/…) is the same API; /engine alone lists the engines
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments = segments.subList(2, segments.size());
        }
        return Optional.of(new EngineRequest(method.toUpperCase(java.util.Locale.ROOT), segments));
    }

    /**
     * The operation, before anything in the body is looked at: a start is classified by the gate,
     * which reads the process and the body; a claim for oneself is {@link EngineOperation#WORK_TASK}.
     */
    static EngineOperation operationOf(EngineRequest request) {
        String first = request.first();
        List<String> s = request.segments();
        if (first.equals("external-task")) {
            return EngineOperation.EXTERNAL_TASKS;
        }
        if (request.isRead()) {
            boolean directory = first.equals("user") || first.equals("group") || first.equals("tenant");
            boolean listing = s.size() == 1 || s.size() == 2 && s.get(1).equals("count");
            return directory && listing ? EngineOperation.LIST_USERS_AND_GROUPS : EngineOperation.READ;
        }
        if (request.method().equals("POST") && isPostQuery(s)) {
            return EngineOperation.READ;
        }
        return switch (first) {
            case "task" -> taskChange(request);
            case "process-instance", "execution", "variable-instance" -> writesVariables(s)
                    ? EngineOperation.WRITE_VARIABLES
                    : EngineOperation.MODIFY_INSTANCES;
            case "process-definition",
                    "history",
                    "modification",
                    "incident",
                    "case-instance",
                    "case-execution",
                    "case-definition" -> EngineOperation.MODIFY_INSTANCES;
            case "deployment" -> s.size() == 2 && s.get(1).equals("create")
                            || request.isVerbOnOne("deployment", "redeploy")
                    ? EngineOperation.DEPLOY
                    : EngineOperation.MODIFY_INSTANCES;
            case "decision-definition", "decision-requirements-definition" -> request.last()
                            .equals("evaluate")
                    ? EngineOperation.EVALUATE_DECISIONS
                    : EngineOperation.MODIFY_INSTANCES;
            case "job", "job-definition" -> EngineOperation.EDIT_JOBS;
            case "message", "signal", "condition" -> EngineOperation.CORRELATE_MESSAGES;
            case "batch", "migration" -> EngineOperation.BATCHES_AND_MIGRATION;
                // identity/verify checks anyone's password: only the sign-in routes, which are throttled, may
            case "user", "group", "tenant", "authorization", "filter", "identity" -> EngineOperation.MANAGE_IDENTITY;
            default -> EngineOperation.OTHER_CHANGES;
        };
    }

    private static boolean isPostQuery(List<String> s) {
        if (s.isEmpty()) {
            return false;
        }
        String first = s.get(0);
        boolean queryOrCount = s.size() == 1 || s.size() == 2 && s.get(1).equals("count");
        if (POST_QUERIES.contains(first) && queryOrCount) {
            return true;
        }
        // a saved filter's results
        if (first.equals("filter") && s.size() == 3) {
            return Set.of("list", "count", "singleResult").contains(s.get(2));
        }
        // historic searches: /history/process-instance, /history/task/count …, never their deletes
        if (first.equals("history")
                && (s.size() == 2 || s.size() == 3 && s.get(2).equals("count"))) {
            return !s.get(1).equals("cleanup");
        }
        return false;
    }

    private static EngineOperation taskChange(EngineRequest request) {
        List<String> s = request.segments();
        if (request.method().equals("POST") && s.size() == 3) {
            switch (s.get(2)) {
                case "complete", "submit-form", "unclaim" -> {
                    return EngineOperation.WORK_TASK;
                }
                case "claim" -> {
                    // the gate lets a claim for oneself through as WORK_TASK; for anyone else it assigns
                    return EngineOperation.ASSIGN_TASK;
                }
                default -> {}
            }
        }
        if (request.method().equals("POST")
                && s.size() == 4
                && s.get(2).equals("comment")
                && s.get(3).equals("create")) {
            return EngineOperation.WORK_TASK;
        }
        return writesVariables(s) ? EngineOperation.WRITE_VARIABLES : EngineOperation.ASSIGN_TASK;
    }

    private static boolean writesVariables(List<String> s) {
        return s.size() >= 3
                        && Set.of("variables", "localVariables", "variables-async")
                                .contains(s.get(2))
                || s.size() == 2 && s.get(1).equals("variables-async");
    }
}
