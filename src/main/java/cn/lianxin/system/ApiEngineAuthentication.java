package cn.lianxin.system;

import cn.lianxin.identity.UnitTenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the platform's own API ({@code /api}) as the signed-in user with their groups and the villages
 * they reach ({@link UnitTenants}), so the
 * engine's authorization checks apply to everything a controller asks of Camunda — the same as
 * Camunda's REST API. Public requests (a citizen's intake) run without an engine user.
 */
class ApiEngineAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;
    private final UnitTenants tenants;

    ApiEngineAuthentication(IdentityService identity, UnitTenants tenants) {
        this.identity = identity;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        identity.setAuthentication(authentication.getName(), groups, tenants.of(groups));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
