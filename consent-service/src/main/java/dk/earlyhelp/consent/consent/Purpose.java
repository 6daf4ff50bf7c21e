package dk.earlyhelp.consent.consent;

/** What information may be used for (CONSENT.md). RESEARCH is never implied by any other purpose. */
public enum Purpose {
    REFERRAL_AND_DELIVERY, PROGRESS_TO_REFERRER, BACKGROUND_FROM_MUNICIPALITY, OUTCOME_MEASUREMENT,
    EVALUATION_STATISTICS, RESEARCH
}
