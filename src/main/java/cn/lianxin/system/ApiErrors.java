package cn.lianxin.system;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where errors of the platform's own API become RFC 9457 problem details with
 * Chinese texts. Nothing of an exception's message, class or stack reaches the client.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> rejected(ApiProblemException e) {
        ProblemDetail problem = problems.of(e.status(), e.slug(), e.args());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.of(HttpStatus.FORBIDDEN, "forbidden"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.of(HttpStatus.NOT_FOUND, "not-found"));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> conflict(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.of(HttpStatus.CONFLICT, "conflict"));
    }

    /** Two requests raced for the same row (e.g. a retried intake): the later one is a conflict. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        log.warn("数据冲突：{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.of(HttpStatus.CONFLICT, "conflict"));
    }

    /** The engine refused what the caller asked (an unknown id, a wrong value). */
    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadUserRequestException e) {
        log.warn("流程引擎拒绝请求：{}", e.getMessage());
        return ResponseEntity.badRequest().body(problems.of(HttpStatus.BAD_REQUEST, "bad-request"));
    }

    /**
     * Anything else, a {@code DataIntegrityViolationException} with its SQL or an engine failure
     * included: logged in full under the correlation id, answered with that id only.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("未处理的异常", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<ApiProblemException.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblemException.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<ApiProblemException.FieldError> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblemException.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validation(fields);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return validation(List.of(
                new ApiProblemException.FieldError(e.getParameterName(), problems.message("problem.field.missing"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            @NonNull org.springframework.beans.TypeMismatchException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return validation(List.of(new ApiProblemException.FieldError(field, problems.message("problem.field.type"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        // a value of the wrong type or outside an enumeration: name the field, as for validation
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            return validation(
                    List.of(new ApiProblemException.FieldError(field, problems.message("problem.field.value"))));
        }
        return plain(HttpStatus.BAD_REQUEST, "unreadable");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            @NonNull HttpMediaTypeNotSupportedException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return plain(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type");
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            @NonNull HttpRequestMethodNotSupportedException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return plain(HttpStatus.METHOD_NOT_ALLOWED, "method");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            @NonNull NoResourceFoundException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return plain(HttpStatus.NOT_FOUND, "not-found");
    }

    /** Any other Spring MVC error: keep its status, give it our Chinese texts. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            @NonNull Exception e,
            Object body,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        String slug = status.is5xxServerError() ? "internal" : "bad-request";
        if (status.is5xxServerError()) {
            log.error("请求失败", e);
        } else {
            log.warn("请求有误：{}", e.getMessage());
        }
        return ResponseEntity.status(status).headers(headers).body(problems.of(status, slug));
    }

    private ResponseEntity<Object> validation(List<ApiProblemException.FieldError> fields) {
        ProblemDetail problem = problems.of(
                HttpStatus.BAD_REQUEST,
                "validation",
                String.join(
                        "、",
                        fields.stream()
                                .map(ApiProblemException.FieldError::field)
                                .distinct()
                                .toList()));
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<Object> plain(HttpStatus status, String slug) {
        return ResponseEntity.status(status).body(problems.of(status, slug));
    }
}
