package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;
    private final ServicesProperties services;
    private final CircuitBreakerFactory<?, ?> circuitBreakers;

    ServiceCalls(RestClient.Builder http, ServicesProperties services, CircuitBreakerFactory<?, ?> circuitBreakers) {
        this.http = http.build();
        this.services = services;
        this.circuitBreakers = circuitBreakers;
    }

    /** The answer of a service, or {@code whenUnavailable} with a note that it could not be reached. */
    record Answer<T>(T value, boolean unavailable) {
    }

    /** What a service said to a change: its status and body (the result, or problem details). */
    record Outcome(int status, Map<String, Object> body, boolean unavailable) {

        boolean succeeded() {
            return !unavailable && status >= 200 && status < 300;
        }

        /** The last part of a problem's type, e.g. {@code consent-not-specific}; empty for none. */
        String problemType() {
            Object type = body == null ? null : body.get("type");
            return type == null ? "" : type.toString().substring(type.toString().lastIndexOf('/') + 1);
        }

        /** Field name to the service's message, from problem details' {@code errors}. */
        @SuppressWarnings("unchecked")
        Map<String, String> fieldErrors() {
            Object errors = body == null ? null : body.get("errors");
            if (!(errors instanceof List<?> list)) {
                return Map.of();
            }
            Map<String, String> byField = new java.util.LinkedHashMap<>();
            for (Object error : list) {
                Map<String, Object> entry = (Map<String, Object>) error;
                byField.putIfAbsent(String.valueOf(entry.get("field")), String.valueOf(entry.get("message")));
            }
            return byField;
        }
    }

    <T> Answer<T> get(String service, String path, Jwt token, ParameterizedTypeReference<T> type, T whenUnavailable) {
        String base = services.byName().get(service);
        return circuitBreakers.create(service).run(
                () -> new Answer<>(http.get().uri(base + path)
                        .headers(headers -> headers.setBearerAuth(token.getTokenValue()))
                        .retrieve()
                        .body(type), false),
                failure -> new Answer<>(whenUnavailable, true));
    }

    /** Posts a change; a 4xx answer is the user's to correct, not a failure of the service. */
    Outcome post(String service, String path, Jwt token, Object body) {
        return send(HttpMethod.POST, service, path, token, body);
    }

    /** Reads a resource when its 4xx answers matter to the page (an expired or used link); answers like {@link #post}. */
    Outcome fetch(String service, String path, Jwt token) {
        return send(HttpMethod.GET, service, path, token, null);
    }

    /** Replaces a resource (a draft); answers like {@link #post}. */
    Outcome put(String service, String path, Jwt token, Object body) {
        return send(HttpMethod.PUT, service, path, token, body);
    }

    /**
     * @param token the user's token; null only for the custody holders' personal links, whose
     *              secret in the path is what the service authenticates
     */
    private Outcome send(HttpMethod method, String service, String path, Jwt token, Object body) {
        String base = services.byName().get(service);
        return circuitBreakers.create(service).run(
                () -> {
                    RestClient.RequestBodySpec call = http.method(method).uri(base + path).headers(headers -> {
                        if (token != null) {
                            headers.setBearerAuth(token.getTokenValue());
                        }
                    });
                    if (body != null) {
                        call.contentType(MediaType.APPLICATION_JSON).body(body);
                    }
                    return call.exchange((request, response) -> {
                            Map<String, Object> answer = response.bodyTo(OBJECT);
                            Outcome outcome = new Outcome(response.getStatusCode().value(),
                                    answer == null ? Map.of() : answer, false);
                            if (!outcome.succeeded()) {
                                // Field names and the status only: the values may be about a child.
                                log.info("{} answered {} to {} {} (fields: {})", service, outcome.status(), method,
                                        withoutSecrets(path), outcome.fieldErrors().keySet());
                            }
                            return outcome;
                        });
                },
                failure -> new Outcome(503, Map.of(), true));
    }

    /** A personal link's secret never goes into a log line. */
    static String withoutSecrets(String path) {
        return path.replaceAll("/consent-links/[^/]+", "/consent-links/***");
    }
}
