package cn.lianxin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.system.ApiProblemException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The S3 adapter against a local stand-in for the S3 REST API (path-style {@code PUT}, {@code GET},
 * {@code DELETE} of {@code /bucket/key}, S3's XML error for a missing key): what the official client
 * sends — the object's name and type, the bytes unchanged (no aws-chunked framing), a SigV4 signature
 * with the configured key — and how it reads the answers.
 */
class S3PhotoStoreTests {

    /** One request as the stand-in saw it. */
    record Seen(String method, String path, String contentType, String authorization, String encoding) {}

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    private HttpServer server;
    private S3PhotoStore store;

    @BeforeEach
    void startTheStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        PhotoRules.S3 settings = new PhotoRules.S3(
                "lianxin-photos",
                "photos/",
                "us-east-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                true);
        store = new S3PhotoStore(
                S3PhotoStore.client(
                        settings,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"))),
                settings);
    }

    @AfterEach
    void stopTheStandIn() {
        store.close();
        server.stop(0);
    }

    @Test
    void keepsReadsAndRemovesAPhotoAsOneObjectOfTheBucket() {
        // given
        String key = UUID.randomUUID().toString();
        byte[] jpeg = SamplePhotos.jpegWithGps(20, 10, 1);

        // when
        store.put(key, jpeg);

        // then one object under the prefix, the bytes as they were, signed with the configured key
        String path = "/lianxin-photos/photos/" + key + ".jpg";
        assertThat(objects).containsOnlyKeys(path);
        assertThat(objects.get(path)).isEqualTo(jpeg);
        Seen put = seen.get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.contentType()).isEqualTo("image/jpeg");
        assertThat(put.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test-key/");
        assertThat(put.encoding()).isNull();
        assertThat(store.get(key)).hasValue(jpeg);

        // when removed
        store.delete(key);

        // then
        assertThat(objects).isEmpty();
        assertThat(store.get(key)).isEmpty();
        assertThat(seen).extracting(Seen::method).containsExactly("PUT", "GET", "DELETE", "GET");
    }

    @Test
    void aKeyThatIsNotAUuidNeverReachesTheStore() {
        assertThatThrownBy(() -> store.get("../other-bucket/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void aStoreThatFailsOrIsFullIsTheUploadersServiceUnavailableOrInsufficientStorage() {
        String key = UUID.randomUUID().toString();
        byte[] jpeg = SamplePhotos.jpegWithGps(20, 10, 1);

        // a service that fails (after the client's own retries): 503, nothing kept
        failing.put("PUT", new Failure(500, "InternalError"));
        assertThatThrownBy(() -> store.put(key, jpeg))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status())
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        // a service that has no room (MinIO answers 507 XMinioStorageFull): 507
        failing.put("PUT", new Failure(507, "XMinioStorageFull"));
        assertThatThrownBy(() -> store.put(key, jpeg))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status())
                        .isEqualTo(HttpStatus.INSUFFICIENT_STORAGE));
        assertThat(objects).isEmpty();

        // a reader of a store that fails: 503, not a missing photo and not a 500
        failing.put("GET", new Failure(503, "SlowDown"));
        assertThatThrownBy(() -> store.get(key))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status())
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void anUnreachableStoreIsServiceUnavailable() throws IOException {
        // given a store configured at an address where nothing listens
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        PhotoRules.S3 settings = new PhotoRules.S3(
                "lianxin-photos", "photos/", "us-east-1", URI.create("http://127.0.0.1:" + closed), true);
        try (S3PhotoStore unreachable = new S3PhotoStore(
                S3PhotoStore.client(
                        settings,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"))),
                settings)) {

            // then
            assertThatThrownBy(() -> unreachable.put(UUID.randomUUID().toString(), SamplePhotos.jpegWithGps(20, 10, 1)))
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status())
                            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
            assertThatThrownBy(() -> unreachable.get(UUID.randomUUID().toString()))
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status())
                            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        }
    }

    /** An S3 error the stand-in answers to every request of one method. */
    record Failure(int status, String code) {}

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(
                exchange.getRequestMethod(),
                path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Encoding")));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Failure failure = failing.get(exchange.getRequestMethod());
        if (failure != null) {
            byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + failure.code()
                            + "</Code><Message>failing on purpose</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(failure.status(), error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                exchange.getResponseHeaders().add("ETag", "\"" + UUID.randomUUID() + "\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                                    + "<Message>The specified key does not exist.</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, error.length);
                    exchange.getResponseBody().write(error);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }
}
