package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.BrowserSession;
import cn.lianxin.testing.LeaderCockpit;
import cn.lianxin.testing.PlatformIntegrationTest;
import cn.lianxin.workflow.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 月度报告 on the cockpit page in a real headless Chromium: the leader picks a month and downloads it
 * as Excel, drills to a town and downloads its PDF, and downloads a filed report from the list.
 */
@PlatformIntegrationTest
class MonthlyReportPageIT {

    @LocalServerPort
    int port;

    @Autowired
    MonthlyReportFiler filer;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @TempDir
    Path downloads;

    @Test
    void theLeaderDownloadsAMonthAsExcelATownsAsPdfAndAFiledReport() throws IOException {
        // given March 2025's reports filed on 1 April
        filer.file(Instant.parse("2025-03-31T18:00:00Z"));
        String month = YearMonth.from(EngineClock.now().atZone(CockpitScope.BEIJING))
                .minusMonths(1)
                .toString();

        // when the leader signs in and downloads last month as Excel
        LeaderCockpit cockpit = new LeaderCockpit(session.browser(), port)
                .signIn("leader")
                .downloadsInto(downloads)
                .downloadReport(month, "下载 Excel");

        // then the county's workbook arrives under its Chinese name, titled for the month
        Path xlsx = downloaded("连心月报-示范县-" + month + ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("概况").getRow(0).getCell(0).getStringCellValue())
                    .startsWith("示范县 月度诉求办理报告");
            assertThat(book.getSheet("指标")).isNotNull();
        }

        // when the leader drills into 城关镇 and downloads its PDF
        cockpit.drillInto("城关镇").downloadReport(month, "下载 PDF");

        // then the town's PDF arrives
        assertThat(text(downloaded("连心月报-城关镇-" + month + ".pdf"))).contains("城关镇 月度诉求办理报告");

        // and the filed March reports are listed, and one downloads
        assertThat(cockpit.filedReports()).anyMatch(row -> row.contains("2025-03") && row.contains("示范县"));
        cockpit.downloadFiled("连心月报-城关镇-2025-03.pdf");
        assertThat(text(downloaded("连心月报-城关镇-2025-03.pdf"))).contains("城关镇 月度诉求办理报告 2025年3月");

        // and a month not picked is told in Chinese
        cockpit.downloadReport("", "下载 Excel");
        assertThat(cockpit.reportError()).isEqualTo("请选择月份");
    }

    /** The file once the browser has saved it whole. */
    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        session.browser().waitUntil(name + " is downloaded", () -> Files.exists(file));
        return file;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
