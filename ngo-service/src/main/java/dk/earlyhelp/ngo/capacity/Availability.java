package dk.earlyhelp.ngo.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * Live capacity of one intervention, recomputed from the catalogue and the inbox; one document per
 * intervention. {@code pendingEvents} is the outbox of {@link AvailabilityChanged}.
 *
 * @param expectedStart when a child referred today would probably start; null when the
 *                      catalogue gives no capacity to estimate from
 * @param changedAt     when the figures last changed
 */
@Document("availability")
public record Availability(@Id String interventionCode, int places, int occupied, int waiting, int freePlaces,
                           LocalDate expectedStart, Instant changedAt, List<PendingEvent> pendingEvents) {

    /** The figures an {@link AvailabilityChanged} is published for when any of them changes. */
    public record Figures(int places, int occupied, int waiting, int freePlaces, LocalDate expectedStart) {
    }
}
