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
                tasks.createTaskQuery()
                        .or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateUserExpression("${currentUser()}")
                        .endOr());
        save(
                "临期",
                "已用去大部分办理时间、尚未超期的任务（黄灯）",
                -5,
                tasks.createTaskQuery().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}"));
        save("超期", "已超过办理期限的任务（红灯）", -8, tasks.createTaskQuery().dueBeforeExpression("${now()}"));
        save("本单位全部", "本单位本岗位可见的全部任务", 0, tasks.createTaskQuery());
    }

    private void save(String name, String description, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filters.saveFilter(filter);
    }
}
