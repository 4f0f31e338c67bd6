package cn.lianxin.organisation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an organisation file into its two tables, {@code 单位} and {@code 人员}, as text cells under
 * their column headers: an Excel workbook (.xlsx) with a sheet of each name, or one CSV file per table
 * (UTF-8 with or without BOM, or GB18030 as Excel on Chinese Windows saves "CSV（逗号分隔）").
 * Whatever cannot be read safely is a problem, not an exception: formulas, values that a spreadsheet
 * would run as one ({@code = + - @} at the start), cells longer than a column allows, too many rows.
 */
final class OrganisationTables {

    static final String UNITS = "单位";
    static final String PEOPLE = "人员";

    static final String UNIT_CODE = "单位编码";
    static final String UNIT_NAME = "单位名称";
    static final String UNIT_TYPE = "单位类型";
    static final String PARENT_CODE = "上级单位编码";
    static final String USER_NAME = "用户名";
    static final String PERSON_NAME = "姓名";
    static final String PHONE = "手机号";
    static final String ROLES = "角色";
    static final String NOTE = "备注";

    /** Required columns of each table, then the optional ones; anything else is refused. */
    static final Map<String, List<String>> REQUIRED = Map.of(
            UNITS, List.of(UNIT_CODE, UNIT_NAME, UNIT_TYPE, PARENT_CODE),
            PEOPLE, List.of(USER_NAME, PERSON_NAME, UNIT_CODE, ROLES));

    static final Map<String, List<String>> OPTIONAL = Map.of(UNITS, List.of(NOTE), PEOPLE, List.of(PHONE, NOTE));

    /** The longest text each column takes (the database's and Camunda's limits). */
    static final Map<String, Integer> MAX_LENGTH = Map.of(
            UNIT_CODE, 16,
            UNIT_NAME, 64,
            UNIT_TYPE, 8,
            PARENT_CODE, 16,
            USER_NAME, 64,
            PERSON_NAME, 32,
            PHONE, 11,
            ROLES, 100,
            NOTE, 200);

    /** {@code kind} of a CSV file → its table. */
    static final Map<String, String> KINDS = Map.of("units", UNITS, "people", PEOPLE);

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_ROWS = 5_000;

    /** What a spreadsheet runs as a formula when a cell starts with it (CSV injection). */
    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // an .xlsx is a zip: at 512 KB, no entry an organisation needs comes near 32 MB unpacked
        ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
    }

    /** One table row: its number as the spreadsheet shows it, and its cells by column header. */
    record Row(int number, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** How the file was written. */
    enum Format {
        XLSX,
        CSV
    }

    /** The tables found, by name ({@link #UNITS}, {@link #PEOPLE}); the ones the file has not are absent. */
    record Tables(Format format, Map<String, List<Row>> tables) {}

    private OrganisationTables() {}

    /**
     * Reads the file.
     *
     * @param kind for a CSV file, which table it is ({@code units} or {@code people}); none for Excel
     */
    static Tables read(byte[] bytes, String kind, ImportProblems problems) {
        if (bytes.length == 0) {
            problems.ofFile("文件是空的");
            return new Tables(Format.CSV, Map.of());
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(null, null, "file", tooBig(bytes.length));
            return new Tables(Format.CSV, Map.of());
        }
        if (startsWith(bytes, OLE2)) {
            problems.ofFile("不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 工作簿或 CSV（逗号分隔）文件");
            return new Tables(Format.XLSX, Map.of());
        }
        if (startsWith(bytes, ZIP)) {
            if (kind != null) {
                problems.add(null, null, "kind", "Excel 工作簿按工作表名（单位、人员）区分两张表，不要再给 kind");
                return new Tables(Format.XLSX, Map.of());
            }
            return new Tables(Format.XLSX, workbook(bytes, problems));
        }
        String table = kind == null ? null : KINDS.get(kind);
        if (table == null) {
            problems.add(null, null, "kind", "CSV 文件须用 kind 说明是哪张表：units（单位）或 people（人员）");
            return new Tables(Format.CSV, Map.of());
        }
        String text = decode(bytes, problems);
        if (text == null) {
            return new Tables(Format.CSV, Map.of());
        }
        List<Row> rows = csv(table, text, problems);
        return new Tables(Format.CSV, rows == null ? Map.of() : Map.of(table, rows));
    }

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030 when they are valid GB18030. */
    static String decode(byte[] bytes, ImportProblems problems) {
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})
                || startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            problems.ofFile("不支持 UTF-16（“Unicode 文本”）文件：请另存为 CSV UTF-8（逗号分隔）");
            return null;
        }
        byte[] content = startsWith(bytes, UTF8_BOM) ? Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length) : bytes;
        String text = strictly(content, StandardCharsets.UTF_8);
        if (text == null && !startsWith(bytes, UTF8_BOM)) {
            text = strictly(content, Charset.forName("GB18030"));
        }
        if (text == null) {
            problems.ofFile("无法识别文件的文字编码：请另存为 CSV UTF-8（逗号分隔）或 Excel 工作簿（.xlsx）");
        }
        return text;
    }

    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static List<Row> csv(String table, String text, ImportProblems problems) {
        List<CSVRecord> records;
        try (CSVParser parser =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() > MAX_ROWS) {
                    problems.add(table, null, null, tooManyRows());
                    return null;
                }
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(table, null, null, "CSV 格式有误（多半是引号没有成对）：请用表格软件重新另存为 CSV");
            return null;
        }
        if (records.isEmpty()) {
            problems.add(table, null, null, "表是空的：第 1 行应为表头（" + String.join("、", REQUIRED.get(table)) + "）");
            return null;
        }
        List<String> header = records.get(0).toList();
        Map<String, Integer> columns = header(table, header, problems);
        if (columns == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int number = (int) record.getRecordNumber();
            List<String> values = record.toList();
            Map<String, String> cells = new HashMap<>();
            columns.forEach((column, index) -> cells.put(column, index < values.size() ? values.get(index) : ""));
            if (values.size() > header.size()
                    && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
                problems.add(table, number, null, "这一行比表头多出内容：多出的列没有列名");
            }
            row(table, number, cells, problems, rows);
        }
        return rows;
    }

    private static Map<String, List<Row>> workbook(byte[] bytes, ImportProblems problems) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Map<String, List<Row>> tables = new LinkedHashMap<>();
            for (String table : List.of(UNITS, PEOPLE)) {
                Sheet sheet = workbook.getSheet(table);
                if (sheet != null) {
                    List<Row> rows = sheet(table, sheet, problems);
                    if (rows != null) {
                        tables.put(table, rows);
                    }
                }
            }
            if (workbook.getSheet(UNITS) == null && workbook.getSheet(PEOPLE) == null) {
                problems.ofFile("工作簿中没有名为“单位”或“人员”的工作表");
            }
            return tables;
        } catch (IOException | RuntimeException e) {
            // not a workbook, damaged, encrypted, or unpacking beyond the limits (a zip bomb)
            problems.ofFile("无法读取 Excel 工作簿：请确认是 .xlsx 文件、未加密，并用 Excel 或 WPS 重新保存");
            return Map.of();
        }
    }

    private static List<Row> sheet(String table, Sheet sheet, ImportProblems problems) {
        if (sheet.getLastRowNum() > MAX_ROWS) {
            problems.add(table, null, null, tooManyRows());
            return null;
        }
        org.apache.poi.ss.usermodel.Row first = sheet.getRow(sheet.getFirstRowNum());
        if (first == null || sheet.getPhysicalNumberOfRows() == 0) {
            problems.add(table, null, null, "工作表是空的：第 1 行应为表头（" + String.join("、", REQUIRED.get(table)) + "）");
            return null;
        }
        List<String> header = new ArrayList<>();
        for (int c = 0; c < first.getLastCellNum(); c++) {
            header.add(text(first.getCell(c), table, first.getRowNum() + 1, null, problems));
        }
        Map<String, Integer> columns = header(table, header, problems);
        if (columns == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            int number = r + 1;
            columns.forEach(
                    (column, index) -> cells.put(column, text(row.getCell(index), table, number, column, problems)));
            for (int c = header.size(); c < Math.max(row.getLastCellNum(), 0); c++) {
                Cell extra = row.getCell(c);
                if (extra != null && extra.getCellType() != CellType.BLANK) {
                    problems.add(table, number, null, "这一行比表头多出内容：多出的列没有列名");
                    break;
                }
            }
            row(table, number, cells, problems, rows);
        }
        return rows;
    }

    /** A cell as text; a formula is a problem (its value would be whatever the spreadsheet last computed). */
    private static String text(Cell cell, String table, int row, String column, ImportProblems problems) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> {
                problems.add(table, row, column, "单元格是公式：请改为直接填写内容（公式不导入）");
                yield "";
            }
            default -> "";
        };
    }

    /** A number typed into a cell (a mobile number, a numeric code) as its digits, without ".0" or an exponent. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The columns of a header row, or {@code null} (with the problems) when it is not the table's. */
    private static Map<String, Integer> header(String table, List<String> header, ImportProblems problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean wrong = false;
        for (int i = 0; i < header.size(); i++) {
            String name = clean(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            if (!REQUIRED.get(table).contains(name) && !OPTIONAL.get(table).contains(name)) {
                problems.add(
                        table,
                        1,
                        name,
                        "未知的列“" + name + "”：" + table + "表的列为 " + String.join("、", REQUIRED.get(table)) + "，可选 "
                                + String.join("、", OPTIONAL.get(table)));
                wrong = true;
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(table, 1, name, "列“" + name + "”出现了两次");
                wrong = true;
            }
        }
        for (String required : REQUIRED.get(table)) {
            if (!columns.containsKey(required)) {
                problems.add(table, 1, required, "缺少列“" + required + "”");
                wrong = true;
            }
        }
        return wrong ? null : columns;
    }

    /** Checks and keeps one data row; a row with nothing in it is skipped. */
    private static void row(
            String table, int number, Map<String, String> raw, ImportProblems problems, List<Row> rows) {
        Map<String, String> cells = new HashMap<>();
        raw.forEach((column, value) -> cells.put(column, clean(value)));
        if (cells.values().stream().allMatch(String::isEmpty)) {
            return;
        }
        cells.forEach((column, value) -> {
            String as = raw.get(column) == null ? "" : raw.get(column);
            boolean formula = (!value.isEmpty() && FORMULA_STARTS.contains(value.charAt(0)))
                    || (!as.isEmpty() && FORMULA_STARTS.contains(as.charAt(0)));
            if (formula) {
                problems.add(table, number, column, "内容以 = + - @ 等开头，表格软件会当作公式执行，已拒绝：请去掉开头的符号");
            } else if (value.length() > MAX_LENGTH.get(column)) {
                problems.add(
                        table,
                        number,
                        column,
                        "内容过长：最多 " + MAX_LENGTH.get(column) + " 个字（现有 " + value.length() + " 个）");
            }
        });
        rows.add(new Row(number, Map.copyOf(cells)));
    }

    /** Spaces around a value, the full-width one included, are not part of it. */
    private static String clean(String value) {
        return value == null ? "" : value.replace('\u3000', ' ').strip();
    }

    static String tooBig(long size) {
        return "文件过大：最大 " + MAX_BYTES / 1024 + " KB（本文件 " + (size + 1023) / 1024 + " KB），请分成单位和人员两个文件，或删去多余内容";
    }

    private static String tooManyRows() {
        return "行数过多：每张表最多 " + MAX_ROWS + " 行";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
