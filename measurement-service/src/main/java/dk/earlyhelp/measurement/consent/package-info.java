/**
 * Which children's answers may count in statistics (CONSENT.md rule 9) and which NGOs may collect
 * them at all (OUTCOME_MEASUREMENT): a local copy of the consents, kept from the consent service's events (granted,
 * withdrawn, expired), so a withdrawal takes the answers out of every figure at once. Answers
 * collected under a consent are erased when it ends (saved drafts too, via {@code ConsentEnded}), and
 * the erasure is confirmed.
 */
package dk.earlyhelp.measurement.consent;
