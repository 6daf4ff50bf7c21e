package dk.earlyhelp.ngo.capacity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * The live capacity of one intervention changed (or the date moved its expected start). Published
 * on {@code ngo.events}, keyed by the intervention code; figures only, nothing about any child
 * (contract: contracts/events/ngo.availability-changed.v1.*).
 */
record AvailabilityChanged(String interventionCode, Availability.Figures figures, Instant occurredAt) {

    static final String TYPE = "ngo.availability-changed.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interventionCode", interventionCode);
        data.put("places", figures.places());
        data.put("occupied", figures.occupied());
        data.put("waiting", figures.waiting());
        data.put("freePlaces", figures.freePlaces());
        if (figures.expectedStart() != null) {
            data.put("expectedStart", figures.expectedStart().toString());
        }
        data.put("occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, interventionCode, occurredAt, data);
    }
}
