package dk.earlyhelp.referrals.eligibility;

/** The target-group criteria of the catalogue, in the order a referrer reads them. */
public enum Criterion { EXCLUSION, AGE, GENDER, CONCERNS, RESIDENCE, SPECIAL_SUPPORT }
