package cn.lianxin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One year's holiday arrangement: its special days and where they come from. */
record YearArrangement(int year, ArrangementSource source, Map<LocalDate, SpecialDay> specialDays) {

    public YearArrangement {
        specialDays = Map.copyOf(specialDays);
    }

    static YearArrangement of(int year, ArrangementSource source, Iterable<SpecialDay> days) {
        Map<LocalDate, SpecialDay> byDate = java.util.stream.StreamSupport.stream(days.spliterator(), false)
                .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
        return new YearArrangement(year, source, byDate);
    }

    public boolean isLoaded() {
        return source != ArrangementSource.NONE;
    }

    /** Holidays are off even on weekdays; make-up days are worked even on weekends. */
    public boolean isWorkingDay(LocalDate date) {
        SpecialDay special = specialDays.get(date);
        if (special != null) {
            return !special.offDay();
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
