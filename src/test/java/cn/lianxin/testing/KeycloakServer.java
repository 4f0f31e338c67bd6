package cn.lianxin.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Keycloak 26 for the identity tests: the distribution from Maven Central, unpacked by the
 * build into {@code target/keycloak} (failsafe passes its path), started once per test JVM in
 * development mode on free ports with {@code keycloak/lianxin-realm.json} and the demo users of
 * {@code keycloak/demo/lianxin-users-0.json} imported. There is no
 * fallback: if Keycloak does not come up, the tests fail with the end of its log.
 */
public final class KeycloakServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String REALM = "lianxin";

    /** How a test reaches the server and its bootstrap administrator. */
    public record Server(String url, String engineClientSecret, String adminUser, String adminPassword, int appPort) {
        public String issuer() {
            return url + "/realms/" + REALM;
        }
    }

    private static Server server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Server keycloak = server();
        TestPropertyValues.of(
                        "lianxin.keycloak.url=" + keycloak.url(),
                        "lianxin.keycloak.engine-client-secret=" + keycloak.engineClientSecret(),
                        // the realm's redirect URIs name the platform's address: it runs on a port chosen here
                        "server.port=" + keycloak.appPort())
                .applyTo(context);
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String home = System.getProperty("lianxin.keycloak.home");
        if (home == null || !Files.isExecutable(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException(
                    "No Keycloak distribution at " + home
                            + ": run the identity tests through ./mvnw verify, which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        Path root = Path.of(home);
        Path log = root.resolveSibling("keycloak.log");
        String secret = UUID.randomUUID().toString();
        String adminPassword = UUID.randomUUID().toString();
        int port = freePort();
        int appPort = freePort();
        try {
            // a fresh development database every run, so the realm is imported with this run's secret
            deleteRecursively(root.resolve("data"));
            Files.createDirectories(root.resolve("data/import"));
            Files.copy(Path.of("keycloak/lianxin-realm.json"), root.resolve("data/import/lianxin-realm.json"));
            // the demo users and their passwords are a separate file that production never imports
            Files.copy(Path.of("keycloak/demo/lianxin-users-0.json"), root.resolve("data/import/lianxin-users-0.json"));
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            root.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--http-management-port=" + freePort(),
                            "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("LIANXIN_ENGINE_CLIENT_SECRET", secret);
            builder.environment().put("LIANXIN_BASE_URL", "http://localhost:" + appPort);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "kc-admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            String url = "http://localhost:" + port;
            awaitRealm(url, process, log);
            return new Server(url, secret, "kc-admin", adminPassword, appPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    private static void awaitRealm(String url, Process process, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(
                        URI.create(url + "/realms/" + REALM + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue());
                        }
                        try {
                            return http.send(discovery, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException | IllegalStateException e) {
            throw new IllegalStateException(
                    "Keycloak did not come up at " + url + ". Last lines of " + log + ":\n" + tail(log), e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
