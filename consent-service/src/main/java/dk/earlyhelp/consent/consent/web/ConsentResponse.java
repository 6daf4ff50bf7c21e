package dk.earlyhelp.consent.consent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Purpose;

/**
 * A consent as staff see it: what it names, what every grantor ticked (effective scope), its
 * evidence and its personal links (addresses masked).
 */
public record ConsentResponse(String id, String childId, String referralId, String status, boolean refused,
                              List<String> grantees, String interventionCode, Set<Purpose> purposes,
                              Set<DataCategory> categories, Set<Purpose> effectivePurposes,
                              Set<DataCategory> effectiveCategories, LocalDate validFrom, LocalDate validUntil,
                              int custodyHoldersRequired, boolean youngPersonRequired, List<Grantor> grantors,
                              String textVersion, Instant createdAt, List<InvitationResponse> invitations) {

    public static ConsentResponse of(Consent consent) {
        return new ConsentResponse(consent.id(), consent.childId(), consent.referralId(), consent.status().name(),
                consent.refused(), consent.grantees(), consent.interventionCode(),
                sorted(consent.purposes(), Purpose.class), sorted(consent.categories(), DataCategory.class),
                consent.effectivePurposes(), consent.effectiveCategories(), consent.validFrom(), consent.validUntil(),
                consent.custodyHoldersRequired(), consent.youngPersonRequired(), consent.grantors(),
                consent.textVersion(), consent.createdAt(),
                consent.invitations().stream().map(InvitationResponse::of).toList());
    }

    /** In the order of the enum, so answers are stable. */
    static <E extends Enum<E>> Set<E> sorted(Set<E> values, Class<E> type) {
        Set<E> sorted = EnumSet.noneOf(type);
        sorted.addAll(values);
        return sorted;
    }
}
