package cn.lianxin.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.VersionMigration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The designers' page at {@code /migrations} in a real headless Chromium (docs/migration.md “网页操作”): a
 * designer chooses appeal, reads that v2 renamed feedback's id, added a check and renamed 电话回访, tries the
 * move and reads in Chinese why the case on feedback cannot move, maps feedback onto feedback-v2, tries
 * again, runs it and watches it finish — both cases are on v2 and one migration is recorded. A leader is
 * told the page is not theirs; an anonymous visitor gets the sign-in form and the API answers 401.
 */
@PlatformIntegrationTest
class MigrationPageIT {

    @LocalServerPort
    int port;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    MigrationTrial trial;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    private final List<String> deployed = new ArrayList<>();

    @Test
    void aDesignerTriesMapsAndRunsTheMoveOfOpenCasesOnThePage() throws Exception {
        // given a case on triage (kept in v2) and one on feedback (v2 gives it another id), then v2 deployed
        Case onTriage = MigrationIT.caseAt("triage", appeals, runtime);
        Case onFeedback = MigrationIT.caseAt("feedback", appeals, runtime);
        ProcessDefinition v2 = MigrationIT.deploy(repository, MigrationIT.secondVersion());
        deployed.add(v2.getDeploymentId());
        long migrationsBefore = migrations();

        // when the designer signs in and compares appeal's latest two versions
        VersionMigration page = new VersionMigration(session.browser(), port).signIn("designer");
        page.compare("appeal");

        // then the page says what changed
        assertThat(page.changesSummary()).contains("第 " + (v2.getVersion() - 1) + " 版", "第 " + v2.getVersion() + " 版");
        assertThat(page.changeOf("feedback")).isEqualTo("删除");
        assertThat(page.changeOf("feedback-v2")).isEqualTo("新增");
        assertThat(page.changeOf("feedback-check")).isEqualTo("新增");
        assertThat(page.changeOf("revisit")).isEqualTo("改名");

        // when it tries the move without a mapping
        page.tryIt();

        // then the case on triage can move, the one on feedback cannot, with the reason in Chinese
        assertThat(page.verdictOf(onTriage.trackingNo())).first().isEqualTo("可以迁移");
        List<String> stuck = page.verdictOf(onFeedback.trackingNo());
        assertThat(stuck.get(0)).isEqualTo("不能迁移");
        assertThat(stuck.get(1)).containsPattern("\\p{IsHan}").contains("feedback");
        assertThat(migrations()).as("a dry run changes nothing").isEqualTo(migrationsBefore);
        // (other test classes' cases share the database: some of theirs may be kept back for reasons of their own)
        long stuckWithoutMapping = cannotMove(page.trialSummary());

        // when it maps feedback onto feedback-v2 and tries again
        page.map("feedback", "feedback-v2").tryIt();

        // then both can move
        assertThat(page.verdictOf(onTriage.trackingNo())).first().isEqualTo("可以迁移");
        assertThat(page.verdictOf(onFeedback.trackingNo())).first().isEqualTo("可以迁移");
        assertThat(cannotMove(page.trialSummary()))
                .as("the mapping frees the cases on feedback, this test's among them")
                .isLessThanOrEqualTo(stuckWithoutMapping - 1);

        // when it runs the move and watches the progress
        page.run();

        // then the page says it is done, and the cases are on v2, the feedback case on feedback-v2
        assertThat(page.progress()).contains("已完成", "已迁移");
        assertThat(page.canRunAgain()).as("the same move is not offered twice").isFalse();
        assertThat(definitionOf(onTriage)).isEqualTo(v2.getId());
        assertThat(definitionOf(onFeedback)).isEqualTo(v2.getId());
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(onFeedback.trackingNo())
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("feedback-v2");
        // and one migration recorded, as the designer, with the page's Idempotency-Key
        assertThat(migrations()).isEqualTo(migrationsBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select requested_by || ' ' || length(idempotency_key) from process_migration order by id desc"
                                + " fetch first 1 rows only",
                        String.class))
                .isEqualTo("designer 36");
    }

    @Test
    void aLeaderIsToldThePageIsNotTheirsAndSeesNoModel() {
        // when
        VersionMigration page = new VersionMigration(session.browser(), port).signIn("leader");

        // then
        assertThat(page.text()).contains("无权使用").doesNotContain("第二步", "在办案件 ");
    }

    @Test
    void aGridWorkerIsToldThePageIsNotTheirs() {
        VersionMigration page = new VersionMigration(session.browser(), port).signIn("gw-v0101");

        assertThat(page.text()).contains("无权使用").doesNotContain("两个版本有什么变化");
    }

    @Test
    void anAnonymousVisitorGetsTheSignInFormAndTheApiAsksForASignIn() {
        // when
        VersionMigration page = new VersionMigration(session.browser(), port).open();

        // then
        assertThat(page.offersSignIn()).isTrue();
        assertThat(page.text()).contains("登录", "用户名", "密码").doesNotContain("第一步");
        ResponseEntity<String> changes = http.getForEntity("/api/migrations/changes?key=appeal", String.class);
        assertThat(changes.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(changes.getBody()).doesNotContain("feedback");
        // and the page's files hold no model, case or version
        ResponseEntity<String> files = http.getForEntity("/migrations", String.class);
        assertThat(files.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(files.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(files.getBody()).contains("在办案件版本迁移").doesNotContain("LX-", "feedback");
    }

    @AfterEach
    void moveBackAndRemoveTheSecondVersion() {
        deployed.forEach(id -> MigrationIT.moveBackAndRemove(id, repository, runtime, trial));
        deployed.clear();
    }

    /** The number the trial's summary gives for 不能迁移 (…不能迁移 N 件). */
    private static long cannotMove(String summary) {
        java.util.regex.Matcher number =
                java.util.regex.Pattern.compile("不能迁移 (\\d+) 件").matcher(summary);
        assertThat(number.find()).as(summary).isTrue();
        return Long.parseLong(number.group(1));
    }

    private long migrations() {
        return jdbc.queryForObject("select count(*) from process_migration", Long.class);
    }

    private String definitionOf(Case appeal) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(appeal.trackingNo())
                .singleResult()
                .getProcessDefinitionId();
    }
}
