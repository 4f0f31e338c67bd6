package cn.lianxin.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;

/** The default mode: HTTP Basic against Camunda's own users and groups. */
@Configuration
@Profile("!keycloak")
class BasicSignIn {

    @Bean
    AuthenticationProvider camundaIdentityAuthentication(IdentityService identity) {
        return new CamundaIdentityAuthentication(identity);
    }

    /** The webapps sign users in themselves and carry their own CSRF protection and headers. */
    @Bean
    WebappSignIn webappSignIn() {
        return http -> http.securityMatcher(WebSecurity.paths("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
    }

    @Bean
    ApiSignIn apiSignIn() {
        return (http, problems) -> http.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthorized()));
    }
}
