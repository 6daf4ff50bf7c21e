package dk.earlyhelp.gateway.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dk.earlyhelp.gateway.ServicesProperties;

/**
 * One health component per service, UP when the service reports itself ready (store and broker
 * included), so {@code /actuator/health} at the gateway speaks for the whole system.
 */
@Configuration(proxyBeanMethods = false)
class ServicesHealthConfiguration {

    @Bean
    CompositeHealthContributor services(ServicesProperties services) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(1));
        timeouts.setReadTimeout(Duration.ofSeconds(2));
        RestClient http = RestClient.builder().requestFactory(timeouts).build();
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        services.byName().forEach((name, url) -> indicators.put(name, () -> readiness(http, url)));
        return CompositeHealthContributor.fromMap(indicators);
    }

    private static Health readiness(RestClient http, String url) {
        try {
            return http.get().uri(url + "/actuator/health/readiness").exchange((request, response) ->
                    response.getStatusCode().is2xxSuccessful() ? Health.up().build()
                            : Health.down().withDetail("status", response.getStatusCode().value()).build());
        } catch (RuntimeException unreachable) {
            return Health.down().withDetail("error", "unreachable").build();
        }
    }
}
