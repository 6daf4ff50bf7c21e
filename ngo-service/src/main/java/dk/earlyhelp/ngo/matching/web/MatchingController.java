package dk.earlyhelp.ngo.matching.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.inbox.FamilyAnswer;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.Match;
import dk.earlyhelp.ngo.matching.MatchProposals;
import dk.earlyhelp.ngo.matching.MatchingManagement;
import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The coordinator's proposals for a waiting child and the match they confirm. */
@RestController
@RequestMapping("/api/ngo/inbox/{referralId}")
class MatchingController {

    private final MatchingManagement matching;

    MatchingController(MatchingManagement matching) {
        this.matching = matching;
    }

    /**
     * Ranked people for a waiting child of a one-to-one offer, each with a score and its reasons. The
     * referral gives age and gender; what the coordinator learned at intake sharpens the rest.
     */
    @GetMapping("/proposals")
    ProposalsResponse proposals(@PathVariable String referralId,
            @Parameter(description = "the child's postcode, for the distance")
            @RequestParam(required = false)
            @Pattern(regexp = "\\d{4}", message = "must be a Danish postcode of four digits") String area,
            @Parameter(description = "the child's languages, ISO 639-1")
            @RequestParam(required = false) @Size(max = 10)
            List<@Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code (ISO 639-1)") String>
            languages,
            @RequestParam(required = false) @Size(max = 20) List<@NotBlank @Size(max = 40) String> interests,
            @Parameter(description = "when the child can meet; default: weekday evenings and weekends")
            @RequestParam(required = false) List<WeeklySlot> times,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        MatchProposals.Ranking ranking = matching.proposals(CurrentCaller.get(), referralId,
                new MatchingManagement.Intake(area, orEmpty(languages), orEmpty(interests), orEmpty(times)), limit);
        return ProposalsResponse.of(referralId, ranking);
    }

    /** Confirms a match: 422 naming the rule when one is broken now, 409 when the child no longer waits. */
    @PostMapping("/match")
    MatchResponse match(@PathVariable String referralId, @Valid @RequestBody MatchRequest request) {
        return MatchResponse.of(matching.confirm(CurrentCaller.get(), referralId, request.volunteerId().strip()));
    }

    /**
     * The family's answer to the proposed match, as the coordinator records it: accepted (the match
     * stands), or declined with a reason (the person's place is freed, the child waits again in the
     * original place, and the person is not proposed to this child again).
     */
    @PostMapping("/family-answer")
    @Operation(summary = "Record the family's answer to the proposed match")
    @ApiResponse(responseCode = "200", description = "the answer is recorded: MATCHED when accepted, waiting again "
            + "(ACCEPTED or WAITLISTED, as before the match) when declined")
    @ApiResponse(responseCode = "409", description = "no match waits for an answer (answered already, never "
            + "proposed, or proposed with another person now): no-proposed-match")
    FamilyAnswerResponse familyAnswer(@PathVariable String referralId,
            @Valid @RequestBody FamilyAnswerRequest request) {
        return FamilyAnswerResponse.of(matching.answer(CurrentCaller.get(), referralId, request.toNewAnswer()),
                request.volunteerId().strip());
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** The person the coordinator chose. */
    record MatchRequest(@NotBlank @Size(max = 100) String volunteerId) {
    }

    /**
     * The family's answer. A decline needs a reason; the note stays with the NGO, never in an event.
     */
    record FamilyAnswerRequest(
            @Schema(description = "the person of the proposed match the answer is about") @NotBlank @Size(max = 100)
            String volunteerId,
            @NotNull FamilyAnswer.Answer answer,
            @Schema(description = "the custody holders, the child (heard on their own), or both") @NotNull
            FamilyAnswer.AnsweredBy answeredBy,
            @Schema(description = "required when declining, absent when accepting") FamilyAnswer.DeclineReason reason,
            @Schema(description = "the NGO's own words; stays with the NGO") @Size(max = 2000) String note,
            @Schema(description = "the day the family answered; default today") LocalDate answeredOn) {

        @AssertTrue(message = "is required when declining, and only then")
        @Schema(hidden = true)
        public boolean isReason() {
            return answer == null || (answer == FamilyAnswer.Answer.DECLINED) == (reason != null);
        }

        MatchingManagement.NewFamilyAnswer toNewAnswer() {
            return new MatchingManagement.NewFamilyAnswer(volunteerId.strip(), answer, answeredBy, reason,
                    note == null || note.isBlank() ? null : note.strip(), answeredOn);
        }
    }

    /**
     * The referral after the family's answer: its status, and the answer with who gave it, when and
     * who recorded it.
     */
    record FamilyAnswerResponse(String referralId, String status, String volunteerId, FamilyAnswer familyAnswer) {

        static FamilyAnswerResponse of(InboxReferral referral, String volunteerId) {
            Match answered = referral.match() != null ? referral.match() : referral.declinedMatches().stream()
                    .filter(declined -> declined.volunteerId().equals(volunteerId)).findFirst().orElseThrow();
            return new FamilyAnswerResponse(referral.referralId(), referral.status().name(), answered.volunteerId(),
                    answered.familyAnswer());
        }
    }

    /** The referral matched and proposed to the family: who, when and by whom. */
    record MatchResponse(String referralId, String interventionCode, String status, String volunteerId,
                         Instant matchedAt, String matchedBy) {

        static MatchResponse of(InboxReferral referral) {
            return new MatchResponse(referral.referralId(), referral.interventionCode(), referral.status().name(),
                    referral.match().volunteerId(), referral.match().matchedAt(), referral.match().matchedBy());
        }
    }

    /**
     * @param candidates     the active people on the intervention who were looked at
     * @param excludedPeople how many of them a hard rule excluded
     * @param excluded       how many each hard rule excluded (a person may break several)
     */
    record ProposalsResponse(String referralId, int candidates, int excludedPeople, Map<Obstacle, Integer> excluded,
                             List<ProposalResponse> proposals) {

        static ProposalsResponse of(String referralId, MatchProposals.Ranking ranking) {
            return new ProposalsResponse(referralId, ranking.candidates(), ranking.excludedPeople(),
                    ranking.excluded(), ranking.proposals().stream().map(ProposalResponse::of).toList());
        }
    }

    /** One proposed person, best first. */
    record ProposalResponse(String volunteerId, String displayName, Profile.Kind kind,
                            Profile.Qualification qualification, int freeCapacity, int score,
                            List<MatchProposals.Reason> reasons) {

        static ProposalResponse of(MatchProposals.Proposal proposal) {
            Profile profile = proposal.volunteer().profile();
            return new ProposalResponse(proposal.volunteer().id(), profile.displayName(), profile.kind(),
                    profile.qualification(), proposal.volunteer().freeCapacity(), proposal.score(),
                    proposal.reasons());
        }
    }
}
