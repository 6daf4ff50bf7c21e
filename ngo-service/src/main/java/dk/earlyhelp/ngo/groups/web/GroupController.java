package dk.earlyhelp.ngo.groups.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.groups.GroupManagement;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** The coordinator's groups and the seats children are offered in them. */
@RestController
@RequestMapping("/api/ngo/groups")
class GroupController {

    private final GroupManagement groups;

    GroupController(GroupManagement groups) {
        this.groups = groups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<GroupResponse> create(@Valid @RequestBody GroupRequest request) {
        Group group = groups.create(CurrentCaller.get(), request.toNewGroup());
        return ResponseEntity.created(URI.create("/api/ngo/groups/" + group.id())).body(GroupResponse.of(group));
    }

    @GetMapping
    List<GroupResponse> groups(@RequestParam(required = false) @Pattern(regexp = "[A-Z0-9_]{2,40}") String intervention) {
        return groups.groups(CurrentCaller.get(), intervention).stream().map(GroupResponse::of).toList();
    }

    @GetMapping("/{id}")
    GroupResponse group(@PathVariable String id) {
        return GroupResponse.of(groups.group(CurrentCaller.get(), id));
    }

    /** Offers a waiting child a seat: 409 when the group is full, 400 when the child's age does not fit. */
    @PostMapping("/{id}/seats")
    GroupResponse placeChild(@PathVariable String id, @Valid @RequestBody SeatRequest request) {
        return GroupResponse.of(groups.placeChild(CurrentCaller.get(), id, request.referralId().strip()));
    }

    /** A group with its seats; children appear by referral and pseudonym only. */
    record GroupResponse(String id, String interventionCode, LocalDate startDate, LocalDate lastSessionOn,
                         int sessions, int sessionEveryDays, int ageMin, int ageMax, int sizeLimit, int freeSeats,
                         List<String> leaderIds, List<SeatResponse> seats) {

        static GroupResponse of(Group group) {
            return new GroupResponse(group.id(), group.interventionCode(), group.startDate(), group.lastSessionOn(),
                    group.sessions(), group.sessionEveryDays(), group.ageMin(), group.ageMax(), group.sizeLimit(),
                    group.freeSeats(), group.leaderIds(), group.seats().stream().map(SeatResponse::of).toList());
        }
    }

    /** A seat; once the consent ended only the referral and when it was placed (the child's fields left out). */
    record SeatResponse(String referralId, @JsonInclude(JsonInclude.Include.NON_NULL) String childId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge, Instant placedAt) {

        static SeatResponse of(Group.Seat seat) {
            return new SeatResponse(seat.referralId(), seat.childId(), seat.childAge(), seat.placedAt());
        }
    }
}
