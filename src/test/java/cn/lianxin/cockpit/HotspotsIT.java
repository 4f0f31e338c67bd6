package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.DailyTallies;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 未诉先办 on PostgreSQL: requests of one kind at one place of a village within 30 days, however the
 * place was written, make a hotspot; a leader's 批示 reaches the cases' logs and the village's and
 * town's inboxes once; the station head raises one deliberation topic from it; and nobody else
 * sees or does any of it.
 */
@PlatformIntegrationTest
class HotspotsIT {

    @Autowired
    Api api;

    @Autowired
    AppealFixtures appeals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    DailyTallies tallies;

    /** A place of this test run only (other tests' cases are at 3号楼). */
    String estate;

    List<String> cluster;

    @BeforeEach
    void threeRequestsAboutTheLightsOfOneBuildingWrittenThreeWays() {
        estate = "热点测试小区" + ThreadLocalRandom.current().nextInt(1_000_000);
        cluster = new ArrayList<>();
        cluster.add(submit("lighting", "v0101", estate + "5号楼"));
        cluster.add(submit("lighting", "v0101", estate + " ５栋"));
        cluster.add(submit("lighting", "v0101", estate + "，5幢"));
        // not of it: another kind at the place, the same kind elsewhere, and one too long ago
        submit("road", "v0101", estate + "5号楼");
        submit("lighting", "v0101", estate + "6号楼");
        submit("lighting", "v0101", estate + "6号楼");
        olderCase("v0101", "lighting", estate + "5号楼", Duration.ofDays(31));
    }

    @Test
    void repeatedRequestsAtOnePlaceAreAHotspotHoweverThePlaceWasWritten() {
        // when
        JsonNode view = ok(api.as("leader").get("/api/cockpit/hotspots"));

        // then
        JsonNode hotspot = hotspotAt(view, estate + "5栋");
        assertThat(hotspot).as("the hotspot of %s", estate).isNotNull();
        assertThat(hotspot.get("count").asLong()).isEqualTo(3);
        assertThat(hotspot.get("open").asLong()).isEqualTo(3);
        assertThat(hotspot.get("villageName").asText()).isEqualTo("东风社区");
        assertThat(hotspot.get("categoryLabel").asText()).isEqualTo("楼道照明");
        assertThat(hotspot.get("place").asText())
                .as("as the latest request wrote it")
                .isEqualTo(estate + "，5幢");
        List<String> newestFirst = new ArrayList<>(cluster);
        java.util.Collections.reverse(newestFirst);
        assertThat(texts(hotspot.get("trackingNos"))).containsExactlyElementsOf(newestFirst);
        assertThat(hotspotAt(view, estate + "6栋"))
                .as("two requests are not yet a hotspot")
                .isNull();
        assertThat(view.get("days").asInt()).isEqualTo(30);
        assertThat(view.get("min").asInt()).isEqualTo(3);
        assertThat(view.get("mayInstruct").asBoolean()).isTrue();

        // and with a window and threshold of the leader's choosing
        JsonNode two = ok(api.as("leader").get("/api/cockpit/hotspots?days=7&min=2"));
        assertThat(hotspotAt(two, estate + "6栋").get("count").asLong()).isEqualTo(2);
        JsonNode sixtyDays = ok(api.as("leader").get("/api/cockpit/hotspots?days=60"));
        assertThat(hotspotAt(sixtyDays, estate + "5栋").get("count").asLong())
                .as("the request of 31 days ago is inside 60 days")
                .isEqualTo(4);
    }

    @Test
    void eachUnitSeesTheHotspotsOfItsOwnCasesOnly() {
        assertThat(hotspotAt(ok(api.as("head-v0101").get("/api/cockpit/hotspots")), estate + "5栋"))
                .isNotNull();
        assertThat(hotspotAt(ok(api.as("center-t01").get("/api/cockpit/hotspots")), estate + "5栋"))
                .isNotNull();
        assertThat(hotspotAt(ok(api.as("head-v0201").get("/api/cockpit/hotspots")), estate + "5栋"))
                .isNull();
        assertThat(hotspotAt(ok(api.as("center-t02").get("/api/cockpit/hotspots")), estate + "5栋"))
                .isNull();
        assertThat(hotspotAt(ok(api.as("dept-cg").get("/api/cockpit/hotspots")), estate + "5栋"))
                .as("no part of these cases went to the department")
                .isNull();
        assertThat(ok(api.as("head-v0101").get("/api/cockpit/hotspots"))
                        .get("mayInstruct")
                        .asBoolean())
                .isFalse();
        assertThat(api.as("head-v0101").get("/api/cockpit/hotspots?unit=t02").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("gw-v0101").get("/api/cockpit/hotspots").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/cockpit/hotspots", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        Api.assertRefusedField(api.as("leader").get("/api/cockpit/hotspots?days=3"), "days");
        Api.assertRefusedField(api.as("leader").get("/api/cockpit/hotspots?min=abc"), "min");
    }

    @Test
    void aLeadersInstructionReachesTheCasesAndTheVillageOnce() {
        // when
        ResponseEntity<JsonNode> instructed =
                api.as("leader").post("/api/cockpit/hotspots/instructions", instruction("请城管、供电所一周内彻底修复并回访"));

        // then
        assertThat(instructed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (String trackingNo : cluster) {
            assertThat(jdbc.sql("select entry from appeal_log where tracking_no = ? and kind = 'INSTRUCTION'")
                            .param(trackingNo)
                            .query(String.class)
                            .list())
                    .singleElement()
                    .asString()
                    .contains("领导批示", "请城管、供电所一周内彻底修复并回访");
        }
        assertThat(inboxTexts("head-v0101")).anyMatch(text -> text.contains(estate) && text.contains("一周内彻底修复"));
        assertThat(inboxTexts("center-t01")).anyMatch(text -> text.contains(estate));
        assertThat(inboxTexts("head-v0201")).noneMatch(text -> text.contains(estate));
        JsonNode hotspot = hotspotAt(ok(api.as("head-v0101").get("/api/cockpit/hotspots")), estate + "5栋");
        assertThat(hotspot.at("/instructions/0/text").asText()).isEqualTo("请城管、供电所一周内彻底修复并回访");
        assertThat(hotspot.at("/instructions/0/by").asText()).isEqualTo("leader");
        assertThat(hotspot.at("/instructions/0/byName").asText())
                .as("the leader's name, which the station head may not look up in the directory")
                .isNotBlank()
                .isNotEqualTo("leader");

        // when the same 批示 is sent again (a double click, a replay)
        long logged = instructionLines();
        ResponseEntity<JsonNode> replayed =
                api.as("leader").post("/api/cockpit/hotspots/instructions", instruction("请城管、供电所一周内彻底修复并回访"));

        // then
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(instructionLines()).isEqualTo(logged);
        assertThat(instructionsOfTheHotspot()).isEqualTo(1);
    }

    @Test
    void aHotspotBeyondTheListsLengthIsInstructedToo() {
        // given more bigger hotspots than the list shows (four cases each against the test's three)
        String bigger = "更大的热点小区" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> biggerCases = new ArrayList<>();
        try {
            for (int place = 0; place < Hotspots.MAX_HOTSPOTS; place++) {
                for (int i = 0; i < 4; i++) {
                    biggerCases.add(olderCase("v0101", "lighting", bigger + place + "栋", Duration.ofDays(2)));
                }
            }
            assertThat(ok(api.as("leader").get("/api/cockpit/hotspots")).path("items"))
                    .as("the list holds the bigger ones only")
                    .hasSize(Hotspots.MAX_HOTSPOTS)
                    .noneMatch(h -> h.path("placeKey").asText().equals(estate + "5栋"));

            // when
            ResponseEntity<JsonNode> instructed =
                    api.as("leader").post("/api/cockpit/hotspots/instructions", instruction("请一并处理"));

            // then
            assertThat(instructed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(instructionsOfTheHotspot()).isEqualTo(1);
        } finally {
            jdbc.sql("delete from appeal_fact where tracking_no in (:nos)")
                    .param("nos", biggerCases)
                    .update();
            jdbc.sql("delete from appeal where tracking_no in (:nos)")
                    .param("nos", biggerCases)
                    .update();
            tallies.rebuild();
        }
    }

    @Test
    void onlyTheCountyAndTheVillagesTownMayInstructAndOnlyAHotspotThatIsOne() {
        long before = instructionLines();

        assertThat(api.as("head-v0101")
                        .post("/api/cockpit/hotspots/instructions", instruction("站长不能批示"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("center-t02")
                        .post("/api/cockpit/hotspots/instructions", instruction("别镇不能批示"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("dept-cg")
                        .post("/api/cockpit/hotspots/instructions", instruction("部门不能批示"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/cockpit/hotspots/instructions", Api.json(instruction("匿名")), String.class)
                        .getStatusCode())
                .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        Map<String, Object> forged = instruction("不是热点");
        forged.put("placeKey", estate + "6栋");
        assertThat(api.as("leader")
                        .post("/api/cockpit/hotspots/instructions", forged)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> extra = instruction("多余字段");
        extra.put("instructedBy", "supervisor");
        Api.assertRefusedField(api.as("leader").post("/api/cockpit/hotspots/instructions", extra), "instructedBy");
        Api.assertRefusedField(api.as("leader").post("/api/cockpit/hotspots/instructions", instruction(" ")), "text");
        Api.assertRefusedField(
                api.as("leader").post("/api/cockpit/hotspots/instructions", instruction("长".repeat(501))), "text");

        assertThat(instructionLines()).isEqualTo(before);
        assertThat(instructionsOfTheHotspot()).isZero();
    }

    @Test
    void theStationHeadRaisesOneTopicFromTheHotspotWithItsCasesLinked() {
        // when
        ResponseEntity<JsonNode> raised = api.as("head-v0101").post("/api/cockpit/hotspots/topics", topic());

        // then
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String no = raised.getBody().get("deliberationNo").asText();
        JsonNode published = ok(api.as("head-v0101").get("/api/deliberations/" + no));
        assertThat(published.toString()).contains(estate);
        for (String trackingNo : cluster) {
            assertThat(jdbc.sql("select count(*) from appeal_log where tracking_no = ? and kind = 'DELIBERATION'"
                                    + " and entry like ?")
                            .params(trackingNo, "%" + no + "%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        JsonNode hotspot = hotspotAt(ok(api.as("leader").get("/api/cockpit/hotspots")), estate + "5栋");
        assertThat(texts(hotspot.get("topics"))).containsExactly(no);

        // when raised again, by the same or another cadre of the village
        long topics = topicCount();
        assertThat(api.as("head-v0101")
                        .post("/api/cockpit/hotspots/topics", topic())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(topicCount()).isEqualTo(topics);
    }

    @Test
    void noOneOutsideTheVillageRaisesATopicFromItsHotspot() {
        long topics = topicCount();

        assertThat(api.as("leader")
                        .post("/api/cockpit/hotspots/topics", topic())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("head-v0201")
                        .post("/api/cockpit/hotspots/topics", topic())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> forged = topic();
        forged.put("category", "road");
        assertThat(api.as("head-v0101")
                        .post("/api/cockpit/hotspots/topics", forged)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> noVillage = topic();
        noVillage.remove("village");
        Api.assertRefusedField(api.as("head-v0101").post("/api/cockpit/hotspots/topics", noVillage), "village");

        assertThat(topicCount()).isEqualTo(topics);
    }

    private String submit(String category, String village, String location) {
        Map<String, Object> intake = new HashMap<>(AppealFixtures.intake(category, village));
        intake.put("location", location);
        return appeals.submit(intake).trackingNo();
    }

    /** A case taken in {@code ago} (the facts as intake writes them, dated back). */
    private String olderCase(String village, String category, String location, Duration ago) {
        String no = "HS-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        var at = Instant.now().minus(ago).atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into appeal (tracking_no, access_code_hash, citizen_name, phone, category, urgency, scope,"
                        + " description, location, village_code, channel, status, created_at, updated_at)"
                        + " values (?, 'x', '测试', '13800000000', ?, 'NORMAL', 'HOUSEHOLD', '旧诉求', ?, ?, 'ONLINE',"
                        + " 'CLOSED', ?, ?)")
                .params(no, category, location, village, at, at)
                .update();
        jdbc.sql(
                        "insert into appeal_fact (tracking_no, village_code, category, channel, received_at, status, place_key)"
                                + " values (?, ?, ?, 'ONLINE', ?, 'CLOSED', ?)")
                .params(no, village, category, at, cn.lianxin.appeal.PlaceKey.of(location))
                .update();
        tallies.rebuild();
        return no;
    }

    private Map<String, Object> instruction(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("village", "v0101");
        body.put("category", "lighting");
        body.put("placeKey", estate + "5栋");
        body.put("text", text);
        return body;
    }

    private Map<String, Object> topic() {
        Map<String, Object> body = new HashMap<>();
        body.put("village", "v0101");
        body.put("category", "lighting");
        body.put("placeKey", estate + "5栋");
        return body;
    }

    private long instructionLines() {
        return jdbc.sql("select count(*) from appeal_log where kind = 'INSTRUCTION'")
                .query(Long.class)
                .single();
    }

    private long instructionsOfTheHotspot() {
        return jdbc.sql("select count(*) from hotspot_instruction where place_key = ?")
                .param(estate + "5栋")
                .query(Long.class)
                .single();
    }

    private long topicCount() {
        return jdbc.sql("select count(*) from deliberation").query(Long.class).single();
    }

    private List<String> inboxTexts(String user) {
        return texts(ok(api.as(user).get("/api/inbox?size=50")).get("items"), "text");
    }

    private static JsonNode hotspotAt(JsonNode view, String placeKey) {
        for (JsonNode item : view.get("items")) {
            if (item.get("placeKey").asText().equals(placeKey)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
