package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dk.earlyhelp.gateway.ServicesProperties;

/**
 * The portal's calls to the services, with the user's own token, each behind a circuit breaker:
 * when a service is down the page still renders and says so, instead of failing.
 */
@Component
class ServiceCalls {

    private final RestClient http;
    private final ServicesProperties services;
    private final CircuitBreakerFactory<?, ?> circuitBreakers;

    ServiceCalls(RestClient.Builder http, ServicesProperties services, CircuitBreakerFactory<?, ?> circuitBreakers) {
        this.http = http.build();
        this.services = services;
        this.circuitBreakers = circuitBreakers;
    }

    /** The answer of a service, or nothing with a note that it could not be reached. */
    record Answer<T>(T value, boolean unavailable) {
    }

    Answer<List<Map<String, Object>>> list(String service, String path, Jwt token) {
        String base = services.byName().get(service);
        return circuitBreakers.create(service).run(
                () -> new Answer<>(http.get().uri(base + path)
                        .headers(headers -> headers.setBearerAuth(token.getTokenValue()))
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() { }), false),
                failure -> new Answer<>(List.of(), true));
    }
}
