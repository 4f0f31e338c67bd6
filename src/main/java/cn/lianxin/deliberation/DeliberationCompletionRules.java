package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.MeetingRules.Vote;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each task of the deliberation process must be completed with — one rule set for Tasklist,
 * Camunda's REST API and the platform's API (all end in the engine's task guard).
 */
final class DeliberationCompletionRules {

    /** The fields a user may submit to complete each task. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            Tasks.TOPIC_REVIEW, Set.of(DECISION, REASONS, MERGE_INTO),
            Tasks.PREPARE_PLAN, Set.of(MEETING_AT, MEETING_PLACE, PARTICIPANTS, OPTIONS, PLAN),
            Tasks.REVIEW_OPINIONS, Set.of(OBJECTIONS_SIGNIFICANT, OPINION_RESPONSE),
            Tasks.MEETING_RECORD, Set.of(ATTENDEES, AGENDA, SPEECHES, VOTES_FOR, VOTES_AGAINST, VOTES_ABSTAIN, MINUTES),
            Tasks.SET_UP_LEDGER, Set.of(RESPONSIBLE_UNIT, MEASURES, MILESTONES),
            Tasks.REPORT_PROGRESS, Set.of(PROGRESS),
            Tasks.CONFIRM_COMPLETION, Set.of(IMPLEMENTED, COMPLETION_SUMMARY));

    /** Set by the process and shown read-only: a submission may repeat them, never change them. */
    static final Set<String> PROTECTED = Set.of(
            DELIBERATION_NO,
            VILLAGE_CODE,
            TOWN_CODE,
            ORIGIN,
            STATUS,
            NOTICE_ID,
            NOTICE_ENDS_AT,
            QUORATE,
            PASSED,
            RESPONSIBLE_GROUP,
            MILESTONE_ID,
            MILESTONE_DUE_AT);

    /** A milestone as the ledger form or an API client gives it. */
    record MilestoneInput(String title, Instant dueAt) {}

    /** Milestones fall due at the end of the office day of their date. */
    static final LocalTime MILESTONE_TIME = LocalTime.of(18, 0);

    /** What the rules need to know beyond the submitted data. */
    interface Facts {
        Instant now();

        /** When a plan noticed now would leave the notice board in this village. */
        Instant noticeEndsIfPublishedNow(String villageCode);

        Set<String> representativesOf(String villageCode);

        MeetingRules meetingRulesOf(String villageCode);

        /** Another topic of the village still open, so this one may be merged into it. */
        boolean mayMergeInto(String deliberationNo, String target, String villageCode);

        boolean isUnit(String code);
    }

    private final Facts facts;

    DeliberationCompletionRules(Facts facts) {
        this.facts = facts;
    }

    List<FieldError> problems(String taskKey, TaskValues v) {
        List<FieldError> problems = new ArrayList<>();
        String village = v.text(VILLAGE_CODE);
        switch (taskKey) {
            case Tasks.TOPIC_REVIEW -> {
                String decision = oneOf(
                        v,
                        DECISION,
                        Set.of("ACCEPT", "MERGE", "REJECT"),
                        "应为 ACCEPT（受理）、MERGE（合并）或 REJECT（不予受理）",
                        problems);
                if ("REJECT".equals(decision)) {
                    required(v, REASONS, "不予受理时必须说明理由（将公开）", problems);
                } else if ("MERGE".equals(decision)) {
                    String target = v.text(MERGE_INTO);
                    if (target == null) {
                        problems.add(new FieldError(MERGE_INTO, "合并时必须选择要并入的议题"));
                    } else if (!facts.mayMergeInto(v.text(DELIBERATION_NO), target, village)) {
                        problems.add(new FieldError(MERGE_INTO, target + " 不是本单位尚在办理中的其他议题"));
                    }
                }
                tooLong(v, REASONS, 2000, problems);
            }
            case Tasks.PREPARE_PLAN -> {
                Instant meetingAt = instant(v, MEETING_AT);
                if (meetingAt == null) {
                    problems.add(new FieldError(MEETING_AT, "必须填写会议时间（如 2026-12-08T15:00:00+08:00）"));
                } else {
                    Instant noticeEnds = facts.noticeEndsIfPublishedNow(village);
                    if (!meetingAt.isAfter(facts.now())) {
                        problems.add(new FieldError(MEETING_AT, "会议时间不能早于现在"));
                    } else if (meetingAt.isBefore(noticeEnds)) {
                        problems.add(
                                new FieldError(MEETING_AT, "会议须在协商前公示期满之后召开，最早 " + WorkingDays.format(noticeEnds)));
                    }
                }
                required(v, MEETING_PLACE, "必须填写会议地点", problems);
                required(v, PARTICIPANTS, "必须填写参会人员（议事代表、利益相关方、有关部门）", problems);
                required(v, PLAN, "必须填写协商方案", problems);
                tooLong(v, PLAN, 4000, problems);
                tooLong(v, PARTICIPANTS, 1000, problems);
                tooLong(v, MEETING_PLACE, 200, problems);
                tooLong(v, OPTIONS, 2000, problems);
            }
            case Tasks.REVIEW_OPINIONS -> {
                Boolean significant = v.bool(OBJECTIONS_SIGNIFICANT);
                if (significant == null) {
                    problems.add(new FieldError(OBJECTIONS_SIGNIFICANT, "必须判断异议是否重大（true：修改方案后重新公示；false：按方案开会）"));
                } else if (significant) {
                    required(v, OPINION_RESPONSE, "认定异议重大时必须说明如何修改方案", problems);
                }
                tooLong(v, OPINION_RESPONSE, 2000, problems);
            }
            case Tasks.MEETING_RECORD -> meeting(v, village, problems);
            case Tasks.SET_UP_LEDGER -> {
                String unit = v.text(RESPONSIBLE_UNIT);
                if (unit == null || !facts.isUnit(unit)) {
                    problems.add(new FieldError(RESPONSIBLE_UNIT, "必须选择一个已知的责任单位（村社区、镇或部门）"));
                }
                required(v, MEASURES, "必须填写落实措施", problems);
                tooLong(v, MEASURES, 4000, problems);
                milestones(v, problems);
            }
            case Tasks.REPORT_PROGRESS -> {
                required(v, PROGRESS, "必须填写本节点的落实进展", problems);
                tooLong(v, PROGRESS, 2000, problems);
            }
            case Tasks.CONFIRM_COMPLETION -> {
                if (v.bool(IMPLEMENTED) == null) {
                    problems.add(new FieldError(IMPLEMENTED, "必须选择已全部落实（true）或尚未落实、补充节点（false）"));
                }
                required(v, COMPLETION_SUMMARY, "必须填写落实情况（尚未落实时写明还差什么）", problems);
                tooLong(v, COMPLETION_SUMMARY, 2000, problems);
            }
            default -> {}
        }
        return problems;
    }

    private void meeting(TaskValues v, String village, List<FieldError> problems) {
        required(v, AGENDA, "必须填写会议议程", problems);
        required(v, MINUTES, "必须填写会议纪要", problems);
        tooLong(v, AGENDA, 2000, problems);
        tooLong(v, MINUTES, 4000, problems);
        tooLong(v, SPEECHES, 4000, problems);
        List<String> attendees = v.list(ATTENDEES);
        if (attendees == null && v.raw(ATTENDEES) != null) {
            problems.add(new FieldError(ATTENDEES, "应为议事代表用户名的列表"));
            return;
        }
        Integer votesFor = count(v, VOTES_FOR, problems);
        Integer votesAgainst = count(v, VOTES_AGAINST, problems);
        Integer votesAbstain = count(v, VOTES_ABSTAIN, problems);
        if (votesFor == null || votesAgainst == null || votesAbstain == null) {
            return;
        }
        problems.addAll(facts.meetingRulesOf(village)
                .problems(
                        facts.representativesOf(village),
                        new Vote(attendees == null ? List.of() : attendees, votesFor, votesAgainst, votesAbstain)));
    }

    private void milestones(TaskValues v, List<FieldError> problems) {
        List<MilestoneInput> milestones;
        try {
            milestones = milestonesOf(v.raw(MILESTONES));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(MILESTONES, e.getMessage()));
            return;
        }
        if (milestones.isEmpty()) {
            problems.add(new FieldError(MILESTONES, "至少需要一个落实节点（每行一个：日期 节点内容，如 2026-12-20 完成路灯安装）"));
        } else if (milestones.size() > 20) {
            problems.add(new FieldError(MILESTONES, "一次最多登记 20 个节点"));
        }
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneInput m = milestones.get(i);
            if (!m.dueAt().isAfter(facts.now())) {
                problems.add(new FieldError(MILESTONES, "第 " + (i + 1) + " 个节点“" + m.title() + "”的日期已过，节点日期不能早于今天"));
            }
        }
    }

    /**
     * Milestones from a JSON list of {@code {"title", "dueDate"}} (API, REST) or from text lines
     * {@code 2026-12-20 完成路灯安装} (the Tasklist form).
     */
    static List<MilestoneInput> milestonesOf(Object raw) {
        List<MilestoneInput> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        Object value = raw;
        if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
            value = json.isString() ? json.stringValue() : json.toString();
        }
        String text = value instanceof String s ? s.trim() : null;
        if (value instanceof List<?> || (text != null && text.startsWith("["))) {
            com.fasterxml.jackson.databind.JsonNode items;
            try {
                items = value instanceof List<?> list ? JSON.valueToTree(list) : JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("节点列表不是有效的 JSON");
            }
            int i = 0;
            for (com.fasterxml.jackson.databind.JsonNode item : items) {
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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

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

    private static Integer count(TaskValues v, String field, List<FieldError> problems) {
        Integer value = v.integer(field);
        if (value == null) {
            problems.add(new FieldError(field, "必须填写票数（整数，流会时填 0）"));
        }
        return value;
    }

    private static void required(TaskValues v, String field, String message, List<FieldError> problems) {
        if (!v.has(field)) {
            problems.add(new FieldError(field, message));
        }
    }

    private static void tooLong(TaskValues v, String field, int max, List<FieldError> problems) {
        String text = v.text(field);
        if (text != null && text.length() > max) {
            problems.add(new FieldError(field, "不能超过 " + max + " 个字"));
        }
    }

    private static String oneOf(
            TaskValues v, String field, Set<String> allowed, String message, List<FieldError> problems) {
        String value = v.text(field);
        if (value == null || !allowed.contains(value)) {
            problems.add(new FieldError(field, value == null ? "必须填写：" + message : message));
            return null;
        }
        return value;
    }
}
