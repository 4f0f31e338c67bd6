package cn.lianxin.system;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own identity with a different password check, used by every sign-in route (HTTP Basic
 * and the webapps' login form both call {@code IdentityService.checkPassword}):
 *
 * <ul>
 *   <li>failed passwords never lock an account (the engine's own lock-out, which any stranger could
 *       trigger with eleven requests, is not consulted; {@link SignInThrottle} slows guessing instead);
 *   <li>an account an administrator locked ({@link AccountLocks}) is refused, right password or not;
 *   <li>a right password stored under an older hash ({@code {SHA-512}}) is hashed again with
 *       {@link AdaptivePasswordHash}, in the same transaction.
 * </ul>
 */
class LockAwareIdentityProvider extends DbIdentityServiceProvider {

    private static final String CURRENT_PREFIX = "{" + AdaptivePasswordHash.NAME + "}";

    private final AccountLocks locks;

    LockAwareIdentityProvider(AccountLocks locks) {
        this.locks = locks;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        UserEntity user = findUserById(userId);
        if (user == null || user.getPassword() == null || locks.isLocked(userId)) {
            return false;
        }
        if (!matchPassword(password, user)) {
            return false;
        }
        if (!user.getPassword().startsWith(CURRENT_PREFIX)) {
            // the entity is managed by this command: the new hash and salt are written when it ends
            user.setPassword(password);
            user.encryptPassword();
        }
        return true;
    }

    /** Opens one provider per engine command, as Camunda's own factory does. */
    static SessionFactory factory(AccountLocks locks) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return LockAwareIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new LockAwareIdentityProvider(locks);
            }
        };
    }
}
