package dk.earlyhelp.ngo.volunteers.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.StatusChange;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** The coordinator's register of their NGO's volunteers and staff. */
@RestController
@RequestMapping("/api/ngo/volunteers")
class VolunteerController {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final VolunteerManagement volunteers;
    private final Clock clock;

    VolunteerController(VolunteerManagement volunteers, Clock clock) {
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<VolunteerResponse> create(@Valid @RequestBody VolunteerRequest request) {
        Volunteer volunteer = volunteers.create(CurrentCaller.get(), request.toProfile(), request.status());
        return ResponseEntity.created(URI.create("/api/ngo/volunteers/" + volunteer.id())).body(response(volunteer));
    }

    @GetMapping
    List<VolunteerResponse> volunteers(
            @RequestParam(required = false) @Pattern(regexp = "[A-Z0-9_]{2,40}") String intervention,
            @RequestParam(required = false) Volunteer.Status status) {
        return volunteers.volunteers(CurrentCaller.get(), intervention, status).stream().map(this::response).toList();
    }

    @GetMapping("/{id}")
    VolunteerResponse volunteer(@PathVariable String id) {
        return response(volunteers.volunteer(CurrentCaller.get(), id));
    }

    /** Replaces the profile; the status has its own endpoint so every change lands in the history. */
    @PutMapping("/{id}")
    VolunteerResponse update(@PathVariable String id, @Valid @RequestBody VolunteerRequest request) {
        if (request.status() != null) {
            throw ProblemException.invalidField("status", "is changed through /api/ngo/volunteers/{id}/status");
        }
        return response(volunteers.update(CurrentCaller.get(), id, request.toProfile()));
    }

    @PostMapping("/{id}/status")
    VolunteerResponse changeStatus(@PathVariable String id, @Valid @RequestBody StatusChangeRequest request) {
        return response(volunteers.changeStatus(CurrentCaller.get(), id, request.status()));
    }

    private VolunteerResponse response(Volunteer volunteer) {
        return VolunteerResponse.of(volunteer, LocalDate.now(clock.withZone(DENMARK)));
    }

    /**
     * A person as the coordinator sees them.
     *
     * @param certificateValidToday whether the certificate covers today (so under-15s may be matched)
     * @param freeCapacity          children the person can still take one-to-one
     */
    record VolunteerResponse(String id, String displayName, Profile.Kind kind, Profile.Qualification qualification,
                             ChildProtectionCertificate childProtectionCertificate, boolean certificateValidToday,
                             LocalDate trainingCompletedOn, boolean supervised, List<String> languages,
                             List<String> interests, String postcode, List<WeeklySlot> availability, int capacity,
                             int freeCapacity, List<String> interventionCodes, Volunteer.Status status,
                             List<StatusChange> statusHistory,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Profile.ChildPreferences childPreferences,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String login) {

        static VolunteerResponse of(Volunteer volunteer, LocalDate today) {
            Profile profile = volunteer.profile();
            ChildProtectionCertificate certificate = profile.certificate();
            return new VolunteerResponse(volunteer.id(), profile.displayName(), profile.kind(),
                    profile.qualification(), certificate, certificate != null && certificate.validOn(today),
                    profile.trainingCompletedOn(), profile.supervised(), profile.languages(), profile.interests(),
                    profile.postcode(), profile.availability().stream().sorted().toList(), profile.capacity(),
                    volunteer.freeCapacity(), profile.interventionCodes(), volunteer.status(),
                    volunteer.statusHistory(), profile.childPreferences(), profile.login());
        }
    }
}
