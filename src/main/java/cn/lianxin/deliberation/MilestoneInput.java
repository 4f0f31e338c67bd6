package cn.lianxin.deliberation;

import cn.lianxin.calendar.WorkingDays;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A milestone as the ledger form or an API client gives it: read by the {@code set-up-ledger} task's
 * check and by the step that records the ledger, so both read the same list.
 */
public record MilestoneInput(String title, Instant dueAt) {

    /** Milestones fall due at the end of the office day of their date. */
    static final LocalTime MILESTONE_TIME = LocalTime.of(18, 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Milestones from a JSON list of {@code {"title", "dueDate"}} (API, REST) or from text lines
     * {@code 2026-12-20 完成路灯安装} (the Tasklist form).
     *
     * @throws IllegalArgumentException with a message for people when the list cannot be read
     */
    public static List<MilestoneInput> parse(Object raw) {
        List<MilestoneInput> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        Object value = raw;
        if (value instanceof SpinJsonNode json) {
            value = json.isString() ? json.stringValue() : json.toString();
        }
        String text = value instanceof String s ? s.trim() : null;
        if (value instanceof List<?> || (text != null && text.startsWith("["))) {
            JsonNode items;
            try {
                items = value instanceof List<?> list ? JSON.valueToTree(list) : JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("节点列表不是有效的 JSON");
            }
            int i = 0;
            for (JsonNode item : items) {
                i++;
                String title = item.path("title").asText("").trim();
                String date = item.path("dueDate").asText("").trim();
                if (title.isEmpty() || date.isEmpty()) {
                    throw new IllegalArgumentException("第 " + i + " 个节点须有 title（节点内容）和 dueDate（日期）");
                }
                result.add(new MilestoneInput(title, dueAt(date, i)));
            }
            return result;
        }
        if (text == null) {
            throw new IllegalArgumentException("应为节点列表");
        }
        int i = 0;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            i++;
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("第 " + i + " 行应为“日期 节点内容”，如 2026-12-20 完成路灯安装");
            }
            result.add(new MilestoneInput(parts[1].trim(), dueAt(parts[0], i)));
        }
        return result;
    }

    /** The milestones as the ledger form writes them, one per line: {@code 2026-12-20 完成路灯安装}. */
    public static String asText(List<MilestoneInput> milestones) {
        return milestones.stream().map(MilestoneInput::line).collect(Collectors.joining("\n"));
    }

    /** {@code 2026-12-20 完成路灯安装}. */
    String line() {
        return dueAt.atZone(WorkingDays.ZONE).toLocalDate() + " " + title;
    }

    private static Instant dueAt(String date, int index) {
        try {
            return LocalDate.parse(date)
                    .atTime(MILESTONE_TIME)
                    .atZone(WorkingDays.ZONE)
                    .toInstant();
        } catch (DateTimeParseException e) {
            try {
                return WorkingDays.instantOf(date);
            } catch (IllegalArgumentException notADate) {
                throw new IllegalArgumentException("第 " + index + " 个节点的日期“" + date + "”无法识别，应为 2026-12-20 的形式");
            }
        }
    }
}
