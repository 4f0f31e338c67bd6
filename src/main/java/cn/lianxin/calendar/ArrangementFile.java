package cn.lianxin.calendar;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's arrangement as the State Council's notice is published in the holiday-cn JSON shape:
 * {@code {"year": 2027, "papers": [...], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}}.
 */
record ArrangementFile(Integer year, List<String> papers, List<Day> days) {

    record Day(String name, String date, Boolean isOffDay) {}

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** Every problem of the file at once (一次性告知), each naming its field. */
    List<FieldError> problems(int expectedYear) {
        List<FieldError> problems = new ArrayList<>();
        if (expectedYear < FIRST_YEAR || expectedYear > LAST_YEAR) {
            problems.add(new FieldError("year", "年份应在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间"));
            return problems;
        }
        if (year == null) {
            problems.add(new FieldError("year", "必须填写年份"));
        } else if (year != expectedYear) {
            problems.add(new FieldError("year", "文件中的年份 " + year + " 与地址中的 " + expectedYear + " 不一致"));
        }
        if (days == null || days.isEmpty()) {
            problems.add(new FieldError("days", "至少应有一天放假或调休安排"));
            return problems;
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            String field = "days[" + i + "]";
            if (day == null) {
                problems.add(new FieldError(field, "不能为空"));
                continue;
            }
            if (day.name() == null || day.name().isBlank()) {
                problems.add(new FieldError(field + ".name", "必须填写节日名称"));
            }
            if (day.isOffDay() == null) {
                problems.add(new FieldError(field + ".isOffDay", "必须说明是放假（true）还是调休上班（false）"));
            }
            LocalDate date = parse(day.date());
            if (date == null) {
                problems.add(new FieldError(field + ".date", "日期应为 YYYY-MM-DD 格式"));
                continue;
            }
            if (date.getYear() != expectedYear) {
                problems.add(new FieldError(field + ".date", "日期 " + date + " 不在 " + expectedYear + " 年内"));
            }
            Integer first = seen.putIfAbsent(date, i);
            if (first != null) {
                problems.add(new FieldError(field + ".date", "日期 " + date + " 与 days[" + first + "] 重复"));
            }
            if (Boolean.FALSE.equals(day.isOffDay()) && !isWeekend(date)) {
                problems.add(new FieldError(field + ".isOffDay", date + " 是工作日，不需要调休上班"));
            }
        }
        return problems;
    }

    /** The special days of a file without problems. */
    List<SpecialDay> specialDays() {
        return days.stream()
                .map(day ->
                        new SpecialDay(LocalDate.parse(day.date()), day.name().trim(), day.isOffDay()))
                .toList();
    }

    List<String> papersOrNone() {
        return papers == null
                ? List.of()
                : papers.stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    private static LocalDate parse(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
