package dk.earlyhelp.consent.consent.web;

import java.time.Instant;
import java.util.List;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentVersion;

/**
 * A consent's history for the data protection officer: its versions, oldest first, and per
 * receiving service whether it confirmed erasure.
 *
 * @param expected the services that must confirm erasure (none unless it ended while active)
 * @param missing  those that have not confirmed yet
 */
public record ConsentHistoryResponse(String id, String childId, String municipalityCode, String referralId,
                                     String status, Instant createdAt, Instant endedAt, List<ConsentVersion> versions,
                                     List<String> expected, List<ConfirmationResponse> confirmations,
                                     List<String> missing) {

    static ConsentHistoryResponse of(Consent consent) {
        return new ConsentHistoryResponse(consent.id(), consent.childId(), consent.municipalityCode(),
                consent.referralId(), consent.status().name(), consent.createdAt(), consent.endedAt(),
                consent.versions(), consent.expectedConfirmations(),
                consent.erasureConfirmations().stream().map(ConfirmationResponse::of).toList(),
                consent.missingConfirmations());
    }
}
