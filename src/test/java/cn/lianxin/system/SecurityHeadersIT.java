package cn.lianxin.system;

import static cn.lianxin.testing.Http.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lianxin.testing.PlatformIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Every route answers with the security headers: no sniffing, no framing, no referrer leaving the
 * site, HSTS in production, and a CSP that lets JSON load nothing and the webapps only their own
 * scripts.
 */
@PlatformIntegrationTest
class SecurityHeadersIT {

    private static final String ONE_YEAR_WITH_SUBDOMAINS = "max-age=31536000 ; includeSubDomains";

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/me",
                "/api/no-such-thing",
                "/engine-rest/task",
                "/engine-rest/no-such-thing",
                "/actuator/health",
                "/actuator/prometheus",
                "/no-such-page"
            })
    void jsonAnswersMayLoadNothingAndBeFramedNowhere(String path) {
        // when
        ResponseEntity<String> response = as(http, "gw-v0101").getForEntity(path, String.class);

        // then
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.JSON_POLICY)
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("Strict-Transport-Security")).isEqualTo(ONE_YEAR_WITH_SUBDOMAINS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/"})
    void theWebappsKeepTheirOwnPolicyWhichAllowsOnlyTheirOwnScripts(String page) {
        // when
        ResponseEntity<String> response = http.getForEntity(page, String.class);

        // then
        HttpHeaders headers = response.getHeaders();
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("script-src 'nonce-", "'strict-dynamic'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(headers.get("Content-Security-Policy")).hasSize(1);
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api/engine/engine/default/task", "/camunda/api/admin/auth/user/default"})
    void theWebappsApiCarriesTheSameHeaders(String path) {
        // when
        ResponseEntity<String> response = http.getForEntity(path, String.class);

        // then
        HttpHeaders headers = response.getHeaders();
        // Camunda's own where Camunda sends one, the JSON policy elsewhere: one policy, never framed
        assertThat(headers.get("Content-Security-Policy")).hasSize(1);
        assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cockpit", "/cockpit/index.html", "/migrations", "/webjars/no-such-library.js"})
    void thePlatformsOwnPagesMayLoadFromThisOriginOnly(String page) {
        // when
        ResponseEntity<String> response = http.getForEntity(page, String.class);

        // then
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.PAGE_POLICY)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }
}
