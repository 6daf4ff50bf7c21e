/** Expiry (CONSENT.md rule 6): an active consent ends like a withdrawal when its last day has passed. */
package dk.earlyhelp.consent.expiry;
