package dk.earlyhelp.ngo.waitinglist.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.waitinglist.WaitingList;
import dk.earlyhelp.ngo.waitinglist.WaitingListManagement;
import dk.earlyhelp.ngo.waitinglist.WaitingListPlanner;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;

/** The coordinator's waiting list with estimated starts. */
@RestController
@RequestMapping("/api/ngo/waiting-list")
class WaitingListController {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final WaitingListManagement waitingLists;

    WaitingListController(WaitingListManagement waitingLists) {
        this.waitingLists = waitingLists;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "the waiting children in order, each with an estimated start")
    @ApiResponse(responseCode = "404", description = "no intervention of the caller's NGO with this code")
    WaitingListResponse waitingList(@RequestParam @Pattern(regexp = "[A-Z0-9_]{2,40}") String intervention) {
        return WaitingListResponse.of(waitingLists.waitingList(CurrentCaller.get(), intervention));
    }

    /**
     * @param freePlaces capacity idle while children wait (free seats in coming groups, or free places
     *                   with active people)
     */
    record WaitingListResponse(String interventionCode, String kind, LocalDate today, int waiting, int freePlaces,
                               List<EntryResponse> entries) {

        static WaitingListResponse of(WaitingList list) {
            List<EntryResponse> entries = new ArrayList<>();
            for (WaitingListPlanner.Estimate estimate : list.entries()) {
                entries.add(EntryResponse.of(entries.size() + 1, estimate, list.today()));
            }
            return new WaitingListResponse(list.interventionCode(), list.kind(), list.today(), entries.size(),
                    list.freePlaces(), entries);
        }
    }

    /**
     * One waiting child.
     *
     * @param childAge      left out once the consent ended (reason {@code CONSENT_WITHDRAWN})
     * @param expectedStart null with a {@code reason} when no capacity in sight fits the child
     * @param groupId       the group the estimate counts on, for group courses
     */
    record EntryResponse(int position, String referralId, String childId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge, String urgency,
                         String status, Instant receivedAt, long waitingDays, LocalDate expectedStart, String groupId,
                         WaitingListPlanner.Reason reasonCode, String reason) {

        static EntryResponse of(int position, WaitingListPlanner.Estimate estimate, LocalDate today) {
            InboxReferral referral = estimate.referral();
            long waitingDays = ChronoUnit.DAYS.between(referral.receivedAt().atZone(DENMARK).toLocalDate(), today);
            return new EntryResponse(position, referral.referralId(), referral.childId(), referral.childAge(),
                    referral.urgency(), referral.status().name(), referral.receivedAt(), waitingDays,
                    estimate.expectedStart(), estimate.groupId(), estimate.reasonCode(), estimate.reason());
        }
    }
}
