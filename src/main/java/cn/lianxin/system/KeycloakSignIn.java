package cn.lianxin.system;

import cn.lianxin.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Profile {@code keycloak}: the county's Keycloak is the identity provider. API callers present a
 * bearer token (issuer, audience, signature and expiry checked); its {@code preferred_username} is
 * the user and its {@code groups} claim the groups, named exactly as in the default mode. Camunda
 * reads users and groups from Keycloak through the camunda-platform-7-keycloak plugin (read-only).
 */
@Configuration
@Profile("keycloak")
class KeycloakSignIn {

    private final String issuer;

    KeycloakSignIn(@Value("${lianxin.keycloak.url}") String url, @Value("${lianxin.keycloak.realm}") String realm) {
        this.issuer = url.replaceAll("/$", "") + "/realms/" + realm;
    }

    /** The clock tokens' expiry is checked against; a bean so that tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock tokenClock() {
        return Clock.systemUTC();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${lianxin.keycloak.audience}") String audience, Clock tokenClock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs")
                .build();
        JwtTimestampValidator notExpired = new JwtTimestampValidator(Duration.ofSeconds(30));
        notExpired.setClock(tokenClock);
        decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer), notExpired, audience(audience)));
        return decoder;
    }

    @Bean
    ApiSignIn apiSignIn(JwtDecoder decoder) {
        JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
        groups.setAuthoritiesClaimName("groups");
        groups.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(groups);
        return (http, problems) -> {
            var challenge = problems.unauthorized("Bearer realm=\"Lianxin\"");
            http.oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                            .authenticationEntryPoint(challenge))
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge));
        };
    }

    /** Camunda's users and groups come from the realm; the service account only reads them. */
    @Bean
    KeycloakIdentityProviderPlugin keycloakIdentityProvider(
            @Value("${lianxin.keycloak.url}") String url,
            @Value("${lianxin.keycloak.realm}") String realm,
            @Value("${lianxin.keycloak.engine-client-id}") String clientId,
            @Value("${lianxin.keycloak.engine-client-secret}") String clientSecret) {
        KeycloakIdentityProviderPlugin plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(issuer);
        plugin.setKeycloakAdminUrl(url.replaceAll("/$", "") + "/admin/realms/" + realm);
        plugin.setClientId(clientId);
        plugin.setClientSecret(clientSecret);
        plugin.setUseUsernameAsCamundaUserId(true);
        // top-level groups named like the candidate groups: the path "/grid-worker-v0101" is the id
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setAdministratorGroupName(Role.ADMIN.groupId());
        plugin.setCacheEnabled(true);
        return plugin;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(List.of(wrongAudience));
    }
}
