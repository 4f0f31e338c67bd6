package cn.lianxin.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as operations run it: the packaged jar ({@code target/lianxin-*.jar}, built by
 * {@code package} before the integration tests) in a JVM of its own, profile {@code postgres}, on a free
 * port, against the database it is given; its output goes to a log file. For the tests of what happens
 * across starts, nodes and crashes (docs/operations.md).
 */
public final class PlatformNode implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;

    private PlatformNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar on this database with the demo world and waits until it is ready (3 minutes at most). */
    public static PlatformNode start(String jdbcUrl, String user, String password, Path log) {
        return start(jdbcUrl, user, password, log, List.of());
    }

    /** As {@link #start(String, String, String, Path)}, with these further arguments ({@code --name=value}). */
    public static PlatformNode start(String jdbcUrl, String user, String password, Path log, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--lianxin.sms.provider=log",
                // every test request comes from 127.0.0.1: limits no test reaches, as PlatformIntegrationTest
                "--lianxin.public-limits.requests.capacity=100000",
                "--lianxin.public-limits.intake.capacity=10000",
                "--lianxin.public-limits.posts.capacity=10000",
                "--lianxin.public-limits.code-guesses-per-address.capacity=10000",
                "--lianxin.public-limits.code-guesses-per-case.capacity=1000"));
        // a further argument replaces the default of the same name (the same name twice would be a list)
        command.removeIf(argument -> arguments.stream()
                .anyMatch(further -> argument.startsWith("--")
                        && further.startsWith(argument.substring(0, argument.indexOf('=') + 1))));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LIANXIN_DB_URL", jdbcUrl);
        builder.environment().put("LIANXIN_DB_USER", user);
        builder.environment().put("LIANXIN_DB_PASSWORD", password);
        builder.environment().put("LIANXIN_DEMO_WORLD", "true");
        builder.environment().put("LIANXIN_ACCESS_CODE_SECRET", "platform-process-test-secret");
        PlatformNode platform;
        try {
            platform = new PlatformNode(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the platform's JVM ended; its log: " + log, () -> !platform.process.isAlive())
                    .until(platform::ready);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** The platform's address, e.g. {@code http://localhost:41234}. */
    public URI base() {
        return URI.create("http://localhost:" + port);
    }

    public Path log() {
        return log;
    }

    /** An answer of the platform: its status and its body as JSON ({@code null} when empty or not JSON). */
    public record Answer(int status, JsonNode body, String text) {}

    /** {@code GET path}, as the demo user (password {@code demo}) or anonymous ({@code user} null). */
    public Answer get(String path, String user) {
        return send("GET", path, user, null, Map.of());
    }

    /** {@code POST path} with a JSON body, as the demo user or anonymous, with these extra headers. */
    public Answer post(String path, String user, Object body, Map<String, String> headers) {
        return send("POST", path, user, body, headers);
    }

    private Answer send(String method, String path, String user, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (user != null) {
                request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = null;
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status readiness answers, waiting up to a minute for it (a node without its database takes a while). */
    public int readiness() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                                    .timeout(Duration.ofMinutes(1))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code /actuator/health/readiness} answers 200. */
    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the JVM at once ({@code kill -9}): no shutdown hook, no graceful end of anything in flight. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the JVM as a service manager does (SIGTERM), waiting for its graceful shutdown. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "lianxin-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-plain.jar")) {
                    return jar.toAbsolutePath();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("target/lianxin-*.jar is missing: the integration tests run after"
                + " `package` (./mvnw verify) and start the packaged platform");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
