package dk.earlyhelp.ngo.inbox.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.inbox.Decision;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/ngo/inbox")
class InboxController {

    private final InboxManagement inbox;

    InboxController(InboxManagement inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    List<InboxItemResponse> inbox() {
        return inbox.inbox(CurrentCaller.get()).stream().map(InboxItemResponse::of).toList();
    }

    @PostMapping("/{referralId}/decision")
    InboxItemResponse decide(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request) {
        return InboxItemResponse.of(inbox.decide(CurrentCaller.get(), referralId, request.toNewDecision()));
    }

    /**
     * One referral in the inbox, as the coordinator sees it; {@code groupId} once the child has a seat.
     * Once the consent ended, the child's details are left out (not nulled, CONSENT.md rule 1) and
     * {@code consentWithdrawnAt} says why.
     */
    record InboxItemResponse(String referralId, String interventionCode, String municipalityCode, String childId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String childGender,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> concerns, String urgency,
                             String status, Instant receivedAt, Decision decision, String groupId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant consentWithdrawnAt) {

        static InboxItemResponse of(InboxReferral referral) {
            return new InboxItemResponse(referral.referralId(), referral.interventionCode(),
                    referral.municipalityCode(), referral.childId(), referral.childAge(), referral.childGender(),
                    referral.concerns(), referral.urgency(), referral.status().name(), referral.receivedAt(),
                    referral.decision(), referral.groupId(), referral.consentWithdrawnAt());
        }
    }
}
