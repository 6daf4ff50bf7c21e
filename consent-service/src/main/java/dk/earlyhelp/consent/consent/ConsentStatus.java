package dk.earlyhelp.consent.consent;

/**
 * DRAFT until every grantor required that day has consented; WITHDRAWN at once when any of them
 * withdraws; EXPIRED once an active consent's last day has passed. ACTIVE records that it was
 * given, not that it permits today: the decision applies the settings and the child's age on the
 * day asked, so an active consent pauses at the 15th and 18th birthdays until the consent then
 * needed is recorded (see {@link Consent}).
 */
public enum ConsentStatus { DRAFT, ACTIVE, WITHDRAWN, EXPIRED }
