package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A monthly report as an Excel workbook: one sheet per section (概况, 指标, 红黑榜, 热点, 超期件, 协商议事), each
 * with a styled, frozen header row and set column widths; counts and rates are numbers (rates in a
 * percent format), a value without a denominator is the text —.
 */
final class ReportWorkbook {

    /** One Excel width unit is 1/256 of a character; a Chinese character takes about two. */
    private static final int CHAR = 256;

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle wrapped;
    private final CellStyle percent;
    private final CellStyle decimal;
    private final CellStyle whole;
    private final CellStyle minute;
    private final CellStyle title;

    private ReportWorkbook() {
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        wrapped = book.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        percent = numbers("0.0%");
        decimal = numbers("0.0");
        whole = numbers("0");
        minute = numbers("yyyy-mm-dd hh:mm");
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = book.createCellStyle();
        title.setFont(big);
    }

    static byte[] write(MonthlyReport report) {
        ReportWorkbook workbook = new ReportWorkbook();
        workbook.overview(report);
        workbook.figures("指标", report.figureLines());
        workbook.rankings(report);
        workbook.hotspots(report);
        workbook.overdue(report);
        workbook.figures("协商议事", report.deliberationLines());
        try (XSSFWorkbook book = workbook.book;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void overview(MonthlyReport report) {
        Sheet sheet = sheet("概况", 14, 70);
        Row first = sheet.createRow(0);
        text(first, 0, report.title()).setCellStyle(title);
        row(sheet, 2, "单位", report.unit().name() + "（" + report.unit().code() + "）");
        row(sheet, 3, "统计期间", report.figures().from() + " 至 " + report.figures().to() + "（北京时间，含两端）");
        row(sheet, 4, "生成时间", MonthlyReport.minute(report.madeAt()) + "（北京时间）");
        row(sheet, 5, "说明", "“本期受理”指受理时间落在本月的诉求；超期件、临期件和超期件清单是生成时的数字。");
        sheet.getRow(5).getCell(1).setCellStyle(wrapped);
    }

    private void figures(String name, List<MonthlyReport.Line> lines) {
        Sheet sheet = headed(name, new String[] {"指标", "数值", "口径"}, new int[] {14, 14, 80});
        int r = 1;
        for (MonthlyReport.Line line : lines) {
            Row row = sheet.createRow(r++);
            text(row, 0, line.label());
            value(row, 1, line.value(), line.format());
            text(row, 2, line.definition()).setCellStyle(wrapped);
        }
    }

    private void rankings(MonthlyReport report) {
        Sheet sheet = headed("红黑榜", new String[] {"排名依据", "名次", "单位", "数值"}, new int[] {14, 8, 20, 14});
        int r = 1;
        for (CockpitRankings.Ranking ranking : report.rankings()) {
            for (CockpitRankings.Item item : ranking.items()) {
                Row row = sheet.createRow(r++);
                text(row, 0, ranking.label());
                if (item.rank() == null) {
                    text(row, 1, MonthlyReport.NONE);
                } else {
                    number(row, 1, item.rank(), whole);
                }
                text(row, 2, item.unit().name());
                value(row, 3, item.value(), ranking.format());
            }
        }
        if (r == 1) {
            text(sheet.createRow(r), 0, "本单位没有下级单位，不排名。");
        }
    }

    private void hotspots(MonthlyReport report) {
        Sheet sheet =
                headed("热点", new String[] {"村（社区）", "类别", "地点", "件数", "在办", "超期", "首次受理", "最近受理", "受理编号"}, new int[] {
                    12, 10, 16, 5, 5, 5, 10, 10, 60
                });
        int r = 1;
        for (Hotspots.Hotspot hotspot : report.hotspots()) {
            Row row = sheet.createRow(r++);
            text(row, 0, hotspot.villageName());
            text(row, 1, hotspot.categoryLabel());
            text(row, 2, hotspot.place());
            number(row, 3, hotspot.count(), whole);
            number(row, 4, hotspot.open(), whole);
            number(row, 5, hotspot.red(), whole);
            time(row, 6, hotspot.first());
            time(row, 7, hotspot.last());
            text(row, 8, String.join("、", hotspot.trackingNos())).setCellStyle(wrapped);
        }
        text(sheet.createRow(r + 1), 0, MonthlyReport.hotspotsNote(report.hotspotsAsOf()));
    }

    private void overdue(MonthlyReport report) {
        Sheet sheet =
                headed("超期件", new String[] {"受理编号", "类别", "村（社区）", "办理方式", "受理时间"}, new int[] {22, 14, 16, 12, 18});
        int r = 1;
        for (CasesAtStep.Item item : report.overdue()) {
            Row row = sheet.createRow(r++);
            text(row, 0, item.trackingNo());
            text(row, 1, item.categoryLabel());
            text(row, 2, item.villageName());
            text(row, 3, item.pathLabel() == null ? "未分流" : item.pathLabel());
            time(row, 4, item.createdAt());
        }
        if (report.overdueMore()) {
            text(
                    sheet.createRow(r),
                    0,
                    "超期件多于 " + MonthlyReports.MAX_OVERDUE + " 件，只列出最新受理的 " + MonthlyReports.MAX_OVERDUE + " 件。");
        } else if (r == 1) {
            text(sheet.createRow(r), 0, "生成时没有超期件。");
        }
    }

    private void value(Row row, int column, Number value, String format) {
        if (value == null) {
            text(row, column, MonthlyReport.NONE);
            return;
        }
        CellStyle style =
                switch (format) {
                    case "percent" -> percent;
                    case "days" -> decimal;
                    default -> whole;
                };
        number(row, column, value, style);
    }

    private void time(Row row, int column, Instant at) {
        Cell cell = row.createCell(column);
        cell.setCellValue(LocalDateTime.ofInstant(at, CockpitScope.BEIJING));
        cell.setCellStyle(minute);
    }

    private static void number(Row row, int column, Number value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    private static void row(Sheet sheet, int r, String key, String value) {
        Row row = sheet.createRow(r);
        text(row, 0, key);
        text(row, 1, value);
    }

    private Sheet headed(String name, String[] headers, int[] widths) {
        Sheet sheet = sheet(name, widths);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i]).setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private Sheet sheet(String name, int... widths) {
        Sheet sheet = book.createSheet(name);
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 2 * CHAR);
        }
        return sheet;
    }

    private CellStyle numbers(String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(format));
        return style;
    }
}
