package cn.lianxin.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The driver's HTTP client: JSON in and out, anonymous (a citizen) or signed in with HTTP Basic as a
 * demo user (password {@code demo}), as the integration tests' {@code Api} does. One client, so
 * connections are kept alive and reused the way a browser or an app's backend would.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** An answer: status and body (JSON when it is JSON). */
    record Answer(int status, JsonNode body, String text) {
        boolean is(int expected) {
            return status == expected;
        }

        /** A failure naming the call, the status and the start of the body. */
        IllegalStateException unexpected(String call) {
            String shown = text == null ? "" : text.substring(0, Math.min(300, text.length()));
            return new IllegalStateException(call + " → " + status + " " + shown);
        }
    }

    private final HttpClient client;
    private final String base;

    Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Answer get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    /** GET that gives up after {@code timeout} (then throws). */
    Answer get(String path, String user, Duration timeout) {
        return send(request(path, user).timeout(timeout).GET().build());
    }

    Answer post(String path, String user, Object body) {
        return post(path, user, body, Map.of());
    }

    /** POST that gives up after {@code timeout} (then throws). */
    Answer post(String path, String user, Object body, Duration timeout) {
        return send(request(path, user)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build());
    }

    Answer post(String path, String user, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer put(String path, String user) {
        return send(request(path, user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = MissingNode.getInstance();
            if (text != null && !text.isEmpty() && (text.startsWith("{") || text.startsWith("["))) {
                body = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
