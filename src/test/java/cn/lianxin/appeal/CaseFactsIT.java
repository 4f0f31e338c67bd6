package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.PlatformIntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit's facts of a case ({@code appeal_fact}) follow the case through the real process on
 * PostgreSQL: intake, the first response, the path, evaluation and reopening, return with its reasons,
 * withdrawal, the departments of a dispatch and of joint handling, a leader's instruction (督办), and
 * working days counted over the National Day holiday and its make-up workday.
 */
@PlatformIntegrationTest
class CaseFactsIT {

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseFacts facts;

    @Autowired
    DailyTallies tallies;

    @Test
    void anUnsatisfiedEvaluationReopensTheCaseInItsFacts() {
        // given
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0101");
        assertThat(fact(appeal, "status")).isEqualTo("OPEN");
        assertThat(fact(appeal, "channel")).isEqualTo("ONLINE");
        assertThat(fact(appeal, "first_response_at")).isNull();

        // when
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已当面讲解政策"));
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/evaluation",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "satisfaction", "UNSATISFIED")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // then
        assertThat(fact(appeal, "path")).isEqualTo("IMMEDIATE");
        assertThat(fact(appeal, "responded_in_time")).isEqualTo(true);
        assertThat(fact(appeal, "satisfaction")).isEqualTo("UNSATISFIED");
        assertThat(fact(appeal, "reopen_count")).isEqualTo(1);
        assertThat(fact(appeal, "status")).isEqualTo("OPEN");
        assertThat(fact(appeal, "ended_at")).isNull();
    }

    @Test
    void aReturnedCaseKeepsItsReasons() {
        // given
        Case appeal = appeals.submit("parking", "NORMAL", "BUILDING", "v0201");
        appeals.done("gw-v0201", appeal, "triage", Map.of("path", "RETURN", "overrideReason", "属于业主共有事项"));

        // when
        appeals.done(
                "gw-v0201",
                appeal,
                "notify-return",
                Map.of(
                        "returnReasons", List.of("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定"),
                        "extraReason", "车位纠纷已在法院审理",
                        "returnBasis", "《民法典》第二百七十六条",
                        "alternatives", "请联系业主委员会"));

        // then
        assertThat(fact(appeal, "status")).isEqualTo("RETURNED");
        assertThat(fact(appeal, "ended_at")).isNotNull();
        assertThat(fact(appeal, "working_days")).isEqualTo(0);
        assertThat(jdbc.sql("select reason from appeal_fact_return_reason where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(String.class)
                        .list())
                .contains("小区内部停车位的产权和收费属于业主共有事项，需经业主大会决定");
    }

    @Test
    void aWithdrawnCaseEndsWithdrawn() {
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0102");

        assertThat(http.postForEntity(
                                "/api/appeals/" + appeal.trackingNo() + "/withdrawal",
                                Api.json(Map.of("accessCode", appeal.accessCode(), "reason", "问题已自行解决")),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(fact(appeal, "status")).isEqualTo("WITHDRAWN");
        assertThat(fact(appeal, "first_response_at")).isNull();
    }

    @Test
    void theDepartmentsOfADispatchAndOfJointHandlingAreTheCasesToo() {
        // a dispatch to 交通
        Case dispatched = appeals.submit("road", "NORMAL", "VILLAGE", "v0101");
        appeals.done("gw-v0101", dispatched, "triage", Map.of("path", "ESCALATE"));
        appeals.done("head-v0101", dispatched, "review-escalation", Map.of("approved", true));
        appeals.done("center-t01", dispatched, "town-handle", Map.of("townDecision", "DISPATCH", "deptCode", "jt"));
        assertThat(departments(dispatched)).containsExactly("jt");

        // joint handling: 交通 leads, 城管 co-handles
        Case joint = appeals.submit("road", "URGENT", "CROSS_AREA", "v0102");
        appeals.done("gw-v0102", joint, "triage", Map.of("path", "JOINT", "leadDept", "jt", "coDepts", List.of("cg")));
        assertThat(departments(joint)).containsExactlyInAnyOrder("jt", "cg");
        assertThat(fact(joint, "path")).isEqualTo("JOINT");
    }

    @Test
    void aLeadersInstructionMarksTheCaseSupervised() {
        Case appeal = appeals.submit("sanitation", "NORMAL", "HOUSEHOLD", "v0101");

        assertThat(api.as("leader")
                        .post("/api/cases/" + appeal.trackingNo() + "/instructions", Map.of("instruction", "请尽快处理"))
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();

        assertThat(fact(appeal, "supervised")).isEqualTo(true);
    }

    @Test
    void workingDaysSkipTheHolidayAndCountTheMakeUpWorkday() {
        // given a case received on Tuesday 30 September 2025, 09:00 Beijing time
        Case appeal = appeals.submit("policy", "NORMAL", "HOUSEHOLD", "v0201");
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        jdbc.sql("update appeal_fact set received_at = ? where tracking_no = ?")
                .params(
                        LocalDateTime.parse("2025-09-30T09:00")
                                .atZone(beijing)
                                .toInstant()
                                .atOffset(ZoneOffset.UTC),
                        appeal.trackingNo())
                .update();
        tallies.rebuild();

        // when it ends on Saturday 11 October 09:00 (a make-up workday), after 1–8 October off
        facts.ended(
                appeal.trackingNo(),
                AppealStatus.CLOSED,
                LocalDateTime.parse("2025-10-11T09:00").atZone(beijing).toInstant(),
                List.of());

        // then 30 Sep 15 h + 9 Oct + 10 Oct + 11 Oct 9 h = 3 working days (11 calendar days)
        assertThat(fact(appeal, "working_days")).isEqualTo(3);
    }

    private Object fact(Case appeal, String column) {
        return jdbc.sql("select " + column + " from appeal_fact where tracking_no = ?")
                .param(appeal.trackingNo())
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1)))
                .single()
                .orElse(null);
    }

    private List<String> departments(Case appeal) {
        return jdbc.sql("select dept_code from appeal_fact_dept where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(String.class)
                .list();
    }
}
