package cn.lianxin.deliberation;

import cn.lianxin.identity.PersonNames;
import cn.lianxin.identity.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Who the people of deliberation are: a village's representatives, a user's name. Read as the
 * platform, not as the signed-in user: a host completing the meeting record must be checked against
 * the full list of representatives even if their own grants do not let them browse users.
 */
@Component
public class Representatives {

    private final ProcessEngineConfigurationImpl engine;

    Representatives(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** The village's representatives: user id → name, in id order. */
    public Map<String, String> of(String villageCode) {
        return asPlatform(context -> {
            Map<String, String> reps = new LinkedHashMap<>();
            engine.getIdentityService()
                    .createUserQuery()
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
        return asPlatform(context -> {
            User user =
                    engine.getIdentityService().createUserQuery().userId(userId).singleResult();
            return user == null ? userId : PersonNames.of(user);
        });
    }

    private <T> T asPlatform(Command<T> read) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> read.execute(context)));
    }
}
