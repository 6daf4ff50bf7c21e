package dk.earlyhelp.ngo.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * One municipality and one NGO working together on one intervention, under a collaboration model.
 * Its id is {@code <intervention>-<municipality code>}, the form tokens name partnerships in.
 *
 * @param ngoRecruits     whether the model lets the NGO find children itself (outreach, parents' own
 *                        contact) besides the municipality's referrals: B1 and B3 (DOMAIN.md, collaboration models)
 * @param progressSharing what the NGO shares back about an individual child
 * @param version         the number of the terms in force (see the partnership's history)
 * @param since           the date those terms apply from; null for the terms the catalogue was loaded with
 * @param steeringGroup   the members the administrator recorded; they see the partnership's aggregates
 *                        when their login's {@code partnerships} claim names {@code id}
 */
public record Partnership(String id, String interventionCode, String interventionName, String ngoCode,
                          String ngoName, String municipalityCode, String model, boolean ngoRecruits,
                          ProgressSharing progressSharing, int version, LocalDate since,
                          List<SteeringGroupMember> steeringGroup) {

    static Partnership of(Intervention intervention, String ngoName, String municipalityCode) {
        PartnershipVersion terms = intervention.termsWith(municipalityCode);
        CollaborationModel model = CollaborationModel.of(terms.model());
        return new Partnership(id(intervention.code(), municipalityCode), intervention.code(), intervention.name(),
                intervention.ngoCode(), ngoName, municipalityCode, terms.model(), model != null && model.ngoRecruits(),
                terms.progressSharing(), terms.number(), terms.validFrom(),
                intervention.steeringGroup(municipalityCode));
    }

    static String id(String interventionCode, String municipalityCode) {
        return interventionCode + "-" + municipalityCode;
    }
}
