package dk.earlyhelp.referrals.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dk.earlyhelp.referrals.referral.CurrentSupport;
import dk.earlyhelp.referrals.referral.CustodyHolder;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.TimelineEntry;

/**
 * A referral as its referrer sees it.
 *
 * @param progressWithheldBy why the course's progress is not shown: {@code CONSENT} (no PROGRESS_TO_REFERRER, or
 *                           withdrawn) or {@code PARTNERSHIP} (it shares aggregates only); null when it is shown
 */
public record ReferralResponse(String id, String status, String municipalityCode, String referrerId, String referrerRole,
                               String interventionCode, List<String> concerns,
                               String urgency, ChildSummary child, List<CustodyHolder> custodyHolders,
                               ChildViewResponse childView,
                               CurrentSupport currentSupport, String overrideReason, List<String> overriddenCriteria,
                               String suggestedInterventionCode, LocalDate expectedStart, String consentState,
                               Instant sharedWithNgoAt, boolean progressToReferrer, String progressWithheldBy,
                               boolean needsAnotherOffer,
                               Instant createdAt,
                               List<FollowerResponse> followers, List<Step> timeline) {

    /** Another professional who follows the referral. */
    public record FollowerResponse(String email, String role, Instant addedAt) {
    }

    /** The child's own view as the referrer wrote it down. */
    public record ChildViewResponse(String whatIsHard, String wishes) {
    }

    /** The child as the referrer gave them; the CPR number is never sent back, only whether there is one. */
    public record ChildSummary(String id, String firstName, String lastName, LocalDate birthDate, String gender,
                               String school, String postcode, boolean hasCpr) {
    }

    public record Step(String status, Instant at, String reason) {
    }

    static ReferralResponse of(Referral referral) {
        return new ReferralResponse(referral.id(), referral.status().name(), referral.municipalityCode(),
                referral.referrerId(),
                referral.referrerRole(), referral.interventionCode(),
                referral.concerns(), referral.urgency().name(),
                new ChildSummary(referral.child().pseudonym(), referral.child().firstName(),
                        referral.child().lastName(), referral.child().birthDate(),
                        referral.child().gender() == null ? null : referral.child().gender().name(),
                        referral.child().school(), referral.child().postcode(), referral.child().encryptedCpr() != null),
                referral.custodyHolders(),
                new ChildViewResponse(referral.childView().whatIsHard(), referral.childView().wishes()),
                referral.currentSupport(), referral.overrideReason(), referral.overriddenCriteria(),
                referral.suggestedInterventionCode(), referral.expectedStart(),
                referral.consentState() == null ? null : referral.consentState().name(), referral.sharedAt(),
                referral.progressToReferrer(), referral.progressWithheldBy(), referral.needsAnotherOffer(),
                referral.createdAt(),
                referral.followers().stream().map(follower -> new FollowerResponse(follower.email(), follower.role(),
                        follower.addedAt())).toList(),
                referral.timeline().stream().map(ReferralResponse::step).toList());
    }

    private static Step step(TimelineEntry entry) {
        return new Step(entry.status().name(), entry.at(), entry.reason());
    }
}
