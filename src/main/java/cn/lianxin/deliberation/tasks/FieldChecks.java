package cn.lianxin.deliberation.tasks;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** The checks the deliberation tasks' fields share, each adding its problem to the list the task refuses with. */
final class FieldChecks {

    private FieldChecks() {}

    /** Refuses the completion naming every problem at once; nothing when there is none. */
    static void refuseIf(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    static void required(TaskValues v, String field, String message, List<FieldError> problems) {
        if (!v.has(field)) {
            problems.add(new FieldError(field, message));
        }
    }

    static void tooLong(TaskValues v, String field, int max, List<FieldError> problems) {
        String text = v.text(field);
        if (text != null && text.length() > max) {
            problems.add(new FieldError(field, "不能超过 " + max + " 个字"));
        }
    }

    static String oneOf(TaskValues v, String field, Set<String> allowed, String message, List<FieldError> problems) {
        String value = v.text(field);
        if (value == null || !allowed.contains(value)) {
            problems.add(new FieldError(field, value == null ? "必须填写：" + message : message));
            return null;
        }
        return value;
    }

    static Integer count(TaskValues v, String field, List<FieldError> problems) {
        Integer value = v.integer(field);
        if (value == null) {
            problems.add(new FieldError(field, "必须填写票数（整数，流会时填 0）"));
        }
        return value;
    }

    /** A date and time as a form or a client sends it; {@code null} when missing or unreadable. */
    static Instant instant(TaskValues v, String field) {
        Object raw = v.raw(field);
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            return WorkingDays.instantOf(raw instanceof String s ? s.trim() : raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }
}
