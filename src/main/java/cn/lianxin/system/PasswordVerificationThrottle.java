package cn.lianxin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API checks any user's password for a signed-in caller
 * ({@code POST /engine-rest/identity/verify}); without this filter a cadre could guess a colleague's
 * or the administrator's password there at full speed. The answer's {@code authenticated} counts as
 * a success or a failure of that user from the caller's address, like any other sign-in.
 */
final class PasswordVerificationThrottle extends OncePerRequestFilter {

    static final String PATH = "/engine-rest/identity/verify";

    // a user name and a password; anything larger is not a verification request
    private static final int MAX_BODY = 16 * 1024;

    private final SignInThrottle throttle;
    private final SignInRefusals refusals;
    private final ObjectMapper json;

    PasswordVerificationThrottle(SignInThrottle throttle, SignInRefusals refusals, ObjectMapper json) {
        this.throttle = throttle;
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || !path.replaceAll("/+$", "").equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String userId = body.length > MAX_BODY ? null : userIdIn(body);
        if (userId == null) {
            // a user id the throttle cannot see (a number Jackson would turn into text) is not checked at all
            refusals.badRequest(response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBefore(userId, address);
        if (wait.isPresent()) {
            refusals.throttled(response, wait.get());
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(new ReadAgain(request, body), answer);
        if (answer.getStatus() == HttpStatus.OK.value()) {
            if (authenticated(answer.getContentAsByteArray())) {
                throttle.succeeded(userId, address);
            } else {
                throttle.failed(userId, address);
            }
        }
        answer.copyBodyToResponse();
    }

    private String userIdIn(byte[] body) {
        try {
            JsonNode username = json.readTree(body).path("username");
            return username.isTextual() ? username.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private boolean authenticated(byte[] answer) {
        try {
            return json.readTree(answer).path("authenticated").asBoolean(false);
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The request with the body this filter already read. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
