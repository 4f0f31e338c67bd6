package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Camunda deserializes object variables only into the types the platform itself stores (lists of
 * strings), and never from Java serialization: not even an administrator can make the engine build
 * an object of another class from what a request sends.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeserializationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Test
    void aJavaSerializedObjectIsRefusedEvenFromAnAdministrator() {
        // given
        String instance = appeals.runningCase("road", "路面有坑");
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when
        ResponseEntity<String> response = as(http, "admin")
                .exchange(
                        "/engine-rest/process-instance/" + instance + "/variables/gadget",
                        HttpMethod.PUT,
                        Api.json(Map.of(
                                "value",
                                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}),
                                "type",
                                "Object",
                                "valueInfo",
                                Map.of(
                                        "objectTypeName", "java.util.PriorityQueue",
                                        "serializationDataFormat", "application/x-java-serialized-object"))),
                        String.class);

        // then
        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        LeakFreeProblem.assertLeakFree(response, response.getStatusCode().value(), null, "WARN");
        before.assertUnchanged(jdbc);
    }

    @Test
    void aJsonObjectOfATypeOutsideTheAllowListIsNeverBuilt(CapturedOutput log) {
        // given
        String instance = appeals.runningCase("road", "路面有坑");
        StoreSnapshot before = StoreSnapshot.of(jdbc);

        // when: the REST API would deserialize the JSON into the named class to store it
        ResponseEntity<String> response = as(http, "admin")
                .postForEntity(
                        "/engine-rest/process-instance/" + instance + "/variables/gadget/data",
                        objectUpload("java.io.File", "\"/etc/passwd\""),
                        String.class);

        // then: Camunda answers its type check with a 500, the log says which check refused it
        LeakFreeProblem.assertLeakFree(response, 500, log, "ERROR");
        assertThat(log.getOut()).contains("not whitelisted for deserialization: [java.io.File]");
        before.assertUnchanged(jdbc);
    }

    @Test
    void theListsThePlatformStoresAreStillBuilt() {
        // given
        String instance = appeals.runningCase("road", "路面有坑");

        // when
        ResponseEntity<String> response = as(http, "admin")
                .postForEntity(
                        "/engine-rest/process-instance/" + instance + "/variables/probeList/data",
                        objectUpload("java.util.ArrayList<java.lang.String>", "[\"cg\", \"jt\"]"),
                        String.class);

        // then
        assertThat(response.getStatusCode().value()).isEqualTo(204);
        assertThat(runtime.getVariable(instance, "probeList")).isEqualTo(java.util.List.of("cg", "jt"));
        runtime.removeVariable(instance, "probeList");
    }

    /** Camunda's binary variable upload of a serialized object: a JSON part and its type's name. */
    private static HttpEntity<MultiValueMap<String, Object>> objectUpload(String type, String jsonValue) {
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(
                "data",
                new HttpEntity<>(
                        new ByteArrayResource(jsonValue.getBytes(StandardCharsets.UTF_8)) {
                            @Override
                            public String getFilename() {
                                return "value.json";
                            }
                        },
                        jsonPart));
        parts.add("type", type);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }
}
