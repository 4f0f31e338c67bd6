package cn.lianxin.deliberation;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.identity.Role;
import cn.lianxin.workflow.EngineAsPlatform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who the people of deliberation are: a village's representatives, a user's name. Read as the
 * platform, not as the signed-in user: a host completing the meeting record must be checked against
 * the full list of representatives even if their own grants do not let them browse users.
 */
@Component
public class Representatives {

    private final IdentityService identity;
    private final EngineAsPlatform platform;

    Representatives(IdentityService identity, EngineAsPlatform platform) {
        this.identity = identity;
        this.platform = platform;
    }

    /** The village's representatives: user id → name, in id order. */
    public Map<String, String> of(String villageCode) {
        return platform.call(() -> {
            Map<String, String> reps = new LinkedHashMap<>();
            identity.createUserQuery()
                    .memberOfGroup(Role.DELIBERATION_REP.groupIdIn(villageCode))
                    .orderByUserId()
                    .asc()
                    .list()
                    .forEach(u -> reps.put(u.getId(), PersonNames.of(u)));
            return reps;
        });
    }

    /** The name people read for a user (see {@link PersonNames}). */
    String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        return platform.call(() -> {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null ? userId : PersonNames.of(user);
        });
    }
}
