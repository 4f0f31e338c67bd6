package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters, written as problem+json like every other error. The
 * Basic challenge stays so that Camunda Modeler, curl and browsers know how to sign in.
 */
@Component
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    static final String REALM = "Basic realm=\"Lianxin\", charset=\"UTF-8\"";

    private final Problems problems;
    private final ObjectMapper json;

    ProblemResponses(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    /** 401 with the Basic challenge of the default mode. */
    public AuthenticationEntryPoint unauthorized() {
        return unauthorized(REALM);
    }

    /** 401 with the given {@code WWW-Authenticate} challenge, e.g. {@code Bearer}. */
    public AuthenticationEntryPoint unauthorized(String challenge) {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
        };
    }

    /**
     * 401 without a challenge, for a webapp page's background request whose session ended: a
     * {@code WWW-Authenticate: Basic} would open the browser's own sign-in dialog over Tasklist.
     */
    AuthenticationEntryPoint unauthorizedWithoutChallenge() {
        return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    /**
     * 404 for a path the platform does not serve, signed in or not, and without a challenge: a
     * browser that meets a 401 with {@code WWW-Authenticate: Basic} on a background request opens
     * its own modal sign-in dialog over the page (Tasklist's login page asks for
     * {@code /camunda-welcome}, which only Camunda Run serves).
     */
    public AuthenticationEntryPoint notServed() {
        return (request, response, e) -> write(request, response, HttpStatus.NOT_FOUND, "not-found");
    }

    /** The same 404 for a signed-in caller. */
    public AccessDeniedHandler notServedToAnyone() {
        AuthenticationEntryPoint notServed = notServed();
        return (request, response, e) -> notServed.commence(request, response, null);
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug)
            throws IOException {
        // under the request's correlation id, which the answer carries (a refusal is not a fault: no stack)
        log.warn("{} {} 答复 {}", request.getMethod(), request.getRequestURI(), status.value());
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problems.of(status, slug));
    }
}
