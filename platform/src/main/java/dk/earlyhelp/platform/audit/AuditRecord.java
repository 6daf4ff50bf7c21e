package dk.earlyhelp.platform.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to personal data: who (user or client, organisation, roles), what they did to which
 * resource, about which data subject (a pseudonym), whether it was allowed, and the trace id that
 * ties it to the request. Ids and codes only, never values.
 */
@Document("audit")
public record AuditRecord(@Id String id, Instant at, String actor, String organisation, String roles, String action,
                          String resourceType, String resourceId, @Indexed String subjectId, String decision,
                          String traceId) {

    /** What was done. */
    public enum Action { READ, CREATE, UPDATE, DENIED }
}
