package cn.lianxin.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Tasklist;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The host records a meeting in Tasklist, in a real headless Chromium: the Camunda Form lists the
 * village's representatives by name for the sign-in, an inquorate vote is refused with the
 * server's Chinese message and nothing is stored, a quorate one completes the task.
 */
@PlatformIntegrationTest
class DeliberationTasklistIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    DeliberationFixtures deliberations;

    @Autowired
    DeliberationIntake intake;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Topics topics;

    @Autowired
    Meetings meetings;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void theHostSignsInTheRepresentativesAndRecordsTheVoteInTasklist() {
        // given a topic whose plan has been noticed and whose opinions the host has answered
        String no = accepted("东风社区广场增设健身器材");
        Instant meetingAt = workingDays.add(Instant.now(), 6);
        complete(
                no,
                "prepare-plan",
                Map.of(
                        "meetingAt",
                        OffsetDateTime.ofInstant(meetingAt, WorkingDays.ZONE)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString(),
                        "meetingPlace",
                        "东风社区党群服务中心",
                        "participants",
                        "议事代表 5 人",
                        "plan",
                        "选定器材和位置，表决是否增设"));
        management.executeJob(management
                .createJobQuery()
                .processInstanceId(instanceOf(no))
                .activityId("plan-notice-period")
                .singleResult()
                .getId());
        complete(no, "review-opinions", Map.of("objectionsSignificant", false, "opinionResponse", "无异议"));
        String meeting = deliberations.openTask(no, "meeting-record");

        // when the host signs in to Tasklist and opens the meeting record
        Tasklist tasklist =
                new Tasklist(session.browser(), port).signIn("host-v0101").open(meeting);

        // then the sign-in list names the village's five representatives
        assertThat(tasklist.checklistChoices())
                .containsExactly(
                        "东风社区议事代表1（rep1）", "东风社区议事代表2（rep2）", "东风社区议事代表3（rep3）", "东风社区议事代表4（rep4）", "东风社区议事代表5（rep5）");

        // when the host claims the task and only three of five sign in, yet vote
        tasklist.claim()
                .tick("（rep1）", "（rep2）", "（rep3）")
                .type("会议议程", "一、介绍方案；二、讨论；三、表决")
                .type("发言记录", "议事代表1：支持")
                .type("赞成票", "3")
                .type("反对票", "0")
                .type("弃权票", "0")
                .type("会议纪要", "三名代表到会")
                .complete();

        // then Tasklist shows the server's reason in Chinese; nothing is stored, the task stays open
        assertThat(tasklist.error()).contains("未达到法定人数", "至少 4 人到会").doesNotContain("Cannot");
        assertThat(jdbc.sql("select count(*) from deliberation_minutes where deliberation_no = ?")
                        .param(no)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tasks.createTaskQuery().taskId(meeting).count()).isOne();

        // when the other two arrive and the tally fits the attendance
        tasklist.dismissError()
                .tick("（rep4）", "（rep5）")
                .type("赞成票", "4")
                .type("反对票", "1")
                .complete()
                .waitUntilDone();

        // then the minutes are on record and the result goes on the board
        assertThat(tasks.createTaskQuery().taskId(meeting).count()).isZero();
        assertThat(topics.byNo(no).orElseThrow().stage()).isEqualTo(Stage.RESULT_NOTICE);
        assertThat(meetings.minutesOf(no)).singleElement().satisfies(m -> {
            assertThat(m.attendees()).containsExactly("rep1", "rep2", "rep3", "rep4", "rep5");
            assertThat(m.votesFor()).isEqualTo(4);
            assertThat(m.passed()).isTrue();
        });
        assertThat(http.getForObject("/api/notices?unit=v0101", String.class)).contains(no, "RESULT");
    }

    @Test
    void theHostPlansTheMeetingWithTheChineseDatePicker() {
        // given an accepted topic
        String no = accepted("东风社区老年食堂延长供餐时间");
        String plan = deliberations.openTask(no, "prepare-plan");

        // when the host opens the plan in Tasklist
        Tasklist tasklist = new Tasklist(session.browser(), port)
                .signIn("host-v0101")
                .open(plan)
                .claim();

        // then the date picker speaks Chinese, weeks starting on Monday, and the date field asks for 年-月-日
        assertThat(tasklist.datePicker("日期")).contains("月").contains("一 二 三 四 五 六 日");
        assertThat(tasklist.shown("日期")).isEqualTo(" (年-月-日)");

        // when the host sets the meeting for tomorrow, inside the notice period
        LocalDate tomorrow = LocalDate.now(WorkingDays.ZONE).plusDays(1);
        tasklist.type("日期", typed(tomorrow))
                .type("时间", "15:00")
                .type("会议地点", "东风社区党群服务中心")
                .type("参会人员", "议事代表 5 人，食堂运营方，民政局")
                .type("协商方案", "延长晚餐供应一小时，测算费用后表决")
                .complete();

        // then the server refuses in Chinese: the meeting must come after the notice
        assertThat(tasklist.error()).contains("会议须在协商前公示期满之后召开").doesNotContain("Cannot");
        assertThat(tasks.createTaskQuery().taskId(plan).count()).isOne();

        // when the host picks a day after the notice ends
        LocalDate later = LocalDate.ofInstant(workingDays.add(Instant.now(), 6), WorkingDays.ZONE);
        tasklist.dismissError().type("日期", typed(later));
        // (the field shows the date as typed, year first)
        assertThat(tasklist.shown("日期")).isEqualTo(typed(later) + " (年-月-日)");
        tasklist.complete().waitUntilDone();

        // then the plan is noticed with the meeting at 15:00 China time on that day
        Topic topic = topics.byNo(no).orElseThrow();
        assertThat(topic.stage()).isEqualTo(Stage.NOTICE);
        assertThat(topic.meetingAt())
                .isEqualTo(later.atTime(15, 0).atZone(WorkingDays.ZONE).toInstant());
        assertThat(http.getForObject("/api/notices?unit=v0101", String.class)).contains(no, "PLAN");
    }

    // ---- helpers ----

    private String accepted(String title) {
        String no = intake.propose(
                        new ProposalRequest(title, "居民反映多次，希望议一议", "东风社区", null, "刘洋", "13600000016", "v0101"), null)
                .deliberationNo();
        complete(no, "topic-review", Map.of("decision", "ACCEPT"));
        return no;
    }

    /** The host of 东风 completes the topic's task through the platform's API. */
    private void complete(String no, String taskKey, Map<String, Object> data) {
        assertThat(deliberations
                        .viaApi("host-v0101", deliberations.openTask(no, taskKey), data)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A date as Camunda Forms' date field takes it typed: 年-月-日. */
    private static String typed(LocalDate date) {
        return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private String instanceOf(String no) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("deliberation")
                .processInstanceBusinessKey(no)
                .singleResult()
                .getId();
    }
}
