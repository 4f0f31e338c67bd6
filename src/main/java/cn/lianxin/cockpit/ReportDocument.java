package cn.lianxin.cockpit;

import cn.lianxin.appeal.CasesAtStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A monthly report as an A4 PDF with its Chinese font (Noto Sans SC, packed into the jar at build
 * time, see pom.xml) embedded as a subset of the characters used, so the file reads the same
 * everywhere and stays small. Sections as in the workbook; tables repeat their header on a new page.
 */
final class ReportDocument {

    /** Where the build puts the font (from the pinned npm tarball, see pom.xml). */
    static final String FONT = "/fonts/NotoSansSC-Regular.ttf";

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float PAD = 3;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float WIDTH = A4.getWidth() - 2 * MARGIN;

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;

    private ReportDocument(PDDocument document) throws IOException {
        this.document = document;
        try (InputStream ttf = ReportDocument.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("the report font " + FONT + " is not on the class path (see pom.xml)");
            }
            this.font = PDType0Font.load(document, ttf, true);
        }
        newPage();
    }

    static byte[] write(MonthlyReport report) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ReportDocument pdf = new ReportDocument(document);
            pdf.content(report);
            pdf.out.close();
            pdf.pageNumbers();
            document.getDocumentInformation().setTitle(report.title());
            document.getDocumentInformation().setCreator("连心");
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void content(MonthlyReport report) throws IOException {
        paragraph(report.title(), 18);
        y -= 4;
        paragraph("单位：" + report.unit().name() + "（" + report.unit().code() + "）", BODY);
        paragraph("统计期间：" + report.figures().from() + " 至 " + report.figures().to() + "（北京时间，含两端）", BODY);
        paragraph("生成时间：" + MonthlyReport.minute(report.madeAt()) + "（北京时间）", BODY);
        paragraph("“本期受理”指受理时间落在本月的诉求；超期件、临期件和超期件清单是生成时的数字。", BODY);

        heading("一、指标");
        figures(report.figureLines());

        heading("二、红黑榜");
        for (CockpitRankings.Ranking ranking : report.rankings()) {
            paragraph("按" + ranking.label() + "排名（" + ranking.definition() + "）", BODY);
            if (ranking.items().isEmpty()) {
                paragraph("本单位没有下级单位，不排名。", BODY);
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            for (CockpitRankings.Item item : ranking.items()) {
                rows.add(new String[] {
                    item.rank() == null ? MonthlyReport.NONE : String.valueOf(item.rank()),
                    item.unit().name(),
                    MonthlyReport.shown(item.value(), ranking.format())
                });
            }
            table(new float[] {50, 200, WIDTH - 250}, new String[] {"名次", "单位", ranking.label()}, rows);
            y -= 6;
        }

        heading("三、热点（未诉先办）");
        paragraph(MonthlyReport.hotspotsNote(report.hotspotsAsOf()), BODY);
        if (report.hotspots().isEmpty()) {
            paragraph("没有热点。", BODY);
        } else {
            List<String[]> rows = new ArrayList<>();
            for (Hotspots.Hotspot hotspot : report.hotspots()) {
                rows.add(new String[] {
                    hotspot.villageName(),
                    hotspot.categoryLabel(),
                    hotspot.place(),
                    String.valueOf(hotspot.count()),
                    String.valueOf(hotspot.open()),
                    String.valueOf(hotspot.red()),
                    MonthlyReport.minute(hotspot.last())
                });
            }
            table(
                    new float[] {80, 65, 130, 35, 35, 35, WIDTH - 380},
                    new String[] {"村（社区）", "类别", "地点", "件数", "在办", "超期", "最近受理"},
                    rows);
        }

        heading("四、超期件（生成时仍在办理且亮红灯）");
        if (report.overdue().isEmpty()) {
            paragraph("生成时没有超期件。", BODY);
        } else {
            List<String[]> rows = new ArrayList<>();
            for (CasesAtStep.Item item : report.overdue()) {
                rows.add(new String[] {
                    item.trackingNo(),
                    item.categoryLabel(),
                    item.villageName(),
                    item.pathLabel() == null ? "未分流" : item.pathLabel(),
                    MonthlyReport.minute(item.createdAt())
                });
            }
            table(
                    new float[] {130, 80, 95, 70, WIDTH - 375},
                    new String[] {"受理编号", "类别", "村（社区）", "办理方式", "受理时间"},
                    rows);
            if (report.overdueMore()) {
                paragraph(
                        "超期件多于 " + MonthlyReports.MAX_OVERDUE + " 件，只列出最新受理的 " + MonthlyReports.MAX_OVERDUE + " 件。",
                        BODY);
            }
        }

        heading("五、协商议事");
        figures(report.deliberationLines());
    }

    private void figures(List<MonthlyReport.Line> lines) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (MonthlyReport.Line line : lines) {
            rows.add(new String[] {line.label(), MonthlyReport.shown(line.value(), line.format()), line.definition()});
        }
        table(new float[] {70, 75, WIDTH - 145}, new String[] {"指标", "数值", "口径"}, rows);
    }

    private void heading(String text) throws IOException {
        y -= 8;
        room(40);
        paragraph(text, 13);
        y -= 2;
    }

    private void paragraph(String text, float size) throws IOException {
        for (String line : lines(text, size, WIDTH)) {
            room(size * 1.5f);
            show(line, size, MARGIN, y - size);
            y -= size * 1.5f;
        }
    }

    /** A table with a shaded header row; cells wrap; a row that does not fit goes to a new page under the header again. */
    private void table(float[] widths, String[] header, List<String[]> rows) throws IOException {
        row(widths, header, true);
        for (String[] cells : rows) {
            if (!row(widths, cells, false)) {
                newPage();
                row(widths, header, true);
                row(widths, cells, false);
            }
        }
    }

    /** Draws the row where it fits; {@code false} (nothing drawn) when it does not fit on this page. */
    private boolean row(float[] widths, String[] cells, boolean header) throws IOException {
        float leading = BODY * 1.4f;
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = lines(cells[i], BODY, widths[i] - 2 * PAD);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        float rowHeight = height * leading + 2 * PAD;
        if (y - rowHeight < MARGIN) {
            if (!header) {
                return false;
            }
            newPage();
        }
        if (header) {
            out.setNonStrokingColor(0.88f, 0.88f, 0.88f);
            out.addRect(MARGIN, y - rowHeight, WIDTH, rowHeight);
            out.fill();
            out.setNonStrokingColor(0f, 0f, 0f);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float lineY = y - PAD - BODY;
            for (String line : wrapped.get(i)) {
                show(line, BODY, x + PAD, lineY);
                lineY -= leading;
            }
            x += widths[i];
        }
        out.setStrokingColor(0.6f, 0.6f, 0.6f);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y - rowHeight);
        out.lineTo(MARGIN + WIDTH, y - rowHeight);
        out.stroke();
        y -= rowHeight;
        return true;
    }

    private void show(String text, float size, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    /** The text broken into lines no wider than {@code width}, character by character (Chinese has no spaces). */
    private List<String> lines(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String glyph = printable(new String(Character.toChars(codePoint)));
            float w = font.getStringWidth(glyph) / 1000 * size;
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(glyph);
            used += w;
        }
        lines.add(line.toString());
        return lines;
    }

    /** A character the font cannot draw (a rare one in an imported name, say) is shown as □ rather than failing. */
    private String printable(String character) {
        try {
            font.encode(character);
            return character;
        } catch (IllegalArgumentException | IOException e) {
            return "□";
        }
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = A4.getHeight() - MARGIN;
    }

    private void pageNumbers() throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(
                    document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                out = footer;
                show("第 " + (i + 1) + " 页，共 " + total + " 页", 8, MARGIN, MARGIN / 2);
            }
        }
    }
}
