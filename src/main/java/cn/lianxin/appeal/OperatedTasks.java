package cn.lianxin.appeal;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.identity.Role;
import cn.lianxin.identity.Unit;
import cn.lianxin.identity.Units;
import cn.lianxin.notification.CadreNotice;
import cn.lianxin.supervision.SupervisedRecords;
import cn.lianxin.supervision.SupervisionProcess;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import cn.lianxin.workflow.EngineAsPlatform;
import cn.lianxin.workflow.EngineClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The open tasks the workbench operations (转办, 委派, 催办, 评论, 批量转派) act on — a case's steps and
 * its supervision's — and the rules they share: who handles a task, which unit's head manages it, to
 * whom it may pass, and how an operation is recorded (one case-log line, one cadre notice) and how the
 * engine's per-task grants follow the new handler.
 *
 * <p>A task's unit is the unit of its role: of the candidate groups the engine gave it (kept in the
 * task's identity-link history, so a task handed to a person keeps its unit). Its head is the village's
 * station head (站长) or the town's centre (便民服务中心); a town centre also heads its villages' work.
 */
@Component
class OperatedTasks {

    /** The processes whose tasks the operations act on. */
    static final Set<String> PROCESSES = Set.of(AppealProcess.KEY, SupervisionProcess.KEY);

    /** Whether the operations act on this task at all (a task of a case or of its supervision). */
    static boolean operable(Task task) {
        String definition = task.getProcessDefinitionId();
        return definition != null && PROCESSES.stream().anyMatch(key -> definition.startsWith(key + ":"));
    }

    /** An open task as an operation sees it. */
    record OperatedTask(
            Task task,
            String number,
            List<String> candidateGroups,
            List<String> candidateUsers,
            Set<String> roleGroups) {

        String id() {
            return task.getId();
        }

        boolean delegated() {
            return task.getDelegationState() == DelegationState.PENDING;
        }

        /** The people told as its handlers now: the assignee, or its candidate users while unclaimed. */
        Set<String> handlingUsers() {
            return task.getAssignee() != null ? Set.of(task.getAssignee()) : Set.copyOf(candidateUsers);
        }

        /** The groups told as its handlers now: its candidate groups while unclaimed. */
        Set<String> handlingGroups() {
            return task.getAssignee() != null ? Set.of() : Set.copyOf(candidateGroups);
        }

        /** 「分类分流」（LX-…） — how the case log and a notice name the task. */
        String label() {
            return "「" + task.getName() + "」（" + number + "）";
        }
    }

    /** A person or group a task may be handed to, with the name people read. */
    record Target(String id, String name) {}

    record Targets(List<Target> users, List<Target> groups) {}

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final EngineAsPlatform platform;
    private final Units units;
    private final List<SupervisedRecords> records;
    private final ApplicationEventPublisher events;

    OperatedTasks(
            TaskService tasks,
            RuntimeService runtime,
            HistoryService history,
            IdentityService identity,
            AuthorizationService authorizations,
            EngineAsPlatform platform,
            Units units,
            List<SupervisedRecords> records,
            ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.authorizations = authorizations;
        this.platform = platform;
        this.units = units;
        this.records = records;
        this.events = events;
    }

    /** The signed-in cadre (the routes are never anonymous). */
    CurrentUser me() {
        return CurrentUser.of(identity)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthorized"));
    }

    /** The task if the signed-in user may see it and an operation may act on it; 404 otherwise. */
    OperatedTask visible(String taskId) {
        Task task;
        try {
            task = tasks.createTaskQuery()
                    .taskId(taskId)
                    .processDefinitionKeyIn(PROCESSES.toArray(String[]::new))
                    .singleResult();
        } catch (NullValueException e) {
            task = null;
        }
        if (task == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found");
        }
        return operated(task);
    }

    /** The operation's view of a task the caller has found (its links and number read as the platform). */
    OperatedTask operated(Task task) {
        return platform.call(() -> {
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
            Set<String> roleGroups = new LinkedHashSet<>();
            history
                    .createHistoricIdentityLinkLogQuery()
                    .taskId(task.getId())
                    .type(IdentityLinkType.CANDIDATE)
                    .orderByTime()
                    .asc()
                    .list()
                    .stream()
                    .map(HistoricIdentityLinkLog::getGroupId)
                    .filter(Objects::nonNull)
                    .forEach(roleGroups::add);
            roleGroups.addAll(groups);
            String number =
                    (String) runtime.getVariable(task.getProcessInstanceId(), AppealProcess.Variables.TRACKING_NO);
            return new OperatedTask(task, number, List.copyOf(groups), List.copyOf(users), Set.copyOf(roleGroups));
        });
    }

    /**
     * Whether the user handles the task now: its assignee, or — unclaimed — one of its candidates. A
     * delegated task is handled by its delegate (the assignee).
     */
    boolean handles(OperatedTask task, CurrentUser me) {
        String assignee = task.task().getAssignee();
        if (assignee != null) {
            return assignee.equals(me.userId());
        }
        return task.candidateUsers().contains(me.userId())
                || task.candidateGroups().stream().anyMatch(me.groupIds()::contains);
    }

    /**
     * Whether the user heads the task's unit: the station head of its village, the town centre of its
     * town or of its village's town.
     */
    boolean heads(OperatedTask task, CurrentUser me) {
        return task.roleGroups().stream()
                .anyMatch(group -> managersOf(group).stream().anyMatch(me.groupIds()::contains));
    }

    /** The groups that head the unit of this role group. */
    private List<String> managersOf(String group) {
        Optional<Role> role = Role.ofGroup(group);
        Optional<String> unit = Role.unitCodeOf(group);
        if (role.isEmpty() || unit.isEmpty()) {
            return List.of();
        }
        return switch (role.get().scope()) {
            case VILLAGE -> {
                List<String> heads = new ArrayList<>(List.of(Role.STATION_HEAD.groupIdIn(unit.get())));
                units.byCode(unit.get())
                        .map(Unit::parentCode)
                        .filter(Objects::nonNull)
                        .ifPresent(town -> heads.add(Role.TOWN_CENTER.groupIdIn(town)));
                yield heads;
            }
            case TOWN -> List.of(Role.TOWN_CENTER.groupIdIn(unit.get()));
            default -> List.of();
        };
    }

    /** The head group inside the unit of this role group, if its unit has one. */
    private Optional<String> headInside(String group) {
        Optional<Role> role = Role.ofGroup(group);
        Optional<String> unit = Role.unitCodeOf(group);
        if (role.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        return switch (role.get().scope()) {
            case VILLAGE -> Optional.of(Role.STATION_HEAD.groupIdIn(unit.get()));
            case TOWN -> Optional.of(Role.TOWN_CENTER.groupIdIn(unit.get()));
            default -> Optional.empty();
        };
    }

    /**
     * Who may take the task over from this user: a member of the task's role in its unit, or the unit's
     * station head / town centre, and those groups themselves — never another unit's people, never the
     * user, nor the group that already holds it unclaimed.
     */
    Targets targets(OperatedTask task, CurrentUser me) {
        Set<String> groups = new TreeSet<>();
        for (String group : task.roleGroups()) {
            groups.add(group);
            headInside(group).ifPresent(groups::add);
        }
        List<Target> groupTargets = new ArrayList<>();
        Set<String> userIds = new TreeSet<>();
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                continue;
            }
            identity.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getId)
                    .forEach(userIds::add);
            boolean holdsIt =
                    task.task().getAssignee() == null && task.candidateGroups().equals(List.of(group));
            if (!holdsIt) {
                groupTargets.add(new Target(group, groupName(group)));
            }
        }
        userIds.remove(me.userId());
        if (task.task().getAssignee() != null) {
            userIds.remove(task.task().getAssignee());
        }
        List<Target> users = userIds.stream()
                .map(id -> new Target(id, personName(id)))
                .sorted(Comparator.comparing(Target::id))
                .toList();
        return new Targets(users, groupTargets);
    }

    /** 东风社区 站长; a county role by its name alone. */
    String groupName(String group) {
        Optional<Role> role = Role.ofGroup(group);
        if (role.isEmpty()) {
            return group;
        }
        return Role.unitCodeOf(group)
                .map(unit -> units.byCode(unit).map(Unit::name).orElse(unit) + " "
                        + role.get().label())
                .orElse(role.get().label());
    }

    /** 姓名, or the id when the directory has none. */
    String personName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : PersonNames.of(user);
    }

    /** Writes the operation into the case's log (not shown to the citizen) and tells the cadres concerned. */
    void record(OperatedTask task, CurrentUser me, String kind, String entry, CadreNotice notice) {
        records.stream()
                .filter(log -> task.number() != null && log.handles(task.number()))
                .findFirst()
                .ifPresent(log -> log.record(task.number(), me.userId(), kind, entry, false));
        events.publishEvent(notice);
    }

    /** The time operations are recorded at (the engine's clock, which tests drive). */
    static java.time.Instant now() {
        return EngineClock.now();
    }

    /**
     * Runs engine writes the cadre may not make themselves (an assignment, a candidate group), after
     * the operation's own checks, then leaves the engine's per-task grants to exactly the task's
     * handlers now: Camunda adds a grant for each new assignee, owner and candidate but never takes
     * one back, so the old handler could otherwise still complete the task through {@code /engine-rest}.
     */
    void changeAsPlatform(String taskId, Runnable change) {
        platform.run(() -> {
            change.run();
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            Set<String> users = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
            }
            if (task.getOwner() != null) {
                users.add(task.getOwner());
            }
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getUserId() != null) {
                        users.add(link.getUserId());
                    }
                    if (link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    }
                }
            }
            for (Authorization grant : authorizations
                    .createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.TASK)
                    .resourceId(taskId)
                    .list()) {
                boolean current = grant.getUserId() != null
                        ? users.contains(grant.getUserId())
                        : grant.getGroupId() != null && groups.contains(grant.getGroupId());
                if (!current) {
                    authorizations.deleteAuthorization(grant.getId());
                }
            }
        });
    }

    /** The villages whose work the user heads as station head or town centre (urge, 批量转派). */
    Set<String> headedVillages(CurrentUser me, boolean withTownCentre) {
        List<String> heads = me.groupIds().stream()
                .filter(group -> Role.ofGroup(group)
                        .filter(role -> role == Role.STATION_HEAD || (withTownCentre && role == Role.TOWN_CENTER))
                        .isPresent())
                .toList();
        Set<String> villages = units.villagesVisibleTo(heads);
        return villages == null ? Set.of() : villages;
    }
}
