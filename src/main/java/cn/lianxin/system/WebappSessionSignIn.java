package cn.lianxin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the Tasklist plugins call {@code /api} as the cadre signed in to Camunda's webapps: a request
 * without an {@code Authorization} header is signed in from the webapps' session, but only when it
 * carries the session's CSRF token in {@code X-XSRF-TOKEN} (which only the webapps' own pages can
 * read), on every method — a cross-site page can make the browser send the cookie, never the token.
 * The user's groups are the ones the webapps hold for the session (in the {@code keycloak} profile
 * re-read on every request, see application-keycloak.yaml). A request with the header but no valid
 * session gets a 401 without a challenge, so the browser opens no sign-in dialog over Tasklist.
 */
class WebappSessionSignIn extends OncePerRequestFilter {

    /** The engine the webapps sign users in to (Camunda's Spring Boot starter has only this one). */
    private static final String ENGINE = "default";

    /** Where the webapps keep their sign-ins in the session ({@code AuthenticationUtil}'s protected key). */
    private static final String SESSION_KEY = "authenticatedUser";

    private final AuthenticationEntryPoint signedOut;

    WebappSessionSignIn(ProblemResponses problems) {
        this.signedOut = problems.unauthorizedWithoutChallenge();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) != null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            HttpSession session = request.getSession(false);
            UserAuthentication user = session == null ? null : signedIn(session, request);
            if (user == null) {
                // a page of the webapps whose session ended (or a forged token): 401, and no Basic dialog
                signedOut.commence(request, response, null);
                return;
            }
            List<SimpleGrantedAuthority> groups =
                    user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
        }
        chain.doFilter(request, response);
    }

    private static UserAuthentication signedIn(HttpSession session, HttpServletRequest request) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        if (!(expected instanceof String token)
                || given == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        // read without creating (AuthenticationUtil.getAuthsFromSession would add an empty one)
        if (!(session.getAttribute(SESSION_KEY) instanceof Authentications all)) {
            return null;
        }
        Authentication engineUser = all.getAuthenticationForProcessEngine(ENGINE);
        return engineUser instanceof UserAuthentication user ? user : null;
    }
}
