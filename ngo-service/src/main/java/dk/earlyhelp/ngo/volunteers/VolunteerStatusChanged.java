package dk.earlyhelp.ngo.volunteers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A person entered a status: the capacity and turnover figures count people from these. Ids and
 * codes only (contract: contracts/events/ngo.volunteer-status-changed.v1.*), recorded in the
 * person's {@code pendingEvents}, the outbox, in the same write as the change.
 */
record VolunteerStatusChanged(String volunteerId, String ngoCode, Profile profile, StatusChange change) {

    static final String TYPE = "ngo.volunteer-status-changed.v1";

    /** One event per entry of the person's history, oldest first. */
    static List<PendingEvent> of(Volunteer person) {
        return person.statusHistory().stream()
                .map(change -> new VolunteerStatusChanged(person.id(), person.ngoCode(), person.profile(), change)
                        .toPendingEvent())
                .toList();
    }

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volunteerId", volunteerId);
        data.put("ngoCode", ngoCode);
        data.put("kind", profile.kind().name());
        data.put("interventionCodes", profile.interventionCodes() == null ? List.of() : profile.interventionCodes());
        data.put("status", change.status().name());
        data.put("occurredAt", change.at().toString());
        return PendingEvent.of(TYPE, volunteerId, change.at(), data);
    }
}
