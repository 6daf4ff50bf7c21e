package dk.earlyhelp.referrals.consent.web;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import dk.earlyhelp.referrals.consent.ConsentDecision;
import dk.earlyhelp.referrals.consent.ConsentDecisions;
import dk.earlyhelp.referrals.consent.DataCategory;

/**
 * Asks the consent service over HTTP, on behalf of the current caller, through a circuit breaker with
 * a time limit and a bulkhead, retrying a failure that may pass. Every failure (no caller token, a
 * timeout, an open circuit, an error answer) is a deny: sharing needs a yes.
 */
@Component
class ConsentServiceClient implements ConsentDecisions {

    private static final Logger log = LoggerFactory.getLogger(ConsentServiceClient.class);

    private final RestClient http;
    private final String consentUrl;
    private final CircuitBreakerFactory<?, ?> circuitBreakers;
    /**
     * A failure that may pass (no connection, a 5xx answer) is tried twice more, 100 and 200 ms
     * later, within the call's time limit; a refusal (4xx) is an answer and is not repeated.
     */
    private final Retry retry = Retry.of("consent-service", RetryConfig.custom()
            .maxAttempts(3)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
            .retryOnException(failure -> failure instanceof ResourceAccessException
                    || failure instanceof HttpServerErrorException)
            .build());

    ConsentServiceClient(RestClient.Builder http, @Value("${earlyhelp.services.consent-url}") String consentUrl,
            CircuitBreakerFactory<?, ?> circuitBreakers) {
        this.http = http.build();
        this.consentUrl = consentUrl;
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public ConsentDecision decide(String childId, String ngoCode, String purpose, Set<DataCategory> categories) {
        // Read the token here: the circuit breaker runs the call on another thread.
        String token = callerToken();
        if (token == null) {
            return ConsentDecision.noAnswer();
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(consentUrl + "/api/consents/decision")
                .queryParam("childId", childId)
                .queryParam("purpose", purpose)
                .queryParam("categories", categories.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        if (ngoCode != null) {
            uri.queryParam("ngo", ngoCode);
        }
        return ask(uri, token);
    }

    @Override
    public ConsentDecision mayFollow(String childId, String staffRole) {
        String token = callerToken();
        if (token == null || staffRole == null) {
            return ConsentDecision.noAnswer();
        }
        return ask(UriComponentsBuilder.fromUriString(consentUrl + "/api/consents/follower-decision")
                .queryParam("childId", childId)
                .queryParam("role", staffRole), token);
    }

    private ConsentDecision ask(UriComponentsBuilder uri, String token) {
        return circuitBreakers.create("consent-service").run(Retry.decorateSupplier(retry, () -> {
            Answer answer = http.get().uri(uri.build().toUri())
                    .headers(headers -> headers.setBearerAuth(token))
                    .retrieve()
                    .body(Answer.class);
            return answer.toDecision();
        }), failure -> {
            log.warn("No consent decision ({}): denying", failure.getClass().getSimpleName());
            return ConsentDecision.noAnswer();
        });
    }

    private static String callerToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getTokenValue() : null;
    }

    /** Our trimmed copy of the consent service's decision. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(boolean permitted, Set<DataCategory> permittedCategories, String consentId,
                  Integer consentVersion) {

        ConsentDecision toDecision() {
            Set<DataCategory> categories = permittedCategories == null || permittedCategories.isEmpty()
                    ? Set.of() : EnumSet.copyOf(permittedCategories);
            return new ConsentDecision(permitted, categories, consentId, consentVersion, false);
        }
    }
}
