package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.Cockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

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
    AppealFixtures appeals;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    String trackingNo;

    String instanceId;

    @BeforeEach
    void aCaseIsRunning() {
        Map<String, Object> intake = AppealFixtures.intake("road", "v0102");
        intake.put("description", "村口的路面塌了一个坑");
        AppealFixtures.Case submitted = appeals.submit(intake);
        trackingNo = submitted.trackingNo();
        instanceId = appeals.processInstanceOf(submitted);
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
