package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.MutableClock;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signing in (default mode), tried as a stranger would: wrong passwords slow the stranger's own
 * address and never lock the account; an administrator's lock holds on every route; passwords are
 * stored as BCrypt; the webapps' session id changes at sign-in.
 *
 * <p>Client addresses are set with {@code X-Forwarded-For}, which Tomcat honours from the loopback
 * proxy here as it would from a trusted reverse proxy in production; every test uses addresses of
 * its own, so the throttle's memory of one test does not reach another.
 */
@PlatformIntegrationTest
@TestPropertySource(
        properties = {
            "server.forward-headers-strategy=native",
            // the test client is the trusted reverse proxy (production trusts none by default)
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"
        })
class SignInIT {

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock signInTestClock() {
            return new MutableClock();
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String TARGET = "signin-target";
    private static final String LEGACY = "signin-legacy";

    @LocalServerPort
    int port;

    /** A client that, unlike the default one, never repeats a request after a 429 by itself. */
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void aClientThatNeverRetriesAndAUserOfItsOwn() {
        CloseableHttpClient client = HttpClients.custom()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
        http = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + port)
                .requestFactory(() -> new HttpComponentsClientHttpRequestFactory(client)));
        User user = identity.newUser(TARGET);
        user.setFirstName("测试");
        user.setLastName("用户");
        user.setPassword("target-password");
        identity.saveUser(user);
    }

    @AfterEach
    void removeWhatTheTestsCreated() {
        jdbc.update("delete from account_lock where user_id in (?, ?)", TARGET, LEGACY);
        identity.deleteUser(TARGET);
        identity.deleteUser(LEGACY);
        clock.reset();
    }

    // ---- throttling: no lock-out by strangers ----

    @Test
    void aStrangersWrongPasswordsSlowOnlyTheStrangersAddress() {
        // given
        String attacker = newAddress();
        String owner = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: five wrong passwords for admin, then a sixth try
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/api/me", "admin", "guess-" + i, attacker).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        double countedBefore = meters.counter("lianxin.sign.in.throttled").count();
        ResponseEntity<JsonNode> throttled = basic("/api/me", "admin", "guess-5", attacker);
        // even the right password is not checked from the throttled address
        ResponseEntity<JsonNode> rightButThrottled = basic("/api/me", "admin", "demo", attacker);
        ResponseEntity<JsonNode> fromTheOwner = basic("/api/me", "admin", "demo", owner);

        // then
        assertThrottled(throttled);
        assertThrottled(rightButThrottled);
        assertThat(meters.counter("lianxin.sign.in.throttled").count())
                .as("the operator's metric lianxin_sign_in_throttled_total")
                .isEqualTo(countedBefore + 2);
        assertThat(fromTheOwner.getStatusCode()).isEqualTo(HttpStatus.OK);
        before.assertUnchanged(jdbc);
        assertThat(engineLockOf("admin")).isEqualTo("0/null");
    }

    @Test
    void theDelayExpiresByItself() {
        // given
        String attacker = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/engine-rest/task", "admin", "guess-" + i, attacker)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> throttled = basic("/engine-rest/task", "admin", "demo", attacker);
        assertThrottled(throttled);
        before.assertUnchanged(jdbc);

        // when
        clock.advance(Duration.ofSeconds(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))));

        // then
        assertThat(basic("/engine-rest/task", "admin", "demo", attacker).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void elevenWrongPasswordsNoLongerLockAnAccount() {
        // given: eleven wrong passwords, each from a fresh address so none is throttled
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        for (int i = 0; i < 11; i++) {
            assertThat(basic("/engine-rest/task", TARGET, "guess-" + i, newAddress())
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        before.assertUnchanged(jdbc);

        // when
        ResponseEntity<JsonNode> owner = basic("/engine-rest/task", TARGET, "target-password", newAddress());

        // then
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(engineLockOf(TARGET)).isEqualTo("0/null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/engine-rest/process-definition", "/actuator/prometheus"})
    void everyBasicRouteIsThrottled(String path) {
        // given
        String attacker = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        for (int i = 0; i < 5; i++) {
            assertThat(basic(path, "leader", "guess-" + i, attacker).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> throttled = basic(path, "leader", "guess-5", attacker);

        // then
        assertThrottled(throttled);
        before.assertUnchanged(jdbc);
    }

    @Test
    void anAddressGuessingManyUserIdsIsThrottledForEveryUserId() {
        // given
        String attacker = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: a different user id each time, never five for one
        for (int i = 0; i < 30; i++) {
            assertThat(basic("/api/me", "made-up-" + i, "demo", attacker).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> throttled = basic("/api/me", "supervisor", "demo", attacker);

        // then
        assertThrottled(throttled);
        before.assertUnchanged(jdbc);
    }

    @Test
    void camundasPasswordCheckIsClosedToCadresAndThrottledForAdministrators() {
        // given
        String address = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: a cadre asks Camunda's REST API to check a guess of admin's password…
        ResponseEntity<JsonNode> byCadre =
                verify("gw-v0101", Map.of("username", "admin", "password", "guess"), address);
        // …and an administrator's account, taken over, guesses another user's password
        for (int i = 0; i < 5; i++) {
            ResponseEntity<JsonNode> guess =
                    verify("admin", Map.of("username", "leader", "password", "guess-" + i), address);
            assertThat(guess.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(guess.getBody().get("authenticated").asBoolean()).isFalse();
        }
        ResponseEntity<JsonNode> throttled = verify("admin", Map.of("username", "leader", "password", "demo"), address);
        ResponseEntity<JsonNode> trailingSlash = verify(
                "admin", "/engine-rest/identity/verify/", Map.of("username", "leader", "password", "demo"), address);
        ResponseEntity<JsonNode> numericId = verify("admin", Map.of("username", 12345, "password", "demo"), address);

        // then
        assertThat(byCadre.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThrottled(throttled);
        assertThat(trailingSlash.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(numericId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        before.assertUnchanged(jdbc);
    }

    @Test
    void theWebappLoginFormIsThrottledToo() {
        // given
        String attacker = newAddress();
        String owner = newAddress();
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        for (int i = 0; i < 5; i++) {
            assertThat(webappLogin("tasklist", "admin", "guess-" + i, attacker)
                            .response()
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> throttled =
                webappLogin("cockpit", "admin", "demo", attacker).response();
        WebappLogin fromTheOwner = webappLogin("tasklist", "admin", "demo", owner);

        // then
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(throttled.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(throttled.getBody()).contains("登录尝试过于频繁");
        assertThat(fromTheOwner.response().getStatusCode()).isEqualTo(HttpStatus.OK);
        before.assertUnchanged(jdbc);
    }

    @Test
    void theSessionIdChangesAtWebappSignIn() {
        // when
        WebappLogin login = webappLogin("tasklist", "gw-v0101", "demo", newAddress());

        // then
        assertThat(login.response().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.sessionBefore()).isNotBlank();
        assertThat(login.sessionAfter()).isNotBlank().isNotEqualTo(login.sessionBefore());
    }

    // ---- an administrator's lock ----

    @Test
    void anAdministratorsLockHoldsOnEveryRouteUntilRemoved() {
        // given
        String address = newAddress();

        // when
        ResponseEntity<JsonNode> locked = lock(as(http, "admin"), TARGET, Map.of("reason", "调离岗位"));

        // then
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(locked.getBody().get("lockedBy").asText()).isEqualTo("admin");
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        assertThat(basic("/api/me", TARGET, "target-password", address).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(basic("/engine-rest/task", TARGET, "target-password", address)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(webappLogin("welcome", TARGET, "target-password", address)
                        .response()
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(http, "admin")
                        .getForObject("/api/users/" + TARGET + "/lock", JsonNode.class)
                        .get("reason")
                        .asText())
                .isEqualTo("调离岗位");
        before.assertUnchanged(jdbc);

        // when
        ResponseEntity<Void> unlocked =
                as(http, "admin").exchange("/api/users/" + TARGET + "/lock", HttpMethod.DELETE, null, Void.class);

        // then
        assertThat(unlocked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(basic("/api/me", TARGET, "target-password", newAddress()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForList(
                        "select action || ':' || actor from account_lock_log where user_id = ? order by id",
                        String.class,
                        TARGET))
                .endsWith("LOCK:admin", "UNLOCK:admin");
    }

    @Test
    void onlyAnAdministratorLocksOrUnlocks() {
        // given: the target is locked, so an unlock by anyone else would show
        lock(as(http, "admin"), TARGET, Map.of("reason", "调离岗位"));
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        String locks = lockTables();
        String path = "/api/users/admin/lock";
        String targetPath = "/api/users/" + TARGET + "/lock";
        HttpEntity<Map<String, String>> reason = new HttpEntity<>(Map.of("reason", "恶意锁定"));

        // when / then
        for (String cadre : List.of("gw-v0101", "head-v0101", "leader", "supervisor", "designer")) {
            assertThat(lock(as(http, cadre), "admin", Map.of("reason", "恶意锁定")).getStatusCode())
                    .as(cadre + " locks admin")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(http, cadre)
                            .exchange(targetPath, HttpMethod.DELETE, null, JsonNode.class)
                            .getStatusCode())
                    .as(cadre + " unlocks")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(http, cadre).getForEntity(targetPath, JsonNode.class).getStatusCode())
                    .as(cadre + " reads a lock")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<JsonNode> anonymousLock = http.exchange(path, HttpMethod.PUT, reason, JsonNode.class);
        ResponseEntity<JsonNode> anonymousUnlock = http.exchange(targetPath, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(anonymousLock.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymousUnlock.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> forbidden = lock(as(http, "gw-v0101"), "admin", Map.of("reason", "恶意锁定"));
        assertThat(forbidden.getBody().get("title").asText()).isEqualTo("无权操作");
        before.assertUnchanged(jdbc);
        assertThat(lockTables()).isEqualTo(locks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-user", "ADMIN", "adm_n", "admin'--", "gw-v0101,admin"})
    void aLockOfAForgedUserIdIsRefused(String forged) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        String locks = lockTables();

        // when
        ResponseEntity<JsonNode> response = lock(as(http, "admin"), forged, Map.of("reason", "不存在的用户"));

        // then
        assertThat(response.getStatusCode())
                .as(response.getStatusCode() + " " + response.getHeaders().getContentType() + " " + response.getBody())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getStatusCode() + " " + response.getHeaders().getContentType() + " " + response.getBody())
                .isTrue();
        before.assertUnchanged(jdbc);
        assertThat(lockTables()).isEqualTo(locks);
    }

    @Test
    void aLockWithoutAReasonOrOfOneselfIsRefused() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        String locks = lockTables();

        // when
        ResponseEntity<JsonNode> blank = lock(as(http, "admin"), TARGET, Map.of("reason", "  "));
        ResponseEntity<JsonNode> missing = lock(as(http, "admin"), TARGET, Map.of());
        ResponseEntity<JsonNode> tooLong = lock(as(http, "admin"), TARGET, Map.of("reason", "长".repeat(501)));
        ResponseEntity<JsonNode> self = lock(as(http, "admin"), "admin", Map.of("reason", "自己"));
        ResponseEntity<JsonNode> unlockOfUnlocked =
                as(http, "admin").exchange("/api/users/" + TARGET + "/lock", HttpMethod.DELETE, null, JsonNode.class);

        // then
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(self.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(self.getBody().get("title").asText()).isEqualTo("不能锁定自己的账号");
        assertThat(unlockOfUnlocked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        before.assertUnchanged(jdbc);
        assertThat(lockTables()).isEqualTo(locks);
    }

    // ---- password hashes ----

    @Test
    void aDemoUsersPasswordIsStoredAsBcryptAndSignsIn() {
        // when
        String stored = jdbc.queryForObject("select pwd_ from act_id_user where id_ = 'gw-v0101'", String.class);
        ResponseEntity<JsonNode> me = basic("/api/me", "gw-v0101", "demo", newAddress());

        // then
        assertThat(stored).startsWith("{BCRYPT-SHA256}$2a$10$");
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordUnderTheOldHashIsHashedAgainAtTheNextSignIn() throws Exception {
        // given: a user as an older installation stored it, salted SHA-512
        User user = identity.newUser(LEGACY);
        user.setPassword("legacy-password");
        identity.saveUser(user);
        String salt = "c2FsdHNhbHRzYWx0c2FsdA==";
        byte[] sha512 = MessageDigest.getInstance("SHA-512")
                .digest(("legacy-password" + salt).getBytes(StandardCharsets.UTF_8));
        jdbc.update(
                "update act_id_user set pwd_ = ?, salt_ = ? where id_ = ?",
                "{SHA-512}" + Base64.getEncoder().encodeToString(sha512),
                salt,
                LEGACY);

        // when
        ResponseEntity<JsonNode> wrong = basic("/api/me", LEGACY, "not-it", newAddress());
        String afterWrong = jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, LEGACY);
        ResponseEntity<JsonNode> right = basic("/api/me", LEGACY, "legacy-password", newAddress());

        // then
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(afterWrong).startsWith("{SHA-512}");
        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, LEGACY))
                .startsWith("{BCRYPT-SHA256}");
        assertThat(basic("/api/me", LEGACY, "legacy-password", newAddress()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    // ---- helpers ----

    private record WebappLogin(ResponseEntity<String> response, String sessionBefore, String sessionAfter) {}

    /** Opens the app's page (session and CSRF token), then posts the login form as the webapp does. */
    private WebappLogin webappLogin(String app, String userId, String password, String address) {
        HttpHeaders pageHeaders = new HttpHeaders();
        pageHeaders.set("X-Forwarded-For", address);
        ResponseEntity<String> page =
                http.exchange("/camunda/app/" + app + "/", HttpMethod.GET, new HttpEntity<>(pageHeaders), String.class);
        String session = cookie(page, "JSESSIONID");
        String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf);
        headers.set("X-XSRF-TOKEN", csrf);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", password);
        ResponseEntity<String> response = http.postForEntity(
                "/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers), String.class);
        return new WebappLogin(response, session, cookie(response, "JSESSIONID"));
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return cookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private ResponseEntity<JsonNode> basic(String path, String userId, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(userId, password, StandardCharsets.UTF_8);
        headers.set("X-Forwarded-For", address);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> verify(String caller, Map<String, Object> body, String address) {
        return verify(caller, "/engine-rest/identity/verify", body, address);
    }

    private ResponseEntity<JsonNode> verify(String caller, String path, Map<String, Object> body, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(caller, "demo", StandardCharsets.UTF_8);
        headers.set("X-Forwarded-For", address);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static ResponseEntity<JsonNode> lock(TestRestTemplate client, String userId, Map<String, String> body) {
        return client.exchange(
                "/api/users/" + userId + "/lock", HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private static void assertThrottled(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(response.getBody().get("title").asText()).isEqualTo("登录尝试过于频繁");
        assertThat(response.getBody().get("detail").asText()).contains("秒后再试");
    }

    /** The engine's own failed-attempt counter and lock expiry, which must stay untouched. */
    private String engineLockOf(String userId) {
        return jdbc.queryForObject(
                "select coalesce(attempts_, 0) || '/' || coalesce(cast(lock_exp_time_ as varchar), 'null')"
                        + " from act_id_user where id_ = ?",
                String.class,
                userId);
    }

    private String lockTables() {
        return jdbc.queryForObject(
                "select (select count(*) from account_lock) || '/' || (select count(*) from account_lock_log)"
                        + " || '/' || coalesce((select string_agg(user_id || reason, ',' order by user_id)"
                        + " from account_lock), '')",
                String.class);
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250 + 1) + "." + (n % 250 + 1);
    }
}
