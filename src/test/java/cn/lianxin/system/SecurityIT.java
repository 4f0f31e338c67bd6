package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Nobody reaches the API, Camunda's REST API or the metrics without signing in. */
@PlatformIntegrationTest
class SecurityIT {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/api/me", "/actuator/prometheus"})
    void anAnonymousCallerGetsAChineseProblem401(String path) {
        // when
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(response.getBody().get("title").asText()).isEqualTo("未登录");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda-welcome", "/no-such-page", "/engine-rest-x"})
    void aPathThePlatformDoesNotServeIs404WithoutASignInChallenge(String path) {
        // when: Tasklist's login page asks for /camunda-welcome in the background
        ResponseEntity<JsonNode> anonymous = http.getForEntity(path, JsonNode.class);
        ResponseEntity<JsonNode> signedIn = as(http, "leader").getForEntity(path, JsonNode.class);

        // then no browser opens its own sign-in dialog over the page
        for (ResponseEntity<JsonNode> response : List.of(anonymous, signedIn)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
                    .isFalse();
            assertThat(response.getBody().get("title").asText()).isEqualTo("未找到");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        // when
        ResponseEntity<String> response =
                http.withBasicAuth("rep5", "not-the-password").getForEntity("/engine-rest/task", String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSignedInUserLearnsWhoTheyAre() {
        // when
        JsonNode me = as(http, "gw-v0101").getForObject("/api/me", JsonNode.class);

        // then
        assertThat(me.get("id").asText()).isEqualTo("gw-v0101");
        assertThat(me.get("name").asText()).isEqualTo("东风社区网格员");
        assertThat(me.get("groups").get(0).get("id").asText()).isEqualTo("grid-worker-v0101");
        assertThat(me.get("groups").get(0).get("unitCode").asText()).isEqualTo("v0101");
    }

    @Test
    void anUnknownApiPathIsAChineseProblem404() {
        // when
        ResponseEntity<JsonNode> response = as(http, "gw-v0101").getForEntity("/api/no-such-thing", JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("title").asText()).isEqualTo("未找到");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        // when
        ResponseEntity<String> byGridWorker = as(http, "gw-v0101")
                .exchange("/engine-rest/user/gw-v0102", org.springframework.http.HttpMethod.DELETE, null, String.class);
        ResponseEntity<JsonNode> byAdmin =
                as(http, "admin").getForEntity("/engine-rest/authorization/count", JsonNode.class);

        // then
        assertThat(byGridWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byAdmin.getBody().get("count").asLong()).isPositive();
    }
}
