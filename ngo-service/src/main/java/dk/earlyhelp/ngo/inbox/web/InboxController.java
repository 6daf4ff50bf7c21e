package dk.earlyhelp.ngo.inbox.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.platform.security.CurrentCaller;

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

    /** One referral in the inbox, as the coordinator sees it. */
    record InboxItemResponse(String referralId, String interventionCode, String municipalityCode, String childId,
                             int childAge, String childGender, List<String> concerns, String urgency, String status,
                             Instant receivedAt) {

        static InboxItemResponse of(InboxReferral referral) {
            return new InboxItemResponse(referral.referralId(), referral.interventionCode(),
                    referral.municipalityCode(), referral.childId(), referral.childAge(), referral.childGender(),
                    referral.concerns(), referral.urgency(), referral.status(), referral.receivedAt());
        }
    }
}
