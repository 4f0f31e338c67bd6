package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Writes the refusals of the sign-in routes: the 429 of a throttled sign-in on every route alike. */
final class SignInRefusals {

    private final Problems problems;
    private final ObjectMapper json;
    private final Counter throttled;

    SignInRefusals(Problems problems, ObjectMapper json, MeterRegistry meters) {
        this.problems = problems;
        this.json = json;
        // lianxin_sign_in_throttled_total: guessing at passwords shows as a rising rate
        this.throttled = Counter.builder("lianxin.sign.in.throttled")
                .description("因失败次数过多被暂缓的登录（429）")
                .register(meters);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so that a client never retries too early. */
    void throttled(HttpServletResponse response, Duration retryAfter) throws IOException {
        throttled.increment();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", Long.toString(seconds));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** 400 for a password check whose user id cannot be read. */
    void badRequest(HttpServletResponse response) throws IOException {
        write(response, problems.of(HttpStatus.BAD_REQUEST, "bad-request"));
    }

    /** HTTP Basic's entry point: a throttled sign-in is 429, anything else as {@code otherwise} says. */
    AuthenticationEntryPoint throttledOr(AuthenticationEntryPoint otherwise) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottled throttled) {
                throttled(response, throttled.retryAfter());
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }
}
