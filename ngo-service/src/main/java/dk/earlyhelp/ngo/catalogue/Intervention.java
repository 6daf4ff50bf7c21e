package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * An NGO's offer as the catalogue describes it. Target group, format and capacity are typed
 * because other services choose offers and check eligibility from them (through
 * {@link InterventionPublished}, recorded in {@code pendingEvents}, the outbox). {@code measures} are the
 * questionnaire dimensions the partnership agreed to measure; {@code fidelityManual} says whether it
 * follows a manual and so collects fidelity answers; {@code staircaseStep} is the offer's step on the
 * intervention staircase (1 early help in universal services … 7 residential care), absent where the
 * catalogue does not state it.
 *
 * <p>Each municipality of {@code municipalities} is a partnership. Its terms (collaboration model and
 * sharing policy) are the newest version of its {@link PartnershipAgreement} in {@code partnerships};
 * a partnership without one (the catalogue file's, never changed) has the intervention's {@code model}
 * and its entry in {@code progressSharing} (a municipality it does not name shares progress with consent).
 *
 * @param revision  raised by every write, so a change is made on the document as it was read
 * @param changedBy the administrator who changed it last; null while it is as the catalogue file gave
 *                  it, which the demo data may then refresh at start
 */
@Document("interventions")
public record Intervention(@Id String code, String name, String ngoCode, List<String> municipalities, String model,
                           List<String> types, TargetGroup targetGroup, Format format, Capacity capacity,
                           String deliveredBy, List<String> measures, Boolean fidelityManual,
                           Map<String, ProgressSharing> progressSharing, Integer staircaseStep,
                           List<PartnershipAgreement> partnerships, Long revision, String changedBy,
                           Instant changedAt, List<PendingEvent> pendingEvents) {

    /** An intervention as a catalogue file describes it, before it was ever stored. */
    public Intervention(String code, String name, String ngoCode, List<String> municipalities, String model,
            List<String> types, TargetGroup targetGroup, Format format, Capacity capacity, String deliveredBy,
            List<String> measures, Boolean fidelityManual, Map<String, ProgressSharing> progressSharing,
            List<PendingEvent> pendingEvents) {
        this(code, name, ngoCode, municipalities, model, types, targetGroup, format, capacity, deliveredBy, measures,
                fidelityManual, progressSharing, null, List.of(), null, null, null, pendingEvents);
    }

    /** The sharing policy of the partnership with one of its municipalities, as it is now. */
    public ProgressSharing progressSharingWith(String municipalityCode) {
        return termsWith(municipalityCode).progressSharing();
    }

    /** The terms in force now of the partnership with one of the intervention's municipalities. */
    public PartnershipVersion termsWith(String municipalityCode) {
        return agreement(municipalityCode).map(PartnershipAgreement::current)
                .orElseGet(() -> catalogueTerms(municipalityCode));
    }

    /** Every version of the partnership's terms, oldest first. */
    public List<PartnershipVersion> history(String municipalityCode) {
        return agreement(municipalityCode).map(PartnershipAgreement::versions)
                .orElseGet(() -> List.of(catalogueTerms(municipalityCode)));
    }

    /** The steering group of the partnership with the municipality; empty until the administrator names it. */
    public List<SteeringGroupMember> steeringGroup(String municipalityCode) {
        return agreement(municipalityCode).map(PartnershipAgreement::steeringGroup).orElse(List.of());
    }

    public boolean worksWith(String municipalityCode) {
        return municipalities != null && municipalities.contains(municipalityCode);
    }

    /** Each partnership's model by municipality code, in the order of {@code municipalities}. */
    public Map<String, String> models() {
        Map<String, String> models = new LinkedHashMap<>();
        municipalitiesOrEmpty().forEach(municipality -> {
            String partnershipModel = termsWith(municipality).model();
            if (partnershipModel != null) {
                models.put(municipality, partnershipModel);
            }
        });
        return models;
    }

    /**
     * The model every partnership of the intervention has, as the offer's one model; null when they
     * differ. Without partnerships, the model the catalogue gave, if any.
     */
    public String commonModel() {
        if (municipalitiesOrEmpty().isEmpty()) {
            return model;
        }
        List<String> distinct = models().values().stream().distinct().toList();
        return distinct.size() == 1 && models().size() == municipalitiesOrEmpty().size() ? distinct.get(0) : null;
    }

    Optional<PartnershipAgreement> agreement(String municipalityCode) {
        return partnerships == null ? Optional.empty() : partnerships.stream()
                .filter(agreement -> agreement.municipalityCode().equals(municipalityCode)).findFirst();
    }

    /** The agreements with one replaced or added. */
    List<PartnershipAgreement> partnershipsWith(PartnershipAgreement changed) {
        List<PartnershipAgreement> all = new ArrayList<>(partnerships == null ? List.of() : partnerships);
        all.removeIf(agreement -> agreement.municipalityCode().equals(changed.municipalityCode()));
        all.add(changed);
        return all;
    }

    /**
     * The partnership's versions so far as an agreement: the catalogue's terms become version 1 the
     * first time the administrator changes a partnership the catalogue file made.
     */
    PartnershipAgreement agreementSoFar(String municipalityCode) {
        return agreement(municipalityCode).orElseGet(() -> new PartnershipAgreement(municipalityCode,
                List.of(catalogueTerms(municipalityCode)), List.of()));
    }

    private PartnershipVersion catalogueTerms(String municipalityCode) {
        return new PartnershipVersion(1, null, model, ProgressSharing.of(progressSharing, municipalityCode),
                PartnershipVersion.CATALOGUE, null, null);
    }

    List<String> municipalitiesOrEmpty() {
        return municipalities == null ? List.of() : municipalities;
    }

    /** The description the administrator replaces, with the rest as stored. */
    Intervention describedAs(InterventionDescription description) {
        return new Intervention(code, description.name(), ngoCode, municipalities, model, description.types(),
                description.targetGroup(), description.format(), description.capacity(), description.deliveredBy(),
                description.measures(), description.fidelityManual(), progressSharing, description.staircaseStep(),
                partnerships, revision, changedBy, changedAt, pendingEvents);
    }

    /** With the partnership's agreement replaced (or a new partnership added). */
    Intervention withAgreement(PartnershipAgreement agreement) {
        List<String> withMunicipality = new ArrayList<>(municipalitiesOrEmpty());
        if (!withMunicipality.contains(agreement.municipalityCode())) {
            withMunicipality.add(agreement.municipalityCode());
        }
        return new Intervention(code, name, ngoCode, withMunicipality, model, types, targetGroup, format, capacity,
                deliveredBy, measures, fidelityManual, progressSharing, staircaseStep, partnershipsWith(agreement),
                revision, changedBy, changedAt, pendingEvents);
    }

    /** The Danish date a version made now starts from. */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/Copenhagen"));
    }
}
