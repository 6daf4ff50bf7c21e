package dk.earlyhelp.ngo.catalogue;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * An NGO's offer as the catalogue describes it. Target group, format and capacity are typed
 * because other services choose offers and check eligibility from them (through
 * {@link InterventionPublished}, recorded in {@code pendingEvents}, the outbox). {@code measures} are the
 * questionnaire dimensions the partnership agreed to measure; {@code fidelityManual} says whether it
 * follows a manual and so collects fidelity answers. {@code progressSharing} is each partnership's
 * policy by municipality code; a municipality it does not name shares progress with consent.
 */
@Document("interventions")
public record Intervention(@Id String code, String name, String ngoCode, List<String> municipalities, String model,
                           List<String> types, TargetGroup targetGroup, Format format, Capacity capacity,
                           String deliveredBy, List<String> measures, Boolean fidelityManual,
                           Map<String, ProgressSharing> progressSharing, List<PendingEvent> pendingEvents) {

    /** The sharing policy of the partnership with one of its municipalities. */
    public ProgressSharing progressSharingWith(String municipalityCode) {
        return ProgressSharing.of(progressSharing, municipalityCode);
    }
}
