package cn.lianxin.portal;

import static cn.lianxin.testing.DeliberationFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.DeliberationFixtures;
import cn.lianxin.testing.DeliberationFixtures.Topic;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.SqlStatements;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The village notice board (公示栏) in a real headless Chromium at a phone's size (390×844), on
 * PostgreSQL: a resident chooses 东风社区, finds the plan under notice, opens it and gives an opinion
 * (stored once, shown as received); an objection without its text is refused beside the field with
 * nothing stored; a resident of 向阳村 proposes a topic and reads its receipt once; another village's
 * board does not show 东风's notice; a forged topic number is a Chinese 404 page; a replayed POST
 * stores nothing more; with JavaScript off the board still reads and takes an opinion (the 429 page
 * is {@code BoardProblemsTests}': a bucket refilling while a browser types cannot be held empty). axe-core finds no serious or critical violation on any
 * board page, in standard and large-text mode.
 */
@PlatformIntegrationTest
class BoardPageIT {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    DeliberationFixtures deliberations;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqlStatements sql;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @Test
    void aResidentFindsTheNoticeOnTheVillagesBoardAndGivesAnOpinion() {
        // given a topic of 东风社区 whose plan is under notice
        String title = "东风社区加装路灯 " + PHONES.incrementAndGet();
        Topic topic = noticed(title);
        NoticeBoard board = new NoticeBoard(session.browser(), base());

        // when a resident chooses 东风社区 on the board
        board.chooseVillage("东风社区");

        // then the notice is listed with its stage and days left, and the page passes axe
        assertThat(board.noticeTitles()).anyMatch(t -> t.contains(title));
        assertThat(board.text()).contains("协商前公示", "议题进展：协商前公示中", "正在公示，还剩");
        assertThat(board.seriousViolations()).isEmpty();

        // when the resident opens it
        board.openNotice("协商议题“" + title + "”协商方案公示");

        // then the plan is shown with its shareable link, previewed in WeChat by its Open Graph meta
        assertThat(board.text()).contains("协商方案", "讨论路灯位置和经费", "东风社区党群服务中心议事厅");
        assertThat(board.shareUrl()).endsWith("/board/topics/" + topic.deliberationNo());
        assertThat(board.copyButtonShown()).isTrue();
        assertThat(board.meta("og:title")).contains(title, "东风社区");
        assertThat(board.meta("og:url")).isEqualTo(board.shareUrl());
        assertThat(board.seriousViolations()).isEmpty();

        // when the resident gives an opinion
        long before = opinionsOf(topic);
        board.giveOpinion(false, "王小明", "13700000007", "灯别照进卧室");

        // then the page says it was received, lists it with the name masked, and it is stored once
        assertThat(board.text()).contains("您的意见已收到", "王*明 提出意见", "灯别照进卧室");
        assertThat(board.url()).endsWith("/board/topics/" + topic.deliberationNo() + "#received");
        assertThat(opinionsOf(topic)).isEqualTo(before + 1);
        assertThat(board.seriousViolations()).isEmpty();

        // and another village's board (河口村) does not show 东风's notice
        board.chooseVillage("河口村");
        assertThat(board.noticeTitles()).noneMatch(t -> t.contains(title));
    }

    @Test
    void theBoardShowsTheMeetingsVoteAndTheLedgersMilestonesWithTheirLights() {
        // given a topic whose plan was noticed, debated and passed 4 to 1 by the five representatives
        String title = "东风社区增设快递柜 " + PHONES.incrementAndGet();
        Topic topic = noticed(title);
        deliberations.bringForward(topic, "plan-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> deliberations.hasOpenTask(topic, "review-opinions"));
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                deliberations.taskOf("host-v0101", topic, "review-opinions"),
                                Map.of("objectionsSignificant", false, "opinionResponse", "无异议"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                deliberations.taskOf("host-v0101", topic, "meeting-record"),
                                Map.of(
                                        "attendees",
                                        List.of("rep1", "rep2", "rep3", "rep4", "rep5"),
                                        "agenda",
                                        "一、介绍方案；二、表决",
                                        "votesFor",
                                        4,
                                        "votesAgainst",
                                        1,
                                        "votesAbstain",
                                        0,
                                        "minutes",
                                        "与会代表充分讨论后表决"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // and whose ledger's first milestone is overdue (red), the second still ahead (green)
        deliberations.bringForward(topic, "result-notice-period");
        await().atMost(Duration.ofSeconds(60)).until(() -> deliberations.hasOpenTask(topic, "set-up-ledger"));
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                deliberations.taskOf("host-v0101", topic, "set-up-ledger"),
                                Map.of(
                                        "responsibleUnit", "cg",
                                        "measures", "安装两组快递柜",
                                        "milestones",
                                                List.of(
                                                        Map.of(
                                                                "title",
                                                                "完成选址",
                                                                "dueDate",
                                                                today.plusDays(20)
                                                                        .toString()),
                                                        Map.of(
                                                                "title",
                                                                "完成安装",
                                                                "dueDate",
                                                                today.plusDays(40)
                                                                        .toString()))))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        deliberations.passMilestoneDate(topic);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "select light from deliberation_milestone where deliberation_no = ? and title = ?")
                .params(topic.deliberationNo(), "完成选址")
                .query(String.class)
                .single()
                .equals("RED"));

        // and two more topics under notice on the same board
        noticed("东风社区健身器材维修 " + PHONES.incrementAndGet());
        noticed("东风社区电动车充电 " + PHONES.incrementAndGet());

        // then the board's first page costs a fixed number of statements, not a few per topic: the
        // notices, their topics, the latest meetings (minutes, attendance, votes), the milestones, and
        // the unit tree when its cache has just expired
        SqlStatements.Request page = sql.of(() -> {
            try {
                assertThat(status(HttpClient.newHttpClient(), "/board/v0101")).isEqualTo(200);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(page.count()).as(page.statements().toString()).isLessThanOrEqualTo(7);

        // when a resident reads 东风社区's board
        NoticeBoard board = new NoticeBoard(session.browser(), base()).chooseVillage("东风社区");

        // then the result notice shows the vote, and the ledger's milestones with word, colour and shape
        assertThat(board.noticeTitles()).anyMatch(t -> t.contains(title) && t.contains("协商结果公示"));
        assertThat(board.text())
                .contains("表决通过", "到会代表 5/5 人，赞成 4 票，反对 1 票，弃权 0 票", "落实台账")
                .containsPattern("■\\s*超期\\s*完成选址")
                .containsPattern("●\\s*正常\\s*完成安装");
        assertThat(board.lightOf("完成选址")).isEqualTo("light-red");
        assertThat(board.seriousViolations()).isEmpty();
    }

    @Test
    void anObjectionWithoutItsTextIsRefusedBesideTheFieldInLargeTextAndNothingIsStored() {
        // given a topic under notice, read in large-text mode
        Topic topic = noticed("河堤护栏 " + PHONES.incrementAndGet());
        NoticeBoard board = new NoticeBoard(session.browser(), base()).open("/board/topics/" + topic.deliberationNo());
        board.switchLargeText();
        assertThat(board.largeText()).isTrue();
        long before = opinionsOf(topic);

        // when a resident sends an objection with a name but no text
        board.giveOpinion(true, "李四", "", "");

        // then the Chinese error stands beside the field, named by it, and nothing is stored
        assertThat(board.errorBeside("content")).isEqualTo("必须填写意见内容");
        assertThat(board.describedBy("content")).contains("error-content");
        assertThat(board.errorBeside("authorName")).isEmpty();
        assertThat(board.text()).contains("提交没有成功");
        assertThat(opinionsOf(topic)).isEqualTo(before);
        assertThat(board.largeText()).isTrue();
        assertThat(board.seriousViolations()).isEmpty();

        // and the board's other pages pass axe in large-text mode too
        board.open("/board");
        assertThat(board.largeText()).isTrue();
        assertThat(board.seriousViolations()).isEmpty();
        board.open("/board/v0101");
        assertThat(board.seriousViolations()).isEmpty();
        board.open("/board/v0101/propose");
        assertThat(board.seriousViolations()).isEmpty();
        board.open("/board/topics/YS-20000101-999999");
        assertThat(board.seriousViolations()).isEmpty();
    }

    @Test
    void aResidentProposesATopicAndReadsTheReceiptOnce() {
        String title = "向阳村文化广场晚上噪音 " + PHONES.incrementAndGet();
        NoticeBoard board = new NoticeBoard(session.browser(), base()).open("/board/v0102/propose");
        assertThat(board.heading()).isEqualTo("向向阳村提议题");
        assertThat(board.seriousViolations()).isEmpty();

        // when the resident leaves out the consent and writes a bad phone number
        board.propose(title, "广场舞音响开到十点", "赵六", "1234", false);

        // then both are refused beside their fields and no topic is opened
        assertThat(board.errorBeside("consent")).contains("同意");
        assertThat(board.errorBeside("phone")).isEqualTo("应为 11 位大陆手机号码");
        assertThat(topicsTitled(title)).isZero();
        assertThat(board.seriousViolations()).isEmpty();

        // when the resident corrects them
        board.propose(title, "广场舞音响开到十点", "赵六", "13900000" + String.format("%03d", PHONES.get()), true);

        // then the receipt shows the number and its access code, which no URL carries
        assertThat(board.heading()).isEqualTo("议题已提交");
        String no = session.browser()
                .driver()
                .findElement(org.openqa.selenium.By.id("receipt-no"))
                .getText();
        String code = session.browser()
                .driver()
                .findElement(org.openqa.selenium.By.id("receipt-code"))
                .getText();
        assertThat(no).startsWith("YS-");
        assertThat(code).isNotBlank();
        assertThat(board.url()).doesNotContain(code).endsWith("/board/v0102/propose/receipt");
        assertThat(board.seriousViolations()).isEmpty();
        assertThat(jdbc.sql("select village_code from deliberation where deliberation_no = ?")
                        .param(no)
                        .query(String.class)
                        .single())
                .isEqualTo("v0102");
        assertThat(topicsTitled(title)).isEqualTo(1);

        // when the receipt is loaded again, the code is gone: back to the form
        board.open("/board/v0102/propose/receipt");
        assertThat(board.heading()).isEqualTo("向向阳村提议题");
        assertThat(board.text()).doesNotContain(code);

        // and the topic's own page shows it in review, with the proposer masked
        board.open("/board/topics/" + no);
        assertThat(board.text()).contains(title, "议题审核中", "赵*");
    }

    @Test
    void aForgedTopicOrVillageIsAChinesePageNotFound() throws Exception {
        NoticeBoard board = new NoticeBoard(session.browser(), base());

        board.open("/board/topics/YS-20000101-999999");
        assertThat(board.heading()).isEqualTo("未找到该议题");
        assertThat(board.text()).contains("议题编号不存在");

        board.open("/board/v9999");
        assertThat(board.heading()).isEqualTo("未找到该村（社区）");

        HttpClient http = HttpClient.newHttpClient();
        assertThat(status(http, "/board/topics/YS-20000101-999999")).isEqualTo(404);
        assertThat(status(http, "/board/v9999")).isEqualTo(404);
        assertThat(status(http, "/board/t01")).isEqualTo(404);
        assertThat(status(http, "/board/v9999/propose")).isEqualTo(404);
        // the form's address opened as a page (the large-text switch returns there) leads to the topic
        assertThat(status(http, "/board/topics/YS-20000101-999999/opinions")).isEqualTo(302);
        // a page link that is no notice of this board
        assertThat(status(http, "/board/v0101?before=999999999")).isEqualTo(400);
        assertThat(status(http, "/board/v0101?before=abc")).isEqualTo(400);
    }

    @Test
    void aReplayedPostStoresNothingMore() throws Exception {
        // given a topic under notice and the opinion form as the page served it
        Topic topic = noticed("小区停车位划线 " + PHONES.incrementAndGet());
        Form form = form("/board/topics/" + topic.deliberationNo());
        long before = opinionsOf(topic);

        // when the same form is sent twice
        Map<String, String> opinion = Map.of("kind", "OPINION", "authorName", "钱七", "content", "同意划线");
        HttpResponse<String> first = form.post("/board/topics/" + topic.deliberationNo() + "/opinions", opinion);
        HttpResponse<String> again = form.post("/board/topics/" + topic.deliberationNo() + "/opinions", opinion);

        // then both answers lead to the confirmation, and it is stored once
        assertThat(first.statusCode()).isEqualTo(HttpStatus.FOUND.value());
        assertThat(again.statusCode()).isEqualTo(HttpStatus.FOUND.value());
        assertThat(again.headers().firstValue("Location").orElseThrow())
                .endsWith("/board/topics/" + topic.deliberationNo() + "#received");
        assertThat(opinionsOf(topic)).isEqualTo(before + 1);

        // and without the form's token nothing is stored either
        HttpResponse<String> forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(base() + "/board/topics/" + topic.deliberationNo() + "/opinions"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of(
                                        "kind", "OPINION", "authorName", "钱七", "content", "伪造", "formKey", "x"))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isIn(403, 404);
        assertThat(opinionsOf(topic)).isEqualTo(before + 1);

        // and a proposal sent twice opens one topic, both answers leading to the receipt
        String title = "东风社区垃圾分类亭 " + PHONES.incrementAndGet();
        Form proposal = form("/board/v0101/propose");
        Map<String, String> fields = Map.of(
                "title", title, "background", "分类亭太少", "proposerName", "孙八", "phone", "13911112222", "consent", "yes");
        assertThat(proposal.post("/board/v0101/propose", fields).statusCode()).isEqualTo(302);
        assertThat(proposal.post("/board/v0101/propose", fields).statusCode()).isEqualTo(302);
        assertThat(topicsTitled(title)).isEqualTo(1);
    }

    @Test
    void withJavaScriptOffTheBoardReadsAndTakesAnOpinion() {
        // given a topic under notice, and a browser that runs no page script
        String title = "老年食堂开餐时间 " + PHONES.incrementAndGet();
        Topic topic = noticed(title);
        NoticeBoard board = new NoticeBoard(session.browser(), base()).withoutJavaScript();

        // when the resident reads the board and opens the notice
        board.chooseVillage("东风社区");
        assertThat(board.noticeTitles()).anyMatch(t -> t.contains(title));
        board.openNotice("协商议题“" + title + "”协商方案公示");

        // then the link is there to copy by hand, without the script's button
        assertThat(board.shareUrl()).endsWith("/board/topics/" + topic.deliberationNo());
        assertThat(board.copyButtonShown()).isFalse();

        // and an opinion goes through and is confirmed
        long before = opinionsOf(topic);
        board.giveOpinion(false, "周九", "", "建议提前到十一点");
        assertThat(board.text()).contains("您的意见已收到", "周* 提出意见");
        assertThat(opinionsOf(topic)).isEqualTo(before + 1);
    }

    // ---- helpers ----

    /** A topic of 东风社区 proposed, accepted and planned: its plan is under notice now. */
    private Topic noticed(String title) {
        Topic topic = deliberations.propose(proposal(title, "135" + String.format("%08d", PHONES.incrementAndGet())));
        String review = deliberations.taskOf("host-v0101", topic, "topic-review");
        assertThat(deliberations
                        .submitForm("host-v0101", review, Map.of("decision", "ACCEPT"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String plan = deliberations.taskOf("host-v0101", topic, "prepare-plan");
        Instant meetingAt = workingDays.add(Instant.now(), 5).plus(2, ChronoUnit.DAYS);
        assertThat(deliberations
                        .viaApi(
                                "host-v0101",
                                plan,
                                Map.of(
                                        "meetingAt",
                                        OffsetDateTime.ofInstant(meetingAt, WorkingDays.ZONE)
                                                .truncatedTo(ChronoUnit.MINUTES)
                                                .toString(),
                                        "meetingPlace",
                                        "东风社区党群服务中心议事厅",
                                        "participants",
                                        "议事代表 5 人，住户代表",
                                        "plan",
                                        "讨论路灯位置和经费，表决是否实施"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return topic;
    }

    private long opinionsOf(Topic topic) {
        return jdbc.sql("select count(*) from deliberation_opinion where deliberation_no = ?")
                .param(topic.deliberationNo())
                .query(Long.class)
                .single();
    }

    private long topicsTitled(String title) {
        return jdbc.sql("select count(*) from deliberation where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private int status(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The form of the page at this path as a browser gets it: the CSRF cookie and the hidden fields. */
    private Form form(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LX-PORTAL-CSRF="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            hidden.put(m.group(1), m.group(2));
        }
        assertThat(hidden).containsKeys("_csrf", "formKey");
        return new Form(cookie, hidden);
    }

    /** A form as a page served it: its CSRF cookie and hidden fields, sent as often as a test likes. */
    private final class Form {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String cookie;
        private final Map<String, String> hidden;

        private Form(String cookie, Map<String, String> hidden) {
            this.cookie = cookie;
            this.hidden = hidden;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            Map<String, String> all = new LinkedHashMap<>(hidden);
            all.putAll(fields);
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", cookie)
                            .POST(HttpRequest.BodyPublishers.ofString(encode(all)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
}
