package cn.lianxin.calendar;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.LianxinApplication;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.PlatformIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yearly update without a release: an administrator uploads the State Council's arrangement,
 * it is validated, stored in PostgreSQL, effective at once, audited, and still there after a
 * restart. Everyone else is refused.
 */
@PlatformIntegrationTest
class CalendarUploadIT {

    private static final String NEW_YEARS_2027 =
            """
            {"year": 2027, "papers": ["国务院办公厅关于2027年部分节假日安排的通知"],
             "days": [
               {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
               {"name": "春节", "date": "2027-02-06", "isOffDay": false},
               {"name": "春节", "date": "2027-02-08", "isOffDay": true}
             ]}""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadedYearTakesEffectAtOnceIsAuditedAndSurvivesARestart() {
        // given: 2027 is not in the library, so New Year's Day still counts as a working day
        JsonNode before = deadline("2026-12-31T10:00", 1);
        assertThat(before.get("deadline").asText()).isEqualTo("2027-01-01T10:00:00+08:00");
        assertThat(before.get("arrangementLoaded").asBoolean()).isFalse();
        assertThat(before.get("warning").asText()).contains("2027 年的放假安排尚未加载");

        // when
        ResponseEntity<JsonNode> upload = put("admin", 2027, NEW_YEARS_2027);

        // then
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(upload.getBody().get("source").asText()).isEqualTo("UPLOADED");
        assertThat(upload.getBody().get("uploadedBy").asText()).isEqualTo("admin");
        JsonNode after = deadline("2026-12-31T10:00", 1);
        assertThat(after.get("deadline").asText()).isEqualTo("2027-01-04T10:00:00+08:00");
        assertThat(after.get("arrangementLoaded").asBoolean()).isTrue();
        assertThat(jdbc.sql("select actor from holiday_audit where year_no = 2027")
                        .query(String.class)
                        .list())
                .contains("admin");

        // and after a restart of the platform on the same database
        try (ConfigurableApplicationContext restarted = restart()) {
            WorkingDays workingDays = restarted.getBean(WorkingDays.class);
            assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
            assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 2, 6))).isTrue();
            assertThat(restarted.getBean(CalendarYears.class).status(2027).uploadedBy())
                    .isEqualTo("admin");
        }
    }

    @Test
    void theOfficialFileOfAYearOverridesTheLibraryForThatYear() throws IOException {
        // when
        ResponseEntity<JsonNode> upload = put("admin", 2025, official(2025));

        // then
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(upload.getBody().get("specialDays").asInt()).isEqualTo(33);
        JsonNode years = as(http, "gw-v0101").getForObject("/api/calendar/years", JsonNode.class);
        JsonNode year2025 = StreamSupport.stream(years.get("years").spliterator(), false)
                .filter(y -> y.get("year").asInt() == 2025)
                .findFirst()
                .orElseThrow();
        assertThat(year2025.get("source").asText()).isEqualTo("UPLOADED");
        assertThat(deadline("2025-09-30T15:00", 3).get("deadline").asText()).isEqualTo("2025-10-11T15:00:00+08:00");
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemAtOnceAndChangesNothing() {
        // given
        String bad =
                """
                {"year": 2029, "days": [
                  {"name": "元旦", "date": "2029-01-01", "isOffDay": true},
                  {"name": "", "date": "2029-01-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2030-10-01", "isOffDay": true},
                  {"name": "国庆节", "date": "2029-10-09", "isOffDay": false},
                  {"name": "劳动节", "date": "5/1/2029"}
                ]}""";

        // when
        ResponseEntity<JsonNode> response = put("admin", 2029, bad);

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("title").asText()).isEqualTo("放假安排文件有误");
        assertThat(Api.fields(response.getBody()))
                .containsExactlyInAnyOrder(
                        "days[1].name",
                        "days[1].date",
                        "days[2].date",
                        "days[3].isOffDay",
                        "days[4].isOffDay",
                        "days[4].date");
        assertThat(jdbc.sql("select count(*) from holiday_year where year_no = 2029")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFileForAnotherYearOrNoJsonAtAllIsRefused() {
        assertThat(Api.fields(put("admin", 2030, NEW_YEARS_2027).getBody())).contains("year");
        ResponseEntity<JsonNode> garbage = put("admin", 2030, "{\"year\": 2030, \"days\": [");
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbage.getBody().get("title").asText()).isEqualTo("请求内容无法解析");
    }

    @Test
    void onlyAnAdministratorUploads() {
        for (String user : List.of("gw-v0101", "leader", "designer")) {
            ResponseEntity<JsonNode> response = put(user, 2031, NEW_YEARS_2027.replace("2027", "2031"));
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody().get("title").asText()).isEqualTo("无权操作");
        }
        ResponseEntity<String> anonymous = http.exchange(
                "/api/calendar/years/2031",
                HttpMethod.PUT,
                Api.json(NEW_YEARS_2027.replace("2027", "2031")),
                String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("select count(*) from holiday_year where year_no = 2031")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theWorkingDayQueryNamesTheFieldAtFault() {
        ResponseEntity<JsonNode> badDate =
                as(http, "gw-v0101").getForEntity("/api/calendar/working-days?from=30.09.2026&days=3", JsonNode.class);
        ResponseEntity<JsonNode> badDays =
                as(http, "gw-v0101").getForEntity("/api/calendar/working-days?from=2026-09-30&days=-1", JsonNode.class);
        ResponseEntity<JsonNode> anonymous =
                http.getForEntity("/api/calendar/working-days?from=2026-09-30&days=3", JsonNode.class);

        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.fields(badDate.getBody())).containsExactly("from");
        assertThat(Api.fields(badDays.getBody())).containsExactly("days");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode deadline(String from, int days) {
        return as(http, "gw-v0101")
                .getForObject("/api/calendar/working-days?from=" + from + "&days=" + days, JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, int year, String body) {
        return as(http, user).exchange("/api/calendar/years/" + year, HttpMethod.PUT, Api.json(body), JsonNode.class);
    }

    private static String official(int year) throws IOException {
        return new ClassPathResource("holidays-cn/" + year + ".json").getContentAsString(StandardCharsets.UTF_8);
    }

    /** A second platform node on the same database, as after a restart, under its own engine name. */
    private ConfigurableApplicationContext restart() {
        // command-line arguments, so they win over the profile's environment placeholders
        return new SpringApplicationBuilder(LianxinApplication.class)
                .profiles("postgres")
                .run(
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=restarted",
                        "--lianxin.access-code.secret=" + environment.getProperty("lianxin.access-code.secret"),
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"));
    }
}
