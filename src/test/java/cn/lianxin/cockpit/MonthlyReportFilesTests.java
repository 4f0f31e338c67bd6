package cn.lianxin.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.appeal.CasesAtStep;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The monthly report's two files, written from a report made by hand: what they say and how. */
class MonthlyReportFilesTests {

    private static final CockpitFigures.UnitView TOWN = new CockpitFigures.UnitView("t01", "城关镇", "TOWN");

    @Test
    void thePdfCarriesTheChineseTitleAndFiguresInAnEmbeddedSubsetOfItsFont() throws IOException {
        // given a town's November with 12 cases, 75% on time, one without a denominator, and 60 red cases
        MonthlyReport report = report(60);

        // when it is written as PDF
        byte[] pdf = ReportDocument.write(report);

        // then its first page renders, reads the title and the figures, and the font is embedded
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            assertThat(page.getWidth()).isEqualTo(595);
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("城关镇 月度诉求办理报告 2026年11月")
                    .contains("受理量")
                    .contains("75%")
                    .contains("东风社区")
                    .contains("幸福小区 3 号楼")
                    .contains("截至 2026-12-01 00:00 的近 30 天")
                    .contains("LX-20261101-0059")
                    .contains("第 1 页");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .isTrue());
            // the long overdue list runs over pages, each table page under its header again
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        // a subset of the 10 MB font, not the whole of it
        assertThat(pdf.length).isLessThan(400_000);
    }

    @Test
    void theWorkbookHasOneSheetPerSectionWithNumbersAsNumbers() throws IOException {
        byte[] xlsx = ReportWorkbook.write(report(2));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("概况");
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("概况", "指标", "红黑榜", "热点", "超期件", "协商议事");
            Sheet hotspots = book.getSheet("热点");
            assertThat(hotspots.getRow(1).getCell(2).getStringCellValue()).isEqualTo("幸福小区 3 号楼");
            assertThat(hotspots.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4.0);
            assertThat(hotspots.getRow(1).getCell(8).getStringCellValue())
                    .isEqualTo("LX-20261103-0001、LX-20261120-0002");
            Sheet figures = book.getSheet("指标");
            assertThat(figures.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(book.getFontAt(
                                    figures.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(figures.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(figures.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(0.75);
            assertThat(figures.getRow(2).getCell(1).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(figures.getRow(3).getCell(1).getStringCellValue()).isEqualTo("—");
            assertThat(figures.getColumnWidth(2)).isGreaterThan(figures.getColumnWidth(0));
            Sheet overdue = book.getSheet("超期件");
            assertThat(overdue.getRow(1).getCell(0).getStringCellValue()).isEqualTo("LX-20261101-0000");
            assertThat(overdue.getRow(1).getCell(2).getStringCellValue()).isEqualTo("东风社区");
            Sheet rankings = book.getSheet("红黑榜");
            assertThat(rankings.getRow(1).getCell(2).getStringCellValue()).isEqualTo("东风社区");
            assertThat(rankings.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void aValueReadsAsPeopleReadIt() {
        assertThat(MonthlyReport.shown(0.8751, "percent")).isEqualTo("87.5%");
        assertThat(MonthlyReport.shown(1.0, "percent")).isEqualTo("100%");
        assertThat(MonthlyReport.shown(3.2, "days")).isEqualTo("3.2 个工作日");
        assertThat(MonthlyReport.shown(12L, "count")).isEqualTo("12");
        assertThat(MonthlyReport.shown(null, "percent")).isEqualTo("—");
        assertThat(report(0).fileName(ReportFormat.xlsx)).isEqualTo("连心月报-城关镇-2026-11.xlsx");
    }

    private static MonthlyReport report(int red) {
        List<CockpitFigures.Figure> figures = List.of(
                new CockpitFigures.Figure("intake", "受理量", 12L, "count", "本期受理的诉求件数", null),
                new CockpitFigures.Figure("onTimeRate", "按时办结率", 0.75, "percent", "按时办结的件数 ÷ 已办结的件数", null),
                new CockpitFigures.Figure("satisfactionRate", "满意率", null, "percent", "（满意 + 基本满意）÷ 已评价的件数", null));
        CockpitFigures.Figures month = new CockpitFigures.Figures(
                TOWN,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                figures,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(new CockpitFigures.DeliberationFigure("topics", "议题数", 3L, "count", "本期提出的议题数")));
        CockpitRankings.Ranking ranking = new CockpitRankings.Ranking(
                "onTimeRate",
                "按时办结率",
                "percent",
                "按时办结的件数 ÷ 已办结的件数",
                List.of(
                        new CockpitRankings.Item(new CockpitFigures.UnitView("v0101", "东风社区", "VILLAGE"), 0.9, 1),
                        new CockpitRankings.Item(new CockpitFigures.UnitView("v0102", "向阳村", "VILLAGE"), null, null)));
        List<CasesAtStep.Item> overdue = new ArrayList<>();
        for (int i = 0; i < red; i++) {
            overdue.add(new CasesAtStep.Item(
                    "LX-20261101-%04d".formatted(i),
                    "道路维修",
                    "东风社区",
                    "承诺办",
                    "办理中",
                    "RED",
                    "超期",
                    Instant.parse("2026-11-01T02:00:00Z")));
        }
        return new MonthlyReport(
                TOWN,
                YearMonth.of(2026, 11),
                Instant.parse("2026-12-01T18:00:00Z"),
                month,
                List.of(ranking),
                List.of(new Hotspots.Hotspot(
                        "v0101",
                        "东风社区",
                        "lighting",
                        "楼道照明",
                        "幸福小区 3 号楼",
                        "幸福小区3号楼",
                        4,
                        2,
                        1,
                        Instant.parse("2026-11-03T02:00:00Z"),
                        Instant.parse("2026-11-20T02:00:00Z"),
                        List.of("LX-20261103-0001", "LX-20261120-0002"))),
                Instant.parse("2026-11-30T16:00:00Z"),
                overdue,
                false);
    }
}
