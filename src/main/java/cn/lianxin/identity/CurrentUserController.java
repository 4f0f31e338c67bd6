package cn.lianxin.identity;

import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is, in which groups and units. */
@RestController
@RequestMapping("/api/me")
class CurrentUserController {

    record GroupView(String id, String name, String role, String unitCode) {}

    record CurrentUser(String id, String name, List<GroupView> groups) {}

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
        return new CurrentUser(userId, name, groups);
    }
}
