package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every error answer must be, whatever route it came from: problem+json with a Chinese title,
 * nothing of the platform's inside in its body, and a correlation id in the header and the body that
 * a log line of the given level carries.
 */
final class LeakFreeProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern SQL = Pattern.compile(
            "(?i)\\b(select|insert|update|delete)\\b|\\bsql\\b|constraint|act_(ru|hi|re|ge|id)_|duplicate key|violates");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(java|javax|jakarta|org|com|cn)\\.[a-z]+\\.");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\(|\\.java:\\d+");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private LeakFreeProblem() {}

    /** Asserts the answer and returns its body. */
    static JsonNode assertLeakFree(ResponseEntity<String> response, int status, CapturedOutput log, String level) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json")
                .isTrue();
        String body = response.getBody();
        assertThat(body).doesNotContainIgnoringCase("exception");
        assertThat(SQL.matcher(body).find()).as("SQL in %s", body).isFalse();
        assertThat(QUALIFIED.matcher(body).find()).as("class name in %s", body).isFalse();
        assertThat(STACK_FRAME.matcher(body).find())
                .as("stack frame in %s", body)
                .isFalse();
        JsonNode problem = read(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:lianxin:problem:");
        assertThat(CHINESE.matcher(problem.path("title").asText()).find())
                .as("Chinese title in %s", body)
                .isTrue();
        String id = response.getHeaders().getFirst(CorrelationIds.HEADER);
        assertThat(id).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isEqualTo(id);
        if (log != null) {
            assertThat(log.getOut().lines().filter(line -> line.contains(id) && line.contains(level)))
                    .as("a %s log line with correlation id %s", level, id)
                    .isNotEmpty();
        }
        return problem;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
