package dk.earlyhelp.ngo.erasure;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * This service's answer to one consent event that ended a consent: which NGOs' referrals it made
 * anonymous and how many. Keyed by the consent event's id, so an event is confirmed at most once;
 * {@code pendingEvents} is the outbox of {@link ErasureConfirmed}. Ids and codes only: the child's
 * pseudonym travels in the pending event and leaves with it.
 *
 * @param eventId the {@code ce_id} of the consent event
 */
@Document("erasures")
public record Erasure(@Id String eventId, String consentId, List<String> ngoCodes, int itemsErased,
                      Instant confirmedAt, List<PendingEvent> pendingEvents) {
}
