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
 * evidence, its personal links (addresses masked) and, once it ended while active, the receivers'
 * erasure confirmations and who has not confirmed yet.
 *
 * @param endedAt              when it was withdrawn, refused or expired; null while it lasts
 * @param missingConfirmations services that must still confirm erasure; empty when none must
 */
public record ConsentResponse(String id, String childId, String referralId, String status, boolean refused,
                              List<String> grantees, String interventionCode, Set<Purpose> purposes,
                              Set<DataCategory> categories, Set<Purpose> effectivePurposes,
                              Set<DataCategory> effectiveCategories, LocalDate validFrom, LocalDate validUntil,
                              int custodyHoldersRequired, boolean youngPersonRequired, List<Grantor> grantors,
                              String textVersion, Instant createdAt, List<InvitationResponse> invitations,
                              Instant endedAt, List<ConfirmationResponse> confirmations,
                              List<String> missingConfirmations) {

    public static ConsentResponse of(Consent consent) {
        return new ConsentResponse(consent.id(), consent.childId(), consent.referralId(), consent.status().name(),
                consent.refused(), consent.grantees(), consent.interventionCode(),
                sorted(consent.purposes(), Purpose.class), sorted(consent.categories(), DataCategory.class),
                consent.effectivePurposes(), consent.effectiveCategories(), consent.validFrom(), consent.validUntil(),
                consent.custodyHoldersRequired(), consent.youngPersonRequired(), consent.grantors(),
                consent.textVersion(), consent.createdAt(),
                consent.invitations().stream().map(InvitationResponse::of).toList(), consent.endedAt(),
                consent.erasureConfirmations().stream().map(ConfirmationResponse::of).toList(),
                consent.missingConfirmations());
    }

    /** In the order of the enum, so answers are stable. */
    static <E extends Enum<E>> Set<E> sorted(Set<E> values, Class<E> type) {
        Set<E> sorted = EnumSet.noneOf(type);
        sorted.addAll(values);
        return sorted;
    }
}
