package cn.lianxin.member;

import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.Satisfaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * 一季一汇总: a village's party members' service in one quarter as an Excel workbook for their employer units.
 * Sheet 汇总 has one row per member (confirmed, or credited in the quarter), sorted by employer unit (工作单位,
 * the first column) and name, so each unit's members stand together and a filter on the column gives one
 * unit its part; sheet 说明 names the village, the quarter in Beijing time and the rules.
 */
@Service
class QuarterlySummary {

    static final String[] COLUMNS = {
        "工作单位", "姓名", "账号", "服务次数", "服务时长（小时）", "本季积分", "满意", "基本满意", "不满意", "未评价", "累计积分", "星级"
    };

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServiceRecords records;
    private final PointsRules rules;

    QuarterlySummary(ServiceRecords records, PointsRules rules) {
        this.records = records;
        this.rules = rules;
    }

    byte[] workbook(String villageCode, String villageName, Quarter quarter, Instant madeAt) {
        List<ServiceRecords.MemberPeriod> members = records.ofVillage(villageCode, List.of(quarter)).stream()
                .sorted(Comparator.comparing(ServiceRecords.MemberPeriod::employer)
                        .thenComparing(ServiceRecords.MemberPeriod::name)
                        .thenComparing(ServiceRecords.MemberPeriod::userId))
                .toList();
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("汇总");
            Row header = sheet.createRow(0);
            CellStyle bold = headerStyle(book);
            for (int c = 0; c < COLUMNS.length; c++) {
                header.createCell(c).setCellValue(COLUMNS[c]);
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 0 ? 30 : 12) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ServiceRecords.MemberPeriod m : members) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(Masking.inText(m.employer()));
                row.createCell(1).setCellValue(m.name());
                row.createCell(2).setCellValue(m.userId());
                row.createCell(3).setCellValue(m.services());
                row.createCell(4).setCellValue(MemberView.hours(m.minutes()));
                row.createCell(5).setCellValue(m.points());
                row.createCell(6).setCellValue(m.satisfied());
                row.createCell(7).setCellValue(m.basicallySatisfied());
                row.createCell(8).setCellValue(m.unsatisfied());
                row.createCell(9).setCellValue(m.unevaluated());
                row.createCell(10).setCellValue(m.lifetimePoints());
                row.createCell(11).setCellValue(PointsRules.starLabel(rules.starOf(m.lifetimePoints())));
            }
            Sheet about = book.createSheet("说明");
            about.setColumnWidth(0, 12 * 256);
            about.setColumnWidth(1, 90 * 256);
            line(about, 0, "村（社区）", villageName + "（" + villageCode + "）");
            line(
                    about,
                    1,
                    "季度",
                    quarter.label() + "（" + quarter + "，北京时间 " + day(quarter.start()) + " 至 "
                            + day(quarter.end().minusSeconds(1)) + "）");
            line(about, 2, "生成时间", MINUTE.format(madeAt.atZone(Quarter.BEIJING)) + "（北京时间）");
            line(about, 3, "口径", "按积分记入时间（北京时间）所在季度统计本村（社区）的服务；列出已报到的党员和本季有服务记录的党员。" + "累计积分与星级为截至生成时的全部积分。");
            line(
                    about,
                    4,
                    "积分规则",
                    "每服务 1 小时 " + rules.perHour() + " 分（按分钟折算，四舍五入）；群众评价满意 +"
                            + rules.perEvaluation().get(Satisfaction.SATISFIED) + "、基本满意 +"
                            + rules.perEvaluation().get(Satisfaction.BASICALLY_SATISFIED) + "、不满意 +"
                            + rules.perEvaluation().get(Satisfaction.UNSATISFIED) + "。");
            line(about, 5, "星级", starRule());
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String starRule() {
        StringBuilder text = new StringBuilder("累计积分达到");
        for (int level = 1; level <= rules.stars().size(); level++) {
            text.append(level == 1 ? "" : "，")
                    .append(rules.stars().get(level - 1))
                    .append(" 分为")
                    .append(PointsRules.starLabel(level));
        }
        return text.append("。").toString();
    }

    private static String day(Instant at) {
        return at.atZone(Quarter.BEIJING).toLocalDate().toString();
    }

    private static void line(Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
    }

    private static CellStyle headerStyle(XSSFWorkbook book) {
        Font font = book.createFont();
        font.setBold(true);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
