package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;

import cn.lianxin.deadline.TrafficLight;
import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Ledgers.Milestone;
import cn.lianxin.supervision.StepEvents;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 报告落实进展 ({@code report-progress}): the responsible unit reports on the current milestone. The
 * task starts green (the reminder and date timers turn it yellow and red); a report ends any
 * supervision opened for a red milestone.
 */
@Component
class ReportProgress implements UserTask {

    private final ApplicationEventPublisher events;

    ReportProgress(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.REPORT_PROGRESS;
    }

    @Override
    public Set<String> fields() {
        return Set.of(PROGRESS);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        required(v, PROGRESS, "必须填写本节点的落实进展", problems);
        tooLong(v, PROGRESS, 2000, problems);
        FieldChecks.refuseIf(problems);
    }

    @Override
    public void created(DelegateTask task) {
        task.setVariableLocal(Milestone.LIGHT_ON_TASK, TrafficLight.GREEN.name());
    }

    @Override
    public void completing(DelegateTask task) {
        events.publishEvent(
                new StepEvents.StepCompleted((String) task.getVariable(DELIBERATION_NO), Tasks.REPORT_PROGRESS));
    }
}
