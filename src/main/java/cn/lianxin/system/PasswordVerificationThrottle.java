package cn.lianxin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API checks any user's password for a signed-in caller
 * ({@code POST /engine-rest/identity/verify}); without this filter a cadre could guess a colleague's
 * or the administrator's password there at full speed. The answer's {@code authenticated} counts as
 * a success or a failure of that user from the caller's address, like any other sign-in.
 */
final class PasswordVerificationThrottle extends OncePerRequestFilter {

    static final String PATH = "/engine-rest/identity/verify";

    // a user name and a password; anything larger is not a verification request
    private static final int MAX_BODY = 16 * 1024;

    private final SignInThrottle throttle;
    private final SignInRefusals refusals;
    private final ObjectMapper json;

    PasswordVerificationThrottle(SignInThrottle throttle, SignInRefusals refusals, ObjectMapper json) {
        this.throttle = throttle;
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || !path.replaceAll("/+$", "").equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String userId = body.length > MAX_BODY ? null : userIdIn(body);
        if (userId == null) {
            // a user id the throttle cannot see (a number Jackson would turn into text) is not checked at all
            refusals.badRequest(response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBefore(userId, address);
        if (wait.isPresent()) {
            refusals.throttled(response, wait.get());
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(new ReadBodyRequest(request, body), answer);
        if (answer.getStatus() == HttpStatus.OK.value()) {
            if (authenticated(answer.getContentAsByteArray())) {
                throttle.succeeded(userId, address);
            } else {
                throttle.failed(userId, address);
            }
        }
        answer.copyBodyToResponse();
    }

    private String userIdIn(byte[] body) {
        try {
            JsonNode username = json.readTree(body).path("username");
            return username.isTextual() ? username.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private boolean authenticated(byte[] answer) {
        try {
            return json.readTree(answer).path("authenticated").asBoolean(false);
        } catch (IOException notJson) {
            return false;
        }
    }
}
