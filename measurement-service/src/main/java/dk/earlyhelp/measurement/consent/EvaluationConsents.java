package dk.earlyhelp.measurement.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.response.Response;

/** Keeps the consents that let answers count, and erases a child's answers when their consent ends. */
@Service
public class EvaluationConsents {

    private static final Logger log = LoggerFactory.getLogger(EvaluationConsents.class);
    static final String EVALUATION_STATISTICS = "EVALUATION_STATISTICS";
    static final String OUTCOME_MEASUREMENT = "OUTCOME_MEASUREMENT";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EvaluationConsents(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Sent inside the service when a child's answers were erased, for the read models built from them. */
    public record AnswersErased(String childId, long responses) {
    }

    /**
     * A consent became active; it lets the child's answers count if it names EVALUATION_STATISTICS,
     * and lets the named NGOs collect them if it names OUTCOME_MEASUREMENT.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void granted(String consentId, String childId, Collection<String> purposes, LocalDate validUntil) {
        granted(consentId, childId, purposes, validUntil, List.of());
    }

    /** As {@link #granted(String, String, Collection, LocalDate)}, naming the NGOs the consent is given to. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void granted(String consentId, String childId, Collection<String> purposes, LocalDate validUntil,
            List<String> grantees) {
        // A later withdrawal of the same consent is never undone by a redelivered grant.
        if (mongo.exists(Query.query(Criteria.where("_id").is(consentId).and("endedAt").ne(null)),
                EvaluationConsent.class)) {
            return;
        }
        mongo.save(new EvaluationConsent(consentId, childId, purposes.contains(EVALUATION_STATISTICS), validUntil,
                null, purposes.contains(OUTCOME_MEASUREMENT), grantees == null ? List.of() : List.copyOf(grantees)));
    }

    /** Whether an active consent lets the NGO collect the child's answers today (purpose OUTCOME_MEASUREMENT). */
    public boolean permitsMeasurement(String childId, String ngoCode) {
        LocalDate today = LocalDate.now(clock.withZone(DANISH));
        return mongo.find(Query.query(Criteria.where("childId").is(childId)), EvaluationConsent.class).stream()
                .anyMatch(consent -> consent.lets(ngoCode, today));
    }

    /**
     * A consent that had been active ended (withdrawn or expired): the child's answers stop
     * counting, the answers collected under consent are erased, and the erasure is confirmed once
     * per event, also when nothing was held.
     *
     * @return whether this event was new
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public boolean ended(String eventId, String consentId, String childId, Instant at) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(eventId)), Erasure.class)) {
            return false;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(consentId)), new Update().set("childId", childId)
                .set("endedAt", at).setOnInsert("permitsEvaluation", false).setOnInsert("permitsMeasurement", false),
                EvaluationConsent.class);
        // Answers saved but not yet submitted go too; the features that hold them listen.
        events.publishEvent(new ConsentEnded(childId));
        long erased = mongo.remove(Query.query(Criteria.where("childId").is(childId)), Response.class)
                .getDeletedCount();
        try {
            mongo.insert(Erasure.confirmed(eventId, consentId, childId, (int) erased, clock.instant()));
        } catch (DuplicateKeyException alreadyConfirmed) {
            return false;
        }
        log.info("Consent {} ended: {} responses erased", consentId, erased);
        events.publishEvent(new AnswersErased(childId, erased));
        return true;
    }

    /** Sent inside the service when a consent about the child ended: what was collected under it goes. */
    public record ConsentEnded(String childId) {
    }

    /** Of the given children, those whose answers may count in statistics today. */
    public Set<String> counting(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(DANISH));
        return mongo.find(Query.query(Criteria.where("childId").in(childIds)), EvaluationConsent.class).stream()
                .filter(consent -> consent.countsOn(today))
                .map(EvaluationConsent::childId)
                .collect(Collectors.toSet());
    }
}
