package dk.earlyhelp.consent.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read (or refused read) of a child's data as a service's audit trail announced it
 * ({@code audit.data-accessed.v1}); its id is the event's, so a redelivered event adds nothing.
 * Codes only: organisation, roles, categories, purpose; no person's id.
 */
@Document("accessLog")
@CompoundIndex(name = "child_at", def = "{'childId': 1, 'at': 1}")
public record AccessLogEntry(@Id String eventId, String childId, String service, String organisation,
                             String organisationType, List<String> roles, String staffRole, String action,
                             String resourceType, List<String> categories, String purpose, Instant at) {

    public AccessLogEntry {
        roles = roles == null ? List.of() : List.copyOf(roles);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
