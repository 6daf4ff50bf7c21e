package dk.earlyhelp.ngo.meetings.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.meetings.Meeting;
import dk.earlyhelp.ngo.meetings.MeetingManagement;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The volunteer's own children and the meetings they log with them. */
@RestController
class MeetingController {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final MeetingManagement meetings;

    MeetingController(MeetingManagement meetings) {
        this.meetings = meetings;
    }

    /** The children the caller is matched with now; nobody else's. */
    @GetMapping("/api/ngo/my-children")
    List<OwnChildResponse> myChildren() {
        return meetings.myChildren(CurrentCaller.get()).stream().map(OwnChildResponse::of).toList();
    }

    /** Logs a meeting with one of the caller's own children; anyone else's answers 404. */
    @PostMapping("/api/ngo/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the meeting is logged")
    @ApiResponse(responseCode = "404", description = "no child of the caller's with this referral")
    MeetingResponse log(@Valid @RequestBody MeetingRequest request) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return MeetingResponse.of(meetings.log(CurrentCaller.get(), request.referralId().strip(), request.heldOn(),
                request.minutes(), note));
    }

    /** A meeting as the volunteer logs it: when, how long, and a note that stays with the NGO. */
    record MeetingRequest(@NotBlank @Size(max = 100) String referralId, @NotNull LocalDate heldOn,
                          @NotNull @Min(1) @Max(600) Integer minutes,
                          @Schema(description = "the volunteer's own words; stays with the NGO") @Size(max = 2000)
                          String note) {
    }

    record MeetingResponse(String id, String referralId, LocalDate heldOn, int minutes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static MeetingResponse of(Meeting meeting) {
            return new MeetingResponse(meeting.id(), meeting.referralId(), meeting.heldOn(), meeting.minutes(),
                    meeting.note());
        }
    }

    /**
     * What a volunteer needs of their child to run the course; the name is not held here.
     *
     * @param childAge      absent once the consent ended and the child's details were removed
     * @param matchedOn     absent for a child in a group the volunteer leads
     * @param groupId       the group the volunteer leads with the child in it; absent for a one-to-one match
     * @param lastMeetingOn absent before the first logged meeting
     */
    record OwnChildResponse(String referralId, String interventionCode, String status,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate matchedOn,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String groupId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate startedOn,
                            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lastMeetingOn) {

        static OwnChildResponse of(MeetingManagement.OwnChild child) {
            InboxReferral referral = child.referral();
            return new OwnChildResponse(referral.referralId(), referral.interventionCode(), referral.status().name(),
                    referral.childAge(),
                    referral.match() == null ? null : referral.match().matchedAt().atZone(DENMARK).toLocalDate(),
                    referral.match() == null ? referral.groupId() : null,
                    referral.course() == null ? null : referral.course().startedOn(), child.lastMeetingOn());
        }
    }
}
