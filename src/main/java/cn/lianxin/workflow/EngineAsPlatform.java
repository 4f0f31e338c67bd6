package cn.lianxin.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the platform itself rather than as the signed-in user, for the few steps
 * whose checks the platform has already made in its own terms — a leader's 批示 opens a supervision,
 * which no person may start directly in the engine; the REST gate reads a start form that a cadre
 * may use but whose deployment they may not read. The user's authentication is put back afterwards.
 */
@Component
public class EngineAsPlatform {

    private final IdentityService identity;

    EngineAsPlatform(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Supplier<T> work) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
