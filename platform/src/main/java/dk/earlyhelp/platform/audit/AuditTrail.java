package dk.earlyhelp.platform.audit;

import java.time.Clock;
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
 */
public class AuditTrail {

    private final MongoTemplate mongo;
    private final Tracer tracer;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Tracer tracer, Clock clock) {
        this.mongo = mongo;
        this.tracer = tracer;
        this.clock = clock;
    }

    public void record(Caller caller, AuditRecord.Action action, String resourceType, String resourceId,
            String subjectId) {
        Span span = tracer == null ? null : tracer.currentSpan();
        mongo.insert(new AuditRecord(UUID.randomUUID().toString(), clock.instant(), caller.subject(),
                caller.organisation(), String.join(",", caller.roles().stream().sorted().toList()), action.name(),
                resourceType, resourceId, subjectId, action == AuditRecord.Action.DENIED ? "DENY" : "PERMIT",
                span == null ? null : span.context().traceId()));
    }

    /** Everything recorded about one data subject, oldest first (for the access report). */
    public List<AuditRecord> about(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)).with(Sort.by("at")),
                AuditRecord.class);
    }
}
