package dk.earlyhelp.consent.erasure.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.consent.web.ConfirmationResponse;
import dk.earlyhelp.consent.erasure.Erasure;
import dk.earlyhelp.consent.erasure.ErasureConfirmations;
import dk.earlyhelp.platform.security.CurrentCaller;

/** Where the erasures after ended consents stand; {@code missing=true} lists those still waiting. */
@RestController
@RequestMapping("/api/consents/erasures")
class ErasureController {

    private final ErasureConfirmations erasures;

    ErasureController(ErasureConfirmations erasures) {
        this.erasures = erasures;
    }

    @GetMapping
    List<ErasureResponse> list(@RequestParam(required = false) Boolean missing) {
        return erasures.overview(CurrentCaller.get(), missing).stream().map(ErasureResponse::of).toList();
    }

    /**
     * @param endedAt  when the consent was withdrawn or expired
     * @param expected the services that must confirm
     * @param missing  those that have not yet
     * @param overdue  one is still missing after the deadline
     */
    record ErasureResponse(String consentId, String childId, String municipalityCode, String status, Instant endedAt,
                           List<String> expected, List<ConfirmationResponse> confirmations, List<String> missing,
                           boolean overdue) {

        static ErasureResponse of(Erasure erasure) {
            return new ErasureResponse(erasure.consentId(), erasure.childId(), erasure.municipalityCode(),
                    erasure.status().name(), erasure.endedAt(), erasure.expected(),
                    erasure.confirmations().stream().map(ConfirmationResponse::of).toList(), erasure.missing(),
                    erasure.overdue());
        }
    }
}
