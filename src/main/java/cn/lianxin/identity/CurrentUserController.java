package cn.lianxin.identity;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is, in which groups and units, and which engine operations
 * ({@link EngineOperation}, the matrix of docs/identity.md) their roles allow — what the webapps'
 * plugins show or hide a button by (创建任务, 发起流程, Cockpit's changes), never by user name.
 */
@RestController
@RequestMapping("/api/me")
class CurrentUserController {

    record GroupView(String id, String name, String role, String unitCode) {}

    record CurrentUser(String id, String name, List<GroupView> groups, List<EngineOperation> operations) {}

    private final IdentityService identity;

    CurrentUserController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping
    CurrentUser me(Principal principal) {
        String userId = principal.getName();
        User user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? userId : PersonNames.of(user);
        List<GroupView> groups = identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(group -> {
                    Role role = Role.ofGroup(group.getId()).orElse(null);
                    String unit = Role.unitCodeOf(group.getId()).orElse(null);
                    return new GroupView(group.getId(), group.getName(), role == null ? null : role.id(), unit);
                })
                .toList();
        List<String> groupIds = groups.stream().map(GroupView::id).toList();
        List<EngineOperation> operations = Arrays.stream(EngineOperation.values())
                .filter(operation -> operation.allowsAnyOf(groupIds))
                .toList();
        return new CurrentUser(userId, name, groups, operations);
    }
}
