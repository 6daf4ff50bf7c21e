package dk.earlyhelp.consent.consent;

/**
 * DRAFT until every required grantor has consented; WITHDRAWN at once when any of them withdraws;
 * EXPIRED once an active consent's last day has passed.
 */
public enum ConsentStatus { DRAFT, ACTIVE, WITHDRAWN, EXPIRED }
