package dk.earlyhelp.gateway.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import dk.earlyhelp.gateway.limits.RateLimits;
import dk.earlyhelp.platform.problem.ProblemSecurityHandlers;
import dk.earlyhelp.platform.security.CallerAuthenticationConverter;

/**
 * API clients send a bearer token; the gateway rejects a missing or invalid one before routing,
 * and the service checks it again with its own rules (defence in depth). Each caller gets a rate
 * limit: per user or client with a valid token, per address without one.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemSecurityHandlers problems, RateLimits rateLimits)
            throws Exception {
        AuthenticationEntryPoint unauthorized = rateLimits.apiEntryPoint(problems);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no ambient credentials to forge
                .requestCache(cache -> cache.disable())
                .addFilterAfter(rateLimits.apiFilter(), BearerTokenAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized).accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter())));
        return http.build();
    }
}
