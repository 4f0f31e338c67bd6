package cn.lianxin.member;

import cn.lianxin.identity.Role;
import cn.lianxin.system.ApiProblemException;
import cn.lianxin.workflow.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;

/**
 * The signed-in user of a request as this module sees them: the villages where they are a party member
 * ({@code party-member-<village>}) and where they are the branch secretary ({@code branch-secretary-<village>}).
 * The village always comes from these groups, never from a request.
 */
record SignedIn(String userId, List<String> memberOf, List<String> secretaryOf) {

    static SignedIn of(IdentityService identity) {
        CurrentUser user = CurrentUser.of(identity).orElseThrow(() -> forbidden());
        return new SignedIn(
                user.userId(),
                villagesAs(Role.PARTY_MEMBER, user.groupIds()),
                villagesAs(Role.BRANCH_SECRETARY, user.groupIds()));
    }

    /** The one village where the user is a party member (403 when none, or when the groups name several). */
    String memberVillage() {
        if (memberOf.size() != 1) {
            throw forbidden();
        }
        return memberOf.get(0);
    }

    /**
     * The village whose members a branch secretary manages: {@code asked} when given (it must be theirs), else
     * their one village (403 when they are the secretary of none, or of several without saying which).
     */
    String secretaryVillage(String asked) {
        if (asked != null && !asked.isBlank()) {
            if (!secretaryOf.contains(asked.trim())) {
                throw forbidden();
            }
            return asked.trim();
        }
        if (secretaryOf.size() != 1) {
            throw forbidden();
        }
        return secretaryOf.get(0);
    }

    boolean isSecretaryOf(String villageCode) {
        return secretaryOf.contains(villageCode);
    }

    static ApiProblemException forbidden() {
        return new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden");
    }

    private static List<String> villagesAs(Role role, List<String> groupIds) {
        return groupIds.stream()
                .filter(group -> Role.ofGroup(group).filter(role::equals).isPresent())
                .map(group -> Role.unitCodeOf(group).orElseThrow())
                .distinct()
                .sorted()
                .toList();
    }
}
