package cn.lianxin.member;

import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.citizen.Satisfaction;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.testing.StoreSnapshot;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 在职党员到社区报到 → 支部书记确认 → 积分 → 台账 → 一季一汇总 on PostgreSQL, through HTTP as the members and the
 * secretary use it; and every endpoint attacked: nothing stored on any refusal.
 */
@PlatformIntegrationTest
class PartyMembersIT {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PartyMembers members;

    @Autowired
    PointsLedger ledger;

    @Autowired
    TransactionTemplate transaction;

    private Quarter now;

    @BeforeEach
    void noMemberHasRegisteredYet() {
        jdbc.update("delete from points_entry where user_id in ('pm1', 'pm2', 'pm3', 'pm4')");
        jdbc.update("delete from party_member where user_id in ('pm1', 'pm2', 'pm3', 'pm4')");
        now = Quarter.of(EngineClock.now());
    }

    @Test
    void aMemberRegistersIsConfirmedEarnsPointsAndIsSummedUpForTheirEmployer() throws IOException {
        // when pm1 and pm2 register with 东风社区 (the village of their party-member group)
        ResponseEntity<JsonNode> registered = register("pm1", "县人社局", "法律咨询、电脑维修", "周末上午");
        register("pm2", "县住建局", "水电维修，电话 13800138000", "工作日晚上");

        // then pm1's record waits for the secretary, in pm1's village
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/party-members/pm1");
        JsonNode record = registered.getBody();
        assertThat(record.get("villageCode").asText()).isEqualTo("v0101");
        assertThat(record.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(record.get("statusLabel").asText()).isEqualTo("待确认");
        assertThat(record.get("name").asText()).isEqualTo("东风社区党员1");
        assertThat(members.confirmedIn("pm1", "v0101")).isFalse();

        // when 东风's secretary lists the waiting registrations (phone numbers in them masked)
        List<JsonNode> waiting = api.as("sec-v0101").everyItem("/api/party-members?status=REGISTERED");
        assertThat(waiting).extracting(m -> m.get("userId").asText()).containsExactly("pm1", "pm2");
        assertThat(waiting.get(1).get("skills").asText()).isEqualTo("水电维修，电话 138****8000");

        // and confirms pm1, rejects pm2 with a reason
        ResponseEntity<JsonNode> confirmed = decide("sec-v0101", "pm1", "CONFIRM", null);
        ResponseEntity<JsonNode> rejected = decide("sec-v0101", "pm2", "REJECT", "请补充工作单位全称");

        // then only pm1 may be dispatched 东风's orders
        assertThat(confirmed.getStatusCode()).as("%s", confirmed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.getBody().get("decidedBy").asText()).isEqualTo("sec-v0101");
        assertThat(rejected.getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(members.confirmedIn("pm1", "v0101")).isTrue();
        assertThat(members.confirmedIn("pm1", "v0201")).isFalse();
        assertThat(members.confirmedIn("pm2", "v0101")).isFalse();
        assertThat(members.confirmedOf("v0101"))
                .containsExactly(new PartyMember("pm1", "东风社区党员1", "v0101", "县人社局", "法律咨询、电脑维修", "周末上午"));
        assertThat(members.confirmedOf("v0201")).isEmpty();
        // and pm2 reads why, unmasked in their own record
        JsonNode own = api.as("pm2").get("/api/party-members/pm2").getBody();
        assertThat(own.get("rejectReason").asText()).isEqualTo("请补充工作单位全称");
        assertThat(own.get("skills").asText()).contains("13800138000");

        // when pm1 is credited two orders (the first evaluated 满意, the second not yet), and the first again
        transaction.executeWithoutResult(tx -> {
            ledger.credit("pm1", "v0101", "SO-IT-1", 90, Satisfaction.SATISFIED);
            ledger.credit("pm1", "v0101", "SO-IT-2", 45, null);
        });
        transaction.executeWithoutResult(tx -> ledger.credit("pm1", "v0101", "SO-IT-1", 600, Satisfaction.SATISFIED));
        // and an order credited in a transaction that rolls back leaves nothing (the ledger joins it)
        transaction.executeWithoutResult(tx -> {
            ledger.credit("pm1", "v0101", "SO-IT-3", 60, Satisfaction.SATISFIED);
            tx.setRollbackOnly();
        });
        // and pm1 served last quarter too
        Quarter last = lastQuarter();
        jdbc.update(
                "insert into points_entry (user_id, village_code, order_no, minutes_served, satisfaction, per_hour,"
                        + " hour_points, evaluation_points, points, credited_at, credited_quarter)"
                        + " values ('pm1', 'v0101', 'SO-IT-0', 300, 'SATISFIED', 2, 10, 2, 12, ?, ?)",
                last.start().plusSeconds(3600).atOffset(ZoneOffset.UTC),
                last.toString());

        // then pm1's ledger: 90 min → 3 + 满意 2; 45 min → 1.5 → 2, no evaluation; newest first
        List<JsonNode> entries = api.as("pm1").everyItem("/api/party-members/pm1/points");
        assertThat(entries).extracting(e -> e.get("orderNo").asText()).containsExactly("SO-IT-2", "SO-IT-1", "SO-IT-0");
        assertThat(entries.get(0).get("points").asInt()).isEqualTo(2);
        assertThat(entries.get(0).get("satisfactionLabel").asText()).isEqualTo("未评价");
        assertThat(entries.get(1).get("hourPoints").asInt()).isEqualTo(3);
        assertThat(entries.get(1).get("evaluationPoints").asInt()).isEqualTo(2);
        assertThat(entries.get(1).get("minutesServed").asInt()).isEqualTo(90);
        assertThat(entries.get(1).get("quarter").asText()).isEqualTo(now.toString());
        // and the total of 19 makes pm1 一星 (10)
        JsonNode pm1 = api.as("sec-v0101").get("/api/party-members/pm1").getBody();
        assertThat(pm1.get("points").asLong()).isEqualTo(19);
        assertThat(pm1.get("services").asLong()).isEqualTo(3);
        assertThat(pm1.get("starLabel").asText()).isEqualTo("一星");

        // when the secretary ranks the village this quarter
        JsonNode ranking = api.as("sec-v0101")
                .get("/api/party-members/ranking?quarter=" + now)
                .getBody();
        // then pm1 leads with this quarter's 7 points (pm2, rejected and without service, is not listed)
        assertThat(ranking.get("periodLabel").asText()).isEqualTo(now.label());
        assertThat(ranking.get("items")).hasSize(1);
        assertThat(ranking.get("items").get(0).get("userId").asText()).isEqualTo("pm1");
        assertThat(ranking.get("items").get(0).get("points").asLong()).isEqualTo(7);
        assertThat(ranking.get("items").get(0).get("lifetimePoints").asLong()).isEqualTo(19);

        // and this year's ranking counts last quarter too when it was this year's; no period means this quarter
        JsonNode year = api.as("sec-v0101")
                .get("/api/party-members/ranking?year=" + now.year())
                .getBody();
        assertThat(year.get("periodLabel").asText()).isEqualTo(now.year() + "年");
        assertThat(year.get("items").get(0).get("points").asLong()).isEqualTo(last.year() == now.year() ? 19 : 7);
        assertThat(api.as("sec-v0101").get("/api/party-members/ranking").getBody())
                .isEqualTo(ranking);
        // and the secretary's list of confirmed members is pm1 alone
        assertThat(api.as("sec-v0101").everyItem("/api/party-members?status=CONFIRMED"))
                .extracting(m -> m.get("userId").asText())
                .containsExactly("pm1");

        // when the secretary downloads this quarter's summary
        ResponseEntity<byte[]> file = api.as("sec-v0101")
                .exchange(HttpMethod.GET, "/api/party-members/summary?quarter=" + now, null, byte[].class);

        // then it is a workbook with pm1's quarter, under their employer unit
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains(now.toString());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Map<String, Row> rows = rowsByAccount(book.getSheet("汇总"));
            assertThat(rows).containsOnlyKeys("pm1");
            Row row = rows.get("pm1");
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("县人社局");
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("东风社区党员1");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(2); // services
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(2.3); // 135 minutes
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(7); // points this quarter
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1); // 满意
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(1); // 未评价
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(19);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("一星");
            assertThat(book.getSheet("说明").getRow(1).getCell(1).getStringCellValue())
                    .startsWith(now.label());
        }
        // and last quarter's summary has last quarter's service only
        ResponseEntity<byte[]> earlier = api.as("sec-v0101")
                .exchange(HttpMethod.GET, "/api/party-members/summary?quarter=" + last, null, byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(earlier.getBody()))) {
            Row row = rowsByAccount(book.getSheet("汇总")).get("pm1");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(12);
        }
    }

    @Test
    void aRejectedMemberMayRegisterAgainAConfirmedOneNot() {
        register("pm3", "县水务局", "河道巡查", "周六");
        decide("sec-v0201", "pm3", "REJECT", "工作单位有误");

        // when pm3 registers again, corrected
        ResponseEntity<JsonNode> again = register("pm3", "县水务局河道所", "河道巡查", "周六");

        // then the record waits for the secretary anew, the reason gone
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(again.getBody().has("rejectReason")).isFalse();
        assertThat(decide("sec-v0201", "pm3", "CONFIRM", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(members.confirmedIn("pm3", "v0201")).isTrue();

        // when the confirmed pm3 registers once more: 409, nothing changed
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        ResponseEntity<JsonNode> once = register("pm3", "别的单位", "别的", "随时");
        assertThat(once.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(once.getBody().get("title").asText()).isEqualTo("已经报到");
        before.assertUnchanged(jdbc);

        // when 河口's secretary records that pm3 has left the village
        ResponseEntity<JsonNode> left = api.as("sec-v0201").post("/api/party-members/pm3/departure", null);

        // then pm3 is no longer dispatched orders, and leaving twice is a 409 that changes nothing
        assertThat(left.getStatusCode()).as("%s", left.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(left.getBody().get("status").asText()).isEqualTo("LEFT");
        assertThat(left.getBody().has("leftAt")).isTrue();
        assertThat(members.confirmedIn("pm3", "v0201")).isFalse();
        StoreSnapshot beforeReplay = StoreSnapshot.of(jdbc);
        assertThat(api.as("sec-v0201")
                        .post("/api/party-members/pm3/departure", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        beforeReplay.assertUnchanged(jdbc);
        // and pm3 may register again when back
        assertThat(register("pm3", "县水务局河道所", "河道巡查", "周六")
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("REGISTERED");
    }

    @Test
    void theLedgerRefusesNegativeTimeAndAMemberWhoNeverRegistered() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        tx -> ledger.credit("pm4", "v0201", "SO-IT-9", 30, Satisfaction.SATISFIED)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        register("pm4", "县民政局", "助老", "周日");
        assertThatThrownBy(() ->
                        transaction.executeWithoutResult(tx -> ledger.credit("pm4", "v0201", "SO-IT-9", -1, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from points_entry where user_id = 'pm4'", Long.class))
                .isZero();
    }

    @Test
    void everyEndpointRefusesWhoeverItIsNotForAndStoresNothing() {
        // given pm1 registered and confirmed with 东风, pm2 registered, pm3 (河口) registered
        register("pm1", "县人社局", "法律咨询", "周末");
        decide("sec-v0101", "pm1", "CONFIRM", null);
        register("pm2", "县住建局", "水电", "晚上");
        register("pm3", "县水务局", "巡河", "周六");
        StoreSnapshot before = StoreSnapshot.of(jdbc);
        Map<String, Object> registration = registration("某单位", "某特长", "某时间");
        Map<String, Object> confirm = Map.of("decision", "CONFIRM");

        // anonymous: 401 everywhere
        for (ResponseEntity<?> response : List.of(
                api.post("/api/party-members/registration", registration),
                api.get("/api/party-members"),
                api.post("/api/party-members/pm2/confirmation", confirm),
                api.post("/api/party-members/pm1/departure", null),
                api.get("/api/party-members/pm1"),
                api.get("/api/party-members/pm1/points"),
                api.get("/api/party-members/ranking"),
                api.get("/api/party-members/summary?quarter=" + now))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // a grid worker of 东风 (no party role): 403 everywhere
        Api gridWorker = api.as("gw-v0101");
        for (ResponseEntity<?> response : List.of(
                gridWorker.post("/api/party-members/registration", registration),
                gridWorker.get("/api/party-members"),
                gridWorker.post("/api/party-members/pm2/confirmation", confirm),
                gridWorker.post("/api/party-members/pm1/departure", null),
                gridWorker.get("/api/party-members/pm1"),
                gridWorker.get("/api/party-members/pm1/points"),
                gridWorker.get("/api/party-members/ranking"),
                gridWorker.get("/api/party-members/summary?quarter=" + now))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // a secretary may not register as a member, nor a member act as a secretary (or confirm themselves)
        assertThat(api.as("sec-v0101")
                        .post("/api/party-members/registration", registration)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Api pm2 = api.as("pm2");
        assertThat(pm2.post("/api/party-members/pm2/confirmation", confirm).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pm2.get("/api/party-members").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("pm1").post("/api/party-members/pm1/departure", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pm2.get("/api/party-members/ranking").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pm2.get("/api/party-members/summary?quarter=" + now).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // a member reading another member's record or ledger
        assertThat(pm2.get("/api/party-members/pm1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pm2.get("/api/party-members/pm1/points").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // another village's secretary: 东风's members are not theirs to know of, nor to decide on, nor to list
        Api heKou = api.as("sec-v0201");
        assertThat(heKou.post("/api/party-members/pm2/confirmation", confirm).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(heKou.get("/api/party-members/pm1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(heKou.post("/api/party-members/pm1/departure", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(heKou.get("/api/party-members/pm1/points").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(heKou.get("/api/party-members?village=v0101").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(heKou.get("/api/party-members/summary?quarter=" + now + "&village=v0101")
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(heKou.everyItem("/api/party-members"))
                .extracting(m -> m.get("userId").asText())
                .containsExactly("pm3");
        // and 东风's secretary cannot decide on 河口's pm3
        assertThat(api.as("sec-v0101")
                        .post("/api/party-members/pm3/confirmation", confirm)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // forged ids
        Api secretary = api.as("sec-v0101");
        for (String forged : List.of("nobody", "pm1' or '1'='1", "x".repeat(300))) {
            assertThat(secretary
                            .post("/api/party-members/" + forged + "/confirmation", confirm)
                            .getStatusCode())
                    .as(forged)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        // only a confirmed member can leave
        assertThat(secretary.post("/api/party-members/pm2/departure", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        // a replayed confirmation: 409
        ResponseEntity<JsonNode> replay = secretary.post("/api/party-members/pm1/confirmation", confirm);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(replay.getBody().get("detail").asText()).contains("已报到");
        // fields the server owns, or does not know, are refused by name
        for (String owned : List.of("villageCode", "status", "userId", "name")) {
            Map<String, Object> forged = registration("某单位", "某特长", "某时间");
            forged.put(owned, "v0201");
            assertThat(badRequestFields(pm2.post("/api/party-members/registration", forged)))
                    .as(owned)
                    .contains(owned);
        }
        assertThat(badRequestFields(secretary.post(
                        "/api/party-members/pm2/confirmation", Map.of("decision", "CONFIRM", "by", "x"))))
                .contains("by");
        // bad input: 400 naming the field
        assertThat(badRequestFields(pm2.post("/api/party-members/registration", registration(" ", "某特长", "某时间"))))
                .containsExactly("employer");
        assertThat(badRequestFields(
                        pm2.post("/api/party-members/registration", registration("某单位", "长".repeat(501), "某时间"))))
                .containsExactly("skills");
        assertThat(badRequestFields(
                        secretary.post("/api/party-members/pm2/confirmation", Map.of("decision", "REJECT"))))
                .containsExactly("reason");
        assertThat(badRequestFields(secretary.post("/api/party-members/pm2/confirmation", Map.of("decision", "MAYBE"))))
                .containsExactly("decision");
        assertThat(badRequestFields(secretary.post("/api/party-members/pm2/confirmation", Map.of())))
                .containsExactly("decision");
        for (String quarter : List.of("2026Q5", "2026-4", "Q4", "1999Q1", "")) {
            ResponseEntity<JsonNode> bad = secretary.get("/api/party-members/summary?quarter=" + quarter);
            assertThat(badRequestFields(bad)).as(quarter).containsExactly("quarter");
            assertThat(bad.getBody().get("detail").asText()).contains("quarter");
        }
        assertThat(badRequestFields(secretary.get("/api/party-members/summary")))
                .containsExactly("quarter");
        assertThat(badRequestFields(secretary.get("/api/party-members/ranking?quarter=2026Q9")))
                .containsExactly("quarter");
        assertThat(badRequestFields(secretary.get("/api/party-members/ranking?year=26")))
                .containsExactly("year");
        assertThat(badRequestFields(secretary.get("/api/party-members/ranking?year=2026&quarter=2026Q1")))
                .containsExactly("year");
        assertThat(badRequestFields(secretary.get("/api/party-members?status=PENDING")))
                .containsExactly("status");
        assertThat(badRequestFields(secretary.get("/api/party-members?page=-1")))
                .containsExactly("page");
        assertThat(badRequestFields(pm2.get("/api/party-members/pm2/points?size=1000")))
                .containsExactly("size");

        // then nothing was stored, and pm2 still waits
        before.assertUnchanged(jdbc);
        assertThat(members.confirmedIn("pm2", "v0101")).isFalse();
    }

    private ResponseEntity<JsonNode> register(String user, String employer, String skills, String availability) {
        return api.as(user).post("/api/party-members/registration", registration(employer, skills, availability));
    }

    private ResponseEntity<JsonNode> decide(String secretary, String user, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.as(secretary).post("/api/party-members/" + user + "/confirmation", body);
    }

    private static Map<String, Object> registration(String employer, String skills, String availability) {
        Map<String, Object> body = new HashMap<>();
        body.put("employer", employer);
        body.put("skills", skills);
        body.put("availability", availability);
        return body;
    }

    private Quarter lastQuarter() {
        return Quarter.of(now.start().minusSeconds(1));
    }

    private static Map<String, Row> rowsByAccount(Sheet sheet) {
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工作单位");
        Map<String, Row> rows = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            rows.put(row.getCell(2).getStringCellValue(), row);
            order.add(row.getCell(2).getStringCellValue());
        }
        assertThat(order).doesNotHaveDuplicates();
        return rows;
    }
}
