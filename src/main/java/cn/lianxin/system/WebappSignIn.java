package cn.lianxin.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How people sign in to Camunda's webapps ({@code /camunda/**}): by default the webapps' own login
 * page against Camunda's users; in the {@code keycloak} profile single sign-on through Keycloak,
 * the webapps then running as the signed-in user with their groups.
 */
@FunctionalInterface
interface WebappSignIn {

    void configure(HttpSecurity http) throws Exception;
}
