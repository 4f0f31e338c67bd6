package cn.lianxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.evidence.SamplePhotos;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.Portal;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.testing.TaskRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;

/**
 * 服务点单 on the portal in a real headless Chromium at a phone's size, on PostgreSQL: a resident orders
 * from the village's resource list → the receipt (code shown once) → the branch dispatches, the member
 * accepts and serves (through the API) → the resident follows and evaluates on the page → the member's
 * points are credited. Bad input answered in Chinese beside its field; replayed, forged and flooded
 * forms store nothing; the three lists public and paged without a person's name; axe-core in both sizes.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ServiceOrderPagesIT {

    private static final String NOT_FOUND = "点单编号不存在，或查询码不正确。请核对点单时得到的编号和查询码。";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @BeforeEach
    void partyMembers() {
        member("pm1", "v0101", "王建国");
        member("pm3", "v0201", "赵红梅");
    }

    /** The members' own tests start from no registration of pm1 … pm4: leave none behind. */
    @AfterEach
    void noPartyMembersLeft() {
        jdbc.sql("delete from points_entry where user_id in ('pm1', 'pm3')").update();
        jdbc.sql("delete from party_member where user_id in ('pm1', 'pm3')").update();
    }

    @Test
    void aResidentOrdersFromTheMenuFollowsTheOrderAndEvaluatesItAndTheMemberIsCredited(CapturedOutput output) {
        // given a service on 东风社区's resource list, offered by the party member 王建国
        long haircut = resource("head-v0101", "v0101", "上门理发", "PARTY_MEMBER", "王建国");

        // when a resident goes from the home page to the village's list
        ServiceOrderPages pages = new ServiceOrderPages(session.browser(), port);
        pages.portal.home().choose("服务点单");
        assertThat(pages.portal.heading()).isEqualTo("服务点单");
        pages.follow("东风社区服务清单");

        // then the service shows, offered by a party member — never by name
        assertThat(pages.portal.heading()).isEqualTo("东风社区服务清单");
        assertThat(pages.portal.shown("offer-" + haircut))
                .contains("上门理发", "党员")
                .doesNotContain("王建国");

        // when they order it
        pages.chooseOffer(haircut);
        assertThat(pages.portal.heading()).isEqualTo("我要点单");
        assertThat(pages.portal.shown("ordered-offer")).contains("上门理发");
        pages.send(ServiceOrderPages.Order.haircut());

        // then the receipt shows the number and the code once; the order is kept with the time that suits
        assertThat(pages.portal.heading()).isEqualTo("您的点单已提交");
        String orderNo = pages.portal.shown("order-no");
        String code = pages.portal.shown("access-code");
        assertThat(orderNo).matches("FW-\\d{8}-\\d{6}");
        assertThat(code).matches("[2-9A-Z]{8}");
        assertThat(pages.portal.text()).contains("只在这里显示一次");
        assertThat(pages.portal.url()).doesNotContain(code);
        assertThat(jdbc.sql("select resident_name || ' ' || phone || ' ' || village_code || ' ' || resource_id"
                                + " || ' ' || status || ' ' || description from service_order where order_no = ?")
                        .param(orderNo)
                        .query(String.class)
                        .single())
                .isEqualTo("张桂兰 13800000002 v0101 " + haircut + " DISPATCHING 腿脚不便，想请人上门理发\n希望服务的时间：周六上午");
        pages.portal.open("/service/receipt");
        assertThat(pages.portal.heading()).isEqualTo("查单 · 评单");
        assertThat(pages.portal.text()).doesNotContain(code);

        // when they follow it before anyone took it
        pages.track(orderNo, code.toLowerCase());

        // then
        assertThat(pages.portal.heading()).isEqualTo("点单进度");
        assertThat(pages.portal.shown("order-status")).isEqualTo("待派单");
        assertThat(pages.portal.shown("order-resident")).isEqualTo("张*兰");
        assertThat(pages.portal.shown("to-evaluation")).isNull();
        assertThat(pages.portal.text()).doesNotContain("13800000002");

        // when the secretary dispatches it to pm1, who accepts, serves and adds a photo of the service
        done(routes().viaApi(
                        "sec-v0101",
                        task("sec-v0101", orderNo, "dispatch"),
                        Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
        done(routes().viaApi("pm1", task("pm1", orderNo, "accept"), Map.of("acceptDecision", "ACCEPT")));
        assertThat(api.as("pm1")
                        .upload("/api/service-orders/" + orderNo + "/photos", photo())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        done(routes().viaApi(
                        "pm1",
                        task("pm1", orderNo, "serve"),
                        Map.of("minutesServed", 90, "serviceRecord", "为张奶奶理了发，顺便修好了门锁")));

        // then the resident sees who served (masked), the record and the photo by a link that carries no code
        pages.track(orderNo, code);
        assertThat(pages.portal.shown("order-status")).isEqualTo("已服务，待评价");
        assertThat(pages.portal.shown("order-member")).isEqualTo("党员 王*国");
        assertThat(pages.portal.shown("service-record")).isEqualTo("为张奶奶理了发，顺便修好了门锁");
        assertThat(pages.portal.shown("minutes-served")).isEqualTo("服务用时：90 分钟");
        List<String> links = pages.portal.photoLinks();
        assertThat(links).singleElement().asString().contains(orderNo).doesNotContain(code);
        assertThat(pages.portal.photosLoaded()).isEqualTo(1);
        // and the link opens that photo only: not with another signature, expiry or order
        PortalForms outsider = new PortalForms(port);
        assertThat(outsider.get(links.get(0)).status()).isEqualTo(200);
        assertThat(outsider.get(links.get(0).replaceAll("sig=[0-9a-f]+", "sig=" + "0".repeat(64)))
                        .status())
                .isEqualTo(404);
        assertThat(outsider.get(links.get(0).replaceAll("until=(\\d+)", "until=9999999999"))
                        .status())
                .isEqualTo(404);
        String other = receiptField(placed("v0101"), "order-no");
        assertThat(outsider.get(links.get(0).replace(orderNo, other)).status()).isEqualTo(404);
        assertThat(pages.portal.text()).doesNotContain("pm1", "王建国");

        // when they send the evaluation without choosing, then choose 满意
        pages.evaluate(null, "很周到");
        assertThat(pages.portal.heading()).isEqualTo("评价这次服务");
        assertThat(pages.portal.errorBeside("satisfaction")).isEqualTo("错误：请选择满意、基本满意或不满意");
        assertThat(pages.portal.valueOf("comment")).isEqualTo("很周到");
        assertThat(points(orderNo)).isEmpty();
        pages.portal.press("返回点单进度");
        pages.evaluate("满意", "很周到");

        // then the order is closed with the evaluation, and the member's points ledger has the service
        assertThat(pages.portal.shown("notice")).isEqualTo("感谢您的评价：满意。");
        assertThat(pages.portal.shown("order-status")).isEqualTo("已办结");
        assertThat(pages.portal.shown("order-satisfaction")).isEqualTo("满意");
        assertThat(pages.portal.timeline()).anySatisfy(step -> assertThat(step).contains("群众评价：满意"));
        assertThat(points(orderNo)).containsExactly("pm1 90 SATISFIED");
        assertThat(pages.portal.url()).doesNotContain(code);

        // and the same evaluation posted again changes nothing
        PortalForms replay = new PortalForms(port);
        replay.get("/service/track");
        PortalForms.Answer again = replay.post(
                "/service/track/evaluation/send",
                Map.of("orderNo", orderNo, "accessCode", code, "satisfaction", "UNSATISFIED", "comment", "重放"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("党员登记服务完成后才能评价");
        assertThat(points(orderNo)).containsExactly("pm1 90 SATISFIED");
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void badInputIsNamedInChineseBesideItsFieldAndNothingIsStored() {
        // given
        long repair = resource("head-v0101", "v0101", "家电维修", "UNIT", "县供电公司");
        ServiceOrderPages pages = new ServiceOrderPages(session.browser(), port);
        pages.portal.open("/service/v0101");
        assertThat(pages.portal.shown("offer-" + repair)).contains("单位", "县供电公司");
        pages.chooseOffer(repair);
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);

        // when the form is sent half filled
        pages.send(new ServiceOrderPages.Order(null, "随时", null, "王五", "12345", false));

        // then every problem is named at the top and beside its field, what was typed is kept, nothing stored
        assertThat(pages.portal.heading()).isEqualTo("我要点单");
        assertThat(pages.portal.errorSummary())
                .containsExactly("需要的服务：必须说明需要什么服务", "手机号码：应为 11 位大陆手机号码", "个人信息使用同意：请阅读并勾选同意，我们才能为您派单");
        assertThat(pages.portal.errorBeside("description")).isEqualTo("错误：必须说明需要什么服务");
        assertThat(pages.portal.errorBeside("phone")).isEqualTo("错误：应为 11 位大陆手机号码");
        assertThat(pages.portal.errorBeside("residentName")).isNull();
        assertThat(pages.portal.valueOf("residentName")).isEqualTo("王五");
        assertThat(pages.portal.valueOf("preferredTime")).isEqualTo("随时");
        assertThat(pages.portal.shown("ordered-offer")).contains("家电维修");
        before.assertUnchanged(jdbcTemplate);

        // when it is completed
        pages.send(new ServiceOrderPages.Order("冰箱不制冷", null, null, null, "13900000005", true));

        // then
        assertThat(pages.portal.heading()).isEqualTo("您的点单已提交");
    }

    @Test
    void replayedForgedAndStrayFormsStoreNothingAndWrongCodesAreAnsweredAlike() {
        // given a form of 东风社区 read once, for one of its services
        long haircut = resource("head-v0101", "v0101", "代买药品", "VOLUNTEER", "李志愿");
        PortalForms script = new PortalForms(port);
        String page = script.get("/service/v0101/order?resource=" + haircut).body();
        Matcher key = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        Map<String, String> fields = new HashMap<>(Map.of(
                "resourceId", Long.toString(haircut),
                "description", "帮忙买降压药",
                "residentName", "赵六",
                "phone", "13700000003",
                "consent", "yes",
                "formKey", key.group(1)));
        long orders = orders();

        // when it is posted twice
        PortalForms.Answer first = script.post("/service/v0101/order", fields);
        String firstReceipt = script.get(first.location()).body();
        PortalForms.Answer second = script.post("/service/v0101/order", fields);
        String secondReceipt = script.get(second.location()).body();

        // then one order; the second receipt names it without its code
        assertThat(first.status()).isEqualTo(302);
        assertThat(orders()).isEqualTo(orders + 1);
        Matcher code = Pattern.compile("id=\"access-code\">([2-9A-Z]{8})<").matcher(firstReceipt);
        assertThat(code.find()).isTrue();
        Matcher number = Pattern.compile("id=\"order-no\">(FW-[0-9-]+)<").matcher(firstReceipt);
        assertThat(number.find()).isTrue();
        assertThat(secondReceipt).contains("之前已经提交过", number.group(1)).doesNotContain(code.group(1));

        // when forms are posted with fields the page has none of, for another village, for a service that is not
        StoreSnapshot before = StoreSnapshot.of(jdbcTemplate);
        Map<String, String> stray = new HashMap<>(fields);
        stray.put("formKey", "stray-1");
        stray.put("memberId", "pm1");
        stray.put("status", "CLOSED");
        PortalForms.Answer strayAnswer = script.post("/service/v0101/order", stray);
        Map<String, String> otherVillage = new HashMap<>(fields);
        otherVillage.put("formKey", "other-village-1");
        PortalForms.Answer otherVillageAnswer = script.post("/service/v0201/order", otherVillage);
        Map<String, String> forged = new HashMap<>(fields);
        forged.put("formKey", "forged-1");
        forged.put("resourceId", "999999999");
        PortalForms.Answer forgedAnswer = script.post("/service/v0101/order", forged);
        PortalForms.Answer unknownVillage = script.post("/service/v9999/order", otherVillage);
        PortalForms.Answer tokenless = new PortalForms(port).post("/service/v0101/order", fields);

        // then each is refused in Chinese and nothing is stored
        assertThat(strayAnswer.status()).isEqualTo(400);
        assertThat(strayAnswer.body()).contains("表单里有本页没有的内容（memberId、status）");
        assertThat(otherVillageAnswer.status()).isEqualTo(200);
        assertThat(otherVillageAnswer.body()).contains("服务项目：不是本村（社区）资源清单中可点的服务");
        assertThat(forgedAnswer.body()).contains("服务项目：不是本村（社区）资源清单中可点的服务");
        assertThat(unknownVillage.status()).isEqualTo(404);
        assertThat(tokenless.status()).isIn(403, 404);
        before.assertUnchanged(jdbcTemplate);

        // when an order is followed with another order's code, an unknown number, or garbage
        PortalForms.Answer mine = placed("v0201");
        String theirs = code.group(1);
        ServiceOrderPages pages = new ServiceOrderPages(session.browser(), port);
        String myNumber = receiptField(mine, "order-no");
        pages.track("", "");
        assertThat(pages.portal.errorSummary())
                .containsExactly("点单编号：请填写点单编号，例如 FW-20261206-000001", "查询码：请填写查询码（8 位字母和数字）");
        assertThat(pages.portal.errorBeside("orderNo")).isEqualTo("错误：请填写点单编号，例如 FW-20261206-000001");
        String wrongCode = pages.track(myNumber, theirs).portal.shown("not-found");
        String unknown = pages.track("FW-20991231-999999", theirs).portal.shown("not-found");
        String garbage =
                pages.track("<script>alert(1)</script>", "' or 1=1 --").portal.shown("not-found");

        // then one answer, which does not tell whether the number exists
        assertThat(wrongCode).isEqualTo(NOT_FOUND);
        assertThat(unknown).isEqualTo(NOT_FOUND);
        assertThat(garbage).isEqualTo(NOT_FOUND);
        assertThat(pages.portal.valueOf("accessCode")).isEmpty();

        // and an evaluation posted with another order's code is a 404 and stores nothing
        StoreSnapshot untouched = StoreSnapshot.of(jdbcTemplate);
        PortalForms.Answer evaluation = script.post(
                "/service/track/evaluation/send",
                Map.of("orderNo", myNumber, "accessCode", theirs, "satisfaction", "SATISFIED"));
        assertThat(evaluation.status()).isEqualTo(404);
        assertThat(evaluation.body()).contains(NOT_FOUND).doesNotContain("赵六");
        untouched.assertUnchanged(jdbcTemplate);
    }

    @Test
    void aFloodOfGuessesGetsThe429PageInChinese() {
        // given a script guessing codes for one number (the limit per number in tests: 1000)
        PortalForms script = new PortalForms(port);
        script.get("/service/track");
        Map<String, String> guess = Map.of("orderNo", "FW-20991231-000429", "accessCode", "WRONG234");

        // when it floods
        PortalForms.Answer answer = null;
        int tries = 0;
        while (tries < 1200 && (answer == null || answer.status() != 429)) {
            answer = script.post("/service/track", guess);
            tries++;
        }

        // then it is stopped with a page in Chinese
        assertThat(answer.status()).isEqualTo(429);
        assertThat(tries).isGreaterThan(1000).isLessThan(1200);
        assertThat(answer.body()).contains("查询码尝试次数过多", "秒后再试");
    }

    @Test
    void theThreeListsArePublicPagedAndNameNoPersonOrResident() {
        // given eleven services of 河口村 (one offered by a volunteer by name), a need heard from a resident
        // with their phone as its note, a project of the department 住建, one of a person, one closed
        List<Long> offered = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            offered.add(resource("head-v0201", "v0201", "服务" + i, i == 11 ? "VOLUNTEER" : "UNIT", "志愿者孙丽" + i));
        }
        assertThat(api.as("head-v0201")
                        .post(
                                "/api/villages/v0201/needs",
                                Map.of("title", "老年食堂", "source", "RESIDENT", "sourceRef", "13800000077"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        long unit = project("修缮村道", "住建");
        long person = project("照看留守儿童", "周文华");
        long closed = project("已取消的项目", "住建");
        assertThat(api.as("head-v0201")
                        .post("/api/villages/v0201/projects/" + closed + "/closure", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ServiceOrderPages pages = new ServiceOrderPages(session.browser(), port);

        // when anyone reads the resource list, a page at a time
        pages.portal.open("/service/v0201");

        // then the newest ten show first, the eleventh on the next page; a person offering one is not named
        assertThat(pages.portal.shown("offer-" + offered.get(10)))
                .contains("服务11", "志愿者")
                .doesNotContain("孙丽");
        assertThat(pages.portal.shown("offer-" + offered.get(1))).contains("服务2", "志愿者孙丽2");
        assertThat(pages.portal.shown("offer-" + offered.get(0))).isNull();
        pages.follow("下一页");
        assertThat(pages.portal.shown("offer-" + offered.get(0))).contains("服务1");

        // and the need list names no resident; the project list names the owner only when it is a unit
        pages.follow("需求清单");
        assertThat(pages.portal.heading()).isEqualTo("河口村服务清单");
        assertThat(pages.portal.text()).contains("老年食堂", "群众提出", "跟进中").doesNotContain("13800000077");
        pages.follow("项目清单");
        assertThat(pages.portal.shown("project-" + unit)).contains("修缮村道", "责任单位", "住建", "计划中");
        assertThat(pages.portal.shown("project-" + person)).contains("照看留守儿童").doesNotContain("周文华");
        assertThat(pages.portal.shown("project-" + closed)).isNull();

        // and an unknown village is a page in Chinese
        pages.portal.open("/service/v9999");
        assertThat(pages.portal.heading()).isEqualTo("未找到该村（社区）");
        assertThat(new PortalForms(port).get("/service/v9999").status()).isEqualTo(404);
        assertThat(new PortalForms(port).get("/service/v0201/needs?before=abc").status())
                .isEqualTo(400);
    }

    @Test
    void everyPageHasNoSeriousAccessibilityProblemInBothTextSizes() {
        long offer = resource("head-v0101", "v0101", "陪同就医", "PARTNER", "县人民医院");
        for (boolean large : List.of(false, true)) {
            // given an order served and waiting for the evaluation
            PortalForms.Answer placed = placed("v0101");
            String orderNo = receiptField(placed, "order-no");
            String code = receiptField(placed, "access-code");
            done(routes().viaApi(
                            "sec-v0101",
                            task("sec-v0101", orderNo, "dispatch"),
                            Map.of("dispatchDecision", "DISPATCH", "memberId", "pm1")));
            done(routes().viaApi("pm1", task("pm1", orderNo, "accept"), Map.of("acceptDecision", "ACCEPT")));
            done(routes().viaApi(
                            "pm1", task("pm1", orderNo, "serve"), Map.of("minutesServed", 30, "serviceRecord", "已陪同")));
            ServiceOrderPages pages = new ServiceOrderPages(session.browser(), port);
            Portal portal = pages.portal.home();
            if (large && !portal.largeText()) {
                portal.switchLargeText();
            }
            List<String> problems = new ArrayList<>();
            String mode = large ? "大字模式" : "标准字号";

            // when every page is visited
            portal.choose("服务点单");
            check(portal, mode + " 服务点单", large, problems);
            pages.follow("东风社区服务清单");
            check(portal, mode + " 资源清单", large, problems);
            pages.follow("需求清单");
            check(portal, mode + " 需求清单", large, problems);
            pages.follow("项目清单");
            check(portal, mode + " 项目清单", large, problems);
            portal.open("/service/v0101");
            pages.chooseOffer(offer);
            check(portal, mode + " 点单", large, problems);
            pages.send(new ServiceOrderPages.Order(null, null, null, null, null, false));
            check(portal, mode + " 点单（有错误）", large, problems);
            pages.send(ServiceOrderPages.Order.haircut());
            check(portal, mode + " 点单回执", large, problems);
            pages.track("FW-20991231-999998", "WRONG234");
            check(portal, mode + " 查单（没有查到）", large, problems);
            pages.track(orderNo, code);
            check(portal, mode + " 点单进度", large, problems);
            portal.press("评价这次服务");
            check(portal, mode + " 评单", large, problems);

            // then
            assertThat(problems).as(mode).isEmpty();
        }
    }

    private static void check(Portal portal, String page, boolean large, List<String> problems) {
        assertThat(portal.largeText()).as("large text on %s", page).isEqualTo(large);
        portal.seriousAccessibilityViolations().forEach(v -> problems.add(page + " — " + v));
    }

    // ---- the moves ----

    private long resource(String user, String village, String title, String kind, String provider) {
        ResponseEntity<JsonNode> added = api.as(user)
                .post(
                        "/api/villages/" + village + "/resources",
                        Map.of(
                                "title",
                                title,
                                "description",
                                title + "，请提前一天预约",
                                "providerKind",
                                kind,
                                "providerName",
                                provider));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        return added.getBody().get("id").asLong();
    }

    private long project(String title, String owner) {
        ResponseEntity<JsonNode> added = api.as("head-v0201")
                .post(
                        "/api/villages/v0201/projects",
                        Map.of("title", title, "owner", owner, "startsOn", "2026-12-01", "endsOn", "2027-03-31"));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        return added.getBody().get("id").asLong();
    }

    /** An order placed by a script through the page's form (no service chosen); the receipt page read. */
    private PortalForms.Answer placed(String village) {
        PortalForms form = new PortalForms(port);
        String page = form.get("/service/" + village + "/order").body();
        Matcher key = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).isTrue();
        PortalForms.Answer sent = form.post(
                "/service/" + village + "/order",
                Map.of(
                        "description", "想请人帮忙换灯泡",
                        "residentName", "钱七",
                        "phone", "13600000004",
                        "consent", "yes",
                        "formKey", key.group(1)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        return form.get(sent.location());
    }

    private static String receiptField(PortalForms.Answer receipt, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(receipt.body());
        assertThat(m.find()).as(receipt.body()).isTrue();
        return m.group(1);
    }

    private TaskRoutes routes() {
        return new TaskRoutes(api, tasks) {};
    }

    private String task(String user, String orderNo, String taskKey) {
        String id = routes().engineTaskIdOf(user, orderNo, taskKey);
        assertThat(id).as("%s's task %s of %s", user, taskKey, orderNo).isNotNull();
        return id;
    }

    private static void done(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
    }

    private List<String> points(String orderNo) {
        return jdbc.sql("select user_id || ' ' || minutes_served || ' ' || satisfaction from points_entry"
                        + " where order_no = ?")
                .param(orderNo)
                .query(String.class)
                .list();
    }

    private long orders() {
        return jdbc.sql("select count(*) from service_order").query(Long.class).single();
    }

    private void member(String userId, String village, String name) {
        jdbc.sql("insert into party_member (user_id, village_code, name, employer, skills, availability, status,"
                        + " registered_at) values (?, ?, ?, '县人社局', '理发', '周末', 'CONFIRMED', current_timestamp)"
                        + " on conflict (user_id) do update set village_code = excluded.village_code,"
                        + " name = excluded.name, status = excluded.status")
                .params(userId, village, name)
                .update();
    }

    private static MultiValueMap<String, Object> photo() {
        return SamplePhotos.jpegUpload("photos", "after.jpg", SamplePhotos.jpegWithGps(64, 48, 1));
    }
}
