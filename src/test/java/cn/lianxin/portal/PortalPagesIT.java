package cn.lianxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.AppealFixtures.Case;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.HeadlessChromium;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Portal;
import cn.lianxin.testing.Portal.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The citizen portal (群众端) in a real headless Chromium at a phone's size, on PostgreSQL: submit →
 * receipt (the code shown once), follow, evaluate, withdraw — with JavaScript on and off, in large
 * text, checked by axe-core — and under hostile use: other cases' codes, forged numbers, replayed
 * and flooded forms.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PortalPagesIT {

    private static final String NO_SCRIPT = "--blink-settings=scriptEnabled=false";

    @LocalServerPort
    int port;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void aResidentSubmitsQuestionByQuestionAndIsShownTheCodeOnce(CapturedOutput output) {
        // given
        Portal portal = new Portal(session.browser(), port).home().choose("我要反映");
        assertThat(portal.visibleQuestions()).as("one question per screen").isEqualTo(1);

        // when
        portal.submitRequest(Request.parking());

        // then the receipt shows the number and the code, which open the case
        assertThat(portal.heading()).isEqualTo("您的诉求已受理");
        String number = portal.receiptNumber();
        String code = portal.receiptCode();
        assertThat(number).matches("LX-\\d{8}-\\d{6}");
        assertThat(code).matches("[2-9A-Z]{8}");
        assertThat(portal.text()).contains("请记下查询码", "只在这里显示一次");
        assertThat(portal.url()).doesNotContain(code);
        assertThat(jdbc.sql("select citizen_name || ' ' || phone || ' ' || village_code || ' ' || category || ' '"
                                + " || channel || ' ' || status from appeal where tracking_no = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("李四 13900000002 v0101 parking ONLINE OPEN");

        // and only once: the receipt's address again leads to the tracking form, without the code
        portal.open("/submit/receipt");
        assertThat(portal.heading()).isEqualTo("查询进度");
        assertThat(portal.text()).doesNotContain(code);

        // when the resident follows the case
        portal.follow(number, code.toLowerCase());

        // then the steps are told in plain words, with the light and who handles it now
        assertThat(portal.heading()).isEqualTo("办理进度");
        assertThat(portal.shown("case-number")).isEqualTo(number);
        assertThat(portal.shown("case-status")).isEqualTo("办理中");
        assertThat(portal.shown("case-step")).isEqualTo("站点正在研究办理方式");
        assertThat(portal.shown("case-handler")).isEqualTo("东风社区");
        assertThat(portal.shown("case-light")).isEqualTo("正常");
        assertThat(portal.timeline()).anySatisfy(step -> assertThat(step).startsWith("受理登记：网上渠道，东风社区，停车"));
        assertThat(portal.text()).contains("李* 139****0002").doesNotContain("13900000002");
        assertThat(portal.url()).doesNotContain(code);
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aRequestWithAPhonePhotoIsKeptWithoutItsPositionAndARefusedPhotoKeepsNothing(@TempDir Path folder)
            throws java.io.IOException {
        // given a phone's photo carrying its GPS position, and a PDF named like a photo
        Path photo = Files.write(folder.resolve("门口.jpg"), SamplePhotos.jpegWithGps(64, 48, 1));
        Path fake = Files.write(folder.resolve("假照片.jpg"), "%PDF-1.4 not a photo".getBytes());
        long cases = jdbc.sql("select count(*) from appeal").query(Long.class).single();
        Portal portal = new Portal(session.browser(), port).home();

        // when a request is sent with the fake one
        portal.submitRequest(Request.parking().withPhotos(fake));

        // then the form says why beside the photo field, and keeps nothing
        assertThat(portal.heading()).isEqualTo("我要反映");
        assertThat(portal.errorBeside("photos")).contains("照片");
        assertThat(jdbc.sql("select count(*) from appeal").query(Long.class).single())
                .isEqualTo(cases);

        // when it is sent with the real photo
        portal.submitRequest(Request.parking().withPhotos(photo));

        // then the case keeps the photo, re-encoded without the position or any other metadata
        assertThat(portal.heading()).isEqualTo("您的诉求已受理");
        String number = portal.receiptNumber();
        List<byte[]> kept = jdbc.sql("select c.content from appeal_photo p join photo_content c on c.photo_key = p.id"
                        + " where p.tracking_no = ? and p.stage = 'CITIZEN'")
                .param(number)
                .query(byte[].class)
                .list();
        assertThat(kept).hasSize(1);
        assertThat(SamplePhotos.contains(kept.get(0), "Exif")).isFalse();
        assertThat(SamplePhotos.contains(kept.get(0), SamplePhotos.MARKER)).isFalse();
    }

    @Test
    void withoutJavaScriptEveryProblemIsShownInChineseBesideItsFieldNothingIsStoredAndTheFormStillWorks() {
        try (HeadlessChromium noScript = new HeadlessChromium(NO_SCRIPT)) {
            // given
            Portal portal = new Portal(noScript, port);
            long before = cases();

            // when a resident sends the form half filled
            portal.submitRequest(new Request(null, null, "3号楼", null, "王五", "12345", false));

            // then every question was on one page, and every problem is named at the top and beside its field
            assertThat(portal.heading()).isEqualTo("我要反映");
            assertThat(portal.visibleQuestions()).isEqualTo(5);
            assertThat(portal.errorSummary())
                    .containsExactly(
                            "诉求类别：必须选择诉求类别",
                            "诉求内容：必须填写诉求内容",
                            "所在村（社区）：必须选择所在村（社区）",
                            "手机号码：应为 11 位大陆手机号码",
                            "个人信息使用同意：请阅读并勾选同意，我们才能受理您的诉求");
            assertThat(portal.errorBeside("category")).isEqualTo("错误：必须选择诉求类别");
            assertThat(portal.errorBeside("description")).isEqualTo("错误：必须填写诉求内容");
            assertThat(portal.errorBeside("villageCode")).isEqualTo("错误：必须选择所在村（社区）");
            assertThat(portal.errorBeside("phone")).isEqualTo("错误：应为 11 位大陆手机号码");
            assertThat(portal.errorBeside("consent")).isEqualTo("错误：请阅读并勾选同意，我们才能受理您的诉求");
            assertThat(portal.errorBeside("citizenName")).isNull();
            assertThat(portal.errorBeside("location")).isNull();
            // and what was typed is kept
            assertThat(portal.valueOf("citizenName")).isEqualTo("王五");
            assertThat(portal.valueOf("phone")).isEqualTo("12345");
            assertThat(portal.valueOf("location")).isEqualTo("3号楼");
            assertThat(cases()).isEqualTo(before);

            // when the form is sent complete, still without JavaScript
            portal.submitRequest(Request.parking());

            // then the receipt's code opens the case
            String number = portal.receiptNumber();
            String code = portal.receiptCode();
            assertThat(cases()).isEqualTo(before + 1);
            portal.follow(number, code);
            assertThat(portal.shown("case-number")).isEqualTo(number);
            assertThat(portal.shown("case-status")).isEqualTo("办理中");
        }
    }

    @Test
    void aCaseThatAsksForAnEvaluationIsEvaluatedOnceAndAReplayedFormChangesNothing() {
        // given a case handled on the spot and fed back to the citizen
        Case appeal = appeals.submit(AppealFixtures.intake("policy", "v0101"));
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已当面讲解政策"));
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知"));
        Portal portal = new Portal(session.browser(), port).follow(appeal.trackingNo(), appeal.accessCode());
        assertThat(portal.shown("case-step")).isEqualTo("已反馈办理结果，等待您的评价");

        // when the citizen sends the evaluation without choosing
        portal.evaluate(null, "还行");

        // then
        assertThat(portal.heading()).isEqualTo("评价办理结果");
        assertThat(portal.errorBeside("satisfaction")).isEqualTo("错误：请选择满意、基本满意或不满意");
        assertThat(portal.valueOf("comment")).isEqualTo("还行");
        assertThat(evaluations(appeal)).isZero();

        // when they choose 满意
        portal.press("返回办理进度").evaluate("满意", "很快");

        // then the case is closed with their evaluation in its timeline
        assertThat(portal.shown("notice")).isEqualTo("感谢您的评价：满意。");
        assertThat(portal.shown("case-status")).isEqualTo("已办结");
        assertThat(portal.timeline()).anySatisfy(step -> assertThat(step).contains("群众评价：满意"));
        assertThat(portal.url()).doesNotContain(appeal.accessCode());
        assertThat(evaluations(appeal)).isEqualTo(1);

        // when the same form is posted again
        PortalForms replay = new PortalForms(port);
        replay.get("/track");
        PortalForms.Answer again = replay.post(
                "/track/evaluation/send",
                Map.of(
                        "trackingNo",
                        appeal.trackingNo(),
                        "accessCode",
                        appeal.accessCode(),
                        "satisfaction",
                        "UNSATISFIED",
                        "comment",
                        "重放"));

        // then it is refused in Chinese and nothing changes
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("办理结果反馈给您之后才能评价");
        assertThat(evaluations(appeal)).isEqualTo(1);
        assertThat(status(appeal)).isEqualTo("CLOSED");
    }

    @Test
    void theCitizenAskedToEvaluateSeesTheHandlersAfterPhotosByLinksThatCarryNoCode() {
        // given a case handled on the spot, with a 办理前 and a 办理后 photo, fed back to the citizen
        Case appeal = appeals.submit(AppealFixtures.intake("policy", "v0101"));
        appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
        String task = appeals.taskIdOf("gw-v0101", appeal, "handle-immediate");
        assertThat(attach(task, "BEFORE").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(attach(task, "AFTER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已当面讲解政策"));
        appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已电话告知"));

        // when the citizen opens the case and goes to evaluate
        Portal portal = new Portal(session.browser(), port).follow(appeal.trackingNo(), appeal.accessCode());
        List<String> onCasePage = portal.photoLinks();
        portal.press("评价办理结果");

        // then the 办理后 photo shows (loaded), the 办理前 one does not, and no link carries the code
        List<String> links = portal.photoLinks();
        // (the same photo: each page signs its link anew, its expiry ten minutes from that page's second)
        assertThat(links).hasSize(1);
        assertThat(links.get(0).replaceAll("\\?.*", ""))
                .isEqualTo(onCasePage.get(0).replaceAll("\\?.*", ""));
        assertThat(portal.photosLoaded()).isEqualTo(1);
        assertThat(portal.text()).contains("办理后");
        assertThat(links.get(0)).doesNotContain(appeal.accessCode()).contains(appeal.trackingNo());

        // and the link opens that photo only: not with another signature, another photo or another case
        PortalForms outsider = new PortalForms(port);
        assertThat(outsider.get(links.get(0)).status()).isEqualTo(200);
        assertThat(outsider.get(links.get(0).replaceAll("sig=[0-9a-f]+", "sig=" + "0".repeat(64)))
                        .status())
                .isEqualTo(404);
        assertThat(outsider.get(links.get(0).replaceAll("until=(\\d+)", "until=9999999999"))
                        .status())
                .isEqualTo(404);
        Case other = appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        assertThat(outsider.get(links.get(0).replace(appeal.trackingNo(), other.trackingNo()))
                        .status())
                .isEqualTo(404);
    }

    private ResponseEntity<String> attach(String taskId, String stage) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("stage", stage);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.IMAGE_JPEG);
        headers.setContentDispositionFormData("photos", stage + ".jpg");
        parts.add(
                "photos",
                new HttpEntity<>(
                        new ByteArrayResource(SamplePhotos.jpegWithGps(40, 30, 1)) {
                            @Override
                            public String getFilename() {
                                return stage + ".jpg";
                            }
                        },
                        headers));
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("gw-v0101", "demo")
                .postForEntity("/api/tasks/" + taskId + "/photos", new HttpEntity<>(parts, form), String.class);
    }

    @Test
    void anOpenCaseIsWithdrawnWithAReasonAfterConfirming() {
        // given
        Case appeal = appeals.submit(AppealFixtures.intake("road", "v0101"));
        Portal portal = new Portal(session.browser(), port).follow(appeal.trackingNo(), appeal.accessCode());

        // when the citizen confirms without a reason
        portal.withdraw(null);

        // then
        assertThat(portal.heading()).isEqualTo("撤回诉求");
        assertThat(portal.text()).contains("不能恢复");
        assertThat(portal.errorSummary()).containsExactly("撤回原因：请说明撤回的原因");
        assertThat(portal.errorBeside("reason")).isEqualTo("错误：请说明撤回的原因");
        assertThat(status(appeal)).isEqualTo("OPEN");

        // when they give one
        portal.confirmWithdrawal("问题已经自行解决");

        // then
        assertThat(portal.shown("notice")).isEqualTo("您的诉求已撤回，不再办理。");
        assertThat(portal.shown("case-status")).isEqualTo("已撤回");
        assertThat(portal.timeline()).anySatisfy(step -> assertThat(step).contains("群众申请撤回：问题已经自行解决"));
        assertThat(portal.shown("to-withdrawal")).isNull();
        assertThat(status(appeal)).isEqualTo("WITHDRAWN");
    }

    @Test
    void anotherCasesCodeAndForgedNumbersOpenNothingAndAreAnsweredAlike(CapturedOutput output) {
        // given two cases
        Case mine = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        Case theirs = appeals.submit(AppealFixtures.intake("medical", "v0201"));
        Portal portal = new Portal(session.browser(), port);

        // when their code is tried on my number, and codes on numbers that do not exist
        String wrongCode = portal.follow(mine.trackingNo(), theirs.accessCode()).shown("not-found");
        String unknown = portal.follow("LX-20991231-999999", mine.accessCode()).shown("not-found");
        String garbage =
                portal.follow("<script>alert(1)</script>", "' or 1=1 --").shown("not-found");

        // then one message, which does not tell whether the number exists
        assertThat(wrongCode).isEqualTo("受理编号不存在，或查询码不正确。请核对短信中的受理编号和查询码。");
        assertThat(unknown).isEqualTo(wrongCode);
        assertThat(garbage).isEqualTo(wrongCode);
        assertThat(portal.heading()).isEqualTo("查询进度");
        assertThat(portal.valueOf("accessCode")).isEmpty();

        // and a form posted straight with another case's code gets 404 and no case
        PortalForms script = new PortalForms(port);
        script.get("/track");
        PortalForms.Answer evaluation = script.post(
                "/track/evaluation", Map.of("trackingNo", mine.trackingNo(), "accessCode", theirs.accessCode()));
        assertThat(evaluation.status()).isEqualTo(404);
        assertThat(evaluation.body())
                .doesNotContain("办理进度")
                .doesNotContain("医疗")
                .doesNotContain("停车");
        PortalForms.Answer withdrawal = script.post(
                "/track/withdrawal/confirm",
                Map.of("trackingNo", mine.trackingNo(), "accessCode", theirs.accessCode(), "reason", "冒名撤回"));
        assertThat(withdrawal.status()).isEqualTo(404);
        assertThat(status(mine)).isEqualTo("OPEN");

        // and a form without its token is refused
        PortalForms.Answer tokenless = new PortalForms(port)
                .post("/track", Map.of("trackingNo", mine.trackingNo(), "accessCode", mine.accessCode()));
        assertThat(tokenless.status()).isIn(403, 404);
        assertThat(tokenless.body()).doesNotContain(mine.trackingNo());

        // and no code was ever written to the log
        assertThat(output.getAll()).doesNotContain(mine.accessCode()).doesNotContain(theirs.accessCode());
    }

    @Test
    void aReplayedRequestFormOpensNoSecondCaseAndDoesNotShowTheCodeAgain() {
        // given a request form read once
        PortalForms form = new PortalForms(port);
        String page = form.get("/submit").body();
        Matcher key = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        Map<String, String> fields = Map.of(
                "category", "lighting",
                "description", "楼道灯坏了",
                "location", "",
                "villageCode", "v0102",
                "citizenName", "赵六",
                "phone", "13700000003",
                "consent", "yes",
                "requestKey", key.group(1));
        long before = cases();

        // when it is posted twice
        PortalForms.Answer first = form.post("/submit", fields);
        String firstReceipt = form.get(first.location()).body();
        PortalForms.Answer second = form.post("/submit", fields);
        String secondReceipt = form.get(second.location()).body();

        // then one case; the second receipt names it without its code
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).endsWith("/submit/receipt");
        assertThat(cases()).isEqualTo(before + 1);
        Matcher code = Pattern.compile("id=\"access-code\">([2-9A-Z]{8})<").matcher(firstReceipt);
        assertThat(code.find()).isTrue();
        assertThat(secondReceipt).contains("之前已经提交过").doesNotContain(code.group(1));
    }

    @Test
    void aFloodOfGuessesGetsThe429PageInChinese() {
        // given a script guessing codes for one number (the limit per number in tests: 1000)
        PortalForms script = new PortalForms(port);
        script.get("/track");
        Map<String, String> guess = Map.of("trackingNo", "LX-20991231-000429", "accessCode", "WRONG234");

        // when it floods
        PortalForms.Answer answer = null;
        int tries = 0;
        while (tries < 1200 && (answer == null || answer.status() != 429)) {
            answer = script.post("/track", guess);
            tries++;
        }

        // then it is stopped with a page in Chinese, which a person reads too
        assertThat(answer.status()).isEqualTo(429);
        // (the bucket refills a little while the script runs: 1000 in 15 minutes)
        assertThat(tries).isGreaterThan(1000).isLessThan(1200);
        assertThat(answer.body()).contains("查询码尝试次数过多", "秒后再试");
        // and a person who tries the same meets the page too (a guess or two may have refilled meanwhile)
        Portal portal = new Portal(session.browser(), port).follow("LX-20991231-000429", "WRONG234");
        for (int i = 0; i < 10 && !portal.heading().equals("查询码尝试次数过多"); i++) {
            portal.follow("LX-20991231-000429", "WRONG234");
        }
        assertThat(portal.heading()).isEqualTo("查询码尝试次数过多");
        assertThat(portal.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void aLostCodeIsRecoveredWithAOneTimeCodeSentToThePhoneOnFile(CapturedOutput output) {
        // given a case of 13800000001 whose citizen lost the code
        Case appeal = appeals.submit(AppealFixtures.intake("parking", "v0101"));
        Portal portal = new Portal(session.browser(), port);

        // when someone asks with another phone
        portal.requestRecoveryCode(appeal.trackingNo(), "13900000009");

        // then the answer does not tell, and no code is sent
        assertThat(portal.heading()).isEqualTo("输入验证码");
        String answerToAWrongPhone = portal.shown("sent");
        assertThat(answerToAWrongPhone).isEqualTo("如信息无误，验证码已发送到该手机，10 分钟内有效。");
        assertThat(recoverySms(appeal)).isEmpty();

        // when the citizen asks with the phone on file
        portal.requestRecoveryCode(appeal.trackingNo(), "13800000001");

        // then the same answer, and a 6-digit code queued by SMS to that phone, kept only as a digest
        assertThat(portal.shown("sent")).isEqualTo(answerToAWrongPhone);
        List<String> sms = recoverySms(appeal);
        assertThat(sms).hasSize(1);
        Matcher digits = Pattern.compile("验证码 (\\d{6})").matcher(sms.get(0));
        assertThat(digits.find()).as(sms.get(0)).isTrue();
        String oneTime = digits.group(1);
        assertThat(jdbc.sql("select code_hash from appeal_recovery_code where tracking_no = ?")
                        .param(appeal.trackingNo())
                        .query(String.class)
                        .single())
                .doesNotContain(oneTime);

        // when a wrong code is entered
        portal.enterRecoveryCode(oneTime.equals("000000") ? "111111" : "000000");

        // then
        assertThat(portal.errorBeside("code")).startsWith("错误：验证码不正确或已失效");

        // when the right one is
        portal.enterRecoveryCode(oneTime);

        // then a new access code is shown once; the old one opens nothing, the new one opens the case
        assertThat(portal.heading()).isEqualTo("这是您新的查询码");
        String fresh = portal.receiptCode();
        assertThat(fresh).matches("[2-9A-Z]{8}").isNotEqualTo(appeal.accessCode());
        assertThat(portal.url()).doesNotContain(fresh);
        portal.open("/recover/done");
        assertThat(portal.heading()).isEqualTo("找回查询码");
        assertThat(portal.follow(appeal.trackingNo(), appeal.accessCode()).shown("not-found"))
                .isNotNull();
        portal.follow(appeal.trackingNo(), fresh);
        assertThat(portal.shown("case-number")).isEqualTo(appeal.trackingNo());
        assertThat(portal.timeline()).anySatisfy(step -> assertThat(step).contains("已发放新查询码，原查询码作废"));
        // and the one-time code is spent
        assertThat(portal.requestRecoveryCode(appeal.trackingNo(), "13800000009")
                        .enterRecoveryCode(oneTime)
                        .errorBeside("code"))
                .startsWith("错误：验证码不正确或已失效");
        assertThat(output.getAll()).doesNotContain(fresh).doesNotContain(oneTime);
    }

    @Test
    void aOneTimeCodeAllowsFiveTriesAndExpiresAfterTenMinutes() {
        // given a one-time code sent for a case
        Case appeal = appeals.submit(AppealFixtures.intake("road", "v0101"));
        PortalForms script = new PortalForms(port);
        script.get("/recover");
        script.post("/recover", Map.of("trackingNo", appeal.trackingNo(), "phone", "13800000001"));
        String oneTime = oneTimeCodeOf(recoverySms(appeal).get(0));
        String wrong = oneTime.equals("000000") ? "111111" : "000000";

        // when five wrong codes are tried
        for (int i = 0; i < 5; i++) {
            script.post("/recover/confirm", Map.of("trackingNo", appeal.trackingNo(), "code", wrong));
        }

        // then the right code no longer works
        PortalForms.Answer late =
                script.post("/recover/confirm", Map.of("trackingNo", appeal.trackingNo(), "code", oneTime));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).contains("验证码不正确或已失效").doesNotContain("这是您新的查询码");

        // given a new code, older than ten minutes
        script.post("/recover", Map.of("trackingNo", appeal.trackingNo(), "phone", "13800000001"));
        String second = oneTimeCodeOf(recoverySms(appeal).get(1));
        jdbc.sql("update appeal_recovery_code set expires_at = expires_at - interval '10 minutes'"
                        + " where tracking_no = ? and not spent")
                .param(appeal.trackingNo())
                .update();

        // when it is entered
        PortalForms.Answer expired =
                script.post("/recover/confirm", Map.of("trackingNo", appeal.trackingNo(), "code", second));

        // then
        assertThat(expired.body()).contains("验证码不正确或已失效").doesNotContain("这是您新的查询码");
        assertThat(new Portal(session.browser(), port)
                        .follow(appeal.trackingNo(), appeal.accessCode())
                        .shown("case-number"))
                .isEqualTo(appeal.trackingNo());
    }

    @Test
    void everyPageHasNoSeriousAccessibilityProblemAndLargeTextStaysOnAcrossPages() {
        for (boolean large : List.of(false, true)) {
            // given a case waiting for the citizen's evaluation
            Case appeal = appeals.submit(AppealFixtures.intake("policy", "v0101"));
            appeals.done("gw-v0101", appeal, "triage", Map.of("path", "IMMEDIATE"));
            appeals.done("gw-v0101", appeal, "handle-immediate", Map.of("onSite", true, "result", "已讲解"));
            appeals.done("gw-v0101", appeal, "feedback", Map.of("feedbackChannel", "PHONE", "feedbackContent", "已告知"));
            Portal portal = new Portal(session.browser(), port).home();
            if (large && !portal.largeText()) {
                portal.switchLargeText();
            }
            List<String> problems = new ArrayList<>();
            String mode = large ? "大字模式" : "标准字号";

            // when every page is visited
            check(portal, mode + " 首页", large, problems);
            portal.choose("我要反映");
            check(portal, mode + " 我要反映", large, problems);
            portal.submitRequest(new Request(null, null, null, null, null, null, false));
            check(portal, mode + " 我要反映（有错误）", large, problems);
            portal.submitRequest(Request.parking());
            check(portal, mode + " 受理回执", large, problems);
            portal.open("/track");
            check(portal, mode + " 查询进度", large, problems);
            portal.follow("LX-20991231-999998", "WRONG234");
            check(portal, mode + " 查询进度（没有查到）", large, problems);
            portal.follow(appeal.trackingNo(), appeal.accessCode());
            check(portal, mode + " 办理进度", large, problems);
            portal.press("评价办理结果");
            check(portal, mode + " 评价", large, problems);
            portal.press("返回办理进度").press("撤回诉求");
            check(portal, mode + " 撤回", large, problems);
            portal.open("/recover");
            check(portal, mode + " 找回查询码", large, problems);
            portal.requestRecoveryCode(appeal.trackingNo(), "13800000001");
            check(portal, mode + " 输入验证码", large, problems);
            portal.enterRecoveryCode(oneTimeCodeOf(recoverySms(appeal).get(0)));
            check(portal, mode + " 新的查询码", large, problems);

            // then
            assertThat(problems).as(mode).isEmpty();
        }
    }

    private static void check(Portal portal, String page, boolean large, List<String> problems) {
        assertThat(portal.largeText()).as("large text on %s", page).isEqualTo(large);
        portal.seriousAccessibilityViolations().forEach(v -> problems.add(page + " — " + v));
    }

    private List<String> recoverySms(Case appeal) {
        return jdbc.sql("select body from notification_outbox where tracking_no = ? and template = 'RECOVERY_CODE'"
                        + " order by id")
                .param(appeal.trackingNo())
                .query(String.class)
                .list();
    }

    private static String oneTimeCodeOf(String sms) {
        Matcher digits = Pattern.compile("验证码 (\\d{6})").matcher(sms);
        assertThat(digits.find()).as(sms).isTrue();
        return digits.group(1);
    }

    private long cases() {
        return jdbc.sql("select count(*) from appeal").query(Long.class).single();
    }

    private String status(Case appeal) {
        return jdbc.sql("select status from appeal where tracking_no = ?")
                .param(appeal.trackingNo())
                .query(String.class)
                .single();
    }

    private long evaluations(Case appeal) {
        return jdbc.sql("select count(*) from appeal_log where tracking_no = ? and entry like '群众评价%'")
                .param(appeal.trackingNo())
                .query(Long.class)
                .single();
    }
}
