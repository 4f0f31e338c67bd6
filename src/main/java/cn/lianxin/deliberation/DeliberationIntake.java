package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.appeal.Masking;
import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.deliberation.Topics.Draft;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.system.AccessCodes;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.RequestFingerprint;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 议题征集: every topic becomes a row in the platform's tables and a running {@code deliberation}
 * process, in one transaction — proposed by a citizen (public API), by a host (Tasklist start form)
 * or raised from a citizen's request by the cadres of its village.
 */
@Service
class DeliberationIntake {

    /** What the proposer gets back: the deliberation number and the secret access code. */
    record Receipt(String deliberationNo, String accessCode, boolean created) {}

    /** A topic raised from a case: {@code POST /api/cases/{trackingNo}/deliberations}. */
    record FromCase(String title, String background, String affectedArea, String options) {}

    /** Deliberation numbers read YS-20261124-000001 (议事). */
    static final String NUMBER_PREFIX = "YS-";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** Cadres of a village who may raise a topic from one of its cases. */
    private static final Set<Role> RAISE_FROM_CASE =
            Set.of(Role.GRID_WORKER, Role.STATION_HEAD, Role.DELIBERATION_HOST);

    private final Topics topics;
    private final TopicLog log;
    private final LinkedCases linkedCases;
    private final Units units;
    private final AccessCodes accessCodes;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Notifications notifications;
    private final CaseTimeline cases;
    private final DeliberationRules rules;
    private final Representatives representatives;

    DeliberationIntake(
            Topics topics,
            TopicLog log,
            LinkedCases linkedCases,
            Units units,
            AccessCodes accessCodes,
            RuntimeService runtime,
            IdentityService identity,
            Notifications notifications,
            CaseTimeline cases,
            DeliberationRules rules,
            Representatives representatives) {
        this.topics = topics;
        this.log = log;
        this.linkedCases = linkedCases;
        this.units = units;
        this.accessCodes = accessCodes;
        this.runtime = runtime;
        this.identity = identity;
        this.notifications = notifications;
        this.cases = cases;
        this.rules = rules;
        this.representatives = representatives;
    }

    /**
     * A citizen's proposal; a retry with the same idempotency key and the same proposal returns the
     * first topic, the same key with another proposal is refused (422).
     */
    @Transactional
    public Receipt propose(ProposalRequest request, String idempotencyKey) {
        String fingerprint = RequestFingerprint.of(request);
        if (idempotencyKey != null) {
            Optional<Topics.Keyed> existing = topics.byIdempotencyKey(idempotencyKey);
            if (existing.isPresent()) {
                String first = existing.get().fingerprint();
                // rows from before fingerprints were kept carry none: answered as before
                if (first != null && !first.equals(fingerprint)) {
                    throw new ApiProblemException(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            "idempotency-key-reused",
                            List.of(new FieldError("Idempotency-Key", "已用于内容不同的另一次提交")));
                }
                String no = existing.get().deliberationNo();
                return new Receipt(no, accessCodes.codeFor(no), false);
            }
        }
        Unit village = village(request.villageCode())
                .orElseThrow(() -> ApiProblemException.invalid(
                        List.of(new FieldError("villageCode", "未知的村（社区）：" + request.villageCode()))));
        Draft draft = new Draft(
                request.title().trim(),
                request.background().trim(),
                blankToNull(request.affectedArea()),
                blankToNull(request.options()),
                Origin.CITIZEN,
                request.proposerName().trim(),
                request.phone(),
                village.code());
        String no = open(draft, idempotencyKey, fingerprint, "群众");
        start(no, draft, village);
        notifications.queue(
                Template.TOPIC_RECEIPT, Recipient.citizen(request.phone()), no, no, accessCodes.codeFor(no));
        return new Receipt(no, accessCodes.codeFor(no), true);
    }

    /** A cadre of the case's village raises a topic from a citizen's request; the case is linked. */
    @Transactional
    public String raiseFromCase(String trackingNo, FromCase request) {
        Authentication me = identity.getCurrentAuthentication();
        String villageCode = cases.villageOf(trackingNo)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found"));
        boolean ofTheVillage = me != null
                && me.getGroupIds() != null
                && RAISE_FROM_CASE.stream().anyMatch(role -> me.getGroupIds().contains(role.groupIdIn(villageCode)));
        if (!ofTheVillage) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        List<FieldError> problems = new ArrayList<>();
        String title = required(request.title(), "title", 100, "必须填写议题名称", problems);
        String background = required(request.background(), "background", 2000, "必须说明议题背景", problems);
        optional(request.affectedArea(), "affectedArea", 200, problems);
        optional(request.options(), "options", 2000, problems);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        Unit village = village(villageCode).orElseThrow();
        Draft draft = new Draft(
                title,
                background,
                blankToNull(request.affectedArea()),
                blankToNull(request.options()),
                Origin.APPEAL,
                nameOf(me.getUserId()),
                null,
                village.code());
        String no = open(draft, null, null, me.getUserId());
        link(no, trackingNo, me.getUserId());
        // the platform checked above that the cadre works in the case's village; starting the topic
        // is the platform's act (a grid worker may raise a topic, not start processes in Tasklist)
        identity.clearAuthentication();
        try {
            start(no, draft, village);
        } finally {
            identity.setAuthentication(me);
        }
        return no;
    }

    /**
     * The first step of the process: a topic started from Tasklist's start form is registered
     * here, its proposer's personal data moved out of the process into the topic table.
     */
    void register(DelegateExecution execution) {
        if (execution.getVariable(DELIBERATION_NO) != null) {
            return;
        }
        TaskValues form = new TaskValues(execution.getVariables());
        List<FieldError> problems = new ArrayList<>();
        String title = required(form.text(TITLE), TITLE, 100, "必须填写议题名称", problems);
        String background = required(form.text(BACKGROUND), BACKGROUND, 2000, "必须说明议题背景", problems);
        optional(form.text(AFFECTED_AREA), AFFECTED_AREA, 200, problems);
        optional(form.text(OPTIONS), OPTIONS, 2000, problems);
        String proposer = optional(form.text(PROPOSER_NAME), PROPOSER_NAME, 50, problems);
        String phone = form.text(PHONE);
        if (phone != null && !phone.matches("1[3-9]\\d{9}")) {
            problems.add(new FieldError(PHONE, "应为 11 位大陆手机号码"));
        }
        String initiator = (String) execution.getVariable(INITIATOR);
        Optional<Unit> village = hostedVillage(initiator);
        if (village.isEmpty()) {
            problems.add(new FieldError(VILLAGE_CODE, "只有村（社区）的议事召集人可以发起议题"));
        }
        String trackingNo = form.text(LINKED_TRACKING_NO);
        if (trackingNo != null
                && village.isPresent()
                && !cases.villageOf(trackingNo)
                        .map(village.get().code()::equals)
                        .orElse(false)) {
            problems.add(new FieldError(LINKED_TRACKING_NO, "不是本村（社区）的诉求编号：" + trackingNo));
        }
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
        Draft draft = new Draft(
                title,
                background,
                form.text(AFFECTED_AREA),
                form.text(OPTIONS),
                trackingNo == null ? Origin.CADRE : Origin.APPEAL,
                proposer == null ? nameOf(initiator) : proposer,
                phone,
                village.get().code());
        String no = open(draft, null, null, initiator);
        topics.attachProcess(no, execution.getProcessInstanceId());
        if (trackingNo != null) {
            link(no, trackingNo, initiator);
        }
        if (phone != null) {
            notifications.queue(Template.TOPIC_RECEIPT, Recipient.citizen(phone), no, no, accessCodes.codeFor(no));
        }
        execution.setProcessBusinessKey(no);
        execution.removeVariables(List.of(PROPOSER_NAME, PHONE));
        execution.setVariables(processVariables(no, draft, village.get()));
    }

    private String open(Draft draft, String idempotencyKey, String fingerprint, String actor) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String no = NUMBER_PREFIX + DAY.format(now.atZone(WorkingDays.ZONE)) + "-"
                + String.format("%06d", topics.nextNumber());
        topics.insert(no, accessCodes.hash(accessCodes.codeFor(no)), draft, idempotencyKey, fingerprint, now);
        log.log(no, now, actor, "PROPOSAL", "议题登记（" + draft.origin().label() + "）：" + draft.title(), true);
        return no;
    }

    private void start(String no, Draft draft, Unit village) {
        String processInstanceId = runtime.createProcessInstanceByKey(DeliberationProcess.KEY)
                .businessKey(no)
                .setVariables(processVariables(no, draft, village))
                .execute()
                .getId();
        topics.attachProcess(no, processInstanceId);
    }

    private void link(String no, String trackingNo, String actor) {
        linkedCases.link(no, trackingNo);
        cases.record(trackingNo, actor, "DELIBERATION", "已提交协商议事：议题 " + no, true);
    }

    private Map<String, Object> processVariables(String no, Draft draft, Unit village) {
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

    private Optional<Unit> village(String code) {
        return code == null ? Optional.empty() : units.byCode(code).filter(u -> u.kind() == UnitKind.VILLAGE);
    }

    /** The village whose deliberation host the user is. */
    private Optional<Unit> hostedVillage(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .filter(id -> Role.ofGroup(id)
                        .filter(r -> r == Role.DELIBERATION_HOST)
                        .isPresent())
                .map(id -> Role.unitCodeOf(id).orElseThrow())
                .map(this::village)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private String nameOf(String userId) {
        return userId == null ? "干部" : representatives.nameOf(userId);
    }

    private static String required(String value, String field, int max, String message, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, message));
            return null;
        }
        return optional(value, field, max, problems);
    }

    private static String optional(String value, String field, int max, List<FieldError> problems) {
        if (value != null && value.trim().length() > max) {
            problems.add(new FieldError(field, "不能超过 " + max + " 个字"));
        }
        return blankToNull(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
