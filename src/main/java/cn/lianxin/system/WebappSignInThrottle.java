package cn.lianxin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the webapps' login form ({@code POST /camunda/api/admin/auth/user/default/login/{app}})
 * under the same throttle as HTTP Basic. Camunda's login resource checks the password itself, so
 * this filter stands in front of it: a throttled caller gets 429 and the resource is not called; a
 * 401 from it counts as a failure, a 200 as a success.
 */
final class WebappSignInThrottle extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final SignInThrottle throttle;
    private final SignInRefusals refusals;

    WebappSignInThrottle(SignInThrottle throttle, SignInRefusals refusals) {
        this.throttle = throttle;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the form parameter Camunda's resource reads; reading it here leaves it readable there
        String userId = request.getParameter("username");
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBefore(userId, address);
        if (wait.isPresent()) {
            refusals.throttled(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        // 403 means a right password for an app the user may not open, or a missing CSRF token: neither counts
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(userId, address);
        } else if (response.getStatus() == HttpStatus.OK.value()) {
            throttle.succeeded(userId, address);
        }
    }
}
