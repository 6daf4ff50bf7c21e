package dk.earlyhelp.consent.consent;

/** Whose consent counts on a given day, by the child's age that day (CONSENT.md rule 3). */
public enum AgeRule {
    /** The custody holders decide: under the co-consent age, or, without a birth date, as staff recorded it. */
    CUSTODY_HOLDERS,
    /** The young person's own consent is needed alongside the custody holders'. */
    WITH_YOUNG_PERSON,
    /** The custody holders' consent has lapsed; the young adult decides alone. */
    YOUNG_ADULT
}
