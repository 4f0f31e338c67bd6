package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What operations relies on: readiness that means something, and metrics behind a login. */
@PlatformIntegrationTest
class OperationsIT {

    @Autowired
    TestRestTemplate http;

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
    void metricsAreServedInPrometheusFormatToASignedInUser() {
        // when
        ResponseEntity<String> response = as(http, "admin").getForEntity("/actuator/prometheus", String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("jvm_memory_used_bytes");
    }
}
