package dk.earlyhelp.platform.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * One access to personal data: who (user or client, organisation, roles), what they did to which
 * resource, about which data subject (a pseudonym), whether it was allowed, and the trace id that
 * ties it to the request. Ids and codes only, never values.
 *
 * @param categories    the data categories a read returned or was refused (codes as in the consent's
 *                      provisions, e.g. CONCERNS); empty where the use case did not say
 * @param purpose       what the read was for (a consent purpose code), or null where not said
 * @param consent       the consent version the access relied on ({@code <consentId>@v<version>}), or null
 * @param pendingEvents the access event for the access report ({@link AccessEvents}), published by the
 *                      outbox relay and then removed: the audit record is its own outbox
 */
@Document("audit")
public record AuditRecord(@Id String id, Instant at, String actor, String organisation, String roles, String action,
                          String resourceType, String resourceId, @Indexed String subjectId, String decision,
                          String traceId, List<String> categories, String purpose, String consent,
                          List<PendingEvent> pendingEvents) {

    /** What was done. */
    public enum Action { READ, CREATE, UPDATE, DENIED }
}
