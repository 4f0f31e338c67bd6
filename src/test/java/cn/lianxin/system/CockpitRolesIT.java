package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.Cockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cockpit still works for the roles that use it, behind the engine's REST gate, in a real headless
 * Chromium: a leader opens a running case and reads it; a process designer sees the deployed models
 * but not the case. Nothing Cockpit asks for on their behalf is refused by the gate.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CockpitRolesIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    String trackingNo;

    String instanceId;

    @BeforeEach
    void aCaseIsRunning() {
        ResponseEntity<JsonNode> submitted = http.postForEntity(
                "/api/appeals",
                Map.of(
                        "citizenName", "钱进",
                        "phone", "13800000031",
                        "category", "road",
                        "description", "村口的路面塌了一个坑",
                        "villageCode", "v0102",
                        "channel", "ONLINE"),
                JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        trackingNo = submitted.getBody().get("trackingNo").asText();
        instanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(trackingNo)
                .singleResult()
                .getId();
    }

    @Test
    void aLeaderReadsARunningCaseInCockpit(CapturedOutput log) {
        // when
        Cockpit cockpit = new Cockpit(session.browser(), port).signIn("leader").processes("群众诉求办理");
        cockpit.caseShowing(instanceId, "村口的路面塌了一个坑");

        // then: the case's variables, read through Cockpit's copy of the REST API
        assertThat(cockpit.text()).contains(trackingNo, "description");
        assertThat(log.getAll()).doesNotContain("拒绝 leader 的引擎操作");
    }

    @Test
    void aDesignerSeesTheModelsButNotTheCase(CapturedOutput log) {
        // when
        Cockpit cockpit =
                new Cockpit(session.browser(), port).signIn("designer").processes("群众诉求办理");

        // then
        assertThat(cockpit.text()).doesNotContain("村口的路面塌了一个坑").doesNotContain(trackingNo);
        assertThat(log.getAll()).doesNotContain("拒绝 designer 的引擎操作");
    }
}
