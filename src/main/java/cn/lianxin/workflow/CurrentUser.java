package cn.lianxin.workflow;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine is running as now (the signed-in cadre of a request, or nobody for the
 * platform's own work), read without the engine's internal {@code Authentication} type.
 */
public record CurrentUser(String userId, List<String> groupIds) {

    public static Optional<CurrentUser> of(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups =
                authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
        return Optional.of(new CurrentUser(authentication.getUserId(), groups));
    }
}
