package cn.lianxin.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads submitted task data the way it arrives from Tasklist (Camunda Forms send lists as JSON),
 * from Camunda's REST API (strings, numbers, JSON or serialized lists) and from Java.
 */
public final class TaskValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    public TaskValues(Map<String, Object> values) {
        this.values = values;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof SpinJsonNode json && json.isString() ? json.stringValue() : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    public boolean has(String name) {
        return text(name) != null;
    }

    /** An integer, or {@code null} when missing or not a whole number. */
    public Integer integer(String name) {
        Object value = values.get(name);
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) ? (int) d : null;
        }
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A boolean, or {@code null} when missing or neither true nor false. */
    public Boolean bool(String name) {
        Object value = values.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(name);
        return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    /** A list of strings from a Java list, a JSON array or a JSON string; {@code null} if missing. */
    public List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::trim).toList();
        }
        if (value instanceof SpinJsonNode json) {
            if (!json.isArray()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            json.elements()
                    .forEach(e -> items.add(e.isString() ? e.stringValue().trim() : e.toString()));
            return items;
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            if (!node.isArray()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            node.forEach(e -> items.add(e.asText().trim()));
            return items;
        } catch (Exception e) {
            return null;
        }
    }
}
