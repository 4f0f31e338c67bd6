package cn.lianxin.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller of Camunda's REST API ({@code /engine-rest}, and Tasklist's and Cockpit's copy of
 * it under {@code /camunda/api/engine}) may do, by role: the one matrix of docs/identity.md. The
 * engine's own authorizations ({@link AccessPolicy}) then decide which cases, tasks and definitions
 * an allowed operation reaches; this matrix decides which operations exist for a role at all, so
 * that nobody but an administrator can rewrite a running case behind its forms.
 *
 * <p>Everything the platform's processes need from leaders and supervisors (批示, 督办) goes through
 * the platform's own API and the supervision process's tasks, which check their inputs.
 */
public enum EngineOperation {
    READ("查询任务、流程、历史（引擎授权决定能看到哪些）", Role.values()),
    LIST_USERS_AND_GROUPS("列出、搜索全部用户和用户组（本人资料和本人所在组人人可读）", Role.ADMIN),
    START_APPEAL("用登记表单发起群众诉求（appeal）", Role.GRID_WORKER, Role.STATION_HEAD, Role.ADMIN),
    START_DELIBERATION("用表单发起协商议事（deliberation）", Role.DELIBERATION_HOST, Role.ADMIN),
    START_OTHER_PROCESS("直接发起其他流程（督办由平台按红灯和批示发起）", Role.ADMIN),
    START_AT_ACTIVITY("从任意环节发起、跳过监听器或输入映射", Role.ADMIN),
    WORK_TASK(
            "办理本组任务：认领给自己、提交表单、添加评论",
            Role.GRID_WORKER,
            Role.STATION_HEAD,
            Role.TOWN_CENTER,
            Role.DEPT,
            Role.DELIBERATION_HOST,
            Role.BRANCH_SECRETARY,
            Role.PARTY_MEMBER,
            Role.SUPERVISOR,
            Role.ADMIN),
    ASSIGN_TASK("把任务指派、委派给他人，改候选人或任务属性", Role.ADMIN),
    WRITE_VARIABLES("在表单之外写入或删除流程变量", Role.ADMIN),
    MODIFY_INSTANCES("修改、撤销、挂起、重启、删除流程实例、历史或部署", Role.ADMIN),
    EDIT_JOBS("改作业和定时器（立即执行、重试、改到期时间、挂起）", Role.ADMIN),
    CORRELATE_MESSAGES("发送消息、信号、条件事件", Role.ADMIN),
    EXTERNAL_TASKS("外部任务的查询和办理", Role.ADMIN),
    BATCHES_AND_MIGRATION("批量操作和流程实例迁移", Role.ADMIN),
    DEPLOY("部署模型（Camunda Modeler）", Role.PROCESS_DESIGNER, Role.ADMIN),
    EVALUATE_DECISIONS("试算决策表", Role.PROCESS_DESIGNER, Role.ADMIN),
    MANAGE_IDENTITY("管理用户、用户组、权限和过滤器", Role.ADMIN),
    OTHER_CHANGES("其他一切写操作", Role.ADMIN);

    private final String label;
    private final Set<Role> roles;

    EngineOperation(String label, Role... roles) {
        this.label = label;
        this.roles = Set.copyOf(Arrays.asList(roles));
    }

    /** What the operation is, in Chinese, as docs/identity.md and a refusal say it. */
    public String label() {
        return label;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether a user in these groups may do this: one of their roles must allow it. Reading is every
     * signed-in user's, even one in no role's group: the engine's authorizations decide what they see.
     */
    public boolean allowsAnyOf(Collection<String> groupIds) {
        return this == READ
                || groupIds.stream()
                        .map(Role::ofGroup)
                        .flatMap(java.util.Optional::stream)
                        .anyMatch(this::allows);
    }

    /** Starting a process through the engine's API: only the processes people register through a form. */
    public static EngineOperation startOf(String processKey) {
        return switch (processKey) {
            case AccessPolicy.APPEAL_PROCESS -> START_APPEAL;
            case AccessPolicy.DELIBERATION_PROCESS -> START_DELIBERATION;
            default -> START_OTHER_PROCESS;
        };
    }

    /** The operations of a role. */
    public static Set<EngineOperation> of(Role role) {
        Set<EngineOperation> operations = EnumSet.noneOf(EngineOperation.class);
        for (EngineOperation operation : values()) {
            if (operation.allows(role)) {
                operations.add(operation);
            }
        }
        return operations;
    }
}
