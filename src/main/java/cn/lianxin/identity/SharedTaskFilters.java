package cn.lianxin.identity;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters every cadre starts with. They are readable by every group (see
 * {@link AccessPolicy}); what a filter shows is still limited by the task authorizations, so
 * "本单位全部" is exactly the tasks of the user's own groups.
 */
@Component
class SharedTaskFilters {

    /*
     * The colour Tasklist gives a filter's name: the light it stands for, each dark enough to read on
     * white (contrast 4.5:1 or more). The count beside each name is lianxin/filter-counts.js's.
     */
    static final String RED = "#c9302c";
    static final String AMBER = "#a35200";
    static final String NEUTRAL = "#333333";
    static final String GREY = "#555555";

    private final FilterService filters;
    private final TaskService tasks;

    SharedTaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Creates the filters that are missing and refreshes the ones that exist; safe to repeat. */
    void ensure() {
        save(
                "我的待办",
                "分配给我、或我所在岗位可认领的任务",
                -10,
                NEUTRAL,
                tasks.createTaskQuery()
                        .or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}")
                        .endOr());
        save(
                "临期",
                "已用去大部分办理时间、尚未超期的任务（黄灯）",
                -5,
                AMBER,
                tasks.createTaskQuery().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"));
        save("超期", "已超过办理期限的任务（红灯）", -8, RED, tasks.createTaskQuery().dueBeforeExpression("${now()}"));
        save("本单位全部", "本单位本岗位可见的全部任务", 0, GREY, tasks.createTaskQuery());
    }

    private void save(String name, String description, int priority, String color, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("description", description, "priority", priority, "color", color, "refresh", true));
        filters.saveFilter(filter);
    }
}
