package cn.lianxin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lianxin.calendar.WorkingDays;
import cn.lianxin.workflow.TaskDataRejected;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The moves every process test makes on a running instance — find and complete its task, run its
 * timer with the clock moved, read what it told whom — so that a test reads as the story it tells.
 * The clock is the engine's ({@link ClockUtil}); each test resets it.
 */
public final class ProcessSteps {

    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcClient jdbc;

    public ProcessSteps(ProcessEngine engine, JdbcClient jdbc) {
        this.tasks = engine.getTaskService();
        this.management = engine.getManagementService();
        this.jdbc = jdbc;
    }

    /** The one open task of this key ({@code null} if none). */
    public Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    public void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        tasks.complete(task(instance, taskKey).getId(), variables);
    }

    /** The first candidate group of a task. */
    public String candidateGroup(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .findFirst()
                .orElseThrow();
    }

    /** The timer jobs of a boundary or catch event of the instance. */
    public List<Job> timers(ProcessInstance instance, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .list();
    }

    /** The one timer job of an event of the instance; fails if there is none or more. */
    public Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = timers(instance, activityId);
        assertThat(jobs).as("the timer of " + activityId).hasSize(1);
        return jobs.get(0);
    }

    /** Moves the clock a second past the job's due date (never back) and runs it. */
    public void fire(Job job) {
        Date due = job.getDuedate();
        if (due.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        }
        management.executeJob(job.getId());
    }

    /**
     * Runs the instance's asynchronous continuations that are waiting (a step marked {@code
     * camunda:asyncAfter} goes on in a job of its own), as the job executor would.
     */
    public void continueAsync(ProcessInstance instance) {
        management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .messages()
                .list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    /** Completing the task with these values is refused, naming the field; the task stays open. */
    public void assertRejected(String taskId, Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> tasks.complete(taskId, variables))
                .isInstanceOf(TaskDataRejected.class)
                .satisfies(e -> assertThat(((TaskDataRejected) e).fields())
                        .extracting(f -> f.field())
                        .contains(field));
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    /** The texts queued for a recipient (a phone, a group) about this case or topic, in order. */
    public List<String> messagesTo(String recipient, ProcessInstance instance) {
        return jdbc.sql("select body from notification_outbox where recipient = ? and tracking_no = ? order by id")
                .params(recipient, instance.getBusinessKey())
                .query(String.class)
                .list();
    }

    /** What a cadre's inbox (站内消息) holds about this case or topic, oldest first: the texts of that kind. */
    public List<String> inboxOf(String user, String kind, ProcessInstance instance) {
        return jdbc.sql("select text from cadre_inbox where user_id = ? and kind = ? and number = ? order by id")
                .params(user, kind, instance.getBusinessKey())
                .query(String.class)
                .list();
    }

    /** The cadres whose inbox got a notice of this kind about this case or topic, one per notice, in order. */
    public List<String> toldOf(String kind, ProcessInstance instance) {
        return jdbc.sql("select user_id from cadre_inbox where kind = ? and number = ? order by id")
                .params(kind, instance.getBusinessKey())
                .query(String.class)
                .list();
    }

    /** A local date and time in China, e.g. {@code at("2026-09-30T10:00")}. */
    public static Date at(String localDateTime) {
        return Date.from(
                LocalDateTime.parse(localDateTime).atZone(WorkingDays.ZONE).toInstant());
    }
}
