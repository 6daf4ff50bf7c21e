package dk.earlyhelp.consent.consent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.earlyhelp.consent.consent.AgeRuleNote;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Purpose;

/**
 * A consent as staff see it: what it names, what every grantor ticked (effective scope), its
 * evidence, its personal links (addresses masked), where it stands today and, once it ended while
 * active, the receivers' erasure confirmations and who has not confirmed yet.
 *
 * @param childBirthDate       as staff recorded it; null when not given
 * @param registeredBy         the NGO that registered the child without a referral and recorded this consent;
 *                             null when the municipality recorded it
 * @param inForce              it grants something today: ACTIVE, within its period, every grantor the rules
 *                             require today has consented
 * @param ageRuleNote          whose consent the age rule still needs today ({@code YOUNG_PERSON_CONSENT_NEEDED},
 *                             {@code ADULT_CONSENT_NEEDED}); null when none
 * @param followerRoles        the professionals around the child, by staff role, it lets follow the referral
 * @param endedAt              when it was withdrawn, refused or expired; null while it lasts
 * @param missingConfirmations services that must still confirm erasure; empty when none must
 */
public record ConsentResponse(String id, String childId, LocalDate childBirthDate, String referralId,
                              String registeredBy, String status,
                              boolean inForce, AgeRuleNote ageRuleNote, boolean refused,
                              List<String> grantees, List<String> followerRoles, String interventionCode,
                              Set<Purpose> purposes,
                              Set<DataCategory> categories, Set<Purpose> effectivePurposes,
                              Set<DataCategory> effectiveCategories, LocalDate validFrom, LocalDate validUntil,
                              int custodyHoldersRequired, boolean youngPersonRequired, List<Grantor> grantors,
                              String textVersion, Instant createdAt, List<InvitationResponse> invitations,
                              Instant endedAt, List<ConfirmationResponse> confirmations,
                              List<String> missingConfirmations) {

    public static ConsentResponse of(Consent consent, ConsentManagement.Standing standing) {
        return new ConsentResponse(consent.id(), consent.childId(), consent.childBirthDate(), consent.referralId(),
                consent.registeredBy(), consent.status().name(), standing.inForce(), standing.ageRuleNote(), consent.refused(),
                consent.grantees(), consent.followerRoles(), consent.interventionCode(),
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
