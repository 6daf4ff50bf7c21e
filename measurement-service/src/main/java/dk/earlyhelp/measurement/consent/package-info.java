/**
 * Which children's answers may count in statistics (CONSENT.md rule 9): a local copy of the
 * consents that permit EVALUATION_STATISTICS, kept from the consent service's events (granted,
 * withdrawn, expired), so a withdrawal takes the answers out of every figure at once. Answers
 * collected under a consent are erased when it ends, and the erasure is confirmed.
 */
package dk.earlyhelp.measurement.consent;
