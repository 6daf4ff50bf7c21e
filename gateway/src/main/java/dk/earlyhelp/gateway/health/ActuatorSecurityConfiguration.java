package dk.earlyhelp.gateway.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dk.earlyhelp.platform.problem.ProblemSecurityHandlers;
import dk.earlyhelp.platform.security.CallerAuthenticationConverter;

/**
 * The gateway is the one door, so its actuator faces the outside: anyone may read the health
 * status (load balancers, the compose health check), which shows no components to them
 * ({@code show-components: when-authorized}); the services' components, metrics and info need an
 * ADMIN bearer token. Prometheus scrapes the metrics with a MONITORING client token, which reads
 * nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "MONITORING")
                        .anyRequest().hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter())));
        return http.build();
    }
}
