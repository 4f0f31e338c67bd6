package cn.lianxin.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The security headers of everything Spring Security serves. JSON answers ({@code /api},
 * {@code /engine-rest}, {@code /actuator}, errors) may load nothing at all; the platform's own pages
 * ({@code /}, {@code /cockpit}, assets under {@code /webjars}) load scripts, styles, images and data
 * from this origin only. Nothing may be framed; no address leaves in the {@code Referer}. HSTS is
 * sent in production ({@code lianxin.security.hsts=true}, set by the {@code postgres} profile) on
 * every answer, also behind a reverse proxy that ends TLS: a browser ignores it over plain HTTP.
 * Camunda's webapps send their own CSP ({@code camunda.bpm.webapp.header-security}).
 */
@Component
class SecurityHeaders {

    static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * ECharts and similar libraries put {@code style} attributes into the HTML they build, so
     * inline styles are allowed; scripts come from this origin only, never inline.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final RequestMatcher PAGES = WebSecurity.paths(WebSecurity.with(
            WebSecurity.PORTAL_PAGES,
            "/",
            "/cockpit",
            "/cockpit/**",
            "/migrations",
            "/migrations/**",
            "/webjars/**",
            "/favicon.ico",
            "/swagger-ui.html",
            "/swagger-ui/**"));

    private static final RequestMatcher WEBAPP_API = WebSecurity.paths("/camunda/api/**");

    /** The cockpit's and the migration page's files where the webapps' chain serves them (single sign-on, profile keycloak). */
    private static final RequestMatcher COCKPIT =
            WebSecurity.paths("/cockpit", "/cockpit/**", "/migrations", "/migrations/**");

    private static final long ONE_YEAR = 31_536_000;

    private final boolean hsts;

    SecurityHeaders(@Value("${lianxin.security.hsts:false}") boolean hsts) {
        this.hsts = hsts;
    }

    /** {@code /api}, {@code /engine-rest}, {@code /actuator}: JSON only. */
    void api(HttpSecurity http) throws Exception {
        http.headers(headers -> common(headers)
                .contentSecurityPolicy(csp -> csp.policyDirectives(JSON_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /** The platform's pages, and the JSON of every other answer of the last chain (404s, /error). */
    void pagesAndTheRest(HttpSecurity http) throws Exception {
        RequestMatcher json = new NegatedRequestMatcher(PAGES);
        http.headers(headers -> common(headers)
                .addHeaderWriter(only(PAGES, new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                .addHeaderWriter(only(PAGES, new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)))
                .addHeaderWriter(only(json, new ContentSecurityPolicyHeaderWriter(JSON_POLICY)))
                .addHeaderWriter(only(json, new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER))));
    }

    /**
     * Camunda's webapps: their pages carry Camunda's own CSP, their API ({@code /camunda/api}, which
     * Camunda leaves without one) the JSON policy, the cockpit's page (behind single sign-on) the page
     * policy; the rest as everywhere. Their files may be cached.
     */
    void webapps(HttpSecurity http) throws Exception {
        http.headers(headers -> common(headers)
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(only(WEBAPP_API, new ContentSecurityPolicyHeaderWriter(JSON_POLICY)))
                .addHeaderWriter(only(COCKPIT, new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }

    private static HeaderWriter only(RequestMatcher requests, HeaderWriter writer) {
        return new DelegatingRequestMatcherHeaderWriter(requests, writer);
    }

    private HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentTypeOptions(Customizer.withDefaults()).frameOptions(frame -> frame.deny());
        if (hsts) {
            headers.httpStrictTransportSecurity(sts ->
                    sts.maxAgeInSeconds(ONE_YEAR).includeSubDomains(true).requestMatcher(AnyRequestMatcher.INSTANCE));
        } else {
            headers.httpStrictTransportSecurity(sts -> sts.disable());
        }
        return headers;
    }
}
