/** The HTTP adapter to the consent service's decision API, with its time limit and circuit breaker. */
package dk.earlyhelp.referrals.consent.web;
