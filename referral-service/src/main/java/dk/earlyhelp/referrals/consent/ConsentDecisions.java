package dk.earlyhelp.referrals.consent;

import java.util.Set;

/** The consent service's decisions, as the use cases ask for them; implemented by the HTTP adapter in {@code web}. */
public interface ConsentDecisions {

    /**
     * May {@code ngoCode} use these categories about the child for the purpose now? An NGO caller
     * asks for itself ({@code ngoCode} may then be null); municipal staff ask for a named NGO.
     * Never throws: without an answer the decision is deny.
     */
    ConsentDecision decide(String childId, String ngoCode, String purpose, Set<DataCategory> categories);

    /**
     * May a professional of this staff role in the caller's municipality follow the child's
     * referrals now, under a consent in force that names the role? Never throws: without an answer, no.
     */
    ConsentDecision mayFollow(String childId, String staffRole);
}
