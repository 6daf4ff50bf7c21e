package dk.earlyhelp.referrals.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.earlyhelp.referrals.consent.ConsentDecision;
import dk.earlyhelp.referrals.consent.DataCategory;

/**
 * A referral as far as the consent lets its NGO read it now (CONSENT.md rule 1): each detail
 * belongs to a data category, and a detail whose category the consent does not cover is left out.
 * The codes the NGO received with the referral itself (age, gender, urgency) stay readable.
 */
public record SharedReferral(Referral referral, ConsentDecision decision) {

    /** The categories of the details an NGO may read in a referral. */
    public static final Set<DataCategory> READABLE = EnumSet.of(DataCategory.CONTACT, DataCategory.SCHOOL,
            DataCategory.FAMILY_SITUATION, DataCategory.CONCERNS, DataCategory.CHILD_VIEW);

    public boolean readable(DataCategory category) {
        return decision.permits(category);
    }

    /** The categories the NGO does not see now, in a stable order, for the "withheld" notice. */
    public List<DataCategory> withheld() {
        return READABLE.stream().filter(category -> !decision.permits(category)).sorted().toList();
    }

    /**
     * Why details are withheld: the consent service did not answer, the consent was withdrawn, or
     * the consent does not cover them; null when nothing is withheld.
     */
    public String withheldBecause() {
        if (withheld().isEmpty()) {
            return null;
        }
        if (decision.unavailable()) {
            return "CONSENT_SERVICE_UNAVAILABLE";
        }
        if (referral.consentState() == ConsentState.WITHDRAWN) {
            return "CONSENT_WITHDRAWN";
        }
        return decision.permittedCategories().isEmpty() ? "NO_CONSENT" : "NOT_COVERED_BY_CONSENT";
    }
}
