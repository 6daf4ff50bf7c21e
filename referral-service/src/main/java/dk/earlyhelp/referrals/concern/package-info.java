/**
 * Notifications of concern (underretninger): anyone at the NGO who learns that a child may be
 * neglected tells the responsible municipality here, whatever the consent says (CONSENT.md rule 8).
 * They are kept in the municipality's own service, never in an event's data, visible to that
 * municipality only, audited, and nobody can change or delete them.
 */
package dk.earlyhelp.referrals.concern;
