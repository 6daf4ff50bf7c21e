package dk.earlyhelp.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dk.earlyhelp.platform.PlatformAutoConfiguration;
import dk.earlyhelp.platform.problem.ProblemSecurityHandlers;

/**
 * Every service is a stateless OAuth2 resource server: a valid JWT for everything but health,
 * metrics and the API description. The gateway brings its own chains and so skips this one.
 * A service may name further paths in {@code earlyhelp.security.public-paths} whose own secret
 * authenticates the caller (the consent service's single-use links for custody holders).
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerChain(HttpSecurity http, ProblemSecurityHandlers problems, Environment environment)
            throws Exception {
        String[] ownSecret = environment.getProperty("earlyhelp.security.public-paths", String[].class, new String[0]);
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/v3/api-docs/**", "/error").permitAll();
                    if (ownSecret.length > 0) {
                        requests.requestMatchers(ownSecret).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing to forge
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter())));
        return http.build();
    }
}
