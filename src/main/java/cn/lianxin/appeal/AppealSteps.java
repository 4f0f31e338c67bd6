package cn.lianxin.appeal;

import static cn.lianxin.appeal.AppealProcess.Variables.*;

import cn.lianxin.appeal.AppealProcess.Tasks;
import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.Notifications;
import cn.lianxin.notification.Recipient;
import cn.lianxin.notification.Template;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskDataRejected;
import cn.lianxin.workflow.TaskValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * What the appeal process does at each step besides waiting for people: the case table follows
 * the process, and every step lands in the case log (四登记: 预约/电话登记, 现场服务, 结果, 签收).
 */
@Service
class AppealSteps {

    /** Task-local variable: the step's traffic light. */
    static final String LIGHT = "light";

    private final Appeals appeals;
    private final Units units;
    private final Notifications notifications;
    private final CompletionRules rules;

    private final org.springframework.context.ApplicationEventPublisher events;

    AppealSteps(
            Appeals appeals,
            Units units,
            Notifications notifications,
            org.springframework.context.ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.units = units;
        this.notifications = notifications;
        this.events = events;
        this.rules = new CompletionRules(this::isDepartment);
    }

    boolean isDepartment(String code) {
        return code != null
                && units.byCode(code)
                        .filter(u -> u.kind() == UnitKind.DEPARTMENT)
                        .isPresent();
    }

    String departmentName(String code) {
        return units.byCode(code).map(Unit::name).orElse(code);
    }

    /** The create listener of every user task: what a task shows beyond the process variables. */
    void taskCreated(DelegateTask task) {
        if (Tasks.JOINT_HANDLE.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(JOINT_DEPT_LABEL, departmentName((String) task.getVariable(JOINT_DEPT)));
        }
        if (Tasks.REVISIT.equals(task.getTaskDefinitionKey())) {
            String trackingNo = (String) task.getVariable(TRACKING_NO);
            notifications.queue(Template.REVISIT, citizenOf(trackingNo), trackingNo, trackingNo);
        }
        task.setVariableLocal(LIGHT, TrafficLight.GREEN.name());
        // a new step starts green; a late step still open beside it keeps its own red task
        appeals.recordLight((String) task.getVariable(TRACKING_NO), TrafficLight.GREEN);
    }

    /**
     * A step's light timer fired (yellow, then red): the step's tasks and the case take the new
     * light, and the case log records it.
     */
    void lightChanged(DelegateExecution execution) {
        String stepKey = ((org.camunda.bpm.model.bpmn.instance.BoundaryEvent) execution.getBpmnModelElementInstance())
                .getAttachedTo()
                .getId();
        var taskService = execution.getProcessEngineServices().getTaskService();
        List<org.camunda.bpm.engine.task.Task> open = taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(stepKey)
                .list();
        if (open.isEmpty()) {
            return;
        }
        Instant now = now();
        boolean overdue = open.stream()
                .anyMatch(t ->
                        t.getDueDate() != null && !t.getDueDate().toInstant().isAfter(now));
        TrafficLight light = overdue ? TrafficLight.RED : TrafficLight.YELLOW;
        if (light.name().equals(taskService.getVariableLocal(open.get(0).getId(), LIGHT))) {
            return; // a late job executor may fire yellow after red was already shown: nothing changes
        }
        open.forEach(t -> taskService.setVariableLocal(t.getId(), LIGHT, light.name()));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        Appeal appeal = appeals.byTrackingNo(trackingNo).orElseThrow();
        if (light.compareTo(appeal.light()) > 0) {
            appeals.recordLight(trackingNo, light);
        }
        appeals.log(trackingNo, now, null, "LIGHT", open.get(0).getName() + (overdue ? "已超期（红灯）" : "临期（黄灯）"), true);
        List<String> groups = taskService.getIdentityLinksForTask(open.get(0).getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
                .toList();
        if (overdue) {
            events.publishEvent(new StepEvents.StepTurnedRed(
                    trackingNo, stepKey, open.get(0).getName(), groups, appeal.villageCode(), (String)
                            execution.getVariable(TOWN_CODE)));
        }
        String due = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm")
                .format(open.get(0).getDueDate().toInstant().atZone(cn.lianxin.calendar.WorkingDays.ZONE));
        taskService.getIdentityLinksForTask(open.get(0).getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .forEach(link -> notifications.queue(
                        overdue ? Template.OVERDUE : Template.DUE_SOON,
                        Recipient.group(link.getGroupId()),
                        trackingNo,
                        trackingNo,
                        open.get(0).getName(),
                        due));
    }

    /** Refuses a completion whose data breaks the task's rules (see {@link AppealTaskRules}). */
    void checkCompletion(String taskKey, java.util.Map<String, Object> values) {
        TaskValues submitted = new TaskValues(values);
        if (Tasks.NOTIFY_RETURN.equals(taskKey)) {
            java.util.Map<String, Object> merged = new java.util.HashMap<>(values);
            merged.put(RETURN_REASONS, mergedReasons(submitted));
            submitted = new TaskValues(merged);
        }
        var problems = rules.problems(taskKey, submitted);
        if (!problems.isEmpty()) {
            throw new TaskDataRejected(problems);
        }
    }

    /** The complete listener of every user task: log what was done (四登记). */
    void taskCompleting(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        long stillOpen = task.getProcessEngineServices()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(key)
                .count();
        if (stillOpen <= 1) {
            events.publishEvent(new StepEvents.StepCompleted((String) task.getVariable(TRACKING_NO), key));
        }
        if (Tasks.NOTIFY_RETURN.equals(key)) {
            task.setVariable(
                    RETURN_REASONS,
                    Variables.objectValue(mergedReasons(new TaskValues(task.getVariables())))
                            .serializationDataFormat("application/json")
                            .create());
        }
        TaskValues values = new TaskValues(task.getVariables());
        String trackingNo = (String) task.getVariable(TRACKING_NO);
        String actor = task.getAssignee() != null ? task.getAssignee() : currentUser(task);
        Instant now = now();
        switch (key) {
            case Tasks.HANDLE_IMMEDIATE -> {
                if (Boolean.TRUE.equals(values.bool("onSite"))) {
                    appeals.log(trackingNo, now, actor, "ON_SITE", "现场服务登记：网格员已到现场办理", true);
                }
                appeals.log(trackingNo, now, actor, "RESULT", "即办结果：" + values.text(RESULT), true);
            }
            case Tasks.HANDLE_PROMISED -> {
                if ("DONE".equals(values.text(OUTCOME))) {
                    appeals.log(trackingNo, now, actor, "RESULT", "承诺办结果：" + values.text(RESULT), true);
                } else {
                    appeals.log(
                            trackingNo,
                            now,
                            actor,
                            "ESCALATION",
                            "超出站点能力，转为上报：" + values.text(ESCALATION_REASON),
                            true);
                }
            }
            case Tasks.REVIEW_ESCALATION -> appeals.log(
                    trackingNo,
                    now,
                    actor,
                    "REVIEW",
                    Boolean.TRUE.equals(values.bool(APPROVED)) ? "站长同意上报到镇便民服务中心" : "站长退回重新分流：" + values.text(COMMENT),
                    Boolean.TRUE.equals(values.bool(APPROVED)));
            case Tasks.TOWN_HANDLE -> {
                String decision = values.text(TOWN_DECISION);
                String entry =
                        switch (decision) {
                            case "HANDLED" -> "镇便民服务中心已办结：" + values.text(RESULT);
                            case "DISPATCH" -> "镇便民服务中心派发到" + departmentName(values.text(DEPT_CODE)) + "办理";
                            default -> "镇便民服务中心决定不予受理，退回";
                        };
                appeals.log(trackingNo, now, actor, "HANDLED".equals(decision) ? "RESULT" : "TOWN", entry, true);
            }
            case Tasks.DEPT_HANDLE -> {
                String dept = departmentName((String) task.getVariable(DEPT_CODE));
                boolean done = "DONE".equals(values.text(DEPT_OUTCOME));
                appeals.log(
                        trackingNo,
                        now,
                        actor,
                        done ? "RESULT" : "DEPT",
                        done
                                ? dept + "已办结：" + values.text(RESULT)
                                : dept + "退回镇便民服务中心：" + values.text(HAND_BACK_REASON),
                        true);
            }
            case Tasks.NOTIFY_RETURN -> appeals.log(
                    trackingNo,
                    now,
                    actor,
                    "RESULT",
                    "一次性告知退回。理由：" + String.join("；", values.list(RETURN_REASONS)) + "。依据：" + values.text(RETURN_BASIS)
                            + "。建议：" + values.text(ALTERNATIVES),
                    true);
            case Tasks.JOINT_HANDLE -> {
                String dept = departmentName((String) task.getVariable(JOINT_DEPT));
                String line = dept + "：" + values.text(JOINT_RESULT);
                Object summary = task.getVariable(JOINT_RESULTS_SUMMARY);
                task.getExecution()
                        .getProcessInstance()
                        .setVariable(
                                JOINT_RESULTS_SUMMARY,
                                summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
                appeals.log(trackingNo, now, actor, "JOINT", "联合办理（" + line + "）", true);
            }
            case Tasks.JOINT_CONCLUDE -> appeals.log(
                    trackingNo, now, actor, "RESULT", "牵头部门统一答复：" + values.text(RESULT), true);
            case Tasks.FEEDBACK -> appeals.log(
                    trackingNo,
                    now,
                    actor,
                    "SIGN_OFF",
                    "结果已反馈群众（" + feedbackChannel(values.text(FEEDBACK_CHANNEL)) + "）",
                    true);
            case Tasks.REVISIT -> appeals.log(
                    trackingNo,
                    now,
                    actor,
                    "REVISIT",
                    "电话回访：" + Satisfaction.valueOf(values.text(SATISFACTION)).label(),
                    true);
            case Tasks.REOPEN_ALERT -> appeals.log(
                    trackingNo, now, actor, "ALERT", "站长处理意见：" + values.text("alertNote"), false);
            default -> {}
        }
    }

    void recordPath(DelegateExecution execution) {
        Path path = Path.valueOf((String) execution.getVariable(PATH));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        appeals.recordPath(trackingNo, path, now());
        String detail =
                switch (path) {
                    case PROMISED -> "，承诺 " + execution.getVariable(PROMISED_DAYS) + " 个工作日内办结";
                    case JOINT -> "，牵头部门：" + departmentName((String) execution.getVariable(LEAD_DEPT));
                    default -> "";
                };
        appeals.log(trackingNo, now(), currentUser(execution), "TRIAGE", "分流：" + path.label() + detail, true);
        notifications.queue(
                Template.PROGRESS, citizenOf(trackingNo), trackingNo, trackingNo, "已确定办理方式：" + path.label() + detail);
        if (path == Path.JOINT) {
            List<String> depts = new ArrayList<>();
            depts.add((String) execution.getVariable(LEAD_DEPT));
            depts.addAll(new TaskValues(execution.getVariables()).list(CO_DEPTS));
            execution.setVariable(
                    JOINT_DEPTS,
                    Variables.objectValue(depts)
                            .serializationDataFormat("application/json")
                            .create());
            execution.setVariable(LEAD_DEPT_LABEL, departmentName(depts.get(0)));
        }
    }

    void convertToEscalation(DelegateExecution execution) {
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        appeals.recordPath(trackingNo, Path.ESCALATE, now());
        execution.setVariable(PATH, Path.ESCALATE.name());
    }

    void loadReturnReasons(DelegateExecution execution) {
        Category category =
                Category.ofCode((String) execution.getVariable(CATEGORY)).orElse(Category.OTHER);
        execution.setVariable(STANDARD_RETURN_REASONS, FormOptions.ofLabels(appeals.returnReasons(category)));
    }

    void recordEvaluation(DelegateExecution execution) {
        Satisfaction satisfaction = Satisfaction.valueOf((String) execution.getVariable(SATISFACTION));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        appeals.recordSatisfaction(trackingNo, satisfaction, now());
        appeals.log(trackingNo, now(), null, "EVALUATION", "群众评价：" + satisfaction.label(), true);
    }

    /** Reopens the case at triage; from the second reopening on, the station head is alerted. */
    void reopen(DelegateExecution execution) {
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        int count = appeals.reopen(trackingNo, now());
        appeals.log(trackingNo, now(), null, "REOPEN", "群众不满意，重新办理（第 " + count + " 次）", true);
        execution.setVariable(REOPEN_COUNT, count);
        execution.setVariable(ALERT_STATION_HEAD, count >= 2);
    }

    void finish(DelegateExecution execution) {
        AppealStatus status = AppealStatus.valueOf((String) execution.getVariable("finalStatus"));
        String trackingNo = (String) execution.getVariable(TRACKING_NO);
        appeals.finish(trackingNo, status, now());
        appeals.log(
                trackingNo,
                now(),
                null,
                "ARCHIVE",
                switch (status) {
                    case CLOSED -> "已办结并归档";
                    case RETURNED -> "已退回（一次性告知）";
                    case WITHDRAWN -> "群众已撤回诉求";
                    case OPEN -> "办理中";
                },
                true);
        if (status == AppealStatus.CLOSED) {
            Object result = execution.getVariable(RESULT);
            notifications.queue(
                    Template.CLOSED, citizenOf(trackingNo), trackingNo, trackingNo, result == null ? "已办结" : result);
        } else if (status == AppealStatus.RETURNED) {
            TaskValues values = new TaskValues(execution.getVariables());
            notifications.queue(
                    Template.RETURN_NOTICE,
                    citizenOf(trackingNo),
                    trackingNo,
                    trackingNo,
                    String.join("；", values.list(RETURN_REASONS)),
                    values.text(RETURN_BASIS),
                    values.text(ALTERNATIVES));
        }
        execution.getProcessInstance().setVariable(STATUS, status.name());
    }

    /** The chosen standard reasons plus one reason per line written by hand (一次性告知). */
    private static ArrayList<String> mergedReasons(TaskValues values) {
        String extra = values.text(EXTRA_REASON);
        ArrayList<String> reasons =
                new ArrayList<>(values.list(RETURN_REASONS) == null ? List.of() : values.list(RETURN_REASONS));
        if (extra != null) {
            Arrays.stream(extra.split("\\R"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty())
                    .forEach(reasons::add);
        }
        reasons.removeIf(String::isBlank);
        return reasons;
    }

    private Recipient citizenOf(String trackingNo) {
        return Recipient.citizen(appeals.byTrackingNo(trackingNo).orElseThrow().phone());
    }

    private static String feedbackChannel(String code) {
        return switch (code) {
            case "PHONE" -> "电话告知";
            case "VISIT" -> "上门告知";
            case "SMS" -> "短信";
            default -> "微信";
        };
    }

    private static String currentUser(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null
                : task.getProcessEngineServices()
                        .getIdentityService()
                        .getCurrentAuthentication()
                        .getUserId();
    }

    private static String currentUser(DelegateExecution execution) {
        var authentication =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
