/**
 * Erasure when a consent ends (CONSENT.md rule 5): what was shared with the NGOs under it is made
 * anonymous, and the consent service hears that this service did it.
 */
package dk.earlyhelp.ngo.erasure;
