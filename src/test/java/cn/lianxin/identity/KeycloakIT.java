package cn.lianxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.KeycloakServer;
import cn.lianxin.testing.MutableClock;
import cn.lianxin.testing.RealPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The {@code keycloak} profile against a real Keycloak 26 with {@code keycloak/lianxin-realm.json}:
 * bearer tokens of the demo users carry the same groups as the default mode, and the engine's
 * authorization follows them — the unit boundary of {@link UnitBoundarySpec}, signed in with tokens —
 * plus what only Keycloak has: expired and forged tokens, and signing in and out through its pages.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"lianxin.demo-world.enabled=true", "lianxin.access-code.secret=integration-tests-only-secret"})
@ActiveProfiles({"postgres", "keycloak"})
@ContextConfiguration(initializers = {RealPostgres.class, KeycloakServer.class})
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class KeycloakIT extends UnitBoundarySpec {

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Override
    Api api() {
        return Api.bearer(http, KeycloakIT::token);
    }

    @Override
    String signedInBy() {
        return "Keycloak";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withoutATokenEverythingIsRefused() {
        for (String path : List.of("/api/me", "/engine-rest/task", "/api/tasks")) {
            ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer");
            assertThat(response.getBody().get("title").asText()).isEqualTo("未登录");
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        // given
        String token = token("leader");
        assertThat(get(token, "/api/me").getStatusCode()).isEqualTo(HttpStatus.OK);

        // when the token's five minutes are over
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(get(token, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void neitherPasswordsNorTokensReachTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        // given
        String token = token("supervisor");

        // when: a good request and one with a damaged token
        get(token, "/engine-rest/task");
        get(token.substring(0, token.length() - 4) + "AAAA", "/api/me");

        // then
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        assertThat(output.getAll()).doesNotContain(KeycloakServer.server().engineClientSecret());
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        // given: a grid worker's real token, with "leader" written into its groups
        String[] parts = token("gw-v0101").split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims)
                .putArray("groups")
                .add("leader");
        String forged =
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims))
                        + "." + parts[2];

        // then
        assertThat(get(forged, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("not-a-token", "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaReadsUsersAndGroupsFromTheRealm() {
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.createUserQuery()
                        .userId("center-t02")
                        .singleResult()
                        .getLastName())
                .isEqualTo("河口镇");
        assertThat(identity.createGroupQuery().groupMember("rep3").list())
                .extracting(g -> g.getId())
                .containsExactly("deliberation-rep-v0101");
    }

    @Test
    void aCadreSignsInToTasklistThroughKeycloakAndSignsOutEverywhere() throws Exception {
        // given
        Browser browser = new Browser();

        // when an anonymous visit to Tasklist is sent to Keycloak's login page
        HttpResponse<String> loginPage = browser.follow(browser.get(app("/camunda/app/tasklist/")));
        assertThat(loginPage.uri().toString())
                .startsWith(KeycloakServer.server().issuer());
        HttpResponse<String> landed = browser.follow(browser.postForm(
                loginForm(loginPage.body()), Map.of("username", "gw-v0101", "password", "demo", "credentialId", "")));

        // then Tasklist runs as the signed-in user with the token's groups
        assertThat(landed.uri().getPath()).startsWith("/camunda/app/tasklist");
        JsonNode user = JSON.readTree(
                browser.get(app("/camunda/api/admin/auth/user/default")).body());
        assertThat(user.get("userId").asText()).isEqualTo("gw-v0101");
        assertThat(user.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit");
        String tasksSeen =
                browser.get(app("/camunda/api/engine/engine/default/task")).body();
        assertThat(tasksSeen).contains(dongfeng.getId()).doesNotContain(hekou.getId());

        // when signing out (a form with Spring's CSRF token, as the logout page has)
        HttpResponse<String> logoutPage = browser.get(app("/logout"));
        String csrf = hidden(logoutPage.body(), "_csrf");
        HttpResponse<String> signedOut = browser.follow(browser.postForm(app("/logout"), Map.of("_csrf", csrf)));

        // then the session is over here and at Keycloak: the next visit asks for the password again
        assertThat(signedOut.statusCode()).isLessThan(500);
        HttpResponse<String> again = browser.follow(browser.get(app("/camunda/app/tasklist/")));
        assertThat(again.uri().toString()).startsWith(KeycloakServer.server().issuer());
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void tasklistsPluginsCallTheApiAsTheCadreSignedInThroughKeycloak() throws Exception {
        // given a grid worker signed in to Tasklist through Keycloak
        Browser browser = new Browser();
        browser.follow(browser.postForm(
                loginForm(browser.follow(browser.get(app("/camunda/app/tasklist/")))
                        .body()),
                Map.of("username", "gw-v0101", "password", "demo", "credentialId", "")));
        browser.get(app("/camunda/api/admin/auth/user/default"));
        String token = browser.cookie("XSRF-TOKEN");
        assertThat(token).as("the webapps' CSRF cookie").isNotNull();

        // when a Tasklist plugin asks /api with the session and its token, or with a forged token
        HttpResponse<String> me = browser.get(app("/api/me"), "X-XSRF-TOKEN", token);
        HttpResponse<String> forged = browser.get(app("/api/me"), "X-XSRF-TOKEN", "forged");

        // then it is the signed-in cadre, and nobody with the forged token
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("id").asText()).isEqualTo("gw-v0101");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void theLeaderCockpitSignsInThroughTheSameSingleSignOn() throws Exception {
        // given
        Browser browser = new Browser();

        // when an anonymous visit to the cockpit is sent to Keycloak's login page, and the leader signs in
        HttpResponse<String> loginPage = browser.follow(browser.get(app("/cockpit")));
        assertThat(loginPage.uri().toString())
                .startsWith(KeycloakServer.server().issuer());
        HttpResponse<String> landed = browser.follow(browser.postForm(
                loginForm(loginPage.body()), Map.of("username", "leader", "password", "demo", "credentialId", "")));

        // then the page comes back under the pages' policy
        assertThat(landed.uri().getPath()).startsWith("/cockpit");
        assertThat(landed.body()).contains("领导驾驶舱");
        assertThat(landed.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));

        // and its script signs the webapps' session in (its first call to the engine's API), reads who is
        // signed in and the webapps' token as the page does, and calls /api with it
        browser.get(app("/camunda/api/engine/engine/default/version"));
        HttpResponse<String> user = browser.get(app("/camunda/api/admin/auth/user/default"));
        assertThat(JSON.readTree(user.body()).get("userId").asText()).isEqualTo("leader");
        String token = user.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> browser.cookie("XSRF-TOKEN"));
        HttpResponse<String> me = browser.get(app("/api/me"), "X-XSRF-TOKEN", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("id").asText()).isEqualTo("leader");
    }

    @Test
    void aKeycloakSignInIsASessionInTheSharedDatabaseNotInTheNode() throws Exception {
        // given a grid worker signed in to Tasklist through Keycloak
        Browser browser = new Browser();
        browser.follow(browser.postForm(
                loginForm(browser.follow(browser.get(app("/camunda/app/tasklist/")))
                        .body()),
                Map.of("username", "gw-v0101", "password", "demo", "credentialId", "")));
        assertThat(JSON.readTree(browser.get(app("/camunda/api/admin/auth/user/default"))
                                .body())
                        .get("userId")
                        .asText())
                .isEqualTo("gw-v0101");
        assertThat(browser.get(app("/camunda/app/tasklist/default/")).statusCode())
                .isEqualTo(200);

        // then the session behind the cookie is a row every node reads (Spring Session JDBC), holding
        // the sign-in, under the user's name
        String sessionId = new String(Base64.getDecoder().decode(browser.cookie("JSESSIONID")), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?")
                        .param(sessionId)
                        .query(String.class)
                        .optional())
                .contains("gw-v0101");
        assertThat(jdbc.sql("select a.attribute_name from spring_session_attributes a join spring_session s"
                                + " on s.primary_id = a.session_primary_id where s.session_id = ?")
                        .param(sessionId)
                        .query(String.class)
                        .list())
                .contains("SPRING_SECURITY_CONTEXT");

        // when the row goes (as another node's cleanup of an expired session removes it)
        jdbc.sql("delete from spring_session where session_id = ?")
                .param(sessionId)
                .update();

        // then this node holds nothing of it: the next visit is sent to sign in again
        HttpResponse<String> again = browser.get(app("/camunda/app/tasklist/default/"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("/camunda/app/tasklist"));
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.follow(browser.postForm(
                loginForm(browser.follow(browser.get(app("/camunda/app/tasklist/")))
                        .body()),
                Map.of("username", "leader", "password", "demo", "credentialId", "")));

        HttpResponse<String> forged = browser.postForm(app("/logout"), Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(browser.get(app("/camunda/api/admin/auth/user/default"))
                                .body())
                        .get("userId")
                        .asText())
                .isEqualTo("leader");
    }

    // ---- helpers ----

    /**
     * A browser: keeps cookies per host, follows redirects one by one. Cookies are kept by hand
     * because Keycloak marks its session cookies Secure even on plain-HTTP localhost, which the
     * JDK's cookie manager would then never send back.
     */
    static final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, Map<String, String>> cookies = new java.util.HashMap<>();

        HttpResponse<String> get(String url) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        /** A GET with one extra header, as a page's script sends it. */
        HttpResponse<String> get(String url, String header, String value) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header(header, value)
                    .GET());
        }

        /** The value of a cookie the platform set, or null. */
        String cookie(String name) {
            return cookies.getOrDefault("localhost:" + KeycloakServer.server().appPort(), Map.of())
                    .get(name);
        }

        HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
                String location = response.headers().firstValue("Location").orElseThrow();
                response = get(response.uri().resolve(location).toString());
            }
            return response;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpRequest built = request.build();
            String authority = built.uri().getAuthority();
            Map<String, String> jar = cookies.computeIfAbsent(authority, a -> new java.util.LinkedHashMap<>());
            if (!jar.isEmpty()) {
                request.header(
                        "Cookie",
                        jar.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
                built = request.build();
            }
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        }
    }

    private static String app(String path) {
        return "http://localhost:" + KeycloakServer.server().appPort() + path;
    }

    private static String loginForm(String html) {
        java.util.regex.Matcher action = java.util.regex.Pattern.compile(
                        "id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(html);
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String url = action.group(1) != null ? action.group(1) : action.group(2);
        return url.replace("&amp;", "&");
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile(
                        "name=\"" + name + "\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"" + name + "\"")
                .matcher(html);
        assertThat(input.find()).as("hidden field %s in %s", name, html).isTrue();
        return input.group(1) != null ? input.group(1) : input.group(2);
    }

    /** A demo user's access token, from the realm's API client (password grant, as a script would). */
    static String token(String user) {
        KeycloakServer.Server keycloak = KeycloakServer.server();
        String form = Map.of("client_id", "lianxin-api", "grant_type", "password", "username", user, "password", "demo")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
