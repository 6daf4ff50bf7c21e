package dk.earlyhelp.ngo.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.catalogue.Ngo;
import dk.earlyhelp.ngo.inbox.FamilyAnswer;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.ngo.inbox.MatchEnded;
import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.MatchingRules.RequiredQualification;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of matching a waiting child with a person for a one-to-one offer (mentoring,
 * counselling): proposals the coordinator can weigh, and the confirmed match. The candidates come
 * from memory while current ({@link CandidatePool}) and are ranked there ({@link MatchProposals}).
 * The store has no transactions, so confirming is a write on the person (take a place, conditional
 * on capacity) and then one on the referral (matched, with its event); if the second loses, the
 * place is given back.
 */
@Service
public class MatchingManagement {

    private static final Logger log = LoggerFactory.getLogger(MatchingManagement.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final InboxManagement inbox;
    private final VolunteerManagement volunteers;
    private final CandidatePool candidates;
    private final InterventionRepository interventions;
    private final CatalogueManagement catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    MatchingManagement(InboxManagement inbox, VolunteerManagement volunteers, CandidatePool candidates,
            InterventionRepository interventions, CatalogueManagement catalogue, AuditTrail audit, Clock clock) {
        this.inbox = inbox;
        this.volunteers = volunteers;
        this.candidates = candidates;
        this.interventions = interventions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The best {@code limit} people of the caller's NGO for a waiting child, with their reasons, and
     * how many a hard rule excluded. Reading the child's details for it is audited.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public MatchProposals.Ranking proposals(Caller caller, String referralId, Intake intake, int limit) {
        InboxReferral referral = waitingChild(caller, referralId);
        Intervention intervention = oneToOne(referral);
        // Matching reads the child's postcode and languages (contact) besides the concerns.
        audit.record(caller, AuditRecord.Action.READ, "inbox-referral", referralId, referral.childId(),
                new DataAccess(List.of("CONCERNS", "CONTACT"), "REFERRAL_AND_DELIVERY"));
        // What the coordinator gives at intake wins; otherwise what the NGO recorded when registering the child.
        MatchProposals proposals = new MatchProposals(new MatchProposals.Child(referral.childAge(),
                referral.childGender(), intake.postcode() != null ? intake.postcode() : referral.childPostcode(),
                !intake.languages().isEmpty() || referral.childLanguages() == null ? intake.languages()
                        : referral.childLanguages(), intake.interests(), intake.times()),
                required(intervention), today());
        return proposals.rank(candidates.activeOn(caller.organisation(), intervention.code()),
                referral.declinedVolunteerIds(), limit);
    }

    /**
     * The coordinator's choice: the hard rules are checked again now (422 naming what fails, also a
     * person the family declined before), one of the person's places is taken, and the match is
     * proposed to the family, with {@code ngo.referral-progressed.v1} (MATCHED) for the referrer.
     * Confirming the same match again changes nothing.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral confirm(Caller caller, String referralId, String volunteerId) {
        InboxReferral current = inbox.referral(caller, referralId);
        if ((current.status() == InboxStatus.PROPOSED || current.status() == InboxStatus.MATCHED)
                && current.match() != null && current.match().volunteerId().equals(volunteerId)) {
            return current;
        }
        InboxReferral referral = waitingChild(caller, referralId);
        Intervention intervention = oneToOne(referral);
        Volunteer volunteer = volunteers.of(caller.organisation(), List.of(volunteerId)).stream().findFirst()
                .orElseThrow(() -> ProblemException.invalidField("volunteerId",
                        "is not a volunteer or staff member of your organisation"));
        if (!volunteer.worksOn(intervention.code())) {
            throw ruleBroken(volunteerId + " does not work on " + intervention.code() + ".", Set.of());
        }
        LocalDate today = today();
        RequiredQualification required = required(intervention);
        Set<Obstacle> obstacles = MatchingRules.obstaclesToMatch(volunteer, referral.childAge(), today, required);
        if (referral.declinedVolunteerIds().contains(volunteerId)) {
            obstacles.add(Obstacle.DECLINED_BY_FAMILY);
        }
        if (!obstacles.isEmpty()) {
            throw ruleBroken(obstacles.stream().map(obstacle -> explain(obstacle, volunteer, referral, today, required))
                    .collect(Collectors.joining(" ")), obstacles);
        }
        if (!volunteers.takePlace(volunteer, referralId)) {
            throw conflict("The person's last free place was taken, or their profile changed, meanwhile; "
                    + "look at the proposals again.");
        }
        InboxReferral matched = inbox.match(caller, referral, volunteerId);
        if (matched == null) {
            volunteers.givePlaceBack(volunteerId, referralId);
            throw conflict("The referral was withdrawn, placed or matched meanwhile.");
        }
        return matched;
    }

    /**
     * The family's answer to the match proposed to them, as the coordinator records it: only for the
     * match that is proposed now (409 once answered, or when it is with another person meanwhile),
     * on a day from the match to today. A no frees the person's place at once and takes the child
     * back to where they waited; the person is not proposed to this child again.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral answer(Caller caller, String referralId, NewFamilyAnswer given) {
        InboxReferral referral = inbox.referral(caller, referralId);
        if (referral.status() != InboxStatus.PROPOSED || referral.match() == null) {
            throw noProposedMatch(referral.status() == InboxStatus.MATCHED
                    ? "The family's answer to this match is recorded already."
                    : "No match is proposed to this family now; this referral is " + referral.status() + ".");
        }
        if (!referral.match().volunteerId().equals(given.volunteerId())) {
            throw noProposedMatch("The match proposed now is with another person: look at the referral again.");
        }
        LocalDate today = today();
        LocalDate answeredOn = given.answeredOn() == null ? today : given.answeredOn();
        LocalDate matchedOn = referral.match().matchedAt().atZone(DENMARK).toLocalDate();
        if (answeredOn.isAfter(today)) {
            throw ProblemException.invalidField("answeredOn", "must not be in the future: record the answer once "
                    + "the family has given it");
        }
        if (answeredOn.isBefore(matchedOn)) {
            throw ProblemException.invalidField("answeredOn", "must not be before the match on " + matchedOn);
        }
        InboxReferral answered = inbox.answerForFamily(caller, referral, new FamilyAnswer(given.answer(),
                given.answeredBy(), given.reason(), given.note(), answeredOn, clock.instant(), caller.subject()));
        if (answered == null) {
            throw conflict("The match was answered, ended or withdrawn meanwhile; look at the referral again.");
        }
        return answered;
    }

    /**
     * The child's course ended, the family declined the match, or the referral was withdrawn: the
     * person's place is free again.
     */
    @EventListener
    void matchEnded(MatchEnded ended) {
        if (volunteers.givePlaceBack(ended.volunteerId(), ended.referralId())) {
            log.info("Place of volunteer {} for referral {} freed", ended.volunteerId(), ended.referralId());
        }
    }

    /** The caller's NGO's referral, waiting for a place and still holding the child's details. */
    private InboxReferral waitingChild(Caller caller, String referralId) {
        InboxReferral referral = inbox.referral(caller, referralId);
        if (referral.anonymised()) {
            throw new ProblemException(HttpStatus.CONFLICT, "consent-withdrawn", "The consent has ended",
                    "The consent for this child has ended: the referral no longer holds the child's details, so "
                            + "the child cannot be matched here.");
        }
        boolean waiting = (referral.status() == InboxStatus.ACCEPTED || referral.status() == InboxStatus.WAITLISTED)
                && referral.groupId() == null;
        if (!waiting) {
            throw conflict("Only an accepted or waitlisted child without a seat in a group can be matched; this "
                    + "referral is " + referral.status() + (referral.groupId() == null ? "" : " with a seat") + ".");
        }
        return referral;
    }

    private Intervention oneToOne(InboxReferral referral) {
        Intervention intervention = interventions.findById(referral.interventionCode())
                .orElseThrow(() -> ProblemException.notFound("Intervention " + referral.interventionCode()));
        if (intervention.format() != null && intervention.format().groupCourse()) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-one-to-one", "Not a one-to-one offer",
                    intervention.code() + " is a group course: offer the child a seat in a group instead.");
        }
        return intervention;
    }

    private RequiredQualification required(Intervention intervention) {
        return RequiredQualification.ofCatalogue(catalogue.ngo(intervention.ngoCode())
                .map(Ngo::volunteerQualification).orElse(null));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    private static String explain(Obstacle obstacle, Volunteer volunteer, InboxReferral referral, LocalDate today,
            RequiredQualification required) {
        return switch (obstacle) {
            case NOT_ACTIVE -> volunteer.id() + " is " + volunteer.status() + ", not ACTIVE.";
            case NO_VALID_CERTIFICATE -> volunteer.id() + " has no child protection certificate (børneattest) valid "
                    + "on " + today + ", which a child under " + MatchingRules.CERTIFICATE_REQUIRED_BELOW_AGE
                    + " (this one is " + referral.childAge() + ") requires.";
            case NO_FREE_CAPACITY -> volunteer.id() + " has no free place (capacity " + volunteer.profile().capacity()
                    + ").";
            case NOT_QUALIFIED -> volunteer.id() + " is " + volunteer.profile().qualification() + "; the NGO requires "
                    + required.describe() + ".";
            case DECLINED_BY_FAMILY -> "The child's family declined " + volunteer.id() + " before.";
        };
    }

    private static ProblemException ruleBroken(String detail, Set<Obstacle> obstacles) {
        ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "matching-rule",
                "The match breaks a matching rule", detail);
        problem.getBody().setProperty("obstacles", obstacles.stream().map(Obstacle::name).sorted().toList());
        return problem;
    }

    private static ProblemException noProposedMatch(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "no-proposed-match", "No match waits for an answer", detail);
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", detail);
    }

    /**
     * What the coordinator learned of the child at intake, none of which the referral carries.
     *
     * @param postcode  the child's area, for the distance; null if not given
     * @param languages ISO 639-1 codes
     * @param times     the family's free weekly slots; empty: after school and weekends
     */
    public record Intake(String postcode, List<String> languages, List<String> interests,
                         List<WeeklySlot> times) {
    }

    /**
     * The family's answer as the coordinator gives it.
     *
     * @param volunteerId the person of the proposed match the answer is about
     * @param reason      why they declined; null when accepted
     * @param note        the coordinator's own words; stays with the NGO
     * @param answeredOn  the day the family answered; null: today
     */
    public record NewFamilyAnswer(String volunteerId, FamilyAnswer.Answer answer, FamilyAnswer.AnsweredBy answeredBy,
                                  FamilyAnswer.DeclineReason reason, String note, LocalDate answeredOn) {
    }
}
