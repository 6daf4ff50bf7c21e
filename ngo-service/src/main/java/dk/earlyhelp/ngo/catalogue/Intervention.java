package dk.earlyhelp.ngo.catalogue;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * An NGO's offer as the catalogue describes it. Target group, format and capacity are typed
 * because other services choose offers and check eligibility from them (through
 * {@link InterventionPublished}, recorded in {@code pendingEvents}, the outbox).
 */
@Document("interventions")
public record Intervention(@Id String code, String name, String ngoCode, List<String> municipalities, String model,
                           List<String> types, TargetGroup targetGroup, Format format, Capacity capacity,
                           String deliveredBy, List<String> measures, List<PendingEvent> pendingEvents) {
}
