package cn.lianxin.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local stand-in for Alibaba Cloud SMS's HTTP API (no network): it checks each request's ACS3
 * HMAC-SHA256 signature with the test's key as the service does, keeps what was sent, and answers
 * like the service — OK with a BizId, or the error code a test sets; {@code QuerySendDetails} answers
 * the receipts a test sets. As a test's extension it forgets before each test and stops after the last.
 */
final class AliyunSmsStub implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    static final String KEY_ID = "stub-key-id";
    static final String KEY_SECRET = "stub-key-secret";

    /** One accepted SendSms: its action, phones, signature, template code and parameters. */
    record Sent(
            String action,
            String phoneNumbers,
            String signName,
            String templateCode,
            Map<String, String> params,
            String bizId) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    final List<String> badSignatures = new ArrayList<>();

    /** The error code SendSms answers with ({@code null}: OK). */
    volatile String errorCode;

    /** QuerySendDetails' SendStatus (1 waiting, 2 failed, 3 delivered) and ErrCode. */
    volatile long sendStatus = 1;

    volatile String receiptCode = "";

    private final HttpServer server;
    private int bizIds;

    AliyunSmsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A stub listening on a free port of 127.0.0.1. */
    static AliyunSmsStub start() {
        try {
            return new AliyunSmsStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    void reset() {
        sent.clear();
        badSignatures.clear();
        errorCode = null;
        sendStatus = 1;
        receiptCode = "";
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        Map<String, Object> body;
        if (!signedWithTheKey(exchange, query)) {
            badSignatures.add(action);
            body = Map.of("Code", "SignatureDoesNotMatch", "Message", "Specified signature is not matched.");
        } else if ("SendSms".equals(action)) {
            body = send(action, query);
        } else if ("QuerySendDetails".equals(action)) {
            body = Map.of(
                    "Code",
                    "OK",
                    "RequestId",
                    "Q-1",
                    "TotalCount",
                    "1",
                    "SmsSendDetailDTOs",
                    Map.of(
                            "SmsSendDetailDTO",
                            List.of(Map.of(
                                    "PhoneNum",
                                    query.get("PhoneNumber"),
                                    "SendStatus",
                                    sendStatus,
                                    "ErrCode",
                                    receiptCode,
                                    "SendDate",
                                    "2026-12-06 10:00:00"))));
        } else {
            body = Map.of("Code", "InvalidAction.NotFound", "Message", "Specified api is not found");
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(body.get("Code").equals("SignatureDoesNotMatch") ? 400 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Map<String, Object> send(String action, Map<String, String> query) throws IOException {
        if (errorCode != null) {
            return Map.of("Code", errorCode, "Message", "触发小时级流控Permits:5", "RequestId", "R-ERR");
        }
        String bizId = "BIZ-" + (++bizIds);
        sent.add(new Sent(
                action,
                query.get("PhoneNumbers"),
                query.get("SignName"),
                query.get("TemplateCode"),
                JSON.readerForMapOf(String.class).readValue(query.get("TemplateParam")),
                bizId));
        return Map.of("Code", "OK", "Message", "OK", "BizId", bizId, "RequestId", "R-" + bizIds);
    }

    /** ACS3-HMAC-SHA256 as the service checks it: the canonical request's digest, keyed with the secret. */
    private static boolean signedWithTheKey(HttpExchange exchange, Map<String, String> query) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("ACS3-HMAC-SHA256 ")) {
            return false;
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring("ACS3-HMAC-SHA256 ".length()).split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0].trim(), pair[1].trim());
        }
        if (!KEY_ID.equals(parts.get("Credential"))) {
            return false;
        }
        List<String> signed = List.of(parts.get("SignedHeaders").split(";"));
        String headers = signed.stream()
                .map(name ->
                        name + ":" + exchange.getRequestHeaders().getFirst(name).trim() + "\n")
                .collect(Collectors.joining());
        String canonicalQuery = new TreeMap<>(query)
                .entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        String canonical =
                exchange.getRequestMethod() + "\n" + exchange.getRequestURI().getRawPath() + "\n"
                        + canonicalQuery + "\n" + headers + "\n" + parts.get("SignedHeaders") + "\n"
                        + exchange.getRequestHeaders().getFirst("x-acs-content-sha256");
        try {
            String toSign = "ACS3-HMAC-SHA256\n"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)))
                    .equals(parts.get("Signature"));
        } catch (Exception e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
