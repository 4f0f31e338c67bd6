package cn.lianxin.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request one correlation id: in the log (MDC {@code correlationId}), in the
 * {@code X-Correlation-Id} response header and in every problem body, so that a person who reads
 * "已记录日志" can hand the id to an administrator, who finds the full reason in the log. An id sent
 * by a reverse proxy or client ({@code X-Request-Id}, {@code X-Correlation-Id}) is kept only when it
 * is a short plain token: it lands in log lines, where anything else could forge entries.
 */
class CorrelationIds extends OncePerRequestFilter {

    /** The MDC key and the problem property. */
    public static final String KEY = "correlationId";

    public static final String HEADER = "X-Correlation-Id";

    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{7,63}");

    /** The current request's id, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(KEY);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // Spring Boot's /error runs after this filter has returned: it must log under the same id
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        String outer = MDC.get(KEY);
        MDC.put(KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, outer);
            }
        }
    }

    private static String idOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        for (String header : new String[] {HEADER, REQUEST_ID_HEADER}) {
            String sent = request.getHeader(header);
            if (sent != null && SAFE.matcher(sent).matches()) {
                return sent;
            }
        }
        return UUID.randomUUID().toString();
    }
}
