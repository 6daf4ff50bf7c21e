package dk.earlyhelp.referrals.consent;

/** The kinds of information a consent names (CONSENT.md); a field of a referral belongs to one of them. */
public enum DataCategory {
    CONTACT, SCHOOL, FAMILY_SITUATION, CONCERNS, CHILD_VIEW, WELLBEING_SCORES, HEALTH_NOTES, CPR
}
