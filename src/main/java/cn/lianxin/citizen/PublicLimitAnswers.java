package cn.lianxin.citizen;

import cn.lianxin.system.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an exhausted public limit with 429 problem+json and {@code Retry-After} (RFC 9110
 * §10.2.3), before the general advice {@link ApiErrors}, which knows no response headers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicLimitAnswers {

    private final Problems problems;

    PublicLimitAnswers(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PublicLimitExceeded.class)
    ResponseEntity<ProblemDetail> tooMany(PublicLimitExceeded e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, e.slug(), e.args()));
    }
}
