package cn.lianxin.system;

import cn.lianxin.identity.EngineOperation;
import cn.lianxin.identity.Role;
import cn.lianxin.system.ApiProblemException.FieldError;
import cn.lianxin.system.EngineRequests.EngineRequest;
import cn.lianxin.system.StartFormFields.StartForm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through to Camunda's REST API only when one of the caller's roles may do its
 * {@link EngineOperation} (docs/identity.md), whichever of the API's homes it arrives at:
 * {@code /engine-rest} (Camunda Modeler, scripts) or {@code /camunda/api/engine} (Tasklist, Cockpit).
 * Beyond the path it reads the body where the path alone cannot tell: a claim must be for the caller
 * themself, and a start must be a plain start with exactly the start form's fields — no start
 * instructions, no business key, no variable the form does not ask for (so no tracking number or
 * village of the caller's choosing).
 *
 * <p>Refusals are problem+json in Chinese, with a {@code message} property as Camunda's webapps show
 * it. Administrators ({@code camunda-admin}) pass: Camunda's own authorizations still apply to them.
 */
class EngineOperationGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineOperationGate.class);

    /** A start or claim body is small; anything larger is not what Tasklist or Modeler sends. */
    static final int MAX_INSPECTED_BODY = 256 * 1024;

    private static final String ENGINE = "default";

    /** Who is asking: the user id and their group ids. */
    record Caller(String userId, List<String> groupIds) {
        boolean isAdmin() {
            return groupIds.contains(Role.ADMIN.groupId());
        }
    }

    private final Problems problems;
    private final ObjectMapper json;
    private final StartFormFields startForms;

    EngineOperationGate(Problems problems, ObjectMapper json, StartFormFields startForms) {
        this.problems = problems;
        this.json = json;
        this.startForms = startForms;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<EngineRequest> parsed = EngineRequests.parse(request.getMethod(), path);
        if (parsed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        EngineRequest engineRequest = parsed.get();
        Optional<Caller> caller = caller(request);
        if (caller.isPresent() && caller.get().isAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        boolean overridden = request.getHeader("X-HTTP-Method-Override") != null
                || request.getHeader("X-HTTP-Method") != null
                || request.getHeader("X-Method-Override") != null;
        if (caller.isEmpty()) {
            // not signed in: reads go on to the API's own 401; nothing that changes anything does
            if (engineRequest.isRead() && !overridden) {
                chain.doFilter(request, response);
            } else {
                write(response, problems.of(HttpStatus.UNAUTHORIZED, "unauthorized"), HttpStatus.UNAUTHORIZED);
            }
            return;
        }
        if (overridden) {
            refuse(response, caller.get(), EngineOperation.OTHER_CHANGES, path);
            return;
        }
        HttpServletRequest forward = request;
        EngineOperation operation;
        List<FieldError> fieldProblems = List.of();
        if (engineRequest.isStart() || engineRequest.isClaim()) {
            byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
            if (body.length > MAX_INSPECTED_BODY) {
                write(response, problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large"), HttpStatus.PAYLOAD_TOO_LARGE);
                return;
            }
            forward = new ReadBodyRequest(request, body);
            JsonNode node = parse(body);
            if (node == null) {
                write(response, problems.of(HttpStatus.BAD_REQUEST, "unreadable"), HttpStatus.BAD_REQUEST);
                return;
            }
            if (engineRequest.isClaim()) {
                String claimant = node.path("userId").asText(null);
                operation = caller.get().userId().equals(claimant)
                        ? EngineOperation.WORK_TASK
                        : EngineOperation.ASSIGN_TASK;
            } else {
                Optional<StartForm> form = engineRequest
                        .startKey()
                        .map(startForms::ofLatest)
                        .orElseGet(() -> startForms.ofDefinition(
                                engineRequest.startDefinitionId().orElseThrow()));
                operation = form.map(f -> EngineOperation.startOf(f.processKey()))
                        .orElse(EngineOperation.START_OTHER_PROCESS);
                if (isSpecialStart(node)) {
                    operation = EngineOperation.START_AT_ACTIVITY;
                } else if (form.isPresent()) {
                    fieldProblems = startFieldProblems(node, form.get());
                }
            }
        } else {
            operation = EngineRequests.operationOf(engineRequest);
        }
        if (!operation.allowsAnyOf(caller.get().groupIds())) {
            refuse(response, caller.get(), operation, path);
            return;
        }
        if (!fieldProblems.isEmpty()) {
            ProblemDetail problem = problems.of(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    String.join(
                            "、", fieldProblems.stream().map(FieldError::field).toList()));
            problem.setProperty("errors", fieldProblems);
            write(response, problem, HttpStatus.BAD_REQUEST);
            return;
        }
        chain.doFilter(forward, response);
    }

    /** Start instructions, or skipping listeners or input mappings, bypass the process's own steps. */
    private static boolean isSpecialStart(JsonNode body) {
        JsonNode instructions = body.path("startInstructions");
        return instructions.isArray() && !instructions.isEmpty()
                || !instructions.isMissingNode() && !instructions.isNull() && !instructions.isArray()
                || body.path("skipCustomListeners").asBoolean(false)
                || body.path("skipIoMappings").asBoolean(false);
    }

    private static List<FieldError> startFieldProblems(JsonNode body, StartForm form) {
        List<FieldError> found = new ArrayList<>();
        if (body.hasNonNull("businessKey")) {
            found.add(new FieldError("businessKey", "编号由系统生成，不能指定"));
        }
        JsonNode variables = body.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            found.add(new FieldError("variables", "格式不正确"));
            return found;
        }
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!form.fields().contains(name)) {
                found.add(new FieldError(name, "登记表单没有这一项，不能提交（由系统设置的信息不能指定）"));
            }
        }
        return found;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The signed-in user: Spring Security's for {@code /engine-rest}, the webapps' session for
     * {@code /camunda/api/engine} (with Keycloak the webapps' sign-in fills both).
     */
    private static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && request.getServletPath().startsWith("/camunda")) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null
                    && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
                    && user.getGroupIds() != null) {
                return Optional.of(new Caller(user.getIdentityId(), List.copyOf(user.getGroupIds())));
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(new Caller(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList()));
    }

    private void refuse(HttpServletResponse response, Caller caller, EngineOperation operation, String path)
            throws IOException {
        // a refused operation is someone trying what their role does not allow: worth an operator's look
        log.warn("拒绝 {} 的引擎操作 {}（{}）", caller.userId(), operation, path);
        ProblemDetail problem = problems.of(HttpStatus.FORBIDDEN, "operation-forbidden", operation.label());
        problem.setProperty("operation", operation.name());
        write(response, problem, HttpStatus.FORBIDDEN);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpStatus status) throws IOException {
        // Camunda's webapps show an error's "message"
        problem.setProperty("message", problem.getDetail());
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
