package cn.lianxin.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.LeaderCockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The leader cockpit at {@code /cockpit} in a real headless Chromium: anonymous visitors get the
 * sign-in form; the leader signs in on it, reads a figure with its definition, follows it to the
 * cases behind it and one case's timeline, drills from the county down to a village, and reads the
 * appeal diagram's open cases per node; a station head sees only their village; a grid worker is
 * told in Chinese that the cockpit is not theirs.
 */
@PlatformIntegrationTest
class CockpitPageIT {

    @LocalServerPort
    int port;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    DeliberationFixtures deliberations;

    @Autowired
    Api api;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void anAnonymousVisitorGetsTheSignInFormAndNoFigures() {
        // when
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).open();

        // then
        assertThat(cockpit.offersSignIn()).isTrue();
        assertThat(cockpit.text()).contains("登录", "用户名", "密码").doesNotContain("受理量");
    }

    @Test
    void theLeaderReadsAFigureFollowsItToACaseTimelineAndSeesTheDiagramsCounts() {
        // given a request of 东风 (v0101) waiting at triage
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("parking", "v0101"));

        // when the leader signs in
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // then the county's intake counts it, and says what it counts
        assertThat(cockpit.unitPath()).isEqualTo("示范县");
        assertThat(Integer.parseInt(cockpit.figure("intake"))).isPositive();
        assertThat(cockpit.definitionOf("intake")).isNotBlank();
        assertThat(cockpit.drawnCharts()).contains("chart-channel", "chart-category", "chart-paths");

        // when the leader follows 受理量 to its cases and opens the new one
        cockpit.casesBehind("intake");
        assertThat(cockpit.listedCases()).contains(appeal.trackingNo());
        String timeline = cockpit.timelineOf(appeal.trackingNo());

        // then its timeline shows, with the citizen masked
        assertThat(timeline).contains(appeal.trackingNo(), "停车").doesNotContain("13800000001");

        // and the bar of its category leads to it too
        cockpit.casesOfCategory("停车");
        assertThat(cockpit.casesTitle()).contains("停车");
        assertThat(cockpit.listedCases()).contains(appeal.trackingNo());

        // and the appeal diagram counts it among the open cases at triage
        assertThat(cockpit.openAtNode("triage").stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isPositive();
        cockpit.casesAtNode("triage");
        assertThat(cockpit.listedCases()).contains(appeal.trackingNo());

        // and the drawn model outlines triage in its worst light, badges its counts in words, and lists its cases
        List<Integer> counts = cockpit.openAtNode("triage");
        String worst = counts.get(2) > 0 ? "red" : counts.get(1) > 0 ? "yellow" : "green";
        assertThat(cockpit.drawnLightOf("triage")).isEqualTo(worst);
        assertThat(cockpit.drawnBadgeOf("triage")).contains("正常 " + counts.get(0));
        cockpit.casesAtDrawnNode("triage");
        assertThat(cockpit.casesTitle()).contains("分类分流");
        assertThat(cockpit.listedCases()).contains(appeal.trackingNo());
    }

    @Test
    void theLeaderSeesAHotspotItsCasesAndGivesAnInstructionTheStationHeadThenReads() {
        // given three requests about the lights of one building, written three ways
        String estate =
                "驾驶舱热点小区" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> cluster = new java.util.ArrayList<>();
        for (String place : List.of(estate + "2号楼", estate + " ２栋", estate + "2幢")) {
            java.util.Map<String, Object> intake = new java.util.HashMap<>(AppealFixtures.intake("lighting", "v0101"));
            intake.put("location", place);
            cluster.add(appeals.submit(intake).trackingNo());
        }
        String key = estate + "2栋";

        // when the leader signs in
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // then the hotspot is listed with its three cases, which open into their timelines
        assertThat(cockpit.hotspotRow(key)).contains("东风社区", "楼道照明", "3 件");
        assertThat(cockpit.casesOfHotspot(key)).containsExactlyInAnyOrderElementsOf(cluster);
        assertThat(cockpit.offers(key, "topic"))
                .as("a topic is the village's to raise")
                .isFalse();

        // when the leader gives a 批示
        cockpit.instruct(key, "请三天内修复并逐户回访");

        // then the page says where it went, and the village's station head sees it on the same hotspot
        assertThat(cockpit.hotspotsStatus()).contains("3 件", "东风社区");
        cockpit.signOut();
        LeaderCockpit head = new LeaderCockpit(session.browser(), port).signIn("head-v0101");
        assertThat(head.hotspotRow(key)).contains("已批示", "请三天内修复并逐户回访");
        assertThat(head.offers(key, "instruct")).isFalse();
        assertThat(head.offers(key, "topic")).isTrue();
    }

    @Test
    void theLeaderSwitchesTheLiveDiagramToDeliberation() {
        // given a topic proposed in 东风 waiting for the host's review
        deliberations.propose(DeliberationFixtures.proposal("小区路灯不亮", "13800000031"));
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // when the leader shows the deliberation process
        cockpit.showProcess("deliberation");

        // then its model is drawn with the topic at review, counted and outlined in its light
        assertThat(cockpit.openAtNode("topic-review").stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isPositive();
        assertThat(cockpit.drawnLightOf("topic-review")).isIn("green", "yellow", "red");
        assertThat(cockpit.text()).contains("议题");
    }

    @Test
    void theLeaderDrillsFromTheCountyThroughATownToAVillagesCases() {
        // given
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // when / then the county ranks its towns, a town its villages
        assertThat(cockpit.rankedUnits()).contains("城关镇", "河口镇");
        cockpit.drillInto("城关镇");
        assertThat(cockpit.rankedUnits()).contains("东风社区", "向阳村").doesNotContain("河口村");
        cockpit.drillInto("东风社区");

        // then the village's cases are listed
        assertThat(cockpit.unitPath()).isEqualTo("示范县 › 城关镇 › 东风社区");
        assertThat(cockpit.listedCases()).contains(appeal.trackingNo());
    }

    @Test
    void theLeaderPicksADayAndIsToldInChineseOfAPeriodBackwards() {
        // given
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        // when / then
        assertThat(cockpit.period("日").range()).isEqualTo(today + " 至 " + today);
        assertThat(cockpit.customPeriod("2026-11-30", "2026-11-01").error()).isEqualTo("开始日期不能晚于结束日期");
    }

    @Test
    void aStationHeadSeesOnlyTheirVillage() {
        // given a request of 东风 (v0101), not of 河口村 (v0201)
        AppealFixtures.Case elsewhere = appeals.submit(AppealFixtures.intake("road", "v0101"));

        // when 河口村's station head signs in
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("head-v0201");

        // then the board is their village's, and the other village's case is not among its cases
        assertThat(cockpit.unitPath()).isEqualTo("河口村");
        cockpit.casesBehind("intake");
        assertThat(cockpit.listedCases()).doesNotContain(elsewhere.trackingNo());
    }

    @Test
    void aDepartmentSeesOnlyItsOwnCasesStraightAway() {
        // given a request of 东风 still at the station, not yet the department's
        AppealFixtures.Case notTheirs = appeals.submit(AppealFixtures.intake("sanitation", "v0101"));

        // when 城管's handler signs in
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("dept-cg");

        // then the board is the department's, with its own cases listed at once (it has no units below)
        assertThat(cockpit.unitPath()).isEqualTo("城管");
        assertThat(cockpit.listedCases()).doesNotContain(notTheirs.trackingNo());
    }

    @Test
    void theLeaderReadsTheServiceOrdersOfTheCountyAndATownCentreOnlyItsVillages() {
        // given a resident's order placed today in 东风社区 (v0101), waiting for its dispatch
        ResponseEntity<JsonNode> placed = api.post(
                "/api/service-orders",
                Map.of(
                        "residentName", "李秀英",
                        "phone", "13900000002",
                        "villageCode", "v0101",
                        "description", "想请人帮忙换灯泡"));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // when the leader signs in
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // then the panel counts it among this month's orders waiting for dispatch, and says what it counts
        assertThat(cockpit.showsOrders()).isTrue();
        assertThat(Integer.parseInt(cockpit.orderFigure("placed"))).isPositive();
        assertThat(cockpit.ordersOfStatus("DISPATCHING")).isPositive();
        assertThat(cockpit.orderDefinitions()).contains("派单到党员接单", "活跃党员");
        assertThat(cockpit.orderVillages()).contains("东风社区", "向阳村", "河口村");
        assertThat(cockpit.ordersBehindStatus("DISPATCHING"))
                .contains(placed.getBody().get("orderNo").asText());

        // and 城关镇's centre sees its two villages only
        cockpit.signOut();
        LeaderCockpit town = new LeaderCockpit(session.browser(), port).signIn("center-t01");
        assertThat(town.orderVillages()).containsExactly("东风社区", "向阳村");
    }

    @Test
    void aDepartmentsBoardHasNoServiceOrders() {
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("dept-cg");

        assertThat(cockpit.unitPath()).isEqualTo("城管");
        assertThat(cockpit.showsOrders()).isFalse();
    }

    @Test
    void aGridWorkerIsToldTheCockpitIsNotTheirs() {
        // when
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("gw-v0101");

        // then
        assertThat(cockpit.text()).contains("无权查看").doesNotContain("受理量");
    }

    @Test
    void signingOutBringsBackTheSignInForm() {
        // given
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port).signIn("leader");

        // when
        cockpit.signOut();

        // then a fresh visit asks to sign in again
        assertThat(cockpit.open().offersSignIn()).isTrue();
    }
}
