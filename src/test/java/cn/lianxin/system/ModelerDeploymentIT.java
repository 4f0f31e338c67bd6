package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process designer deploys from Camunda Modeler ("Deploy current diagram" to
 * http://localhost:8080/engine-rest with HTTP Basic); nobody else may.
 */
@PlatformIntegrationTest
class ModelerDeploymentIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repository;

    @Test
    void aProcessDesignerDeploysFromCamundaModeler() {
        // when
        ResponseEntity<JsonNode> response = as(http, "designer")
                .postForEntity("/engine-rest/deployment/create", modelerUpload("设计员部署"), JsonNode.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("deployedProcessDefinitions").toString())
                .contains("village-check");
        assertThat(repository.createDeploymentQuery().deploymentName("设计员部署").count())
                .isEqualTo(1);
    }

    @Test
    void aGridWorkerCannotDeploy() {
        // when
        ResponseEntity<String> response = as(http, "gw-v0101")
                .postForEntity("/engine-rest/deployment/create", modelerUpload("网格员部署"), String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().deploymentName("网格员部署").count())
                .isZero();
    }

    @Test
    void aLeaderCannotDeploy() {
        // when
        ResponseEntity<String> response =
                as(http, "leader").postForEntity("/engine-rest/deployment/create", modelerUpload("领导部署"), String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createDeploymentQuery().deploymentName("领导部署").count())
                .isZero();
    }

    @Test
    void anAnonymousDeploymentIsRefused() {
        // when
        ResponseEntity<String> response =
                http.postForEntity("/engine-rest/deployment/create", modelerUpload("匿名部署"), String.class);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(repository.createDeploymentQuery().deploymentName("匿名部署").count())
                .isZero();
    }

    /** The multipart form Camunda Modeler 5 sends to {@code /deployment/create}. */
    private static HttpEntity<MultiValueMap<String, Object>> modelerUpload(String deploymentName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", deploymentName);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("deploy-changed-only", "false");
        parts.add("village-check.bpmn", new ClassPathResource("boundary/village-check.bpmn"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }
}
