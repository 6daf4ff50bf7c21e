package dk.earlyhelp.referrals.consent;

import java.util.Set;

/**
 * The consent service's answer: whether everything asked for is permitted, which of the asked
 * categories are, and under which consent and version (the audit trail names it). {@code unavailable}
 * marks the fail-closed answer given when the consent service could not be asked (CONSENT.md rule 7).
 */
public record ConsentDecision(boolean permitted, Set<DataCategory> permittedCategories, String consentId,
                              Integer consentVersion, boolean unavailable) {

    public static ConsentDecision noAnswer() {
        return new ConsentDecision(false, Set.of(), null, null, true);
    }

    public boolean permits(DataCategory category) {
        return permittedCategories.contains(category);
    }
}
