package dk.earlyhelp.ngo.inbox.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.inbox.Course;
import dk.earlyhelp.ngo.inbox.Decision;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.Match;
import dk.earlyhelp.ngo.inbox.ReferralSource;
import dk.earlyhelp.ngo.inbox.RegistrationManagement;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/ngo/inbox")
class InboxController {

    private final InboxManagement inbox;
    private final RegistrationManagement registrations;

    InboxController(InboxManagement inbox, RegistrationManagement registrations) {
        this.inbox = inbox;
        this.registrations = registrations;
    }

    @GetMapping
    List<InboxItemResponse> inbox() {
        return inbox.inbox(CurrentCaller.get()).stream().map(InboxItemResponse::of).toList();
    }

    /**
     * Registers a child who came without a municipal referral (parents' own contact, the NGO's
     * outreach) in the caller's NGO's inbox, where the partnership's model lets the NGO recruit (B1, B3).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a child who came without a municipal referral")
    @ApiResponse(responseCode = "201", description = "the child is in the inbox as RECEIVED")
    @ApiResponse(responseCode = "400", description = "invalid fields, each named under errors")
    @ApiResponse(responseCode = "403", description = "not a coordinator, or another NGO's intervention")
    @ApiResponse(responseCode = "422", description = "the partnership's model does not let the NGO recruit "
            + "(ngo-may-not-recruit), or a safety exclusion of the offer (safety-exclusion)")
    InboxItemResponse register(@Valid @RequestBody RegistrationRequest request) {
        return InboxItemResponse.of(registrations.register(CurrentCaller.get(), request.toNewRegistration()));
    }

    @PostMapping("/{referralId}/decision")
    InboxItemResponse decide(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request) {
        return InboxItemResponse.of(inbox.decide(CurrentCaller.get(), referralId, request.toNewDecision()));
    }

    /** The child's course started on {@code startedOn} (matched with a person, or with a seat in a group). */
    @PostMapping("/{referralId}/start")
    InboxItemResponse start(@PathVariable String referralId, @Valid @RequestBody StartRequest request) {
        return InboxItemResponse.of(inbox.start(CurrentCaller.get(), referralId, request.startedOn()));
    }

    /** The course ran to its end; the closing conversation's outcome says whether another offer is needed. */
    @PostMapping("/{referralId}/complete")
    InboxItemResponse complete(@PathVariable String referralId, @Valid @RequestBody CompleteRequest request) {
        return InboxItemResponse.of(inbox.complete(CurrentCaller.get(), referralId, request.needsAnotherOffer(),
                strip(request.note())));
    }

    /** The child left the course early, with a reason code. */
    @PostMapping("/{referralId}/drop-out")
    InboxItemResponse dropOut(@PathVariable String referralId, @Valid @RequestBody DropOutRequest request) {
        return InboxItemResponse.of(inbox.dropOut(CurrentCaller.get(), referralId, request.reason(),
                request.needsAnotherOffer(), strip(request.note())));
    }

    private static String strip(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    /** When the course started: today or earlier, not before the match. */
    record StartRequest(@NotNull LocalDate startedOn) {
    }

    /** The closing conversation: does the child need another offer? The note stays with the NGO. */
    record CompleteRequest(@NotNull Boolean needsAnotherOffer,
                           @Schema(description = "the NGO's own words; stays with the NGO") @Size(max = 2000)
                           String note) {
    }

    /** Why the child left early and whether they need another offer. The note stays with the NGO. */
    record DropOutRequest(@NotNull Course.DropOutReason reason, @NotNull Boolean needsAnotherOffer,
                          @Schema(description = "the NGO's own words; stays with the NGO") @Size(max = 2000)
                          String note) {
    }

    /**
     * One referral in the inbox, as the coordinator sees it; {@code groupId} once the child has a seat,
     * {@code match} once matched with a person, {@code course} once it started or ended.
     * Once the consent ended, the child's details are left out (not nulled, CONSENT.md rule 1) and
     * {@code consentWithdrawnAt} says why. {@code source} says whether a municipality referred the
     * child or the NGO registered them itself.
     */
    record InboxItemResponse(String referralId, String interventionCode, String municipalityCode, String childId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer childAge,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String childGender,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> concerns,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String childPostcode,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<String> childLanguages, String urgency,
                             ReferralSource source, String status, Instant receivedAt, Decision decision, String groupId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Match match,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Course course,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Instant consentWithdrawnAt) {

        static InboxItemResponse of(InboxReferral referral) {
            return new InboxItemResponse(referral.referralId(), referral.interventionCode(),
                    referral.municipalityCode(), referral.childId(), referral.childAge(), referral.childGender(),
                    referral.concerns(), referral.childPostcode(), referral.childLanguages(), referral.urgency(),
                    referral.sourceOrReferral(), referral.status().name(), referral.receivedAt(),
                    referral.decision(), referral.groupId(), referral.match(), referral.course(),
                    referral.consentWithdrawnAt());
        }
    }
}
