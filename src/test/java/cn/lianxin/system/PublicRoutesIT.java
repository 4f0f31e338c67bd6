package cn.lianxin.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The public routes (no sign-in) under hostile use, on PostgreSQL, with low limits in an
 * application context of its own. Each test calls from loopback addresses of its own
 * (127.0.x.y: the kernel routes all of 127/8 to this host), so the per-address limits of one test
 * do not touch another's. Only 127.0.0.9 is a trusted proxy here; every other address is a client
 * whose {@code X-Forwarded-For} is ignored. Every refused request asserts its answer and that
 * nothing was stored ({@link StoreSnapshot}).
 */
@PlatformIntegrationTest
@TestPropertySource(
        properties = {
            "lianxin.public-limits.requests.capacity=30",
            "lianxin.public-limits.requests.refill=1h",
            "lianxin.public-limits.intake.capacity=3",
            "lianxin.public-limits.intake.refill=1h",
            "lianxin.public-limits.posts.capacity=3",
            "lianxin.public-limits.posts.refill=1h",
            "lianxin.public-limits.code-guesses-per-address.capacity=4",
            "lianxin.public-limits.code-guesses-per-address.refill=1h",
            "lianxin.public-limits.code-guesses-per-case.capacity=3",
            "lianxin.public-limits.code-guesses-per-case.refill=1h",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.9",
            // a second engine in this JVM beside the shared context's: its own name, no job executor
            "camunda.bpm.generate-unique-process-engine-name=true",
            "camunda.bpm.job-execution.enabled=false"
        })
class PublicRoutesIT {

    /** The one address trusted as a reverse proxy in this context. */
    static final String PROXY = "127.0.0.9";

    static final AtomicInteger ADDRESSES = new AtomicInteger();

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** What came back: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        List<String> fields() {
            return Api.fields(json());
        }
    }

    /** A client calling from one loopback address, over plain HTTP/1.0 sockets. */
    final class Client {
        final String address;

        Client(String address) {
            this.address = address;
        }

        Answer get(String path, String... headers) {
            return send("GET", path, null, headers);
        }

        Answer post(String path, Object body, String... headers) {
            try {
                return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body), headers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Answer send(String method, String path, String body, String... headers) {
            try (Socket socket =
                    new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
                socket.setSoTimeout(60_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
                StringBuilder head = new StringBuilder()
                        .append(method)
                        .append(' ')
                        .append(path)
                        .append(
                                " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json, application/problem+json\r\n");
                for (int i = 0; i < headers.length; i += 2) {
                    head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
                }
                boolean typed = false;
                for (int i = 0; i < headers.length; i += 2) {
                    typed |= headers[i].equalsIgnoreCase("Content-Type");
                }
                if (body != null) {
                    head.append(typed ? "" : "Content-Type: application/json\r\n")
                            .append("Content-Length: ")
                            .append(content.length)
                            .append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(UTF_8));
                out.write(content);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), UTF_8);
                int end = response.indexOf("\r\n\r\n");
                String[] lines = response.substring(0, end).split("\r\n");
                Map<String, String> names = new HashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    names.put(
                            lines[i].substring(0, colon).trim().toLowerCase(),
                            lines[i].substring(colon + 1).trim());
                }
                return new Answer(Integer.parseInt(lines[0].split(" ")[1]), names, response.substring(end + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record Case(String number, String accessCode) {}

    // ---- 1. limits on every public route ----

    @Test
    void aFloodFromOneAddressIsRefusedOnEveryPublicRouteWithRetryAfter() {
        // given an address that used up its 30 requests
        Client flooder = client();
        for (int i = 0; i < 30; i++) {
            assertThat(flooder.get("/api/notices?unit=v0101").status()).isEqualTo(200);
        }
        Case appeal = submitAppeal(client());
        Case topic = propose(client());
        Case order = placeOrder(client());
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when every public route is called once more
        List<Answer> answers = List.of(
                flooder.post("/api/appeals", appeal()),
                flooder.get("/api/appeals/" + appeal.number() + "?accessCode=" + appeal.accessCode()),
                flooder.post("/api/appeals/" + appeal.number() + "/evaluation", evaluation(appeal.accessCode())),
                flooder.post("/api/appeals/" + appeal.number() + "/withdrawal", withdrawal(appeal.accessCode())),
                flooder.post("/api/deliberations", proposal()),
                flooder.get("/api/deliberations/" + topic.number()),
                flooder.post("/api/deliberations/" + topic.number() + "/opinions", opinion()),
                flooder.post(
                        "/api/deliberations/" + topic.number() + "/evaluations", Map.of("satisfaction", "SATISFIED")),
                flooder.get("/api/notices?unit=v0101"),
                flooder.post(
                        "/api/appeals/" + appeal.number() + "/photos",
                        photoForm(appeal.accessCode()),
                        "Content-Type",
                        "multipart/form-data; boundary=" + BOUNDARY),
                flooder.get("/api/appeals/" + appeal.number() + "/photos?accessCode=" + appeal.accessCode()),
                flooder.get("/api/appeals/" + appeal.number()
                        + "/photos/00000000-0000-0000-0000-000000000000?accessCode=" + appeal.accessCode()),
                flooder.get("/api/villages/v0101/service-menu"),
                flooder.post("/api/service-orders", serviceOrder()),
                flooder.get("/api/service-orders/" + order.number() + "?accessCode=" + order.accessCode()),
                flooder.post("/api/service-orders/" + order.number() + "/evaluation", evaluation(order.accessCode())),
                flooder.get("/api/service-orders/" + order.number()
                        + "/photos/00000000-0000-0000-0000-000000000000?accessCode=" + order.accessCode()));

        // then
        assertThat(answers).allSatisfy(answer -> assertTooMany(answer, "访问过于频繁"));
        before.assertUnchanged(jdbc);
        assertThat(client().get("/api/notices?unit=v0101").status()).isEqualTo(200);
    }

    @Test
    void submissionsBeyondTheIntakeLimitStoreNothing() {
        // given an address that submitted three requests
        Client citizen = client();
        for (int i = 0; i < 3; i++) {
            assertThat(citizen.post("/api/appeals", appeal()).status()).isEqualTo(201);
        }
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when it submits another request, and a topic
        Answer appeal = citizen.post("/api/appeals", appeal());
        Answer topic = citizen.post("/api/deliberations", proposal());

        // then
        assertTooMany(appeal, "提交过于频繁");
        assertTooMany(topic, "提交过于频繁");
        before.assertUnchanged(jdbc);
    }

    @Test
    void opinionsAndEvaluationsBeyondThePostLimitStoreNothing() {
        // given an address that posted three times on the board
        Case topic = propose(client());
        Client poster = client();
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 3; i++) {
            // the topic is under review, its notice not open yet: refused, but counted
            assertThat(poster.post("/api/deliberations/" + topic.number() + "/opinions", opinion())
                            .status())
                    .isEqualTo(409);
        }

        // when
        Answer opinion = poster.post("/api/deliberations/" + topic.number() + "/opinions", opinion());
        Answer evaluation = poster.post(
                "/api/deliberations/" + topic.number() + "/evaluations", Map.of("satisfaction", "SATISFIED"));

        // then
        assertTooMany(opinion, "发表过于频繁");
        assertTooMany(evaluation, "发表过于频繁");
        before.assertUnchanged(jdbc);
    }

    @Test
    void oneCaseGuessedFromManyAddressesIsStoppedEvenForTheRightCode() {
        // given three wrong codes for one case, each from another address
        Case appeal = submitAppeal(client());
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 3; i++) {
            Answer guess = client().get("/api/appeals/" + appeal.number() + "?accessCode=WRONG23" + (i + 2));
            assertThat(guess.status()).isEqualTo(404);
        }

        // when the case is tried again from fresh addresses, on every route that takes its code
        Answer view = client().get("/api/appeals/" + appeal.number() + "?accessCode=" + appeal.accessCode());
        Answer evaluate = client().post("/api/appeals/" + appeal.number() + "/evaluation", evaluation("WRONG234"));
        Answer withdraw = client().post("/api/appeals/" + appeal.number() + "/withdrawal", withdrawal("WRONG234"));

        // then refused before any comparison, so even the right code learns nothing
        assertTooMany(view, "查询码尝试次数过多");
        assertTooMany(evaluate, "查询码尝试次数过多");
        assertTooMany(withdraw, "查询码尝试次数过多");
        before.assertUnchanged(jdbc);
    }

    @Test
    void manyCasesGuessedFromOneAddressAreStopped() {
        // given an address that tried four made-up numbers
        Case appeal = submitAppeal(client());
        Client guesser = client();
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 4; i++) {
            assertThat(guesser.get("/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345")
                            .status())
                    .isEqualTo(404);
        }

        // when it tries a real case, even with its right code
        Answer real = guesser.get("/api/appeals/" + appeal.number() + "?accessCode=" + appeal.accessCode());
        Answer forged = guesser.get("/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345");

        // then
        assertTooMany(real, "查询码尝试次数过多");
        assertTooMany(forged, "查询码尝试次数过多");
        before.assertUnchanged(jdbc);
        assertThat(client().get("/api/appeals/" + appeal.number() + "?accessCode=" + appeal.accessCode())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aProposersCodeIsLimitedLikeACasesCode() {
        // given three wrong codes for one topic
        Case topic = propose(client());
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 3; i++) {
            Answer guess = client().post(
                            "/api/deliberations/" + topic.number() + "/evaluations",
                            Map.of("satisfaction", "SATISFIED", "accessCode", "WRONG23" + (i + 2)));
            assertThat(guess.fields()).containsExactly("accessCode");
        }

        // when
        Answer right = client().post(
                        "/api/deliberations/" + topic.number() + "/evaluations",
                        Map.of("satisfaction", "SATISFIED", "accessCode", topic.accessCode()));

        // then
        assertTooMany(right, "查询码尝试次数过多");
        before.assertUnchanged(jdbc);
    }

    @Test
    void theRightCodeIsNeverCountedAsAGuess() {
        // given
        Case appeal = submitAppeal(client());
        Client citizen = client();

        // then more views than either guess limit allows
        for (int i = 0; i < 8; i++) {
            assertThat(citizen.get("/api/appeals/" + appeal.number() + "?accessCode=" + appeal.accessCode())
                            .status())
                    .isEqualTo(200);
        }
    }

    // ---- 2. no such case and wrong code look alike ----

    @Test
    void anUnknownNumberAndAWrongCodeAnswerTheSameOnEveryRoute() {
        // given
        Case appeal = submitAppeal(client());
        String unknown = forgedNumber();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        Answer wrongView = client().get("/api/appeals/" + appeal.number() + "?accessCode=WRONG234");
        Answer unknownView = client().get("/api/appeals/" + unknown + "?accessCode=" + appeal.accessCode());
        Answer wrongEvaluation =
                client().post("/api/appeals/" + appeal.number() + "/evaluation", evaluation("WRONG234"));
        Answer unknownEvaluation =
                client().post("/api/appeals/" + unknown + "/evaluation", evaluation(appeal.accessCode()));
        Answer wrongWithdrawal =
                client().post("/api/appeals/" + appeal.number() + "/withdrawal", withdrawal("WRONG234"));
        Answer unknownWithdrawal =
                client().post("/api/appeals/" + unknown + "/withdrawal", withdrawal(appeal.accessCode()));

        // then
        for (Answer[] pair : List.of(
                new Answer[] {wrongView, unknownView},
                new Answer[] {wrongEvaluation, unknownEvaluation},
                new Answer[] {wrongWithdrawal, unknownWithdrawal})) {
            assertThat(pair[0].status()).isEqualTo(404);
            assertThat(pair[1].status()).isEqualTo(404);
            assertThat(pair[0].headers().keySet()).isEqualTo(pair[1].headers().keySet());
            assertThat(withoutInstance(pair[0])).isEqualTo(withoutInstance(pair[1]));
            assertThat(pair[0].json().get("title").asText()).isEqualTo("未找到该诉求");
        }
        before.assertUnchanged(jdbc);
    }

    @Test
    void overlongNumbersAndCodesAreAnsweredLikeAWrongCode() {
        // given
        Case appeal = submitAppeal(client());
        Answer wrong = client().get("/api/appeals/" + appeal.number() + "?accessCode=WRONG234");
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        Answer longCode = client().get("/api/appeals/" + appeal.number() + "?accessCode=" + "A".repeat(3000));
        Answer longNumber = client().get("/api/appeals/LX-" + "9".repeat(3000) + "?accessCode=ABCD2345");
        Answer longWithdrawal = client().post(
                        "/api/appeals/" + appeal.number() + "/withdrawal",
                        Map.of("accessCode", "A".repeat(3000), "reason", "不需要了"));

        // then
        assertThat(List.of(longCode, longNumber, longWithdrawal)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(withoutInstance(answer)).isEqualTo(withoutInstance(wrong));
        });
        before.assertUnchanged(jdbc);
    }

    @Test
    void overlongValuesInTheBodiesAreNamed() {
        // given
        Case topic = propose(client());
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        Map<String, Object> longDescription = appeal();
        longDescription.put("description", "灯".repeat(2001));
        Map<String, Object> longTitle = proposal();
        longTitle.put("title", "灯".repeat(101));
        Map<String, Object> longOpinion = opinion();
        longOpinion.put("content", "灯".repeat(1001));

        // when
        Answer appeal = client().post("/api/appeals", longDescription);
        Answer key = client().post("/api/appeals", appeal(), "Idempotency-Key", "k".repeat(101));
        Answer proposal = client().post("/api/deliberations", longTitle);
        Answer opinion = client().post("/api/deliberations/" + topic.number() + "/opinions", longOpinion);

        // then
        assertThat(appeal.fields()).containsExactly("description");
        assertThat(key.fields()).containsExactly("Idempotency-Key");
        assertThat(proposal.fields()).containsExactly("title");
        assertThat(opinion.fields()).containsExactly("content");
        before.assertUnchanged(jdbc);
    }

    // ---- 3. an Idempotency-Key reused with another body ----

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefusedWhileARetryIsAnswered() {
        // given a request submitted with a key
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = appeal();
        Answer created = client().post("/api/appeals", first, "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when it is retried, and the key is sent with other requests
        Answer retry = client().post("/api/appeals", first, "Idempotency-Key", key);
        Map<String, Object> otherDescription = appeal();
        otherDescription.put("description", "另一件事：路灯坏了");
        Map<String, Object> otherVillage = appeal();
        otherVillage.put("villageCode", "v0201");
        Answer changed = client().post("/api/appeals", otherDescription, "Idempotency-Key", key);
        Answer moved = client().post("/api/appeals", otherVillage, "Idempotency-Key", key);

        // then
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(created.json());
        assertThat(List.of(changed, moved)).allSatisfy(this::assertKeyReused);
        before.assertUnchanged(jdbc);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherProposalIsRefusedWhileARetryIsAnswered() {
        // given
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = proposal();
        Answer created = client().post("/api/deliberations", first, "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        Answer retry = client().post("/api/deliberations", first, "Idempotency-Key", key);
        Map<String, Object> other = proposal();
        other.put("title", "另一个议题：停车位");
        Answer changed = client().post("/api/deliberations", other, "Idempotency-Key", key);

        // then
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(created.json());
        assertKeyReused(changed);
        before.assertUnchanged(jdbc);
    }

    // ---- 4. what a citizen may not claim ----

    @Test
    void publicIntakeCannotClaimACadreChannel() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        List<Answer> answers = List.of("PHONE", "VISIT", "WALK_IN", "AGENT").stream()
                .map(channel -> {
                    Map<String, Object> body = appeal();
                    body.put("channel", channel);
                    return client().post("/api/appeals", body);
                })
                .toList();

        // then
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.fields()).containsExactly("channel");
        });
        before.assertUnchanged(jdbc);
    }

    @Test
    void aRequestWithoutAChannelComesInOnline() {
        // given
        Map<String, Object> body = appeal();
        body.remove("channel");

        // when
        Answer created = client().post("/api/appeals", body);

        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "select channel from appeal where tracking_no = ?",
                        String.class,
                        created.json().get("trackingNo").asText()))
                .isEqualTo("ONLINE");
    }

    @Test
    void fieldsTheServerOwnsAreRefusedNotIgnored() {
        // given
        Case appeal = submitAppeal(client());
        Case topic = propose(client());
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("/api/appeals status", with(appeal(), "status", "CLOSED"));
        bodies.put("/api/appeals trackingNo", with(appeal(), "trackingNo", "LX-20260101-000001"));
        bodies.put("/api/appeals path", with(appeal(), "path", "IMMEDIATE"));
        bodies.put("/api/deliberations origin", with(proposal(), "origin", "CADRE"));
        bodies.put("/api/deliberations stage", with(proposal(), "stage", "EVALUATION"));
        bodies.put("/api/deliberations/{no}/opinions userId", with(opinion(), "userId", "rep1"));
        bodies.put(
                "/api/deliberations/{no}/evaluations byProposer",
                with(new HashMap<>(Map.of("satisfaction", "SATISFIED")), "byProposer", true));
        bodies.put(
                "/api/appeals/{no}/evaluation closedAt",
                with(evaluation(appeal.accessCode()), "closedAt", "2026-01-01T00:00:00Z"));
        bodies.put("/api/appeals/{no}/withdrawal status", with(withdrawal(appeal.accessCode()), "status", "WITHDRAWN"));

        // when / then
        bodies.forEach((route, body) -> {
            String path = route.split(" ")[0]
                    .replace("/api/appeals/{no}", "/api/appeals/" + appeal.number())
                    .replace("/api/deliberations/{no}", "/api/deliberations/" + topic.number());
            Answer answer = client().post(path, body);
            assertThat(answer.status()).as(route).isEqualTo(400);
            assertThat(answer.fields()).as(route).containsExactly(route.split(" ")[1]);
        });
        before.assertUnchanged(jdbc);
    }

    // ---- 5. X-Forwarded-For only from a trusted proxy ----

    @Test
    void aForgedForwardedForFromAClientDoesNotResetItsLimits() {
        // given a client that used up its guesses
        Client guesser = client();
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 4; i++) {
            assertThat(guesser.get("/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345")
                            .status())
                    .isEqualTo(404);
        }

        // when it claims to be someone else
        List<Answer> answers = List.of(
                guesser.get(
                        "/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345", "X-Forwarded-For", "203.0.113.7"),
                guesser.get(
                        "/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345",
                        "X-Forwarded-For",
                        "203.0.113.8, 127.0.0.9"),
                guesser.get(
                        "/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345",
                        "X-Forwarded-For",
                        "198.51.100.1",
                        "X-Real-IP",
                        "198.51.100.1",
                        "Forwarded",
                        "for=198.51.100.1"));

        // then
        assertThat(answers).allSatisfy(answer -> assertTooMany(answer, "查询码尝试次数过多"));
        before.assertUnchanged(jdbc);
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() {
        // given one client behind the proxy used up its guesses
        Client proxy = new Client(PROXY);
        String client = "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1);
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 4; i++) {
            assertThat(proxy.get("/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345", "X-Forwarded-For", client)
                            .status())
                    .isEqualTo(404);
        }

        // when that client and another one ask through the same proxy
        Answer same = proxy.get("/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345", "X-Forwarded-For", client);
        Answer other = proxy.get(
                "/api/appeals/" + forgedNumber() + "?accessCode=ABCD2345", "X-Forwarded-For", "198.51.100.77");

        // then the limit follows the client, not the proxy
        assertTooMany(same, "查询码尝试次数过多");
        assertThat(other.status()).isEqualTo(404);
        before.assertUnchanged(jdbc);
    }

    // ---- helpers ----

    /**
     * The problem without {@code instance}, which only repeats the path the client itself sent, and
     * without {@code correlationId}, which names the request, not the answer.
     */
    private static JsonNode withoutInstance(Answer answer) {
        com.fasterxml.jackson.databind.node.ObjectNode problem =
                (com.fasterxml.jackson.databind.node.ObjectNode) answer.json();
        assertThat(problem.has("instance")).isTrue();
        assertThat(problem.has("correlationId")).isTrue();
        problem.remove("instance");
        problem.remove("correlationId");
        return problem;
    }

    /** A client from a loopback address no other test uses. */
    private Client client() {
        int n = ADDRESSES.incrementAndGet();
        return new Client("127.0." + (1 + n / 250) + "." + (1 + n % 250));
    }

    private void assertTooMany(Answer answer, String title) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).isEqualTo(title);
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
    }

    private void assertKeyReused(Answer answer) {
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).contains("Idempotency-Key");
        assertThat(answer.json().get("detail").asText()).contains("Idempotency-Key");
    }

    private Case submitAppeal(Client from) {
        Answer answer = from.post("/api/appeals", appeal());
        assertThat(answer.status()).isEqualTo(201);
        return new Case(
                answer.json().get("trackingNo").asText(),
                answer.json().get("accessCode").asText());
    }

    private Case propose(Client from) {
        Answer answer = from.post("/api/deliberations", proposal());
        assertThat(answer.status()).isEqualTo(201);
        return new Case(
                answer.json().get("deliberationNo").asText(),
                answer.json().get("accessCode").asText());
    }

    private Case placeOrder(Client from) {
        Answer answer = from.post("/api/service-orders", serviceOrder());
        assertThat(answer.status()).isEqualTo(201);
        return new Case(
                answer.json().get("orderNo").asText(),
                answer.json().get("accessCode").asText());
    }

    private static Map<String, Object> serviceOrder() {
        return new HashMap<>(Map.of(
                "residentName", "张三",
                "phone", "13800000001",
                "villageCode", "v0101",
                "description", "想请人上门理发"));
    }

    private static String forgedNumber() {
        return "LX-20261124-9" + String.format("%05d", ADDRESSES.incrementAndGet());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> appeal() {
        return new HashMap<>(Map.of(
                "citizenName", "张三",
                "phone", "13800000001",
                "category", "lighting",
                "description", "3号楼楼道灯坏了",
                "villageCode", "v0101",
                "channel", "ONLINE"));
    }

    private static Map<String, Object> proposal() {
        return new HashMap<>(Map.of(
                "title", "3号楼前加装路灯",
                "background", "晚上太黑，老人出行不便",
                "proposerName", "陈七",
                "phone", "13800000009",
                "villageCode", "v0101"));
    }

    private static Map<String, Object> opinion() {
        return new HashMap<>(Map.of("authorName", "王小明", "content", "同意加装"));
    }

    private static Map<String, Object> evaluation(String accessCode) {
        return new HashMap<>(Map.of("accessCode", accessCode, "satisfaction", "SATISFIED"));
    }

    private static final String BOUNDARY = "lianxin-photo-form";

    /** A photo upload's form (the limit answers before the file is looked at). */
    private static String photoForm(String accessCode) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"accessCode\"\r\n\r\n" + accessCode
                + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg"
                + "\r\n\r\nnot a photo\r\n--" + BOUNDARY + "--\r\n";
    }

    private static Map<String, Object> withdrawal(String accessCode) {
        return new HashMap<>(Map.of("accessCode", accessCode, "reason", "已自行解决"));
    }
}
