package dk.earlyhelp.gateway.portal;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/** How long the portal waits for a service before it shows the page without that service's part. */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    /**
     * 5 s per call (the default, 1 s, is shorter than figures over a whole partnership may take on a
     * cold start); the breaker opens at 50 % failures, Resilience4j's default.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> serviceCallTimeouts() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.ofDefaults())
                .build());
    }
}
