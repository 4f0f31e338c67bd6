package cn.lianxin.deliberation;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;

import cn.lianxin.appeal.CaseTimeline;
import cn.lianxin.citizen.AccessCodes;
import cn.lianxin.deliberation.Topics.Draft;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitTenants;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * The first step of the process ({@code register-topic}): a topic a host starts from Tasklist's start
 * form is checked and registered like any other, its proposer's personal data moved out of the process
 * into the topic table. Topics proposed through the platform arrive registered and pass through.
 */
@Service
class TopicRegistration {

    private final TopicOpening opening;
    private final Topics topics;
    private final AccessCodes accessCodes;
    private final IdentityService identity;
    private final Notifications notifications;
    private final CaseTimeline cases;

    TopicRegistration(
            TopicOpening opening,
            Topics topics,
            AccessCodes accessCodes,
            IdentityService identity,
            Notifications notifications,
            CaseTimeline cases) {
        this.opening = opening;
        this.topics = topics;
        this.accessCodes = accessCodes;
        this.identity = identity;
        this.notifications = notifications;
        this.cases = cases;
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
        String title = TopicOpening.required(form.text(TITLE), TITLE, 100, "必须填写议题名称", problems);
        String background = TopicOpening.required(form.text(BACKGROUND), BACKGROUND, 2000, "必须说明议题背景", problems);
        TopicOpening.optional(form.text(AFFECTED_AREA), AFFECTED_AREA, 200, problems);
        TopicOpening.optional(form.text(OPTIONS), OPTIONS, 2000, problems);
        String proposer = TopicOpening.optional(form.text(PROPOSER_NAME), PROPOSER_NAME, 50, problems);
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
                proposer == null ? opening.nameOf(initiator) : proposer,
                phone,
                village.get().code());
        String no = opening.open(draft, null, null, initiator);
        topics.attachProcess(no, execution.getProcessInstanceId());
        if (trackingNo != null) {
            opening.link(no, trackingNo, initiator);
        }
        if (phone != null) {
            notifications.queue(Template.TOPIC_RECEIPT, Recipient.citizen(phone), no, no, accessCodes.codeFor(no));
        }
        execution.setProcessBusinessKey(no);
        execution.removeVariables(List.of(PROPOSER_NAME, PHONE));
        execution.setVariables(opening.processVariables(no, draft, village.get()));
    }

    /** The village whose deliberation host the user is (one rule: {@link UnitTenants}). */
    private Optional<Unit> hostedVillage(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        return UnitTenants.registeringVillage(groups, UnitTenants.TOPIC_HOSTS).flatMap(opening::village);
    }
}
