package dk.earlyhelp.measurement.outcome;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.measurement.instrument.Instrument;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.platform.security.Caller;

/**
 * Outcome figures for the partnerships the caller may see. Steering groups and integration
 * clients see aggregates only, so small cells are suppressed for them.
 */
@Service
public class OutcomeManagement {

    private final MongoTemplate mongo;
    private final Instrument instrument;
    private final EvaluationConsents consents;
    private final int suppressionThreshold;

    OutcomeManagement(MongoTemplate mongo, Instrument instrument, EvaluationConsents consents,
            @Value("${earlyhelp.outcomes.suppression-threshold:5}") int suppressionThreshold) {
        this.mongo = mongo;
        this.consents = consents;
        this.instrument = instrument;
        this.suppressionThreshold = suppressionThreshold;
    }

    public OutcomeReport outcomes(Caller caller, Filters filters) {
        Criteria criteria = caller.hasRole("ADMIN") ? new Criteria()
                : Criteria.where("partnership").in(caller.partnerships());
        if (filters.intervention() != null) {
            criteria = criteria.and("intervention").is(filters.intervention());
        }
        if (filters.municipality() != null) {
            criteria = criteria.and("municipality").is(filters.municipality());
        }
        List<Response> responses = mongo.find(Query.query(criteria), Response.class).stream()
                .filter(response -> filters.from() == null || !response.answeredAt().isBefore(filters.from()))
                .filter(response -> filters.to() == null || !response.answeredAt().isAfter(filters.to()))
                .toList();
        // Answers collected under a consent count only while it permits EVALUATION_STATISTICS (rule 9).
        Set<String> counting = consents.counting(responses.stream().map(Response::childId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        responses = responses.stream()
                .filter(response -> response.childId() == null || counting.contains(response.childId()))
                .toList();
        boolean aggregatesOnly = !caller.hasRole("ADMIN") && !caller.hasRole("NGO_COORDINATOR");
        return OutcomeFigures.compute(responses, instrument, filters.asMap(), suppressionThreshold, aggregatesOnly);
    }

    /** The filters of METRICS.md §2 supported so far; null means no filter. */
    public record Filters(String intervention, String municipality, LocalDate from, LocalDate to) {

        Map<String, String> asMap() {
            Map<String, String> given = new LinkedHashMap<>();
            if (intervention != null) {
                given.put("intervention", intervention);
            }
            if (municipality != null) {
                given.put("municipality", municipality);
            }
            if (from != null) {
                given.put("from", from.toString());
            }
            if (to != null) {
                given.put("to", to.toString());
            }
            return given;
        }
    }
}
