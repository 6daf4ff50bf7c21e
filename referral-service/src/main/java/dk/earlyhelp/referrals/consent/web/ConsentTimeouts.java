package dk.earlyhelp.referrals.consent.web;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * How long a request waits for a consent decision: 2 s, after which the answer is deny. The
 * breaker opens after half of at least 10 calls failed and tries again after 10 s, so a consent
 * service that is down costs users no waiting.
 */
@Configuration(proxyBeanMethods = false)
class ConsentTimeouts {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> consentDecisionTimeouts() {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(2)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .minimumNumberOfCalls(10)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .build()), "consent-service");
    }
}
