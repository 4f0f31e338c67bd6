package cn.lianxin.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Tasklist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist made for cadres, in a real headless Chromium: the cards of three cases tell them apart by
 * number and by their light as a colour and a word; the handler reads the citizen's data (群众信息);
 * a task's 办理记录 tells its case's story with dates as 年-月-日; a grid worker transfers a task to
 * the station head (who is told in 消息), and a handler sends a step back (驳回), both from the 办理操作
 * tab; a grid worker takes back (撤回) a step just done, and a station head moves a colleague's tasks
 * (批量转派), from the navbar.
 */
@PlatformIntegrationTest
class CadreTasklistIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void theCardsShowEachCasesNumberAndLightAsAColourAndAWordAndTheTimelineItsStory() {
        // given three requests of 东风 at triage: one on time, one due soon, one overdue
        AppealFixtures.Case green = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        AppealFixtures.Case yellow = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        AppealFixtures.Case red = appeals.submit(AppealFixtures.intake("road", "v0101"));
        StepLightDriver lights = new StepLightDriver(tasks, management);
        lights.dueSoon(appeals.processInstanceOf(yellow), "triage");
        lights.overdue(appeals.processInstanceOf(red), "triage");

        // when 东风's grid worker signs in to Tasklist
        Tasklist tasklist =
                new Tasklist(session.browser(), port).signIn("gw-v0101").list();

        // then each card names its case, category and village, and shows its light as a word and a colour
        Tasklist.Card onTime = tasklist.card(green.trackingNo(), "分类分流");
        Tasklist.Card dueSoon = tasklist.card(yellow.trackingNo(), "分类分流");
        Tasklist.Card overdue = tasklist.card(red.trackingNo(), "分类分流");
        session.browser().keepEvidence("CadreTasklistIT-cards");
        assertThat(onTime.lightWord()).isEqualTo("正常");
        assertThat(dueSoon.lightWord()).isEqualTo("临期");
        assertThat(overdue.lightWord()).isEqualTo("超期");
        assertThat(onTime.text()).contains(green.trackingNo(), "停车", "东风社区");
        assertThat(dueSoon.text()).contains(yellow.trackingNo(), "楼道照明", "东风社区");
        assertThat(overdue.text()).contains(red.trackingNo(), "道路维修", "东风社区");
        assertThat(onTime.colour()).isNotEqualTo(dueSoon.colour()).isNotEqualTo(overdue.colour());
        assertThat(dueSoon.colour()).isNotEqualTo(overdue.colour());

        // when the grid worker opens the overdue case and asks for 群众信息
        tasklist.open(appeals.openTask(red, "triage"));

        // then the handler reads the citizen's name and whole phone number (the look is audited)
        assertThat(tasklist.citizen()).contains("张三", "13800000001");
        assertThat(jdbc.sql("select revealed_to from personal_data_reveal where tracking_no = ?")
                        .param(red.trackingNo())
                        .query(String.class)
                        .list())
                .containsExactly("gw-v0101");

        // when the grid worker opens its 办理记录
        tasklist.tab("办理记录");

        // then it lists the case's steps, who and when (年-月-日 时:分), the red light and the supervision
        assertThat(tasklist.timelineLight()).isEqualTo("超期");
        assertThat(tasklist.timeline())
                .anySatisfy(row -> assertThat(row).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\| .+ \\| 受理登记 \\| .+"))
                .anySatisfy(row -> assertThat(row).contains("系统 | 红黄绿灯 | 分类分流已超期（红灯）"))
                .anySatisfy(row -> assertThat(row).contains("| 督办 | “分类分流”进入督办"));
    }

    @Test
    void aGridWorkerTransfersATriageToTheStationHeadWhoCompletesIt() {
        // given a request of 东风 at triage
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("sanitation", "v0101"));
        String triage = appeals.openTask(appeal, "triage");

        // when the grid worker transfers it to the station head from the 办理操作 tab
        Tasklist tasklist =
                new Tasklist(session.browser(), port).signIn("gw-v0101").list();
        tasklist.card(appeal.trackingNo(), "分类分流");
        String refused = tasklist.open(triage).tab("办理操作").transfer("head-v0101", "涉及物业合同，请站长分流");

        // then the task leaves the grid worker's list
        assertThat(refused).isEmpty();
        tasklist.waitUntilNotListed(appeal.trackingNo(), "分类分流");

        // and the station head is told in 消息 and opens the task from there
        tasklist.signInAs("head-v0101");
        assertThat(tasklist.unread()).isPositive();
        assertThat(tasklist.inbox()).anySatisfy(notice -> assertThat(notice).contains("转办", appeal.trackingNo()));
        tasklist.openNotice(appeal.trackingNo());

        // and completes it
        assertThat(api.as("head-v0101")
                        .post("/api/tasks/" + triage + "/completion", Map.of("path", "PROMISED", "promisedDays", 3))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-promised")).isTrue();
    }

    @Test
    void aHandlerUploadsABeforePhotoFromTheOperationsTabAndSeesItWhileAPdfIsRefusedInChinese(@TempDir Path folder)
            throws IOException {
        // given a request of 东风 at triage, a phone's photo (with GPS) and a PDF named as a photo
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        String triage = appeals.openTask(appeal, "triage");
        Path photo = Files.write(folder.resolve("IMG_0001.jpg"), SamplePhotos.jpegWithGps(64, 48, 1));
        Path pdf = Files.write(folder.resolve("发票.jpg"), "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));

        // when the grid worker uploads the photo as 办理前 from the 办理操作 tab
        Tasklist tasklist = new Tasklist(session.browser(), port).signIn("gw-v0101");
        String uploaded = tasklist.open(triage).tab("办理操作").uploadPhotos("办理前", photo);

        // then it is kept and shown as a thumbnail
        assertThat(uploaded).isEqualTo("已上传办理前照片 1 张。");
        assertThat(tasklist.photos()).containsExactly("办理前照片 1");
        session.browser().keepEvidence("CadreTasklistIT-photos");

        // when the PDF is sent as 办理后
        String refused = tasklist.uploadPhotos("办理后", pdf);

        // then it is refused in Chinese, naming what is wrong, and nothing more is kept
        assertThat(refused).contains("photos", "不是照片");
        assertThat(tasklist.photos()).containsExactly("办理前照片 1");
        assertThat(jdbc.sql("select count(*) from appeal_photo where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aHandlerSendsAPromiseBackToTriageWithTheReasonShown() {
        // given a request triaged as a promise
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("property", "v0101"));
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "PROMISED", "promisedDays", 3));
        String promise = appeals.openTask(appeal, "handle-promised");

        // when the handler sends it back from the 办理操作 tab
        Tasklist tasklist = new Tasklist(session.browser(), port).signIn("gw-v0101");
        String refused = tasklist.open(promise).tab("办理操作").sendBack("物业合同纠纷需上报，不宜承诺办");

        // then the case is back at triage, whose 办理记录 shows the reason
        assertThat(refused).isEmpty();
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-promised")).isFalse();
        tasklist.open(appeals.openTask(appeal, "triage")).tab("办理记录");
        assertThat(tasklist.timeline())
                .anySatisfy(row -> assertThat(row).contains("驳回").contains("物业合同纠纷需上报，不宜承诺办"));
    }

    @Test
    void aGridWorkerTakesBackATriageFromTheNavbarBeforeTheNextStepIsClaimed() {
        // given a request the grid worker has just triaged as a promise, its next step not yet claimed
        AppealFixtures.Case appeal = appeals.submit(AppealFixtures.intake("security", "v0101"));
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "PROMISED", "promisedDays", 3));

        // when the grid worker takes the triage back from 撤回 in Tasklist's navbar
        Tasklist tasklist =
                new Tasklist(session.browser(), port).signIn("gw-v0101").list();
        String shown = tasklist.recall(appeal.trackingNo(), "承诺天数填错了");

        // then the triage is open again and the promise is gone
        assertThat(shown).contains("已撤回");
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "triage")).isTrue();
        assertThat(appeals.hasOpenTask(appeal.trackingNo(), "handle-promised")).isFalse();
        tasklist.card(appeal.trackingNo(), "分类分流");
    }

    @Test
    void aStationHeadMovesADepartedGridWorkersTasksFromTheNavbar() {
        // given two requests the grid worker has claimed
        AppealFixtures.Case first = appeals.submit(AppealFixtures.intake("policy", "v0101"));
        AppealFixtures.Case second = appeals.submit(AppealFixtures.intake("elderly", "v0101"));
        String one = appeals.openTask(first, "triage");
        String two = appeals.openTask(second, "triage");
        tasks.claim(one, "gw-v0101");
        tasks.claim(two, "gw-v0101");

        // when the station head moves all of the grid worker's tasks to themself from 批量转派
        Tasklist tasklist =
                new Tasklist(session.browser(), port).signIn("head-v0101").list();
        String shown = tasklist.reassign("gw-v0101", "head-v0101", "网格员调离");

        // then both are the station head's now
        assertThat(shown).startsWith("已把").contains("件任务转派给");
        assertThat(tasks.createTaskQuery().taskId(one).singleResult().getAssignee())
                .isEqualTo("head-v0101");
        assertThat(tasks.createTaskQuery().taskId(two).singleResult().getAssignee())
                .isEqualTo("head-v0101");
    }
}
