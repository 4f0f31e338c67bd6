package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

/**
 * The test driver of the platform's HTTP surface ({@code /api}, {@code /engine-rest}): one client,
 * anonymous or signed in as a demo user, sending JSON and reading problems. How a user signs in is
 * chosen once, when the driver is made: HTTP Basic with the demo password ({@link #Api(TestRestTemplate)}),
 * or a bearer token ({@link #bearer}), so that one specification runs with either.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final Function<String, HttpHeaders> signIn;
    private final HttpHeaders credentials;

    /** Anonymous; {@link #as} signs in with HTTP Basic and the demo password {@code demo}. */
    public Api(TestRestTemplate http) {
        this(http, Api::basic, new HttpHeaders());
    }

    private Api(TestRestTemplate http, Function<String, HttpHeaders> signIn, HttpHeaders credentials) {
        this.http = http;
        this.signIn = signIn;
        this.credentials = credentials;
    }

    /** Anonymous; {@link #as} signs in with the bearer token {@code tokenOf} gives for the user. */
    public static Api bearer(TestRestTemplate http, Function<String, String> tokenOf) {
        return new Api(
                http,
                user -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setBearerAuth(tokenOf.apply(user));
                    return headers;
                },
                new HttpHeaders());
    }

    /** The same driver, signed in as this demo user. */
    public Api as(String user) {
        return new Api(http, signIn, signIn.apply(user));
    }

    public ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    /** POST with a JSON body. */
    public ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    /** Any method, with a JSON body (or none, when {@code body} is null). */
    public ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        return exchange(method, path, body, JsonNode.class);
    }

    /** Any method, read as {@code type} (String for answers that are not JSON). */
    public <T> ResponseEntity<T> exchange(HttpMethod method, String path, Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(credentials);
        // JSON even without a body: Camunda's REST API answers a bodiless POST of another type with 415
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }

    /** POST multipart/form-data, as the Modeler deploys. */
    public ResponseEntity<JsonNode> upload(String path, MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(credentials);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    /**
     * Every item of a paged list of the platform's API ({@code path} without {@code page}, {@code size}
     * or {@code before}), page after page of 100: numbered pages by {@code page}, the others by
     * {@code next}. Each page must be a 200.
     */
    public List<JsonNode> everyItem(String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String next = separator + "size=100";
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages of %s", path).isLessThan(1000);
            ResponseEntity<JsonNode> response = get(path + next);
            assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode page = response.getBody();
            page.get("items").forEach(items::add);
            if (!page.get("hasMore").asBoolean()) {
                next = null;
            } else if (page.has("page")) {
                next = separator + "size=100&page=" + (page.get("page").asInt() + 1);
            } else {
                next = separator + "size=100&before=" + page.get("next").asText();
            }
        }
        return items;
    }

    /** The ids of the tasks the signed-in user may see through Camunda's REST API ({@code query}: "?…" or ""). */
    public List<String> engineTaskIds(String query) {
        return StreamSupport.stream(get("/engine-rest/task" + query).getBody().spliterator(), false)
                .map(task -> task.get("id").asText())
                .toList();
    }

    /** A JSON request body, for calls made with {@link TestRestTemplate} directly. */
    public static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** The fields a problem names in {@code errors[].field}, in order (none when it has no errors). */
    public static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }

    /** A 400 problem's fields, after asserting that it is one. */
    public static List<String> badRequestFields(ResponseEntity<JsonNode> problem) {
        assertThat(problem.getStatusCode()).as("%s", problem.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return fields(problem.getBody());
    }

    /** A problem with this status and Chinese title that names (at least) these fields. */
    public static JsonNode assertProblem(
            ResponseEntity<JsonNode> response, HttpStatusCode status, String title, String... fields) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        JsonNode problem = response.getBody();
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(fields(problem)).contains(fields);
        return problem;
    }

    /**
     * A 400 naming the field on whichever route: the platform's problem names it in {@code errors[]},
     * Camunda's REST API in its message.
     */
    public static void assertRefusedField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = response.getBody();
        if (body.has("errors")) {
            assertThat(fields(body)).contains(field);
        } else {
            assertThat(body.get("message").asText()).contains(field);
        }
    }

    /** Camunda's typed variables for {@code /engine-rest}; lists as JSON, the way Camunda Forms send them. */
    public static Map<String, Object> typed(Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>();
        data.forEach((name, value) -> variables.put(
                name,
                value instanceof List<?> list ? Map.of("type", "Json", "value", write(list)) : Map.of("value", value)));
        return variables;
    }

    /** JSON text of a value. */
    public static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return headers;
    }
}
