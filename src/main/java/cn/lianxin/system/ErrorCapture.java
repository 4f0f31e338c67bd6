package cn.lianxin.system;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Lets a successful answer through as it is written and holds back the body of an error answer
 * (status 400 or more when its body is written, or {@code sendError}), so that it can be
 * replaced before anything reaches the client.
 */
final class ErrorCapture extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean passingOn;

    ErrorCapture(HttpServletResponse response) {
        super(response);
    }

    boolean isError() {
        return !passingOn && getStatus() >= 400;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return held.toByteArray();
    }

    void passOn() throws IOException {
        if (isError() && held.size() > 0) {
            getResponse().getOutputStream().write(held.toByteArray());
        }
        passingOn = true;
    }

    void writeProblem(int status, byte[] problem) throws IOException {
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(problem.length);
        response.getOutputStream().write(problem);
        response.flushBuffer();
    }

    @Override
    public void sendError(int status) {
        // no container error page: the problem body is written after the chain
        setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
        setStatus(status);
    }

    @Override
    public void setContentLength(int length) {
        if (!isError()) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!isError()) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!isError()) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        held.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        held.reset();
        super.reset();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream real = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    if (isError()) {
                        held.write(b);
                    } else {
                        real.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (isError()) {
                        held.write(bytes, offset, length);
                    } else {
                        real.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (!isError()) {
                        real.flush();
                    }
                }

                @Override
                public boolean isReady() {
                    return real.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    real.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!isError()) {
            return super.getWriter();
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(held, charset));
        }
        return writer;
    }
}
