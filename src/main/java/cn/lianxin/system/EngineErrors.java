package cn.lianxin.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error answer of Camunda's REST API ({@code /engine-rest}) and of the webapps' API
 * ({@code /camunda/api}, Tasklist's, Cockpit's and Admin's) becomes a problem+json in Chinese with
 * the request's correlation id. Out of the box Camunda answers {@code {"type": "<exception class>",
 * "message": "<exception message>"}}, and a message can carry SQL, table and constraint names or
 * Java class names. Camunda offers no hook for its messages, and its REST applications take no extra
 * exception mapper from the outside, so the answer is rewritten on its way out; the original is
 * logged under the correlation id (WARN for 4xx, ERROR for 5xx).
 *
 * <p>Kept for people: the platform's own Chinese refusals ({@code 请修正以下内容：…}, see
 * {@code TaskDataRejected}) without Camunda's English "Cannot submit task form &lt;id&gt;: " before
 * them, and a model's parse errors when a process designer deploys — each only if it passes
 * {@link SafeMessages}. The webapps show an error's {@code message}, so it repeats the detail; they
 * read nothing else of it but, on a 403, {@code type == "AuthorizationException"} with the missing
 * permissions, which is left out on purpose: they then show their own "not permitted" text.
 */
class EngineErrors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineErrors.class);

    private static final Pattern CAMUNDA_PREFIX = Pattern.compile(
            "^Cannot (?:submit task form|complete task|instantiate process definition|submit form|start process) .*?: (.*)$",
            Pattern.DOTALL);

    private static final String DEPLOYMENT = "/deployment/create";

    private static final Set<String> MISSING = Set.of("NullValueException", "NotFoundException");

    /** How Camunda refuses a command on another unit's case (its tenant check): a plain 500. */
    private static final String OTHER_TENANT = "because it belongs to no authenticated tenant";

    private final Problems problems;
    private final ObjectMapper json;

    EngineErrors(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        if (request.isAsyncStarted()) {
            // a long poll (external tasks) answers later on another thread: left as Camunda writes it
            capture.passOn();
            return;
        }
        if (capture.isError()) {
            if (response.isCommitted()) {
                log.error(
                        "{} {} 答复 {}：错误答复已开始发送，无法改写",
                        request.getMethod(),
                        request.getRequestURI(),
                        capture.getStatus());
                return;
            }
            ProblemDetail problem = rewrite(request, capture.getStatus(), capture.body());
            byte[] bytes = json.writeValueAsBytes(problem);
            capture.writeProblem(problem.getStatus(), bytes);
        }
    }

    private ProblemDetail rewrite(HttpServletRequest request, int status, byte[] body) {
        JsonNode original = parse(body);
        String message = original.path("message").asText(original.path("detail").asText(""));
        String type = original.path("type").asText("");
        if (status >= 500) {
            log.error("{} {} 答复 {}：{} {}", request.getMethod(), request.getRequestURI(), status, type, message);
        } else {
            log.warn("{} {} 答复 {}：{} {}", request.getMethod(), request.getRequestURI(), status, type, message);
        }
        if (type.startsWith(Problems.TYPE_PREFIX)
                && SafeMessages.isSafe(original.path("title").asText())) {
            // already the platform's own problem (e.g. a refusal of the platform's filters): keep it
            return withMessage(own(original, status));
        }
        // Camunda answers a claim or completion of an id that does not exist with 500
        // and work on another village's case (the tenant check) with 500 too: it is a refusal
        int answered =
                status != 500 ? status : MISSING.contains(type) ? 404 : message.contains(OTHER_TENANT) ? 403 : status;
        HttpStatusCode code = HttpStatusCode.valueOf(answered);
        ProblemDetail problem = problems.of(code, Problems.slugFor(answered));
        String reason = withoutCamundaPrefix(message);
        if (SafeMessages.isOwnChinese(reason)) {
            problem.setDetail(reason);
        } else if (answered == 400 && request.getRequestURI().endsWith(DEPLOYMENT)) {
            problem = problems.of(code, "deployment");
            if (SafeMessages.isSafe(message)) {
                problem.setDetail(problems.message("problem.deployment.reason", message));
            }
            JsonNode details = safeParseErrors(original.path("details"));
            if (details != null) {
                problem.setProperty("details", details);
            }
        }
        return withMessage(problem);
    }

    private static ProblemDetail own(JsonNode original, int status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(original.path("type").asText()));
        problem.setTitle(original.path("title").asText());
        problem.setDetail(original.path("detail").asText(null));
        original.properties().forEach(field -> {
            if (!Set.of("type", "title", "status", "detail", "instance").contains(field.getKey())) {
                problem.setProperty(field.getKey(), field.getValue());
            }
        });
        if (CorrelationIds.current() != null) {
            problem.setProperty(CorrelationIds.KEY, CorrelationIds.current());
        }
        return problem;
    }

    /** Camunda's webapps show {@code message}: the same Chinese as the detail. */
    private static ProblemDetail withMessage(ProblemDetail problem) {
        problem.setProperty("message", problem.getDetail());
        return problem;
    }

    private static String withoutCamundaPrefix(String message) {
        Matcher prefixed = CAMUNDA_PREFIX.matcher(message);
        return prefixed.matches() ? prefixed.group(1) : message;
    }

    /**
     * A parse error's details ({@code {"<resource>": {"errors": [{"message", "line", "column",
     * "mainElementId", "elementIds"}], "warnings": [...]}}}), which Camunda Modeler shows per
     * element; a message that reveals internals is dropped, positions and element ids stay.
     */
    private JsonNode safeParseErrors(JsonNode details) {
        if (!(details instanceof ObjectNode resources)) {
            return null;
        }
        ObjectNode safe = json.createObjectNode();
        resources.properties().forEach(resource -> {
            if (!SafeMessages.isSafe(resource.getKey())) {
                return;
            }
            ObjectNode report = safe.putObject(resource.getKey());
            for (String kind : new String[] {"errors", "warnings"}) {
                ArrayNode problems = report.putArray(kind);
                for (JsonNode problem : resource.getValue().path(kind)) {
                    ObjectNode kept = problems.addObject();
                    String text = problem.path("message").asText("");
                    kept.put("message", SafeMessages.isSafe(text) ? text : "模型有误（详情已记录日志）");
                    for (String field : new String[] {"line", "column", "mainElementId", "elementIds"}) {
                        if (problem.has(field)) {
                            kept.set(field, problem.get(field));
                        }
                    }
                }
            }
        });
        return safe;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : json.createObjectNode();
        } catch (JsonProcessingException notJson) {
            return json.createObjectNode();
        } catch (IOException unreadable) {
            return json.createObjectNode();
        }
    }
}
