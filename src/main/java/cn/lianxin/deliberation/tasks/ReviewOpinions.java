package cn.lianxin.deliberation.tasks;

import static cn.lianxin.deliberation.DeliberationProcess.Variables.*;
import static cn.lianxin.deliberation.tasks.FieldChecks.required;
import static cn.lianxin.deliberation.tasks.FieldChecks.tooLong;

import cn.lianxin.citizen.Masking;
import cn.lianxin.deliberation.DeliberationProcess;
import cn.lianxin.deliberation.DeliberationProcess.Tasks;
import cn.lianxin.deliberation.Opinions;
import cn.lianxin.deliberation.Stage;
import cn.lianxin.deliberation.TopicLog;
import cn.lianxin.deliberation.TopicNews;
import cn.lianxin.deliberation.Topics;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.TaskValues;
import cn.lianxin.workflow.UserTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * 研判公示意见 ({@code review-opinions}): at the end of the plan's notice the host weighs the opinions
 * and objections; significant objections send the plan back to be revised and noticed again. Those
 * who left a phone number hear the answer.
 */
@Component
class ReviewOpinions implements UserTask {

    private final Topics topics;
    private final TopicLog log;
    private final Opinions opinions;
    private final TopicNews news;

    ReviewOpinions(Topics topics, TopicLog log, Opinions opinions, TopicNews news) {
        this.topics = topics;
        this.log = log;
        this.opinions = opinions;
        this.news = news;
    }

    @Override
    public String processKey() {
        return DeliberationProcess.KEY;
    }

    @Override
    public String taskKey() {
        return Tasks.REVIEW_OPINIONS;
    }

    @Override
    public Set<String> fields() {
        return Set.of(OBJECTIONS_SIGNIFICANT, OPINION_RESPONSE);
    }

    @Override
    public void check(Map<String, Object> values) {
        TaskValues v = new TaskValues(values);
        List<FieldError> problems = new ArrayList<>();
        Boolean significant = v.bool(OBJECTIONS_SIGNIFICANT);
        if (significant == null) {
            problems.add(new FieldError(OBJECTIONS_SIGNIFICANT, "必须判断异议是否重大（true：修改方案后重新公示；false：按方案开会）"));
        } else if (significant) {
            required(v, OPINION_RESPONSE, "认定异议重大时必须说明如何修改方案", problems);
        }
        tooLong(v, OPINION_RESPONSE, 2000, problems);
        FieldChecks.refuseIf(problems);
    }

    /** The opinions received, names masked, for the host to weigh. */
    @Override
    public void created(DelegateTask task) {
        List<Opinions.Opinion> received = opinions.of((String) task.getVariable(DELIBERATION_NO));
        task.setVariableLocal(
                OPINIONS_SUMMARY,
                received.isEmpty()
                        ? "公示期间未收到意见。"
                        : received.stream()
                                .map(o -> (o.objection() ? "【异议】" : "【意见】") + (o.userId() != null ? "议事代表" : "")
                                        + Masking.name(o.authorName()) + "：" + o.content())
                                .collect(Collectors.joining("\n")));
    }

    @Override
    public void completing(DelegateTask task) {
        String no = (String) task.getVariable(DELIBERATION_NO);
        TaskValues values = new TaskValues(task.getVariables());
        Instant now = TaskContext.now();
        boolean significant = Boolean.TRUE.equals(values.bool(OBJECTIONS_SIGNIFICANT));
        String response = values.text(OPINION_RESPONSE);
        log.log(
                no,
                now,
                TaskContext.actor(task),
                "OPINIONS",
                significant
                        ? "公示期间的异议重大，修改方案后重新公示：" + response
                        : "公示期满，意见已研判，按方案召开协商会议" + (response == null ? "" : "：" + response),
                true);
        topics.stage(no, significant ? Stage.PLANNING : Stage.MEETING, now);
        news.answerCommenters(no, ((Number) task.getVariable(NOTICE_ID)).longValue(), significant, response);
    }
}
