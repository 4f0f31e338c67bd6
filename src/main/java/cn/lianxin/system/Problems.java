package cn.lianxin.system;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details with a stable {@code type} and Chinese {@code title} and
 * {@code detail} taken from {@code messages_zh_CN.properties}
 * ({@code problem.<slug>.title}, {@code problem.<slug>.detail}), and the request's
 * {@code correlationId} (see {@link CorrelationIds}) that the log lines of the request carry.
 */
@Component
public class Problems {

    /** Every user of the platform reads Chinese; the locale is fixed on purpose. */
    public static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    static final String TYPE_PREFIX = "urn:lianxin:problem:";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem whose detail is the message {@code problem.<slug>.detail} with the arguments. */
    public ProblemDetail of(HttpStatusCode status, String slug, Object... detailArgs) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, LOCALE));
        problem.setDetail(messages.getMessage("problem." + slug + ".detail", detailArgs, LOCALE));
        String correlationId = CorrelationIds.current();
        if (correlationId != null) {
            problem.setProperty(CorrelationIds.KEY, correlationId);
        }
        return problem;
    }

    /** The generic problem of an HTTP status, for answers that have no more specific one. */
    static String slugFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method";
            case 409 -> "conflict";
            case 415 -> "media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    /** Resolves any message of the platform's bundle, for field-level texts. */
    public String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LOCALE);
    }
}
