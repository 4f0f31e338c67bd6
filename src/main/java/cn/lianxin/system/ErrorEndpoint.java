package cn.lianxin.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's {@code /error}, where the container sends what failed outside Spring MVC (a filter
 * that threw, a {@code sendError}): the same Chinese problem+json as everywhere else, never Spring
 * Boot's default body, and the exception logged under the request's correlation id.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

    private final Problems problems;

    ErrorEndpoint(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status >= 500) {
            log.error("{} 答复 {}", path, status, failure instanceof Throwable t ? t : null);
        } else {
            log.warn("{} 答复 {}", path, status);
        }
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        return ResponseEntity.status(statusCode)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(statusCode, Problems.slugFor(status)));
    }
}
