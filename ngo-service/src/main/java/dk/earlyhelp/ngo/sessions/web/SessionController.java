package dk.earlyhelp.ngo.sessions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.sessions.GroupSession;
import dk.earlyhelp.ngo.sessions.SessionManagement;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The group's leaders and coordinators log sessions; a leader sees the groups they lead. */
@RestController
@Validated
class SessionController {

    private final SessionManagement sessions;

    SessionController(SessionManagement sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/api/ngo/my-groups")
    List<LedGroupResponse> myGroups() {
        return sessions.myGroups(CurrentCaller.get()).stream().map(LedGroupResponse::of).toList();
    }

    @GetMapping("/api/ngo/groups/{id}/sessions")
    LedGroupResponse sessions(@PathVariable @Size(max = 100) String id) {
        return LedGroupResponse.of(sessions.sessions(CurrentCaller.get(), id));
    }

    @PostMapping("/api/ngo/groups/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the session is logged")
    @ApiResponse(responseCode = "409", description = "a session on that day is logged already, or all of them are")
    SessionResponse log(@PathVariable @Size(max = 100) String id, @Valid @RequestBody SessionRequest request) {
        return SessionResponse.of(sessions.log(CurrentCaller.get(), id, request.heldOn(), request.minutes(),
                Set.copyOf(request.present())));
    }

    /** A session as a leader logs it: the day, how long, and which seated children came (by referral). */
    record SessionRequest(@NotNull LocalDate heldOn,
                          @Schema(description = "how long the session lasted") @NotNull @Min(1) @Max(600) Integer minutes,
                          @NotNull @Size(max = 30)
                          List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,100}", message = "must be a referral id")
                                  String> present) {
    }

    record SessionResponse(String id, String groupId, LocalDate heldOn, int minutes, List<String> present,
                           Instant loggedAt) {

        static SessionResponse of(GroupSession session) {
            return new SessionResponse(session.id(), session.groupId(), session.heldOn(), session.minutes(),
                    session.present(), session.loggedAt());
        }
    }

    /** A group its leaders run: its plan, its seats (referral, age; no child's name is held here) and sessions. */
    record LedGroupResponse(String id, String interventionCode, LocalDate startDate, LocalDate lastSessionOn,
                            int sessions, int sessionEveryDays, List<SeatResponse> seats,
                            List<SessionResponse> held) {

        static LedGroupResponse of(SessionManagement.LedGroup led) {
            Group group = led.group();
            return new LedGroupResponse(group.id(), group.interventionCode(), group.startDate(),
                    group.lastSessionOn(), group.sessions(), group.sessionEveryDays(),
                    group.seats().stream().map(seat -> new SeatResponse(seat.referralId(), seat.childAge())).toList(),
                    led.sessions().stream().map(SessionResponse::of).toList());
        }
    }

    record SeatResponse(String referralId, @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge) {
    }
}
