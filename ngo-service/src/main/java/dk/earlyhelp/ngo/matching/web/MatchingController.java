package dk.earlyhelp.ngo.matching.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.matching.MatchProposals;
import dk.earlyhelp.ngo.matching.MatchingManagement;
import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** The person the coordinator chose. */
    record MatchRequest(@NotBlank @Size(max = 100) String volunteerId) {
    }

    /** The matched referral: who, when and by whom. */
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
