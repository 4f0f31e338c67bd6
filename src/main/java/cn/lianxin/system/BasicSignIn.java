package cn.lianxin.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The default mode: HTTP Basic and the webapps' login form against Camunda's own users and groups,
 * with failed sign-ins throttled per user and client address, administrator locks and BCrypt
 * password hashes. In the {@code keycloak} profile Keycloak does all of this.
 */
@Configuration
@Profile("!keycloak")
@EnableConfigurationProperties(SignInSettings.class)
class BasicSignIn {

    /** The system clock, unless a test supplies one to move on purpose. */
    private static Clock clock(ObjectProvider<Clock> clocks) {
        return clocks.getIfUnique(Clock::systemUTC);
    }

    @Bean
    SignInThrottle signInThrottle(
            SignInSettings settings,
            ObjectProvider<Clock> clocks,
            DataSource dataSource,
            @Value("${lianxin.access-code.secret}") String secret) {
        return new SignInThrottle(settings, clock(clocks), dataSource, new CounterKeys(secret));
    }

    @Bean
    SignInRefusals signInRefusals(Problems problems, ObjectMapper json, MeterRegistry meters) {
        return new SignInRefusals(problems, json, meters);
    }

    @Bean
    AccountLocks accountLocks(JdbcClient jdbc, ObjectProvider<Clock> clocks) {
        return new AccountLocks(jdbc, clock(clocks));
    }

    @Bean
    SignInEnginePlugin signInEnginePlugin(SignInSettings settings, AccountLocks locks) {
        return new SignInEnginePlugin(
                new AdaptivePasswordHash(settings.bcryptStrength(), settings.verifiedCredentialsTtl()), locks);
    }

    @Bean
    AuthenticationProvider camundaIdentityAuthentication(IdentityService identity, SignInThrottle throttle) {
        return new CamundaIdentityAuthentication(identity, throttle);
    }

    /** The webapps' login form, under the same throttle as HTTP Basic. */
    @Bean
    FilterRegistrationBean<WebappSignInThrottle> webappSignInThrottle(
            SignInThrottle throttle, SignInRefusals refusals) {
        FilterRegistrationBean<WebappSignInThrottle> registration =
                new FilterRegistrationBean<>(new WebappSignInThrottle(throttle, refusals));
        registration.setName("lianxin-webapp-sign-in-throttle");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        return registration;
    }

    /** Camunda REST's password check for signed-in callers, under the same throttle. */
    @Bean
    FilterRegistrationBean<PasswordVerificationThrottle> passwordVerificationThrottle(
            SignInThrottle throttle, SignInRefusals refusals, ObjectMapper json) {
        FilterRegistrationBean<PasswordVerificationThrottle> registration =
                new FilterRegistrationBean<>(new PasswordVerificationThrottle(throttle, refusals, json));
        registration.setName("lianxin-password-verification-throttle");
        // the whole folder, so that a trailing slash cannot slip past the filter
        registration.addUrlPatterns("/engine-rest/identity/*");
        return registration;
    }

    /** The webapps sign users in themselves and carry their own CSRF protection and headers. */
    @Bean
    WebappSignIn webappSignIn() {
        return http -> http.securityMatcher(WebSecurity.paths("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
    }

    @Bean
    ApiSignIn apiSignIn(SignInRefusals refusals) {
        return (http, problems) -> http.httpBasic(
                        basic -> basic.authenticationEntryPoint(refusals.throttledOr(problems.unauthorized())))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthorized()));
    }
}
