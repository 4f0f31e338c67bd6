package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.Masking;
import cn.lianxin.deliberation.Topics.Draft;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.system.ApiProblemException.FieldError;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What every way of proposing a topic shares: its number, its row and first log entry, its process
 * variables, the case it came from; and the checks of the fields people type.
 */
@Component
class TopicOpening {

    /** Deliberation numbers read YS-20261124-000001 (议事). */
    static final String NUMBER_PREFIX = "YS-";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Topics topics;
    private final TopicLog log;
    private final LinkedCases linkedCases;
    private final Units units;
    private final AccessCodes accessCodes;
    private final RuntimeService runtime;
    private final CaseTimeline cases;
    private final DeliberationRules rules;
    private final Representatives representatives;

    TopicOpening(
            Topics topics,
            TopicLog log,
            LinkedCases linkedCases,
            Units units,
            AccessCodes accessCodes,
            RuntimeService runtime,
            CaseTimeline cases,
            DeliberationRules rules,
            Representatives representatives) {
        this.topics = topics;
        this.log = log;
        this.linkedCases = linkedCases;
        this.units = units;
        this.accessCodes = accessCodes;
        this.runtime = runtime;
        this.cases = cases;
        this.rules = rules;
        this.representatives = representatives;
    }

    String open(Draft draft, String idempotencyKey, String fingerprint, String actor) {
        Instant now = EngineTime.now();
        String no = NUMBER_PREFIX + DAY.format(now.atZone(WorkingDays.ZONE)) + "-"
                + String.format("%06d", topics.nextNumber());
        topics.insert(no, accessCodes.hash(accessCodes.codeFor(no)), draft, idempotencyKey, fingerprint, now);
        log.log(no, now, actor, "PROPOSAL", "议题登记（" + draft.origin().label() + "）：" + draft.title(), true);
        return no;
    }

    void start(String no, Draft draft, Unit village) {
        String processInstanceId = runtime.createProcessInstanceByKey(DeliberationProcess.KEY)
                .businessKey(no)
                .setVariables(processVariables(no, draft, village))
                .execute()
                .getId();
        topics.attachProcess(no, processInstanceId);
    }

    void link(String no, String trackingNo, String actor) {
        linkedCases.link(no, trackingNo);
        cases.record(trackingNo, actor, "DELIBERATION", "已提交协商议事：议题 " + no, true);
    }

    Map<String, Object> processVariables(String no, Draft draft, Unit village) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DELIBERATION_NO, no);
        variables.put(VILLAGE_CODE, village.code());
        variables.put(TOWN_CODE, village.parentCode());
        variables.put(TITLE, draft.title());
        variables.put(BACKGROUND, draft.background());
        variables.put(AFFECTED_AREA, draft.affectedArea() == null ? "" : draft.affectedArea());
        variables.put(OPTIONS, draft.options() == null ? "" : draft.options());
        variables.put(ORIGIN, draft.origin().name());
        variables.put(ORIGIN_LABEL, draft.origin().label());
        variables.put(
                PROPOSER_SUMMARY,
                Masking.name(draft.proposerName()) + (draft.phone() == null ? "" : " " + Masking.phone(draft.phone())));
        variables.put(NOTICE_DAYS, rules.noticeDays(village.code()));
        return variables;
    }

    Optional<Unit> village(String code) {
        return code == null ? Optional.empty() : units.byCode(code).filter(u -> u.kind() == UnitKind.VILLAGE);
    }

    String nameOf(String userId) {
        return userId == null ? "干部" : representatives.nameOf(userId);
    }

    static String required(String value, String field, int max, String message, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, message));
            return null;
        }
        return optional(value, field, max, problems);
    }

    static String optional(String value, String field, int max, List<FieldError> problems) {
        if (value != null && value.trim().length() > max) {
            problems.add(new FieldError(field, "不能超过 " + max + " 个字"));
        }
        return blankToNull(value);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
