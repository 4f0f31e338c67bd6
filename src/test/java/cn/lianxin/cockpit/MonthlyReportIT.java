package cn.lianxin.cockpit;

import static cn.lianxin.testing.Api.badRequestFields;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.StepLightDriver;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.testing.Api;
import cn.lianxin.testing.AppealFixtures;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.workflow.EngineClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 月度报告 on PostgreSQL: a town's month downloaded as Excel and as PDF says what the cockpit says
 * for that month (figures, the red case), the PDF renders with its Chinese font embedded; the monthly
 * filing files each report once; and who may download what.
 */
@PlatformIntegrationTest
class MonthlyReportIT {

    private static final String CITIZEN = "张三";
    private static final String PHONE = "13800000001";
    private static final String PLACE = "月报巷 7 号垃圾站";

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

    @Autowired
    Units units;

    @Autowired
    MonthlyReportFiler filer;

    @Autowired
    FiledReports filed;

    private YearMonth month;
    private AppealFixtures.Case red;

    @BeforeEach
    void aMonthOfDongfengWithARedCase() {
        // three requests of 东风 this month, one of them overdue at triage
        month = YearMonth.from(EngineClock.now().atZone(CockpitScope.BEIJING));
        appeals.submit(AppealFixtures.intake("parking", "v0101"));
        appeals.submit(AppealFixtures.intake("lighting", "v0101"));
        red = appeals.submit(AppealFixtures.intake("road", "v0101"));
        new StepLightDriver(tasks, management).overdue(appeals.processInstanceOf(red), "triage");
    }

    @Test
    void theWorkbookSaysWhatTheCockpitSaysForTheMonth() throws IOException {
        // given three requests about the rubbish at one place of 东风 (a hotspot, 未诉先办)
        List<String> atThePlace = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> intake = AppealFixtures.intake("sanitation", "v0101");
            intake.put("location", PLACE);
            atThePlace.add(appeals.submit(intake).trackingNo());
        }

        // when 城关镇's centre downloads its month as Excel
        ResponseEntity<byte[]> file = download("center-t01", "unit=t01&month=" + month + "&format=xlsx");

        // then it is an attachment named in Chinese (RFC 5987)
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        // (server.servlet.encoding.force adds a charset parameter to every response, meaningless here)
        assertThat(file.getHeaders().getContentType().equalsTypeAndSubtype(ReportFormat.xlsx.mediaType()))
                .isTrue();
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains(
                        "filename*=UTF-8''" + URLEncoder.encode("连心月报-城关镇-" + month + ".xlsx", StandardCharsets.UTF_8));
        JsonNode cockpit = api.as("center-t01")
                .get("/api/cockpit/figures?unit=t01&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth())
                .getBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            // and each figure is the cockpit's value for the same unit and month, a number where there is one
            Sheet figures = book.getSheet("指标");
            int row = 1;
            for (JsonNode figure : cockpit.get("figures")) {
                Row line = figures.getRow(row++);
                assertThat(line.getCell(0).getStringCellValue())
                        .isEqualTo(figure.get("label").asText());
                assertThat(line.getCell(2).getStringCellValue())
                        .isEqualTo(figure.get("definition").asText());
                if (figure.get("value").isNull()) {
                    assertThat(line.getCell(1).getStringCellValue()).isEqualTo("—");
                } else {
                    assertThat(line.getCell(1).getNumericCellValue())
                            .as(figure.get("key").asText())
                            .isEqualTo(figure.get("value").asDouble());
                }
            }
            assertThat(figures.getRow(1).getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(3);
            // and the red case is on the overdue list, with its category and village in words
            Row overdue = rowOf(book.getSheet("超期件"), red.trackingNo());
            assertThat(overdue).isNotNull();
            assertThat(overdue.getCell(1).getStringCellValue()).isEqualTo("道路维修");
            assertThat(overdue.getCell(2).getStringCellValue()).isEqualTo("东风社区");
            // and the hotspots are the cockpit's of the 30 days up to now (the month is still running)
            Sheet hotspots = book.getSheet("热点");
            JsonNode listed = api.as("center-t01")
                    .get("/api/cockpit/hotspots?unit=t01")
                    .getBody()
                    .get("items");
            assertThat(listed.size()).isPositive();
            for (int i = 0; i < listed.size(); i++) {
                Row line = hotspots.getRow(i + 1);
                assertThat(line.getCell(2).getStringCellValue())
                        .isEqualTo(listed.get(i).get("place").asText());
                assertThat(line.getCell(3).getNumericCellValue())
                        .isEqualTo(listed.get(i).get("count").asDouble());
            }
            // and the place is among the hotspots, with its three cases
            Row hotspot = rowWith(book.getSheet("热点"), 2, PLACE);
            assertThat(hotspot).isNotNull();
            assertThat(hotspot.getCell(0).getStringCellValue()).isEqualTo("东风社区");
            assertThat(hotspot.getCell(1).getStringCellValue()).isEqualTo("环境卫生");
            assertThat(hotspot.getCell(3).getNumericCellValue()).isGreaterThanOrEqualTo(3);
            assertThat(hotspot.getCell(8).getStringCellValue()).contains(atThePlace);
            // and the town's villages are ranked
            assertThat(texts(book.getSheet("红黑榜"))).contains("东风社区", "向阳村", "按时办结率", "满意率", "超期件");
            // and no personal data appears anywhere
            for (Sheet sheet : book) {
                assertThat(texts(sheet)).noneMatch(text -> text.contains(CITIZEN) || text.contains(PHONE));
            }
        }
    }

    @Test
    void thePdfRendersAndReadsInChineseWithItsFontEmbedded() throws IOException {
        // when 东风's station head downloads the village's month as PDF
        ResponseEntity<byte[]> file = download("head-v0101", "unit=v0101&month=" + month + "&format=pdf");
        JsonNode intake = api.as("head-v0101")
                .get("/api/cockpit/figures?unit=v0101&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth())
                .getBody()
                .get("figures")
                .get(0);

        // then it is a PDF whose first page renders and reads the title and the month's intake
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PDF))
                .isTrue();
        try (PDDocument pdf = Loader.loadPDF(file.getBody())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            assertThat(page.getWidth()).isEqualTo(595); // A4 at 72 dpi
            assertThat(inked(page)).isGreaterThan(2000);
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            String text = firstPage.getText(pdf);
            assertThat(text)
                    .contains("东风社区 月度诉求办理报告 " + month.getYear() + "年" + month.getMonthValue() + "月")
                    .contains("受理量 " + intake.get("value").asLong() + " "
                            + intake.get("definition").asText());
            String whole = new PDFTextStripper().getText(pdf);
            assertThat(whole).contains(red.trackingNo()).doesNotContain(CITIZEN).doesNotContain(PHONE);
            // and every font of the first page is embedded
            PDResources resources = pdf.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (var name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as(font.getName())
                    .isTrue());
        }
    }

    @Test
    void theMonthlyFilingFilesLastMonthOfTheCountyAndEachTownOnce() throws IOException {
        // given the 1st of February 2025, 02:00 Beijing time
        Instant first = Instant.parse("2025-01-31T18:00:00Z");
        long towns = units.all().stream().filter(u -> u.kind() == UnitKind.TOWN).count();

        // when the filing runs, and runs again (a second node, or a restart)
        List<String> filedFirst = filer.file(first);
        List<String> filedAgain = filer.file(first.plusSeconds(60));

        // then January's Excel and PDF of the county and of every town are filed, once
        assertThat(filedFirst).hasSize((int) (1 + towns) * 2).contains("c01 2025-01 pdf", "t01 2025-01 xlsx");
        assertThat(filedAgain).isEmpty();
        assertThat(filedCount("2025-01")).isEqualTo((1 + towns) * 2);
        // and a node that missed the check and files the same report finds it filed: nothing changes
        assertThat(filed.file("c01", YearMonth.of(2025, 1), ReportFormat.pdf, new byte[] {1}, first))
                .isFalse();
        assertThat(filedCount("2025-01")).isEqualTo((1 + towns) * 2);

        // and the leader lists them, newest month first, and downloads the county's PDF
        List<JsonNode> leaders = items(api.as("leader").get("/api/cockpit/reports?size=100"));
        JsonNode countyPdf = leaders.stream()
                .filter(i -> i.get("month").asText().equals("2025-01"))
                .filter(i -> i.get("unit").get("code").asText().equals("c01"))
                .filter(i -> i.get("format").asText().equals("pdf"))
                .findFirst()
                .orElseThrow();
        assertThat(countyPdf.get("fileName").asText()).isEqualTo("连心月报-示范县-2025-01.pdf");
        ResponseEntity<byte[]> pdf =
                api.as("leader").exchange(HttpMethod.GET, countyPdf.get("href").asText(), null, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("示范县 月度诉求办理报告 2025年1月");
        }
        List<String> months = leaders.stream().map(i -> i.get("month").asText()).toList();
        assertThat(months).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // and 城关镇's centre lists only its own town's, a station head (no town or county report) none
        assertThat(items(api.as("center-t01").get("/api/cockpit/reports?size=100")))
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("unit").get("code").asText()).isEqualTo("t01"));
        assertThat(items(api.as("head-v0101").get("/api/cockpit/reports"))).isEmpty();

        // and the county's report is refused outside its reach; a forged id is not found
        String county = countyPdf.get("href").asText();
        assertThat(status("center-t01", county)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("dept-cg", county)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("gw-v0101", county)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.exchange(HttpMethod.GET, county, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("leader", "/api/cockpit/reports/987654321")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("leader", "/api/cockpit/reports/abc")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("leader", "/api/cockpit/reports/-1")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void strangersAndBadParametersAreRefusedAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from monthly_report")
                .query(Long.class)
                .single();
        String ok = "month=" + month + "&format=pdf";

        assertThat(api.exchange(HttpMethod.GET, "/api/cockpit/reports/monthly?" + ok, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.exchange(HttpMethod.GET, "/api/cockpit/reports", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // no cockpit role; another town; a county report for a department
        assertThat(status("gw-v0101", "/api/cockpit/reports/monthly?" + ok)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("gw-v0101", "/api/cockpit/reports")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("designer", "/api/cockpit/reports")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("head-v0101", "/api/cockpit/reports/monthly?unit=t02&" + ok))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("head-v0101", "/api/cockpit/reports/monthly?unit=t01&" + ok))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("dept-cg", "/api/cockpit/reports/monthly?unit=c01&" + ok))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("center-t01", "/api/cockpit/reports/monthly?unit=v0201&" + ok))
                .isEqualTo(HttpStatus.FORBIDDEN);
        // a malformed, an impossible, a future month; a format that is not offered, or none
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=2026/11&format=pdf"))
                .containsExactly("month");
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=2026-13&format=pdf"))
                .containsExactly("month");
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=" + month.plusMonths(1) + "&format=pdf"))
                .containsExactly("month");
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=" + month + "&format=docx"))
                .containsExactly("format");
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=" + month)).containsExactly("format");
        assertThat(bad("/api/cockpit/reports/monthly?unit=x99&" + ok)).containsExactly("unit");
        assertThat(bad("/api/cockpit/reports/monthly?unit=c01&month=11-2026&format=xls"))
                .containsExactly("month", "format");
        assertThat(bad("/api/cockpit/reports?page=-1")).containsExactly("page");
        assertThat(bad("/api/cockpit/reports?size=1000")).containsExactly("size");
        // the department downloads its own month
        assertThat(status("dept-cg", "/api/cockpit/reports/monthly?unit=cg&" + ok))
                .isEqualTo(HttpStatus.OK);

        // and a report made on demand is not filed
        assertThat(jdbc.sql("select count(*) from monthly_report")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private ResponseEntity<byte[]> download(String user, String query) {
        return api.as(user).exchange(HttpMethod.GET, "/api/cockpit/reports/monthly?" + query, null, byte[].class);
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(api.as(user)
                .exchange(HttpMethod.GET, path, null, String.class)
                .getStatusCode()
                .value());
    }

    private List<String> bad(String path) {
        ResponseEntity<JsonNode> problem = api.as("leader").get(path);
        assertThat(problem.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(problem.getBody().get("errors").get(0).get("message").asText())
                .matches(".*\\p{IsHan}.*");
        return badRequestFields(problem);
    }

    /** The dark pixels of a rendered page: the glyphs drawn (a page whose text failed to render has none). */
    private static long inked(BufferedImage page) {
        long dark = 0;
        for (int x = 0; x < page.getWidth(); x++) {
            for (int y = 0; y < page.getHeight(); y++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private long filedCount(String month) {
        return jdbc.sql("select count(*) from monthly_report where report_month = :month")
                .param("month", month)
                .query(Long.class)
                .single();
    }

    private static List<JsonNode> items(ResponseEntity<JsonNode> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> items = new ArrayList<>();
        page.getBody().get("items").forEach(items::add);
        return items;
    }

    private static Row rowOf(Sheet sheet, String first) {
        return rowWith(sheet, 0, first);
    }

    /** The first row whose cell in this column reads the text. */
    private static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null
                    && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }
}
