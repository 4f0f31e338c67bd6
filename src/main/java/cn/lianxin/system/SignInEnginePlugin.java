package cn.lianxin.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's side of signing in (default mode): new passwords hashed with
 * {@link AdaptivePasswordHash}, passwords checked by {@link LockAwareIdentityProvider}.
 */
class SignInEnginePlugin extends AbstractProcessEnginePlugin {

    private final AdaptivePasswordHash hash;
    private final AccountLocks locks;

    SignInEnginePlugin(AdaptivePasswordHash hash, AccountLocks locks) {
        this.hash = hash;
        this.locks = locks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // {SHA-512} and the older {SHA} stay verifiable: the engine registers their checkers itself
        configuration.setPasswordEncryptor(hash);
        configuration.setIdentityProviderSessionFactory(LockAwareIdentityProvider.factory(locks));
    }
}
