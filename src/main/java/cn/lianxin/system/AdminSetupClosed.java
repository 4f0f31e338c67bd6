package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda's first-administrator setup ({@code /camunda/api/admin/setup/{engine}/user/create}):
 * while no administrator exists — a fresh production database without the demo world — anyone who
 * reaches the webapps first could make themselves administrator there. The first administrator is
 * created by the deployment's configuration instead ({@code camunda.bpm.admin-user.*}, see
 * docs/operations.md).
 */
class AdminSetupClosed extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminSetupClosed.class);

    private final Problems problems;
    private final ObjectMapper json;

    AdminSetupClosed(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        log.warn("拒绝通过网页创建首位管理员（{} {}）", request.getMethod(), request.getRequestURI());
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, "admin-setup-closed");
        problem.setProperty("message", problem.getDetail());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
