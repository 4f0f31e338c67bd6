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

    public WebappClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs in through Tasklist's login form; returns the status of the login request. */
    public int signIn(String userId, String password) {
        send("GET", "/camunda/app/tasklist/default/", null, null);
        String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form, "application/x-www-form-urlencoded")
                .statusCode();
    }

    /** A JSON request to Tasklist's copy of the engine API, e.g. {@code task/{id}/claim}. */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, "/camunda/api/engine/engine/default/" + path, json, "application/json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
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
        String token = csrfToken();
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
