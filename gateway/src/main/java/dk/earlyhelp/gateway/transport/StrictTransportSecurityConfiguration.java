package dk.earlyhelp.gateway.transport;

import java.io.IOException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells browsers to use only HTTPS for the portal and its subdomains for the configured time, on
 * every answer (pages, API, login, errors). The gateway runs behind the TLS terminator in
 * production, so it cannot see the scheme itself: the header is switched on by configuration
 * ({@code earlyhelp.gateway.strict-transport-security: P365D}) where the portal is served over
 * HTTPS, and left off in the run mode on http://localhost.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("earlyhelp.gateway.strict-transport-security")
class StrictTransportSecurityConfiguration {

    static final String HEADER = "Strict-Transport-Security";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> strictTransportSecurity(
            @Value("${earlyhelp.gateway.strict-transport-security}") Duration maxAge) {
        String value = "max-age=" + maxAge.toSeconds() + "; includeSubDomains";
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setHeader(HEADER, value);
                        chain.doFilter(request, response);
                    }
                });
        // First of all, so refusals (413, 429, 401) carry it too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
