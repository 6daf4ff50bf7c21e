package dk.earlyhelp.consent.consent;

/**
 * What the age rule still needs before a draft or active consent permits anything, so the portal
 * can tell the referrer whose consent to collect (CONSENT.md rule 3).
 */
public enum AgeRuleNote {
    /** The young person's own consent, alongside the custody holders'. */
    YOUNG_PERSON_CONSENT_NEEDED,
    /** The young adult's own consent: the custody holders' no longer counts. */
    ADULT_CONSENT_NEEDED
}
