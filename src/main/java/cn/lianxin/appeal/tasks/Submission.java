package cn.lianxin.appeal.tasks;

import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a person submitted to complete a task, and every problem found in it: a task's check notes
 * them all, then {@link #refuseIfInvalid()} refuses them together, so the cadre fixes a form once.
 */
final class Submission {

    private final TaskValues values;
    private final List<FieldError> problems = new ArrayList<>();

    Submission(Map<String, Object> values) {
        this.values = new TaskValues(values);
    }

    TaskValues values() {
        return values;
    }

    void problem(String field, String message) {
        problems.add(new FieldError(field, message));
    }

    void required(String field, String message) {
        if (!values.has(field)) {
            problem(field, message);
        }
    }

    /** A text longer than {@code max} characters is a problem (counted after trimming, as it is stored). */
    void atMost(String field, int max) {
        String text = values.text(field);
        if (text != null && text.length() > max) {
            problem(field, "不能超过 " + max + " 个字");
        }
    }

    /** The value when it is one of the allowed ones; otherwise a problem and {@code null}. */
    String oneOf(String field, Set<String> allowed, String message) {
        String value = values.text(field);
        if (value == null || !allowed.contains(value)) {
            problem(field, value == null ? "必须填写：" + message : message);
            return null;
        }
        return value;
    }

    /** The code when it names a known department; otherwise a problem and {@code null}. */
    String department(String field, Predicate<String> isDepartment, String message) {
        String code = values.text(field);
        if (code == null || !isDepartment.test(code)) {
            problem(field, message);
            return null;
        }
        return code;
    }

    /** Throws {@link TaskDataRejected} naming every problem noted, if any. */
    void refuseIfInvalid() {
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    static Set<String> names(Enum<?>[] values) {
        return Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
    }
}
