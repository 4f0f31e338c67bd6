package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.oneOf;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;
import static cn.lianxin.deliberation.tasks.TaskContext.option;

import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Decision;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Stage;
import cn.lianxin.deliberation.TopicLog;
import cn.lianxin.deliberation.TopicNews;
import cn.lianxin.deliberation.Topics;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.FormOptions;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 议题审核 ({@code topic-review}): the host accepts the topic, merges it into another open topic of
 * the village, or rejects it with public reasons. A rejection and a merger are put on record by the
 * process's own steps; an acceptance moves the topic to planning here.
 */
@Component
class TopicReview implements UserTask {

    /** Local variable of the form: the village's other open topics this one may be merged into. */
    static final String MERGE_OPTIONS = "mergeOptions";

    private final Topics topics;
    private final TopicLog log;
    private final TopicNews news;

    TopicReview(Topics topics, TopicLog log, TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.news = news;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.TOPIC_REVIEW;
    }

    @Override
    public Set<String> fields() {
        return Set.of(DECISION, REASONS, MERGE_INTO);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        String decision = oneOf(
                v,
                DECISION,
                Set.of(Decision.ACCEPT.name(), Decision.MERGE.name(), Decision.REJECT.name()),
                "应为 ACCEPT（受理）、MERGE（合并）或 REJECT（不予受理）",
                problems);
        if (Decision.REJECT.name().equals(decision)) {
            required(v, REASONS, "不予受理时必须说明理由（将公开）", problems);
        } else if (Decision.MERGE.name().equals(decision)) {
            String target = v.text(MERGE_INTO);
            if (target == null) {
                problems.add(new FieldError(MERGE_INTO, "合并时必须选择要并入的议题"));
            } else if (!mayMergeInto(v.text(DELIBERATION_NO), target, v.text(VILLAGE_CODE))) {
                problems.add(new FieldError(MERGE_INTO, target + " 不是本单位尚在办理中的其他议题"));
            }
        }
        tooLong(v, REASONS, 2000, problems);
        FieldChecks.refuseIf(problems);
    }

    @Override
    public void created(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        String village = (String) task.getVariable(VILLAGE_CODE);
        task.setVariableLocal(
                MERGE_OPTIONS,
                FormOptions.of(topics.openTopicsOf(village).stream()
                        .filter(t -> !t.deliberationNo().equals(no))
                        .map(t -> option(t.deliberationNo() + " " + t.title(), t.deliberationNo()))
                        .toList()));
    }

    @Override
    public void completing(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        TaskValues values = new TaskValues(task.getVariables());
        Instant now = TaskContext.now();
        topics.recordReview(no, values.text(REASONS), null, now);
        if (Decision.ACCEPT.name().equals(values.text(DECISION))) {
            topics.stage(no, Stage.PLANNING, now);
            log.log(no, now, TaskContext.actor(task), "REVIEW", "议题已受理，进入拟定协商方案", true);
            news.tell(no, "议题已受理，正在拟定协商方案");
        }
    }

    /** Another topic of the village, still open, so this one may be merged into it. */
    private boolean mayMergeInto(String no, String target, String village) {
        return !target.equals(no)
                && topics.byNo(target)
                        .filter(t -> t.villageCode().equals(village) && t.status() == null)
                        .isPresent();
    }
}
