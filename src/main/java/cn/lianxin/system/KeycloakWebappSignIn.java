package cn.lianxin.system;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Profile {@code keycloak}: single sign-on for Camunda's webapps. Spring Security signs the user in
 * at Keycloak (authorization code with PKCE, public client {@code lianxin-web}); Camunda's
 * container-based authentication then runs Tasklist, Cockpit and Admin as that user with the
 * groups of the ID token. The leader cockpit ({@code /cockpit}) is behind the same sign-in. {@code POST /logout} (CSRF-protected) ends the session here and at
 * Keycloak.
 */
@Configuration
@Profile("keycloak")
class KeycloakWebappSignIn {

    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrations(
            @Value("${lianxin.keycloak.url}") String url, @Value("${lianxin.keycloak.realm}") String realm) {
        String issuer = url.replaceAll("/$", "") + "/realms/" + realm;
        // endpoints spelled out, so that the platform starts even while Keycloak is briefly away
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId("lianxin-web")
                .clientName("连心统一身份认证")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(issuer + "/protocol/openid-connect/token")
                .jwkSetUri(issuer + "/protocol/openid-connect/certs")
                .userInfoUri(issuer + "/protocol/openid-connect/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .build());
    }

    @Bean
    WebappSignIn webappSignIn(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler endSessionAtKeycloak =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endSessionAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/camunda/app/");
        return http -> http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        // the leader cockpit signs in through the same chain as the webapps
                        PathPatternRequestMatcher.withDefaults().matcher("/cockpit"),
                        PathPatternRequestMatcher.withDefaults().matcher("/cockpit/**"),
                        // and so does the designers' migration page
                        PathPatternRequestMatcher.withDefaults().matcher("/migrations"),
                        PathPatternRequestMatcher.withDefaults().matcher("/migrations/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/login/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/logout")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2Login(login ->
                        login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(groupsOfTheIdToken())))
                .logout(logout -> logout.logoutSuccessHandler(endSessionAtKeycloak))
                // Camunda's API carries Camunda's own CSRF token; /logout and the login flow carry Spring's
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
    }

    /** The user's authorities are exactly their groups, as with a bearer token. */
    private static GrantedAuthoritiesMapper groupsOfTheIdToken() {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> groups = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    List<String> claim = oidc.getIdToken().getClaimAsStringList("groups");
                    if (claim != null) {
                        claim.forEach(group -> groups.add(new SimpleGrantedAuthority(group)));
                    }
                }
            }
            return groups;
        };
    }

    /** Camunda's webapps run as the user Spring Security signed in. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-container-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityEngineAuthentication.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101);
        return registration;
    }
}
