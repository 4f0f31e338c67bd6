package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.StepLightDriver;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.Cockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live diagram in Camunda's Cockpit, in a real headless Chromium: the leader opens the appeal's
 * definition and reads, on the triage node, its open tasks by light (colour, word and count), then
 * clicks them to list the cases.
 */
@PlatformIntegrationTest
class DiagramCockpitIT {

    @LocalServerPort
    int port;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void theLeaderSeesTheLightsOnTheAppealsNodesAndListsTheCasesBehindThem() {
        // given: a request waiting at triage on time, and one overdue there
        AppealFixtures.Case onTime = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        AppealFixtures.Case overdue = appeals.submit(AppealFixtures.intake("road", "v0201"));
        new StepLightDriver(tasks, management).overdue(appeals.processInstanceOf(overdue), "triage");
        String appeal = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("appeal")
                .latestVersion()
                .singleResult()
                .getId();

        // when the leader opens the appeal's definition in Cockpit
        Cockpit cockpit =
                new Cockpit(session.browser(), port).signIn("leader").diagramShowingLightsOn(appeal, "triage");

        // then triage shows its green and red tasks, each as a colour, a word and a count
        assertThat(cockpit.lightsOn("triage"))
                .extracting(Cockpit.NodeLight::text)
                .anyMatch(text -> text.matches("正常 \\d+"))
                .anyMatch(text -> text.matches("超期 \\d+"));
        assertThat(cockpit.lightsOn("triage"))
                .filteredOn(light -> light.text().startsWith("超期"))
                .extracting(Cockpit.NodeLight::colour)
                .containsExactly("rgba(198, 40, 40, 1)");
        assertThat(cockpit.lightsTooltipOn("triage")).startsWith("“分类分流”未办任务：").contains("超期");

        // and a click lists the node's cases, the overdue one among them
        assertThat(cockpit.casesListedFor("triage")).contains(overdue.trackingNo(), onTime.trackingNo());
        session.browser().keepEvidence("cockpit-diagram-cases");

        // and a case's number leads to that case's instance in Cockpit, and to no other
        cockpit.openListedCase(overdue.trackingNo());
        session.browser().waitUntil("the definition lists the overdue case only", () -> !cockpit.text()
                .contains(onTime.trackingNo()));
    }
}
