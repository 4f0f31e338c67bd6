package cn.lianxin.system;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this address: the password was not checked. */
final class SignInThrottled extends AuthenticationException {

    private final transient Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("sign-in throttled");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
