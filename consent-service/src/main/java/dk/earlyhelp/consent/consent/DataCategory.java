package dk.earlyhelp.consent.consent;

/** Kinds of information about a child; CPR is off unless explicitly granted. */
public enum DataCategory { CONTACT, SCHOOL, FAMILY_SITUATION, CONCERNS, CHILD_VIEW, WELLBEING_SCORES, HEALTH_NOTES, CPR }
