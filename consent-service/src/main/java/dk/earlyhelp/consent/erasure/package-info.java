/**
 * Erasure confirmations (CONSENT.md rule 5): after a consent ends while active, every receiving
 * service confirms it erased what it got; a confirmation still missing after the deadline is alerted.
 */
package dk.earlyhelp.consent.erasure;
