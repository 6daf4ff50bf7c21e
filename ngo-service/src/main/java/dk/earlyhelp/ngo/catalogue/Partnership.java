package dk.earlyhelp.ngo.catalogue;

import java.util.Set;

/**
 * One municipality and one NGO working together on one intervention, under a collaboration model.
 * Its id is {@code <intervention>-<municipality code>}, the form tokens name partnerships in.
 *
 * @param ngoRecruits whether the model lets the NGO find children itself (outreach, parents' own
 *                    contact) besides the municipality's referrals: B1 and B3 (DOMAIN.md, collaboration models)
 * @param progressSharing what the NGO shares back about an individual child
 */
public record Partnership(String id, String interventionCode, String interventionName, String ngoCode,
                          String ngoName, String municipalityCode, String model, boolean ngoRecruits,
                          ProgressSharing progressSharing) {

    /** The models under which both parties recruit ({@code recruits: BOTH} in catalog.json). */
    static final Set<String> BOTH_RECRUIT = Set.of("B1_PARTNERSHIP_RECRUITMENT", "B3_PARTNERSHIP_FULL");

    static Partnership of(Intervention intervention, String ngoName, String municipalityCode) {
        return new Partnership(intervention.code() + "-" + municipalityCode, intervention.code(), intervention.name(),
                intervention.ngoCode(), ngoName, municipalityCode, intervention.model(),
                BOTH_RECRUIT.contains(intervention.model()), intervention.progressSharingWith(municipalityCode));
    }
}
