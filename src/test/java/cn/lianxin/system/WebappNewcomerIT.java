package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.Cockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Tasklist;
import cn.lianxin.testing.Tasklist.FilterShown;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a newcomer hit in Camunda's webapps, tried again as a person clicks, in a real headless
 * Chromium: the shared filters' colours and counts, 创建任务 and 发起流程 only for who may use them,
 * a refusal's red message that went away neither after the next success nor off the 完成 button,
 * and Cockpit's English header, process keys and changes offered to a read-only leader.
 */
@PlatformIntegrationTest
class WebappNewcomerIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void theSharedFiltersShowTheirLightsColourAndEveryCount() {
        // given a request waiting for 东风's grid worker
        appeals.submit("lighting", "NORMAL", "BUILDING", "v0101");

        // when
        List<FilterShown> shown =
                new Tasklist(session.browser(), port).signIn("gw-v0101").filters();

        // then: red for 超期, amber for 临期, neutral for the others
        assertThat(shown)
                .extracting(FilterShown::name, FilterShown::color)
                .contains(
                        tuple("我的待办", "rgba(51, 51, 51, 1)"),
                        tuple("超期", "rgba(201, 48, 44, 1)"),
                        tuple("临期", "rgba(163, 82, 0, 1)"),
                        tuple("本单位全部", "rgba(85, 85, 85, 1)"));
        // and each count is what the engine counts for this cadre, not only the filter in focus
        for (FilterShown filter : shown) {
            assertThat(filter.count()).as(filter.name()).isEqualTo(countOf("gw-v0101", filter.name()));
        }
        assertThat(shown)
                .filteredOn(f -> f.name().equals("我的待办"))
                .singleElement()
                .satisfies(f -> assertThat(f.count()).isPositive());
    }

    @Test
    void aLeaderIsOfferedNeitherCreatingATaskNorStartingAProcess() {
        assertThat(new Tasklist(session.browser(), port).signIn("leader").headerActions())
                .isEmpty();
    }

    @Test
    void aGridWorkerMayRegisterARequestButNotCreateAFreeTask() {
        // a free task is handed-out work (ASSIGN_TASK, administrators only): the engine refuses it for a grid
        // worker, so the button is not there to refuse it
        assertThat(new Tasklist(session.browser(), port).signIn("gw-v0101").headerActions())
                .containsExactly("发起流程");
    }

    @Test
    void anAdministratorIsOfferedBoth() {
        assertThat(new Tasklist(session.browser(), port).signIn("admin").headerActions())
                .containsExactlyInAnyOrder("创建任务", "发起流程");
    }

    @Test
    void theOperationsOfTheMatrixComeWithWhoIAm() {
        assertThat(operationsOf("leader")).containsExactly("READ");
        assertThat(operationsOf("gw-v0101"))
                .contains("START_APPEAL", "WORK_TASK")
                .doesNotContain("ASSIGN_TASK");
        assertThat(operationsOf("admin")).contains("ASSIGN_TASK", "MODIFY_INSTANCES", "WRITE_VARIABLES");
    }

    @Test
    void aRefusalsRedMessageGoesWhenTheFixedFormIsCompleted() {
        // given a lighting request, for which the station may promise at most 3 working days
        String triage = appeals.openTask(appeals.submit("lighting", "NORMAL", "BUILDING", "v0101"), "triage");
        Tasklist tasklist = new Tasklist(session.browser(), port)
                .signIn("gw-v0101")
                .open(triage)
                .claim();

        // when the grid worker promises 30 days: the form lets it through, the platform refuses it
        tasklist.choose("办理方式", "承诺办").type("承诺办理工作日数", "30").complete();

        // then the red message says why, and lies beside 完成, not over it
        assertThat(tasklist.error()).contains("最多 3 个工作日");
        assertThat(tasklist.messageCoversComplete()).isFalse();
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isOne();

        // when the grid worker fixes the days and completes the task
        tasklist.type("承诺办理工作日数", "3").complete().waitUntilDone();

        // then the task is done and the old refusal is gone with it
        assertThat(tasks.createTaskQuery().taskId(triage).count()).isZero();
        assertThat(tasklist.redMessages()).isEmpty();
    }

    @Test
    void aLeaderReadsACaseInCockpitWithoutBeingOfferedChanges() {
        // given
        String instance = appeals.runningCase("road", "村口的路面塌了一个坑");

        // when
        Cockpit cockpit = new Cockpit(session.browser(), port).signIn("leader").caseShowing(instance, "村口的路面塌了一个坑");

        // then: no 删除, 挂起, 重试, 添加变量, 编辑/删除变量 — and no English header
        assertThat(cockpit.changesOffered()).isEmpty();
        assertThat(cockpit.variableColumns()).contains("名称", "值").doesNotContain("Actions", "操作");
    }

    @Test
    void anAdministratorIsStillOfferedChangesUnderAChineseHeader() {
        // given
        String instance = appeals.runningCase("road", "桥头的护栏被撞坏了");

        // when
        Cockpit cockpit = new Cockpit(session.browser(), port).signIn("admin").caseShowing(instance, "桥头的护栏被撞坏了");

        // then
        assertThat(cockpit.changesOffered()).contains("删除运行中的流程实例", "挂起流程实例", "编辑该变量");
        assertThat(cockpit.variableColumns()).contains("操作").doesNotContain("Actions");
    }

    @Test
    void aDecisionsInstancesNameTheProcessNotItsKey() {
        // given: every request is triaged by the decision table when it comes in
        appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        String decision = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("appeal-triage")
                .latestVersion()
                .singleResult()
                .getId();
        assertThat(history.createHistoricDecisionInstanceQuery()
                        .decisionDefinitionId(decision)
                        .count())
                .isPositive();

        // when
        Cockpit cockpit =
                new Cockpit(session.browser(), port).signIn("leader").decisionShowingProcess(decision, "群众诉求办理");

        // then
        assertThat(cockpit.processesOfDecisionInstances()).isNotEmpty().containsOnly("群众诉求办理");
    }

    private long countOf(String user, String filterName) {
        String id = filters.createFilterQuery()
                .filterName(filterName)
                .singleResult()
                .getId();
        return api.as(user)
                .get("/engine-rest/filter/" + id + "/count")
                .getBody()
                .get("count")
                .asLong();
    }

    private List<String> operationsOf(String user) {
        JsonNode me = api.as(user).get("/api/me").getBody();
        return StreamSupport.stream(me.get("operations").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
