package cn.lianxin.appeal;

import cn.lianxin.appeal.OperatedTasks.OperatedTask;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.UnitKind;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 批量转派: a station head moves every open task of a departed (or absent) colleague — assigned to
 * them, or delegated by them — to another person of the same village, in one step; each task's case
 * log records it and the new handler is told of each.
 */
@Service
class Reassignment {

    /** A person of the head's village and how many open tasks they hold. */
    record Person(String id, String name, long openTasks) {}

    record Moved(int moved, List<String> taskIds) {}

    private final OperatedTasks operated;
    private final TaskService tasks;
    private final IdentityService identity;
    private final EngineAsPlatform platform;

    Reassignment(OperatedTasks operated, TaskService tasks, IdentityService identity, EngineAsPlatform platform) {
        this.operated = operated;
        this.tasks = tasks;
        this.identity = identity;
        this.platform = platform;
    }

    /** The people of the station head's village(s), each with their open tasks there. */
    List<Person> people() {
        Set<String> villages = headedVillages();
        return platform.call(() -> peopleOf(villages).entrySet().stream()
                .map(person -> new Person(
                        person.getKey(),
                        person.getValue(),
                        openTasksOf(person.getKey(), villages).size()))
                .toList());
    }

    @Transactional
    Moved reassign(String fromUser, String toUser, String reason) {
        CurrentUser me = operated.me();
        Set<String> villages = headedVillages();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> people = platform.call(() -> peopleOf(villages));
        if (!people.containsKey(fromUser)) {
            errors.add(new FieldError("fromUser", "不是本村（社区）的人员"));
        }
        if (!people.containsKey(toUser)) {
            errors.add(new FieldError("toUser", "不是本村（社区）的人员"));
        } else if (toUser.equals(fromUser)) {
            errors.add(new FieldError("toUser", "不能转派给同一个人"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblemException.invalid(errors);
        }
        List<Task> open = platform.call(() -> openTasksOf(fromUser, villages));
        List<String> moved = new ArrayList<>();
        for (Task task : open) {
            OperatedTask before = operated.operated(task);
            operated.changeAsPlatform(task.getId(), () -> {
                if (fromUser.equals(task.getAssignee())) {
                    tasks.setAssignee(task.getId(), toUser);
                }
                if (fromUser.equals(task.getOwner())) {
                    tasks.setOwner(task.getId(), toUser);
                }
            });
            operated.record(
                    before,
                    me,
                    "REASSIGNMENT",
                    "批量转派" + before.label() + "：由 " + people.get(fromUser) + "（" + fromUser + "）转给 "
                            + people.get(toUser) + "（" + toUser + "），原因：" + reason,
                    new CadreNotice(
                            CadreNotice.Kind.TRANSFERRED,
                            Set.of(toUser),
                            Set.of(),
                            before.number(),
                            task.getId(),
                            operated.personName(me.userId()) + " 将 " + people.get(fromUser) + " 的任务" + before.label()
                                    + "转派给您，原因：" + reason,
                            me.userId()));
            moved.add(task.getId());
        }
        return new Moved(moved.size(), moved);
    }

    /** The villages the signed-in user is station head of; 403 for anyone else. */
    private Set<String> headedVillages() {
        Set<String> villages = operated.headedVillages(operated.me(), false);
        if (villages.isEmpty()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
        }
        return villages;
    }

    /** The cadres of these villages who handle cases ({@link Role#handlesCases}), by id, with their names. */
    private Map<String, String> peopleOf(Set<String> villages) {
        Map<String, String> people = new TreeMap<>();
        for (Group group : identity.createGroupQuery().list()) {
            boolean ofTheVillages = Role.ofGroup(group.getId())
                            .filter(role -> role.scope() == UnitKind.VILLAGE && role.handlesCases())
                            .isPresent()
                    && Role.unitCodeOf(group.getId()).filter(villages::contains).isPresent();
            if (ofTheVillages) {
                for (User user :
                        identity.createUserQuery().memberOfGroup(group.getId()).list()) {
                    people.put(user.getId(), operated.personName(user.getId()));
                }
            }
        }
        return people;
    }

    /** The open tasks of these villages' cases assigned to or owned (delegated) by the user. */
    private List<Task> openTasksOf(String userId, Set<String> villages) {
        Set<String> ids = new TreeSet<>();
        List<Task> found = new ArrayList<>();
        String[] tenants = villages.toArray(String[]::new);
        String[] processes = OperatedTasks.PROCESSES.toArray(String[]::new);
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKeyIn(processes)
                .tenantIdIn(tenants)
                .or()
                .taskAssignee(userId)
                .taskOwner(userId)
                .endOr()
                .orderByTaskCreateTime()
                .asc()
                .list()) {
            if (ids.add(task.getId())) {
                found.add(task);
            }
        }
        return found;
    }
}
