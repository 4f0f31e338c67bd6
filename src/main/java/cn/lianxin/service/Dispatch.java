package cn.lianxin.service;

import static cn.lianxin.service.ServiceOrderProcess.Variables.*;

import cn.lianxin.appeal.Category;
import cn.lianxin.member.PartyMembers;
import cn.lianxin.member.Volunteer;
import cn.lianxin.member.Volunteers;
import cn.lianxin.service.ServiceOrderProcess.DispatchDecision;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.FormOptions.Option;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 支部派单 ({@code dispatch}): the village's branch secretary dispatches the order to a party member the
 * branch has confirmed in this village ({@link PartyMembers#confirmedIn}), or to an active volunteer of the
 * village's register ({@link Volunteers#activeIn}), or turns it into an appeal when it is really a request
 * for the departments (with the appeal's category).
 */
@Component
class Dispatch implements UserTask {

    private final PartyMembers members;
    private final Volunteers volunteers;
    private final ServiceOrders orders;

    Dispatch(PartyMembers members, Volunteers volunteers, ServiceOrders orders) {
        this.members = members;
        this.volunteers = volunteers;
        this.orders = orders;
    }

    /** The volunteer a submission names, if they are active in the order's village. */
    Optional<Volunteer> volunteerOf(TaskValues v) {
        return volunteerId(v.text(VOLUNTEER_ID)).flatMap(id -> volunteers.activeIn(id, v.text(VILLAGE_CODE)));
    }

    static Optional<Long> volunteerId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.valueOf(text));
    }

    @Override
    public String processKey() {
        return ServiceOrderProcess.KEY;
    }

    @Override
    public String taskKey() {
        return ServiceOrderProcess.Tasks.DISPATCH;
    }

    @Override
    public Set<String> fields() {
        return Set.of(DISPATCH_DECISION, MEMBER_ID, VOLUNTEER_ID, APPEAL_CATEGORY, DISPATCH_NOTE);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        String decision = v.text(DISPATCH_DECISION);
        if (DispatchDecision.DISPATCH.name().equals(decision)) {
            String member = v.text(MEMBER_ID);
            if (member == null) {
                problems.add(new FieldError(MEMBER_ID, "派单时必须选择接单党员"));
            } else if (!members.confirmedIn(member, v.text(VILLAGE_CODE))) {
                problems.add(new FieldError(MEMBER_ID, member + " 不是本村（社区）已确认报到的党员"));
            }
        } else if (DispatchDecision.DISPATCH_VOLUNTEER.name().equals(decision)) {
            String volunteer = v.text(VOLUNTEER_ID);
            if (volunteer == null) {
                problems.add(new FieldError(VOLUNTEER_ID, "派给志愿者时必须选择志愿者"));
            } else if (volunteerOf(v).isEmpty()) {
                problems.add(new FieldError(VOLUNTEER_ID, volunteer + " 不是本村（社区）在册的志愿者"));
            }
        } else if (DispatchDecision.CONVERT.name().equals(decision)) {
            if (Category.ofCode(v.text(APPEAL_CATEGORY)).isEmpty()) {
                problems.add(new FieldError(APPEAL_CATEGORY, "转为诉求时必须选择诉求类别"));
            }
        } else {
            problems.add(
                    new FieldError(DISPATCH_DECISION, "应为 DISPATCH（派给党员）、DISPATCH_VOLUNTEER（派给志愿者）或 CONVERT（转为诉求）"));
        }
        String note = v.text(DISPATCH_NOTE);
        if (note != null && note.length() > 500) {
            problems.add(new FieldError(DISPATCH_NOTE, "不能超过 500 个字"));
        }
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    @Override
    public void created(DelegateTask task) {
        String village = (String) task.getVariable(VILLAGE_CODE);
        orders.status((String) task.getVariable(ORDER_NO), OrderStatus.DISPATCHING);
        task.setVariableLocal(
                MEMBER_OPTIONS,
                FormOptions.of(members.confirmedOf(village).stream()
                        .map(m -> new Option(m.name() + "（" + m.skills() + "；" + m.availability() + "）", m.userId()))
                        .toList()));
        task.setVariableLocal(
                VOLUNTEER_OPTIONS,
                FormOptions.of(volunteers.activeOf(village).stream()
                        .map(m -> new Option(
                                "志愿者 " + m.name() + "（" + m.skills() + "；" + m.availability() + "）",
                                Long.toString(m.id())))
                        .toList()));
    }

    @Override
    public void completing(DelegateTask task) {
        TaskValues v = new TaskValues(task.getVariables());
        if (DispatchDecision.DISPATCH.name().equals(v.text(DISPATCH_DECISION))) {
            String no = v.text(ORDER_NO);
            orders.dispatched(no, v.text(MEMBER_ID), OrderSteps.now());
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "派单给党员 " + v.text(MEMBER_ID), false);
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "支部已派单，等待党员接单", true);
        } else if (DispatchDecision.DISPATCH_VOLUNTEER.name().equals(v.text(DISPATCH_DECISION))) {
            String no = v.text(ORDER_NO);
            Volunteer volunteer = volunteerOf(v).orElseThrow();
            orders.dispatchedToVolunteer(no, volunteer.id(), OrderSteps.now());
            orders.log(
                    no,
                    OrderSteps.now(),
                    OrderSteps.actor(task),
                    "派单给志愿者 " + volunteer.name() + "（编号 " + volunteer.id() + "）",
                    false);
            orders.log(no, OrderSteps.now(), OrderSteps.actor(task), "支部已派单，等待志愿者接单", true);
        }
    }
}
