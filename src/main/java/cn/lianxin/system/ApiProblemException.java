package cn.lianxin.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Thrown by a module to answer a request with a problem: the advice turns it into problem+json
 * with the Chinese texts of {@code problem.<slug>.*}. Field errors name the offending fields.
 */
public class ApiProblemException extends RuntimeException {

    /** A field that was rejected and why, in Chinese. */
    public record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String slug;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    public ApiProblemException(HttpStatus status, String slug, List<FieldError> fieldErrors, Object... args) {
        super(slug);
        this.status = status;
        this.slug = slug;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ApiProblemException(HttpStatus status, String slug, Object... args) {
        this(status, slug, List.of(), args);
    }

    /** 400 with the fields at fault, named in the detail and listed in {@code errors}. */
    public static ApiProblemException invalid(List<FieldError> fields) {
        return rejected("validation", fields);
    }

    /** 400 of a specific kind ({@code problem.<slug>.*}) whose detail names the fields. */
    public static ApiProblemException rejected(String slug, List<FieldError> fields) {
        String names = String.join(
                "、", fields.stream().map(FieldError::field).distinct().toList());
        return new ApiProblemException(HttpStatus.BAD_REQUEST, slug, fields, names);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
