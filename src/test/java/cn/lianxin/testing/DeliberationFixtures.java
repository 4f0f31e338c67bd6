package cn.lianxin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** A topic (议题) over HTTP: proposed by a resident of 东风, worked task by task, read on the public board. */
public final class DeliberationFixtures extends TaskRoutes {

    /** What the proposer holds after proposing: the topic's number and the access code. */
    public record Topic(String deliberationNo, String accessCode) {}

    private final RuntimeService runtime;
    private final ManagementService management;

    public DeliberationFixtures(Api api, TaskService tasks, RuntimeService runtime, ManagementService management) {
        super(api, tasks);
        this.runtime = runtime;
        this.management = management;
    }

    /** The proposal form as 陈静 of 东风 (v0101) fills it. */
    public static Map<String, Object> proposal(String title, String phone) {
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("title", title);
        proposal.put("background", "3 号楼前晚上太黑，老人摔倒过");
        proposal.put("proposerName", "陈静");
        proposal.put("phone", phone);
        proposal.put("villageCode", "v0101");
        return proposal;
    }

    /** This proposal, sent anonymously ({@code POST /api/deliberations}, 201). */
    public Topic propose(Map<String, Object> proposal) {
        JsonNode receipt = created("/api/deliberations", proposal);
        return new Topic(
                receipt.get("deliberationNo").asText(),
                receipt.get("accessCode").asText());
    }

    /** The topic as anyone reads it on the public board. */
    public JsonNode view(Topic topic) {
        return read("/api/deliberations/" + topic.deliberationNo());
    }

    /** Whether this topic waits at this task now. */
    public boolean hasOpenTask(Topic topic, String taskKey) {
        return hasOpenTask(topic.deliberationNo(), taskKey);
    }

    /** The task as the user's own query of Camunda's REST API shows it, or null when it is not theirs. */
    public String taskOf(String user, Topic topic, String taskKey) {
        return engineTaskIdOf(user, topic.deliberationNo(), taskKey);
    }

    /** This topic's timer at {@code activityId} falls due now; the job executor fires it. */
    public void bringForward(Topic topic, String activityId) {
        String instance = instanceOf(topic);
        String job = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(activityId)
                .singleResult()
                .getId();
        management.setJobDuedate(job, new Date());
    }

    /**
     * The date of the milestone this topic now reports on has come and gone (set a second back, with
     * its reminder before it), and its light timer falls due now: the job executor fires it.
     */
    public void passMilestoneDate(Topic topic) {
        String instance = instanceOf(topic);
        long now = System.currentTimeMillis();
        runtime.setVariable(instance, "milestoneRemindAt", new Date(now - 2000));
        runtime.setVariable(instance, "milestoneDueAt", new Date(now - 1000));
        String job = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("milestone-light")
                .singleResult()
                .getId();
        management.setJobDuedate(job, new Date(now));
    }

    private String instanceOf(Topic topic) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("deliberation")
                .processInstanceBusinessKey(topic.deliberationNo())
                .singleResult()
                .getId();
    }
}
