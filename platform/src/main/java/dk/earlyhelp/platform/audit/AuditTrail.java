package dk.earlyhelp.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dk.earlyhelp.platform.security.Caller;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Writes audit records; it only ever inserts, so the application cannot change or remove what
 * it recorded. Use cases call it for every read, change and refusal that concerns a data subject.
 * A read or refusal about a child carries its access event in the same insert ({@link AccessEvents}),
 * which the outbox relay publishes where the service lists the {@code audit} collection as an outbox;
 * removing the published event is the relay's only change to an audit record.
 */
public class AuditTrail {

    private final MongoTemplate mongo;
    private final Tracer tracer;
    private final Clock clock;
    private final String service;

    /** @param service the recording service's name, as the access report shows it */
    public AuditTrail(MongoTemplate mongo, Tracer tracer, Clock clock, String service) {
        this.mongo = mongo;
        this.tracer = tracer;
        this.clock = clock;
        this.service = service;
    }

    public void record(Caller caller, AuditRecord.Action action, String resourceType, String resourceId,
            String subjectId) {
        record(caller, action, resourceType, resourceId, subjectId, DataAccess.UNSPECIFIED);
    }

    /** Records an access together with the categories it touched and its purpose (CONSENT.md rule 10). */
    public void record(Caller caller, AuditRecord.Action action, String resourceType, String resourceId,
            String subjectId, DataAccess access) {
        Span span = tracer == null ? null : tracer.currentSpan();
        Instant at = clock.instant();
        mongo.insert(new AuditRecord(UUID.randomUUID().toString(), at, caller.subject(),
                caller.organisation(), String.join(",", caller.roles().stream().sorted().toList()), action.name(),
                resourceType, resourceId, subjectId, action == AuditRecord.Action.DENIED ? "DENY" : "PERMIT",
                span == null ? null : span.context().traceId(), access.categories(), access.purpose(),
                access.consent(),
                AccessEvents.of(service, caller, action, resourceType, subjectId, access, at)));
    }

    /** The records that match an administrator's search, newest first; the search itself is recorded too. */
    public List<AuditRecord> search(Caller caller, AuditQuery query) {
        Criteria criteria = new Criteria();
        if (query.actor() != null) {
            criteria.and("actor").is(query.actor());
        }
        if (query.subject() != null) {
            criteria.and("subjectId").is(query.subject());
        }
        if (query.resource() != null) {
            criteria.and("resourceId").is(query.resource());
        }
        if (query.action() != null) {
            criteria.and("action").is(query.action().name());
        }
        if (query.decision() != null) {
            criteria.and("decision").is(query.decision());
        }
        if (query.from() != null || query.to() != null) {
            Criteria at = criteria.and("at");
            if (query.from() != null) {
                at.gte(query.from());
            }
            if (query.to() != null) {
                at.lt(query.to());
            }
        }
        List<AuditRecord> found = mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(query.limit()), AuditRecord.class);
        record(caller, AuditRecord.Action.READ, "audit-search", query.resource(), query.subject());
        return found;
    }

    /** Everything recorded about one data subject, oldest first (for the access report). */
    public List<AuditRecord> about(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)).with(Sort.by("at")),
                AuditRecord.class);
    }
}
