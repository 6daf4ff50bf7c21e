package dk.earlyhelp.referrals.eligibility;

import java.util.List;

/**
 * A child's fit with one offer.
 *
 * @param referTo where to turn instead when a hard criterion fails, as the NGO states it
 */
public record Eligibility(Verdict verdict, List<CriterionResult> criteria, String referTo) {

    public enum Verdict {
        /** No criterion failed (some may be unknown). */
        ELIGIBLE,
        /** A soft criterion failed: the referral needs the referrer's written reason. */
        OVERRIDE_REQUIRED,
        /** A safety rule rules the child out: the referral is blocked. */
        EXCLUDED
    }

    public List<Criterion> failedCriteria() {
        return criteria.stream().filter(CriterionResult::failed).map(CriterionResult::criterion).toList();
    }
}
