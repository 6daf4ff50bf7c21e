package dk.earlyhelp.ngo.catalogue;

import java.util.Comparator;
import java.util.List;

/**
 * One partnership's agreement (samarbejdsaftale) as the administrator keeps it, stored in its
 * intervention's document: the versions of its terms (oldest first, only ever appended) and its
 * steering group. A partnership the catalogue file made and nobody changed has none; its terms are
 * then the intervention's {@code model} and {@code progressSharing} (see {@link Intervention#history}).
 */
public record PartnershipAgreement(String municipalityCode, List<PartnershipVersion> versions,
                                   List<SteeringGroupMember> steeringGroup) {

    public PartnershipAgreement {
        versions = versions == null ? List.of() : List.copyOf(versions);
        steeringGroup = steeringGroup == null ? List.of() : List.copyOf(steeringGroup);
    }

    /** The terms in force now: the newest version. */
    PartnershipVersion current() {
        return versions.stream().max(Comparator.comparingInt(PartnershipVersion::number)).orElse(null);
    }
}
