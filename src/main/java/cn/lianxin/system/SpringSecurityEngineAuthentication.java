package cn.lianxin.system;

import cn.lianxin.identity.UnitTenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Tells Camunda's REST API who Spring Security signed in and with which groups: the groups of the
 * Camunda identity in the default mode, the token's {@code groups} claim with Keycloak; and the
 * villages (tenants) those groups reach ({@link UnitTenants}). Instantiated by Camunda's {@code
 * ProcessEngineAuthenticationFilter} by class name.
 */
public class SpringSecurityEngineAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        result.setGroups(groups);
        // the unit tenants of the application this request came to (Camunda creates this class by name,
        // outside Spring; a JVM may hold more than one application, as the test suite does)
        UnitTenants tenants = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                .getBean(UnitTenants.class);
        result.setTenants(tenants.of(groups));
        return result;
    }
}
