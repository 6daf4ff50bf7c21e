package dk.earlyhelp.gateway.api;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.earlyhelp.gateway.ServicesProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The API routes' circuit breakers, one per service ({@code <service>-api}, named in the routes of
 * {@code application.yml}): a call waits at most {@code earlyhelp.gateway.route-timeout}; when half
 * of the last calls failed or timed out, the breaker opens for {@link #OPEN_STATE} and callers are
 * told at once that the service is unavailable, instead of piling up on it.
 */
@Configuration(proxyBeanMethods = false)
class RouteResilienceConfiguration {

    static final Duration OPEN_STATE = Duration.ofSeconds(30);

    static String breaker(String service) {
        return service + "-api";
    }

    /** The import route's own breaker: an import is checked whole before it is stored, so it may take long. */
    static final String IMPORT_BREAKER = "measurement-service-import";

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> routeBreakers(ServicesProperties services,
            @Value("${earlyhelp.gateway.route-timeout}") Duration timeout,
            @Value("${earlyhelp.gateway.import-timeout}") Duration importTimeout) {
        String[] ids = services.byName().keySet().stream().map(RouteResilienceConfiguration::breaker).toArray(String[]::new);
        return factory -> {
            factory.configure(builder -> builder.timeLimiterConfig(limit(timeout)).circuitBreakerConfig(breaking()),
                    ids);
            factory.configure(builder -> builder.timeLimiterConfig(limit(importTimeout))
                    .circuitBreakerConfig(breaking()), IMPORT_BREAKER);
        };
    }

    private static TimeLimiterConfig limit(Duration timeout) {
        return TimeLimiterConfig.custom().timeoutDuration(timeout).build();
    }

    private static CircuitBreakerConfig breaking() {
        return CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_STATE)
                .build();
    }
}
