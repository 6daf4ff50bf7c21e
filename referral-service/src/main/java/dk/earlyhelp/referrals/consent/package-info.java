/**
 * The consent service as this service asks it: may this NGO have these kinds of information about
 * the child for this purpose now? Asked synchronously with the caller's own token (the consent
 * service audits who asked), behind a time limit and a circuit breaker; no answer means no.
 */
package dk.earlyhelp.referrals.consent;
