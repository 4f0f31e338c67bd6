package cn.lianxin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API (and Tasklist's, which is the same code under {@code /camunda/api/engine})
 * puts "Cannot submit task form &lt;id&gt;: ", "Cannot complete task &lt;id&gt;: " or "Cannot instantiate
 * process definition &lt;id&gt;: " before the reason a form was refused, and Tasklist shows that line
 * to the cadre as it is. When the reason is
 * the platform's own ({@code 请修正以下内容：…}, see {@code TaskDataRejected}) this takes the English
 * prefix away, so the person reads only Chinese. Camunda offers no hook for its messages, and its
 * REST applications take no extra exception mapper from the outside.
 */
class TaskRefusalMessages extends OncePerRequestFilter {

    private static final Pattern CAMUNDA_PREFIX = Pattern.compile(
            "^Cannot (?:submit task form|complete task|instantiate process definition) .*?: (请修正以下内容：.*)$",
            Pattern.DOTALL);

    private final ObjectMapper json;

    TaskRefusalMessages(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(path.endsWith("/submit-form") || path.endsWith("/complete") || path.endsWith("/start"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST && isJson(wrapper.getContentType())) {
                rewrite(wrapper);
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private void rewrite(ContentCachingResponseWrapper wrapper) throws IOException {
        JsonNode body = json.readTree(wrapper.getContentAsByteArray());
        if (body instanceof ObjectNode object && object.path("message").isTextual()) {
            Matcher ours = CAMUNDA_PREFIX.matcher(object.get("message").asText());
            if (ours.matches()) {
                object.put("message", ours.group(1));
                wrapper.resetBuffer();
                wrapper.getOutputStream().write(json.writeValueAsBytes(object));
            }
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
    }
}
