package cn.lianxin.system;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}, {@code /api/**}, {@code /actuator/**}: stateless, signed in as
 *       {@link ApiSignIn} says (HTTP Basic, or a Keycloak token); only health, info and the
 *       citizen's side of an appeal are open. Camunda's REST API
 *       then runs as that user with that user's groups, so the engine's authorization checks
 *       apply (out of the box it would answer anonymous callers).
 *   <li>{@code /camunda/**}: Camunda's webapps, which sign users in themselves and carry their
 *       own CSRF protection and security headers.
 *   <li>{@code /v3/api-docs}, {@code /swagger-ui.html}: the OpenAPI description of {@code /api} and its
 *       viewer, open to anyone (it describes routes, holds no data; see {@link ApiDocs}).
 *   <li>{@code /cockpit/**} and the charts' library: the leader cockpit's static page, open to
 *       anyone as it holds no data (it signs in through the webapps, see {@link CockpitPage}); in the
 *       {@code keycloak} profile behind the webapps' single sign-on.
 *   <li>anything else: 404 as problem+json, without a sign-in challenge.
 * </ul>
 */
@Configuration
@EnableMethodSecurity
class WebSecurity {

    /** A route of {@code /api} open without signing in. */
    record PublicRoute(HttpMethod method, String pattern) {}

    /** The routes of {@code /api} anyone may call (also marked so in the API's description, {@link ApiDocs}). */
    static final List<PublicRoute> PUBLIC_API = List.of(
            // the citizen's side of an appeal: guarded by the access code, not by a login
            new PublicRoute(HttpMethod.POST, "/api/appeals"),
            new PublicRoute(HttpMethod.GET, "/api/appeals/*"),
            new PublicRoute(HttpMethod.POST, "/api/appeals/*/evaluation"),
            new PublicRoute(HttpMethod.POST, "/api/appeals/*/withdrawal"),
            // the citizen's photos: sent with the access code, read with it (docs/evidence.md)
            new PublicRoute(HttpMethod.POST, "/api/appeals/*/photos"),
            new PublicRoute(HttpMethod.GET, "/api/appeals/*/photos"),
            new PublicRoute(HttpMethod.GET, "/api/appeals/*/photos/*"),
            // public deliberation: proposals, the notice board, opinions, evaluations
            new PublicRoute(HttpMethod.POST, "/api/deliberations"),
            new PublicRoute(HttpMethod.GET, "/api/deliberations/*"),
            new PublicRoute(HttpMethod.POST, "/api/deliberations/*/opinions"),
            new PublicRoute(HttpMethod.POST, "/api/deliberations/*/evaluations"),
            new PublicRoute(HttpMethod.GET, "/api/notices"),
            // 群众点单 (docs/service-orders.md): a village's menu, the order, its progress and evaluation by code
            new PublicRoute(HttpMethod.GET, "/api/villages/*/service-menu"),
            new PublicRoute(HttpMethod.POST, "/api/service-orders"),
            new PublicRoute(HttpMethod.GET, "/api/service-orders/*"),
            new PublicRoute(HttpMethod.POST, "/api/service-orders/*/evaluation"),
            new PublicRoute(HttpMethod.GET, "/api/service-orders/*/photos/*"));

    /** 群众端 (portal/): its pages and their files, open to anyone and served with the pages' headers. */
    static final String[] PORTAL_PAGES = {
        "/submit",
        "/submit/**",
        "/track",
        "/track/**",
        "/recover",
        "/recover/**",
        "/board",
        "/board/**",
        "/large-text",
        "/portal/**"
    };

    /** The group of the operations role ({@code identity.Role.OPERATIONS}), the only one reading metrics. */
    static final String OPERATIONS_GROUP = "operations";

    @Bean
    @Order(1)
    SecurityFilterChain apiAndEngineRest(
            HttpSecurity http, ProblemResponses problems, ApiSignIn signIn, SecurityHeaders headers) throws Exception {
        signIn.configure(http, problems);
        headers.api(http);
        // the Tasklist plugins: the webapps' session, with its CSRF token (only for /api)
        http.addFilterBefore(
                new WebappSessionSignIn(problems),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        return http.securityMatcher(paths("/engine-rest/**", "/api/**", "/actuator/**"))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(paths("/actuator/health/**", "/actuator/info"))
                                .permitAll()
                                // metrics are for operations staff only (docs/identity.md)
                                .requestMatchers(paths("/actuator/prometheus"))
                                .hasAuthority(OPERATIONS_GROUP)
                                .requestMatchers(PUBLIC_API.stream()
                                        .map(route -> path(route.method(), route.pattern()))
                                        .toArray(RequestMatcher[]::new))
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(errors -> errors.accessDeniedHandler(problems.forbidden()))
                // no cookie ever authenticates these routes, so there is no CSRF to forge
                .csrf(AbstractHttpConfigurer::disable)
                // a Tasklist plugin's call is signed in from the webapps' session: Spring's default
                // session-fixation protection would give that session a new id on every such call, and
                // the webapps' own requests in flight with the old id would come back 401 (signed out)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, WebappSignIn signIn, SecurityHeaders headers)
            throws Exception {
        signIn.configure(http);
        // Camunda's webapps send their own CSP; their static files may be cached
        headers.webapps(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems, SecurityHeaders headers)
            throws Exception {
        headers.pagesAndTheRest(http);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(paths(with(
                                PORTAL_PAGES,
                                "/",
                                "/error",
                                "/favicon.ico",
                                "/cockpit",
                                "/cockpit/**",
                                // the designers' migration page: static, holds no data (migration/MigrationPage)
                                "/migrations",
                                "/migrations/**",
                                "/webjars/echarts/**",
                                "/webjars/bpmn-js/**",
                                // the API's description (ApiDocs): public, as the API it describes is
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**")))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                // nothing else is served: 404, never a sign-in challenge (see ProblemResponses.notServed)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.notServed())
                        .accessDeniedHandler(problems.notServedToAnyone()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the portal's forms carry a token from a cookie of their own (no session; the name is not
                // XSRF-TOKEN, which Camunda's webapps read from their own cookie)
                .csrf(csrf -> csrf.csrfTokenRepository(portalCsrfTokens()))
                .build();
    }

    private static org.springframework.security.web.csrf.CookieCsrfTokenRepository portalCsrfTokens() {
        org.springframework.security.web.csrf.CookieCsrfTokenRepository tokens =
                new org.springframework.security.web.csrf.CookieCsrfTokenRepository();
        tokens.setCookieName("LX-PORTAL-CSRF");
        tokens.setParameterName("_csrf");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return tokens;
    }

    /**
     * Matches on the whole path: Camunda's REST API and webapps are not served by Spring MVC's
     * dispatcher, so the default MVC matchers would never see them.
     */
    static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }

    /** These patterns and some more. */
    static String[] with(String[] patterns, String... more) {
        return java.util.stream.Stream.concat(Arrays.stream(patterns), Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Runs the platform's API as the user Spring Security authenticated, with their groups. */
    @Bean
    FilterRegistrationBean<ApiEngineAuthentication> apiEngineAuthentication(
            IdentityService identity, cn.lianxin.identity.UnitTenants tenants) {
        FilterRegistrationBean<ApiEngineAuthentication> registration =
                new FilterRegistrationBean<>(new ApiEngineAuthentication(identity, tenants));
        registration.setName("lianxin-api-engine-authentication");
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Runs Camunda's REST API as the user Spring Security authenticated, with their groups. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityEngineAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
