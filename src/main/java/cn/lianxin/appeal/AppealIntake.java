package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.citizen.IdempotencyKeys;
import cn.lianxin.citizen.Masking;
import cn.lianxin.citizen.RequestFingerprint;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.UnitTenants;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.EngineClock;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 受理: every request becomes a case in the platform's tables and a running {@code appeal} process,
 * in one transaction — from the public API ({@code ONLINE}) or from a cadre's start form in
 * Tasklist ({@code PHONE}, {@code VISIT}, {@code WALK_IN}, {@code AGENT}).
 */
@Service
public class AppealIntake {

    /** What the citizen gets back: the tracking number and the secret access code. */
    public record Receipt(String trackingNo, String accessCode, boolean created) {}

    /** Tracking numbers read LX-20261124-000001. */
    static final String NUMBER_PREFIX = "LX-";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Appeals appeals;
    private final Units units;
    private final AccessCodes accessCodes;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Notifications notifications;

    AppealIntake(
            Appeals appeals,
            Units units,
            AccessCodes accessCodes,
            RuntimeService runtime,
            IdentityService identity,
            Notifications notifications) {
        this.appeals = appeals;
        this.units = units;
        this.accessCodes = accessCodes;
        this.runtime = runtime;
        this.identity = identity;
        this.notifications = notifications;
    }

    /**
     * Public intake, always {@code ONLINE}; a retry with the same idempotency key and the same
     * request returns the first case, the same key with another request is refused (422).
     */
    @Transactional
    public Receipt intake(IntakeRequest request, String idempotencyKey) {
        if (request.channelOrOnline() != Channel.ONLINE) {
            throw invalid(new FieldError("channel", "网上提交只能是 ONLINE；电话、走访、来访、代办由工作人员在任务列表中登记"));
        }
        String fingerprint = RequestFingerprint.of(request);
        Optional<String> replay =
                IdempotencyKeys.replayOf(idempotencyKey, fingerprint, key -> appeals.byIdempotencyKey(key)
                        .map(kept -> new IdempotencyKeys.Kept(kept.trackingNo(), kept.fingerprint())));
        if (replay.isPresent()) {
            return new Receipt(replay.get(), accessCodes.codeFor(replay.get()), false);
        }
        Category category = Category.ofCode(request.category())
                .orElseThrow(() -> invalid(new FieldError("category", "未知类别：" + request.category())));
        Unit village = village(request.villageCode())
                .orElseThrow(() -> invalid(new FieldError("villageCode", "未知的村（社区）：" + request.villageCode())));
        String trackingNo = open(
                new Draft(
                        request.citizenName().trim(),
                        request.phone(),
                        blankToNull(request.idNumber()),
                        category,
                        request.urgency() == null ? "NORMAL" : request.urgency(),
                        request.scope() == null ? "HOUSEHOLD" : request.scope(),
                        request.description().trim(),
                        blankToNull(request.location()),
                        Channel.ONLINE),
                village,
                idempotencyKey,
                fingerprint,
                "群众");
        String processInstanceId = runtime.createProcessInstanceByKey(AppealProcess.KEY)
                .businessKey(trackingNo)
                .setVariables(processVariables(
                        trackingNo,
                        category,
                        village,
                        request.urgency(),
                        request.scope(),
                        Channel.ONLINE,
                        request.description(),
                        request.location(),
                        request.citizenName(),
                        request.phone()))
                .execute()
                .getId();
        appeals.attachProcess(trackingNo, processInstanceId);
        notifications.queue(
                Template.RECEIPT,
                Recipient.citizen(request.phone()),
                trackingNo,
                trackingNo,
                accessCodes.codeFor(trackingNo));
        return new Receipt(trackingNo, accessCodes.codeFor(trackingNo), true);
    }

    /**
     * The first step of the process: a case started from Tasklist's start form is registered here,
     * its personal data moved out of the process into the case table. A case from the API already is.
     */
    void register(DelegateExecution execution) {
        if (execution.getVariable(TRACKING_NO) != null) {
            return;
        }
        TaskValues form = new TaskValues(execution.getVariables());
        List<FieldError> problems = new ArrayList<>();
        String name = form.text(CITIZEN_NAME);
        String phone = form.text(PHONE);
        String idNumber = form.text(ID_NUMBER);
        if (name == null || name.length() > 50) {
            problems.add(new FieldError(CITIZEN_NAME, "必须填写群众姓名（不超过 50 个字）"));
        }
        if (phone == null || !phone.matches("1[3-9]\\d{9}")) {
            problems.add(new FieldError(PHONE, "应为 11 位大陆手机号码"));
        }
        if (idNumber != null && !idNumber.matches("\\d{17}[\\dXx]")) {
            problems.add(new FieldError(ID_NUMBER, "应为 18 位身份证号码"));
        }
        Optional<Category> category = Optional.ofNullable(form.text(CATEGORY)).flatMap(Category::ofCode);
        if (category.isEmpty()) {
            problems.add(new FieldError(CATEGORY, "必须选择诉求类别"));
        }
        Channel channel = channel(form.text(CHANNEL));
        if (channel == null || channel == Channel.ONLINE) {
            problems.add(new FieldError(CHANNEL, "应为 PHONE、VISIT、WALK_IN 或 AGENT"));
        }
        String description = form.text(DESCRIPTION);
        if (description == null || description.length() > 2000) {
            problems.add(new FieldError(DESCRIPTION, "必须填写诉求内容（不超过 2000 个字）"));
        }
        String location = form.text(LOCATION);
        if (location != null && location.length() > 200) {
            problems.add(new FieldError(LOCATION, "不能超过 200 个字"));
        }
        String initiator = (String) execution.getVariable(INITIATOR);
        Optional<Unit> village = stationOf(initiator);
        if (village.isEmpty()) {
            problems.add(new FieldError(VILLAGE_CODE, "只有村（社区）网格员或站长可以登记诉求"));
        }
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
        String urgency = "URGENT".equals(form.text(URGENCY)) ? "URGENT" : "NORMAL";
        String scope = form.text(SCOPE) == null ? "HOUSEHOLD" : form.text(SCOPE);
        String trackingNo = open(
                new Draft(name, phone, idNumber, category.get(), urgency, scope, description, location, channel),
                village.get(),
                null,
                null,
                initiator);
        appeals.attachProcess(trackingNo, execution.getProcessInstanceId());
        // the citizen learns the tracking number and access code by SMS, not from the cadre
        notifications.queue(
                Template.RECEIPT, Recipient.citizen(phone), trackingNo, trackingNo, accessCodes.codeFor(trackingNo));
        execution.setProcessBusinessKey(trackingNo);
        // the database keeps the personal data; the process keeps references and a masked summary
        execution.removeVariables(List.of(CITIZEN_NAME, PHONE, ID_NUMBER));
        execution.setVariables(processVariables(
                trackingNo,
                category.get(),
                village.get(),
                urgency,
                scope,
                channel,
                description,
                location,
                name,
                phone));
    }

    /** What intake records of a request, whichever way it came in. */
    record Draft(
            String citizenName,
            String phone,
            String idNumber,
            Category category,
            String urgency,
            String scope,
            String description,
            String location,
            Channel channel) {}

    private String open(Draft draft, Unit village, String idempotencyKey, String fingerprint, String actor) {
        Instant now = EngineClock.now();
        String trackingNo = NUMBER_PREFIX + DAY.format(now.atZone(WorkingDays.ZONE)) + "-"
                + String.format("%06d", appeals.nextNumber());
        appeals.insert(
                trackingNo,
                accessCodes.hash(accessCodes.codeFor(trackingNo)),
                draft,
                village.code(),
                idempotencyKey,
                fingerprint,
                now);
        appeals.log(
                trackingNo,
                now,
                actor,
                "APPOINTMENT",
                "受理登记：" + draft.channel().label() + "渠道，" + village.name() + "，"
                        + draft.category().label(),
                true);
        return trackingNo;
    }

    private Map<String, Object> processVariables(
            String trackingNo,
            Category category,
            Unit village,
            String urgency,
            String scope,
            Channel channel,
            String description,
            String location,
            String citizenName,
            String phone) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRACKING_NO, trackingNo);
        variables.put(VILLAGE_CODE, village.code());
        variables.put(TOWN_CODE, village.parentCode());
        variables.put(CATEGORY, category.code());
        variables.put(CATEGORY_LABEL, category.label());
        variables.put(URGENCY, urgency == null ? "NORMAL" : urgency);
        variables.put(SCOPE, scope == null ? "HOUSEHOLD" : scope);
        variables.put(CHANNEL, channel.name());
        variables.put(DESCRIPTION, description);
        variables.put(LOCATION, location == null ? "" : location);
        variables.put(CITIZEN_SUMMARY, Masking.name(citizenName) + " " + Masking.phone(phone));
        return variables;
    }

    private Optional<Unit> village(String code) {
        return code == null ? Optional.empty() : units.byCode(code).filter(u -> u.kind() == UnitKind.VILLAGE);
    }

    /** The village whose grid worker or station head the user is. */
    /** The village of the grid worker or station head who registers the case (one rule: {@link UnitTenants}). */
    private Optional<Unit> stationOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        return UnitTenants.registeringVillage(groups, UnitTenants.APPEAL_REGISTRARS)
                .flatMap(this::village);
    }

    private static Channel channel(String value) {
        try {
            return value == null ? null : Channel.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ApiProblemException invalid(FieldError error) {
        return ApiProblemException.invalid(List.of(error));
    }
}
