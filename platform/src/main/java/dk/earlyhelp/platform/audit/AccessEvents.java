package dk.earlyhelp.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.earlyhelp.platform.events.PendingEvent;
import dk.earlyhelp.platform.security.Caller;

/**
 * The minimal event {@code audit.data-accessed.v1} that tells the consent service of a read (or a
 * refused read) of a child's data, for the custody holder's access report (CONSENT.md rule 11). It
 * says what a parent may learn: which organisation, in which role, read which categories for which
 * purpose, when, in which service; never the colleague's user id, a name or a value.
 */
final class AccessEvents {

    static final String TYPE = "audit.data-accessed.v1";
    private static final String SYSTEM_ROLE = "SYSTEM";

    private AccessEvents() {
    }

    /**
     * The event for this record, or none: only reads and refusals about a child count, and not the
     * platform's own checks (a service asking for a consent decision), which serve a person's read
     * that the serving service records itself.
     */
    static List<PendingEvent> of(String service, Caller caller, AuditRecord.Action action, String resourceType,
            String subjectId, DataAccess access, Instant at) {
        if (subjectId == null || caller.hasRole(SYSTEM_ROLE)
                || action != AuditRecord.Action.READ && action != AuditRecord.Action.DENIED) {
            return List.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("childId", subjectId);
        data.put("service", service);
        // Absent rather than null: a custody holder's link has no organisation type.
        putIfKnown(data, "organisation", caller.organisation());
        putIfKnown(data, "organisationType", caller.organisationType());
        data.put("roles", caller.roles().stream().sorted().toList());
        putIfKnown(data, "staffRole", caller.staffRole());
        data.put("action", action.name());
        data.put("resourceType", resourceType);
        data.put("categories", access.categories());
        putIfKnown(data, "purpose", access.purpose());
        data.put("occurredAt", at.toString());
        // Keyed by the child, so one child's accesses keep their order.
        return List.of(new PendingEvent(UUID.randomUUID().toString(), TYPE, subjectId, subjectId, at, data));
    }

    private static void putIfKnown(Map<String, Object> data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
