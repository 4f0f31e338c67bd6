package cn.lianxin.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Talks to Camunda's webapps as Tasklist's own scripts do: a session cookie from the webapps' login
 * form and the CSRF token they hand out, sent back on every change. For attacks on the API homes
 * that only a signed-in browser reaches ({@code /camunda/api/engine/…}).
 */
public final class WebappClient {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    /** The token as the webapps last handed it out (header), else as their cookie says. */
    private String token;

    public WebappClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs in through Tasklist's login form; returns the status of the login request. */
    public int signIn(String userId, String password) {
        send("GET", "/camunda/api/admin/auth/user/default", null, null);
        String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = send(
                        "POST",
                        "/camunda/api/admin/auth/user/default/login/tasklist",
                        form,
                        "application/x-www-form-urlencoded")
                .statusCode();
        // signing in starts a new session without a CSRF token: ask who is signed in, as Tasklist
        // does next, and take the token handed out with the answer
        send("GET", "/camunda/api/admin/auth/user/default", null, null);
        return status;
    }

    /** A JSON request to Tasklist's copy of the engine API, e.g. {@code task/{id}/claim}. */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, "/camunda/api/engine/engine/default/" + path, json, "application/json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, csrfToken());
    }

    /** A request with this CSRF token header ({@code null}: none), e.g. a forged one. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json");
        // as a browser on the webapps' own pages does; Camunda's CSRF filter checks it
        request.header("Origin", base);
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // "Required" is the filter saying a token was missing, not a token
            response.headers()
                    .firstValue("X-XSRF-TOKEN")
                    .filter(handedOut -> !handedOut.equals("Required"))
                    .ifPresent(handedOut -> token = handedOut);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The CSRF token this client holds for its session. */
    public String csrfToken() {
        if (token != null) {
            return token;
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
