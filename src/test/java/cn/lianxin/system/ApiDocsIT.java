package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description of {@code /api} as a mini-program's builder reads it, without signing in:
 * every operation in Chinese and grouped, the citizens' routes marked public and only those, the
 * request and answer schemas — and nothing of Camunda's REST API, the pages or the actuator.
 */
@PlatformIntegrationTest
class ApiDocsIT {

    @Autowired
    Api api;

    JsonNode docs() {
        ResponseEntity<JsonNode> docs = api.get("/v3/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        return docs.getBody();
    }

    @Test
    void theCitizensSubmissionIsDescribedInChineseWithItsSchemasAndNeedsNoSignIn() {
        JsonNode submit = docs().at("/paths/~1api~1appeals/post");

        assertThat(submit.get("summary").asText()).isEqualTo("提交诉求");
        assertThat(submit.get("description").asText()).contains("受理编号", "查询码", "Idempotency-Key");
        assertThat(submit.get("tags").get(0).asText()).isEqualTo("群众诉求（公开，凭查询码）");
        assertThat(submit.get("security")).isEmpty();
        assertThat(submit.at("/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/IntakeRequest");
        JsonNode intake = docs().at("/components/schemas/IntakeRequest/properties");
        assertThat(intake.fieldNames()).toIterable().contains("citizenName", "phone", "category", "description");
        // the receipts of an appeal and of a topic are two schemas, not one overwriting the other
        assertThat(submit.get("responses").toString()).contains("\"#/components/schemas/AppealReceipt\"");
        assertThat(docs().at("/components/schemas/AppealReceipt/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("trackingNo", "accessCode");
        assertThat(docs().at("/components/schemas/DeliberationReceipt/properties")
                        .fieldNames())
                .toIterable()
                .contains("deliberationNo", "accessCode");
    }

    @Test
    void everyOperationHasAChineseSummaryAGroupAndOnlyThePublicRoutesNeedNoSignIn() {
        List<String> unsummarised = new ArrayList<>();
        List<String> open = new ArrayList<>();
        docs().get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    String name = operation.getKey() + " " + path.getKey();
                    JsonNode op = operation.getValue();
                    if (!op.path("summary").asText().matches(".*\\p{IsHan}.*")
                            || !op.path("tags").path(0).asText().matches(".*\\p{IsHan}.*")) {
                        unsummarised.add(name);
                    }
                    if (op.path("security").isEmpty()) {
                        open.add(name);
                    } else {
                        assertThat(op.get("security").toString()).contains("basic", "bearer");
                    }
                }));

        assertThat(unsummarised).as("api-docs_zh_CN.properties 缺少的中文摘要").isEmpty();
        assertThat(open)
                .containsExactlyInAnyOrder(
                        "post /api/appeals",
                        "get /api/appeals/{trackingNo}",
                        "post /api/appeals/{trackingNo}/evaluation",
                        "post /api/appeals/{trackingNo}/withdrawal",
                        "post /api/appeals/{trackingNo}/photos",
                        "get /api/appeals/{trackingNo}/photos",
                        "get /api/appeals/{trackingNo}/photos/{id}",
                        "post /api/deliberations",
                        "get /api/deliberations/{no}",
                        "post /api/deliberations/{no}/opinions",
                        "post /api/deliberations/{no}/evaluations",
                        "get /api/notices",
                        "post /api/service-orders",
                        "get /api/service-orders/{orderNo}",
                        "post /api/service-orders/{orderNo}/evaluation",
                        "get /api/service-orders/{orderNo}/photos/{id}",
                        "get /api/villages/{code}/service-menu");
        assertThat(docs().at("/paths/~1api~1tasks/get/summary").asText()).isEqualTo("我的待办任务");
    }

    @Test
    void theDescriptionHoldsOnlyTheApiNotCamundasRestApiThePagesOrTheActuator() {
        List<String> paths = new ArrayList<>();
        docs().get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(paths).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
        assertThat(docs().toString())
                .doesNotContain("/engine-rest", "/camunda/", "/actuator", "/error", "/large-text", "/v3/api-docs");
    }

    @Test
    void theViewerIsServedToAnyoneUnderThePagesPolicy() {
        ResponseEntity<String> viewer = api.exchange(HttpMethod.GET, "/swagger-ui/index.html", null, String.class);
        ResponseEntity<String> config = api.exchange(HttpMethod.GET, "/v3/api-docs/swagger-config", null, String.class);
        ResponseEntity<String> entry = api.exchange(HttpMethod.GET, "/swagger-ui.html", null, String.class);

        assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getBody()).contains("swagger-ui");
        assertThat(viewer.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityHeaders.PAGE_POLICY);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("/v3/api-docs");
        assertThat(entry.getStatusCode().is2xxSuccessful()
                        || entry.getStatusCode().is3xxRedirection())
                .isTrue();
        // the JSON itself may load nothing
        assertThat(api.exchange(HttpMethod.GET, "/v3/api-docs", null, String.class)
                        .getHeaders()
                        .getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.JSON_POLICY);
    }
}
