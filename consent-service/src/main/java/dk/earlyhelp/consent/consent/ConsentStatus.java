package dk.earlyhelp.consent.consent;

/** DRAFT until every required grantor has consented; WITHDRAWN at once when any of them withdraws. */
public enum ConsentStatus { DRAFT, ACTIVE, WITHDRAWN, EXPIRED }
