package cn.lianxin.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How callers of {@code /api}, {@code /engine-rest} and {@code /actuator} prove who they are: HTTP
 * Basic against Camunda's identity by default, a Keycloak bearer token in the {@code keycloak}
 * profile. Either way the authorities are the caller's group ids.
 */
@FunctionalInterface
interface ApiSignIn {

    void configure(HttpSecurity http, ProblemResponses problems) throws Exception;
}
