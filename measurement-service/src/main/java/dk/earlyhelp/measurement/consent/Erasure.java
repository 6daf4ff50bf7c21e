package dk.earlyhelp.measurement.consent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * This service's answer to one consent event that ended a consent: how many of the child's
 * responses it erased. Keyed by the consent event's id, so an event is confirmed at most once;
 * {@code pendingEvents} is the outbox of {@code measurement.erasure-confirmed.v1}.
 */
@Document("erasures")
public record Erasure(@Id String eventId, String consentId, int itemsErased, Instant confirmedAt,
                      List<PendingEvent> pendingEvents) {

    static final String CONFIRMED = "measurement.erasure-confirmed.v1";
    static final String SERVICE = "measurement-service";

    static Erasure confirmed(String eventId, String consentId, String childId, int itemsErased, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", consentId);
        data.put("childId", childId);
        data.put("service", SERVICE);
        data.put("itemsErased", itemsErased);
        data.put("occurredAt", now.toString());
        return new Erasure(eventId, consentId, itemsErased, now,
                List.of(PendingEvent.of(CONFIRMED, childId, now, data)));
    }
}
