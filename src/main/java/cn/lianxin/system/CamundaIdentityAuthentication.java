package cn.lianxin.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password against Camunda's own identity (the default mode). The
 * authorities are the user's Camunda group ids, so Spring Security and the engine agree on who
 * may do what. Failed attempts are throttled per user and client address ({@link SignInThrottle});
 * while a caller is throttled its password is not even checked.
 */
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final SignInThrottle throttle;

    CamundaIdentityAuthentication(IdentityService identity, SignInThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        String address = clientAddress(authentication);
        SignInThrottle.Before before = throttle.before(userId, address);
        if (before.delay().isPresent()) {
            throw new SignInThrottled(before.delay().get());
        }
        if (!identity.checkPassword(userId, credentials.toString())) {
            throttle.failed(userId, address);
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(userId, address, before);
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    /** HTTP Basic records the request's remote address (set from forwarded headers behind a trusted proxy). */
    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
