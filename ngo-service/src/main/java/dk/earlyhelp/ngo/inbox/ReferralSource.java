package dk.earlyhelp.ngo.inbox;

/**
 * How a child came to the NGO (METRICS.md §5, referral sources): referred by the municipality, or
 * registered by the NGO itself where the collaboration model lets it recruit (B1, B3).
 */
public enum ReferralSource {
    MUNICIPAL_REFERRAL, PARENT_CONTACT, NGO_OUTREACH;

    /** Whether the NGO registers children of this source itself, without a municipal referral. */
    public boolean registeredByNgo() {
        return this != MUNICIPAL_REFERRAL;
    }
}
