package dk.earlyhelp.consent.erasure;

import java.time.Instant;
import java.util.List;

import dk.earlyhelp.consent.consent.ConsentStatus;
import dk.earlyhelp.consent.consent.ErasureConfirmation;

/**
 * Where the erasure after one ended consent stands: who must confirm, who has, who has not.
 *
 * @param endedAt when it was withdrawn or expired
 * @param overdue a confirmation is still missing after the deadline
 */
public record Erasure(String consentId, String childId, String municipalityCode, ConsentStatus status,
                      Instant endedAt, List<String> expected, List<ErasureConfirmation> confirmations,
                      List<String> missing, boolean overdue) {
}
