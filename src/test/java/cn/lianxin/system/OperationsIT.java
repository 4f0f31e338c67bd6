package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What operations relies on: readiness that means something, and metrics for the operations role only. */
@PlatformIntegrationTest
class OperationsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readinessCoversTheDatabaseTheEngineAndTheJobExecutor() {
        // when
        JsonNode readiness = as(http, "admin").getForObject("/actuator/health/readiness", JsonNode.class);

        // then
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames())
                .toIterable()
                .contains("db", "processEngine", "jobExecutor");
        assertThat(readiness.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void anyoneMayAskWhetherThePlatformIsUpWithoutSeeingDetails() {
        // when
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().has("components")).isFalse();
    }

    @Test
    void metricsAreServedInPrometheusFormatToOperations() {
        // when
        ResponseEntity<String> response = as(http, "ops").getForEntity("/actuator/prometheus", String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "leader", "supervisor", "designer", "gw-v0101", "head-v0101", "dept-cg", "rep1"})
    void everyOtherRoleIsRefusedTheMetricsWithAChineseProblem(String user) {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<JsonNode> response = as(http, user).getForEntity("/actuator/prometheus", JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("title").asText()).isEqualTo("无权操作");
        before.assertUnchanged(jdbc);
    }

    @Test
    void anAnonymousCallerMustSignInForTheMetrics() {
        // given
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<JsonNode> response = http.getForEntity("/actuator/prometheus", JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("title").asText()).isEqualTo("未登录");
        before.assertUnchanged(jdbc);
    }

    @Test
    void healthAndInfoStayOpen() {
        // when
        ResponseEntity<String> health = http.getForEntity("/actuator/health/readiness", String.class);
        ResponseEntity<String> info = http.getForEntity("/actuator/info", String.class);

        // then
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
