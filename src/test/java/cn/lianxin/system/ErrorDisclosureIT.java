package cn.lianxin.system;

import static cn.lianxin.system.LeakFreeProblem.assertLeakFree;
import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * No error answer of any route reveals the platform's inside: real failures of the database and the
 * engine, unknown ids, malformed JSON and refused calls, over the platform's API, Camunda's REST API
 * and the webapps' API, each answer problem+json in Chinese whose correlation id the log carries.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorDisclosureIT {

    /** Longer than the name column of Camunda's group table (255): the database refuses the insert. */
    private static final String OVERLONG_NAME = "长".repeat(300);

    @Autowired
    TestRestTemplate http;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @LocalServerPort
    int port;

    @Test
    void aDatabaseFailureInCamundasRestApiIsA500WithoutItsSql(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<String> response = as(http, "admin")
                .postForEntity(
                        "/engine-rest/group/create",
                        Api.json(Map.of("id", "probe-group", "name", OVERLONG_NAME)),
                        String.class);

        // then
        JsonNode problem = assertLeakFree(response, 500, log, "ERROR");
        assertThat(problem.get("title").asText()).isEqualTo("服务器内部错误");
        assertThat(problem.get("message").asText())
                .isEqualTo(problem.get("detail").asText());
        before.assertUnchanged(jdbc);
    }

    @Test
    void malformedJsonToCamundasRestApiIsA400InChinese(CapturedOutput log) {
        // given
        String instance = appeals.runningCase("lighting", "楼道灯坏了");
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<String> response = as(http, "admin")
                .postForEntity(
                        "/engine-rest/process-instance/" + instance + "/variables",
                        rawJson("{\"modifications\": {\"x\": {\"value\": "),
                        String.class);

        // then
        JsonNode problem = assertLeakFree(response, 400, log, "WARN");
        assertThat(problem.get("title").asText()).isEqualTo("请求有误");
        before.assertUnchanged(jdbc);
    }

    @Test
    void anUnknownTaskInCamundasRestApiIsA404InChinese(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<String> read = as(http, "gw-v0101").getForEntity("/engine-rest/task/no-such-task", String.class);
        ResponseEntity<String> claim = as(http, "gw-v0101")
                .postForEntity(
                        "/engine-rest/task/no-such-task/claim", Api.json(Map.of("userId", "gw-v0101")), String.class);

        // then: Camunda's own answer to the claim would be a 500
        assertThat(assertLeakFree(read, 404, log, "WARN").get("title").asText()).isEqualTo("未找到");
        assertThat(assertLeakFree(claim, 404, log, "WARN").get("title").asText())
                .isEqualTo("未找到");
        before.assertUnchanged(jdbc);
    }

    @Test
    void aRefusedCallInCamundasRestApiIsA403WithoutTheMissingPermissions(CapturedOutput log) {
        // given: a running case, whose variables a grid worker may not read as a whole (the gate lets a
        // read through; the engine's authorization refuses it)
        ResponseEntity<JsonNode> submitted = http.postForEntity(
                "/api/appeals",
                Map.of(
                        "citizenName", "孙力",
                        "phone", "13800000041",
                        "category", "lighting",
                        "description", "楼道灯坏了",
                        "villageCode", "v0201"),
                JsonNode.class);
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(
                        submitted.getBody().get("trackingNo").asText())
                .singleResult()
                .getId();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<String> response = as(http, "gw-v0101")
                .getForEntity("/engine-rest/process-instance/" + instance + "/variables", String.class);

        // then
        JsonNode problem = assertLeakFree(response, 403, log, "WARN");
        assertThat(problem.get("title").asText()).isEqualTo("无权操作");
        assertThat(problem.has("missingAuthorizations")).isFalse();
        before.assertUnchanged(jdbc);
    }

    @Test
    void aBrokenModelTellsTheDesignerWhatIsWrongWithoutInternals(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        String broken =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" \
                targetNamespace="http://lianxin.cn/test">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="toNowhere" sourceRef="start" targetRef="nowhere" />
                  </bpmn:process>
                </bpmn:definitions>
                """;

        // when
        ResponseEntity<String> response =
                as(http, "designer").postForEntity("/engine-rest/deployment/create", upload(broken), String.class);

        // then
        JsonNode problem = assertLeakFree(response, 400, log, "WARN");
        assertThat(problem.get("title").asText()).isEqualTo("模型未能部署");
        assertThat(problem.get("detail").asText()).startsWith("所提交的模型文件有误，未部署");
        assertThat(problem.at("/details/broken.bpmn/errors/0/message").asText()).isNotBlank();
        before.assertUnchanged(jdbc);
    }

    @Test
    void aConstraintViolationInThePlatformsApiIsA500WithoutItsSql(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: a log entry for a case that does not exist breaks appeal_log's foreign key
        ResponseEntity<String> response =
                as(http, "admin").postForEntity("/api/probe/orphan-log-entry", null, String.class);

        // then
        JsonNode problem = assertLeakFree(response, 500, log, "ERROR");
        assertThat(problem.get("title").asText()).isEqualTo("服务器内部错误");
        assertThat(log.getOut()).contains("appeal_log");
        before.assertUnchanged(jdbc);
    }

    @Test
    void anEngineFailureInsideThePlatformsApiIsA500WithoutItsSql(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: the engine inserts a group whose name is too long for its column
        ResponseEntity<String> response =
                as(http, "admin").postForEntity("/api/probe/existing-group", null, String.class);

        // then
        assertLeakFree(response, 500, log, "ERROR");
        assertThat(log.getOut()).containsIgnoringCase("act_id_group");
        before.assertUnchanged(jdbc);
    }

    @Test
    void aRequestRefusedBeforeSpringMvcIsAProblemFromTheErrorPage(CapturedOutput log) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: Spring Security's firewall refuses a path parameter and sends the request to /error
        ResponseEntity<String> response =
                as(http, "gw-v0101").getForEntity(URI.create(base() + "/api/me;jsessionid=forged"), String.class);

        // then
        JsonNode problem = assertLeakFree(response, 400, log, "WARN");
        assertThat(problem.get("title").asText()).isEqualTo("请求有误");
        before.assertUnchanged(jdbc);
    }

    @Test
    void theWebappsApiAnswersAnonymousUnknownAndUnprotectedCallsWithProblems(CapturedOutput log) throws Exception {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        WebappSession admin = WebappSession.signIn(base(), "admin");

        // when
        ResponseEntity<String> anonymous = http.getForEntity("/camunda/api/engine/engine/default/task", String.class);
        ResponseEntity<String> unknown = admin.get("/camunda/api/engine/engine/default/task/no-such-task");
        ResponseEntity<String> withoutCsrfToken =
                admin.send("DELETE", "/camunda/api/engine/engine/default/user/gw-v0102", null, false);

        // then
        assertLeakFree(anonymous, 401, log, "WARN");
        assertThat(assertLeakFree(unknown, 404, log, "WARN").get("title").asText())
                .isEqualTo("未找到");
        assertThat(assertLeakFree(withoutCsrfToken, 403, null, "WARN")
                        .get("title")
                        .asText())
                .isEqualTo("无权操作");
        before.assertUnchanged(jdbc);
    }

    @Test
    void aDatabaseFailureInTheWebappsApiIsA500WithoutItsSql(CapturedOutput log) throws Exception {
        // given
        WebappSession admin = WebappSession.signIn(base(), "admin");
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: Admin's "create group" with a name too long for its column
        ResponseEntity<String> response = admin.send(
                "POST",
                "/camunda/api/engine/engine/default/group/create",
                "{\"id\": \"probe-group\", \"name\": \"" + OVERLONG_NAME + "\", \"type\": \"x\"}",
                true);

        // then
        assertLeakFree(response, 500, log, "ERROR");
        before.assertUnchanged(jdbc);
    }

    @Test
    void aShortPlainRequestIdIsKeptAndAnythingElseReplaced() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        HttpHeaders plain = new HttpHeaders();
        plain.set("X-Request-Id", "proxy-7f3a9c21");
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Correlation-Id", "x\" ERROR forged log line");

        // when
        ResponseEntity<String> kept =
                http.exchange("/api/no-such-thing", HttpMethod.GET, new HttpEntity<>(plain), String.class);
        ResponseEntity<String> replaced =
                http.exchange("/api/no-such-thing", HttpMethod.GET, new HttpEntity<>(forged), String.class);

        // then
        assertThat(kept.getHeaders().getFirst(CorrelationIds.HEADER)).isEqualTo("proxy-7f3a9c21");
        assertThat(LeakFreeProblem.read(kept.getBody()).get("correlationId").asText())
                .isEqualTo("proxy-7f3a9c21");
        assertThat(replaced.getHeaders().getFirst(CorrelationIds.HEADER))
                .isNotBlank()
                .doesNotContain("forged");
        before.assertUnchanged(jdbc);
    }

    // ---- helpers ----

    private String base() {
        return "http://localhost:" + port;
    }

    private static HttpEntity<String> rawJson(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<MultiValueMap<String, Object>> upload(String bpmn) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "有误的模型");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("broken.bpmn", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "broken.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    /** A browser's session in Camunda's webapps: signed in, with the webapps' CSRF token. */
    record WebappSession(String base, HttpClient client, CookieManager cookies) {

        static WebappSession signIn(String base, String user) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            WebappSession session = new WebappSession(base, client, cookies);
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-XSRF-TOKEN", session.csrfToken())
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the session changed at sign-in: its CSRF token comes with the next answer
            session.get("/camunda/api/admin/auth/user/default");
            return session;
        }

        String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .reduce((first, last) -> last)
                    .orElse("");
        }

        ResponseEntity<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null, false);
        }

        ResponseEntity<String> send(String method, String path, String json, boolean withCsrfToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (withCsrfToken) {
                request.header("X-XSRF-TOKEN", csrfToken());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
        }
    }

    /** Two real failures inside the platform's API, for the advice to answer. */
    @TestConfiguration
    static class Probes {

        @Bean
        ProbeController probeController(JdbcTemplate jdbc, IdentityService identity) {
            return new ProbeController(jdbc, identity);
        }
    }

    @RestController
    static class ProbeController {

        private final JdbcTemplate jdbc;
        private final IdentityService identity;

        ProbeController(JdbcTemplate jdbc, IdentityService identity) {
            this.jdbc = jdbc;
            this.identity = identity;
        }

        @PostMapping("/api/probe/orphan-log-entry")
        void orphanLogEntry() {
            jdbc.update("insert into appeal_log (tracking_no, logged_at, kind, entry, shown_to_citizen)"
                    + " values ('LX-00000000-000000', current_timestamp, 'PROBE', 'probe', false)");
        }

        @PostMapping("/api/probe/existing-group")
        void existingGroup() {
            var group = identity.newGroup("probe-group");
            group.setName(OVERLONG_NAME);
            identity.saveGroup(group);
        }
    }
}
