package dk.earlyhelp.gateway.api;

import java.net.URI;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.gateway.ServicesProperties;
import dk.earlyhelp.platform.problem.ProblemException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a route's circuit breaker forwards a call the service did not answer (down, too slow, or
 * its breaker open): 503 problem details naming the service, with {@code Retry-After}, instead of
 * a 500 or a hang. Reached only by that forward; asked directly it does not exist.
 */
@RestController
class RouteFallbackController {

    static final URI SERVICE_UNAVAILABLE = URI.create("https://earlyhelp.dk/problems/service-unavailable");

    private final Set<String> services;

    RouteFallbackController(ServicesProperties services) {
        this.services = services.byName().keySet();
    }

    @RequestMapping({ "/api/unavailable/{service}", "/api-docs/unavailable/{service}" })
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.FORWARD || !services.contains(service)) {
            throw ProblemException.notFound("The resource");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The " + service
                + " does not answer right now. Try again in a moment; if you were changing something, check whether"
                + " the change took effect before you send it again.");
        problem.setType(SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RouteResilienceConfiguration.OPEN_STATE.toSeconds()))
                .body(problem);
    }
}
