package cn.lianxin.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the normal Monday–Friday week.
 *
 * @param offDay {@code true} for a holiday (放假, off even on a weekday), {@code false} for a
 *     make-up working day (调休上班, worked even on a Saturday or Sunday)
 */
record SpecialDay(LocalDate date, String name, boolean offDay) {}
