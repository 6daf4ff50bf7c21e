package dk.earlyhelp.ngo.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.matching.MatchProposals.Criterion;
import dk.earlyhelp.ngo.matching.MatchProposals.Outcome;
import dk.earlyhelp.ngo.matching.MatchProposals.Proposal;
import dk.earlyhelp.ngo.matching.MatchProposals.Reason;
import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.MatchingRules.RequiredQualification;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.Profile.ChildPreferences;
import dk.earlyhelp.ngo.volunteers.Profile.Qualification;
import dk.earlyhelp.ngo.volunteers.StatusChange;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;

/** Ranking and explaining proposals without a store: hard rules exclude, soft criteria weigh. */
class MatchProposalsTests {

    static final LocalDate DAY = LocalDate.parse("2026-12-01");
    static final ChildProtectionCertificate VALID = new ChildProtectionCertificate(DAY.minusYears(1), DAY.plusYears(1));
    static final MatchProposals.Child GIRL_OF_10 = new MatchProposals.Child(10, "GIRL", "2200", List.of("so"),
            List.of("Football", "chess"), List.of());

    @Test
    void underFifteenOnlyPeopleWithACertificateValidOnTheDayAreProposed() {
        Volunteer certified = person("certified").certificate(VALID).build();
        Volunteer none = person("none").certificate(null).build();
        Volunteer expired = person("expired").certificate(new ChildProtectionCertificate(DAY.minusYears(2),
                DAY.minusDays(1))).build();

        MatchProposals.Ranking under15 = proposals(GIRL_OF_10, RequiredQualification.ANY)
                .rank(List.of(certified, none, expired), 10);
        MatchProposals.Ranking aged15 = proposals(new MatchProposals.Child(15, "GIRL", null, List.of(), List.of(),
                List.of()), RequiredQualification.ANY).rank(List.of(certified, none, expired), 10);

        assertThat(ids(under15.proposals())).containsExactly("certified");
        assertThat(under15.excludedPeople()).isEqualTo(2);
        assertThat(under15.excluded()).isEqualTo(Map.of(Obstacle.NO_VALID_CERTIFICATE, 2));
        assertThat(ids(aged15.proposals())).containsExactlyInAnyOrder("certified", "none", "expired");
    }

    @Test
    void qualificationCapacityAndStatusExcludeToo() {
        Volunteer student = person("student").qualification(Qualification.IN_RELEVANT_EDUCATION).build();
        Volunteer professional = person("professional").qualification(Qualification.PROFESSIONAL).build();
        Volunteer full = person("full").capacity(1).matched(1).qualification(Qualification.PROFESSIONAL).build();
        Volunteer paused = person("paused").status(Volunteer.Status.PAUSED).qualification(Qualification.PROFESSIONAL)
                .build();

        MatchProposals.Ranking ranking = proposals(GIRL_OF_10,
                RequiredQualification.ofCatalogue("PROFESSIONAL")).rank(List.of(student, professional, full, paused), 10);

        assertThat(ids(ranking.proposals())).containsExactly("professional");
        assertThat(ranking.excluded()).containsEntry(Obstacle.NOT_QUALIFIED, 1)
                .containsEntry(Obstacle.NO_FREE_CAPACITY, 1).containsEntry(Obstacle.NOT_ACTIVE, 1);
        assertThat(reason(ranking.proposals().get(0), Criterion.QUALIFICATION).detail())
                .isEqualTo("PROFESSIONAL; required: PROFESSIONAL");
        Volunteer untrained = person("untrained").trainedOn(null).build();
        assertThat(proposals(GIRL_OF_10, RequiredQualification.ofCatalogue("TRAINED_BY_NGO"))
                .rank(List.of(untrained, person("trained").build()), 10).proposals()).extracting(p -> p.volunteer().id())
                .containsExactly("trained");
    }

    @Test
    void thePersonWhoFitsOnEveryCriterionComesFirstWithItsReasons() {
        Volunteer best = person("best").languages("da", "so").interests("football", "Chess").postcode("2200")
                .availability(WeeklySlot.TUE_EVENING, WeeklySlot.SAT_DAYTIME)
                .preferences(new ChildPreferences(9, 12, List.of("GIRL"))).build();
        Volunteer partly = person("partly").languages("da").interests("football", "music").postcode("2610")
                .availability(WeeklySlot.TUE_EVENING, WeeklySlot.TUE_DAYTIME)
                .preferences(new ChildPreferences(12, 16, List.of())).build();
        Volunteer misses = person("misses").languages("da").interests("gaming").postcode("8000")
                .availability(WeeklySlot.MON_DAYTIME).preferences(new ChildPreferences(14, 17, List.of("BOY"))).build();

        List<Proposal> proposals = proposals(GIRL_OF_10, RequiredQualification.ANY)
                .rank(List.of(misses, partly, best), 10).proposals();

        assertThat(ids(proposals)).containsExactly("best", "partly", "misses");
        assertThat(proposals.get(0).score()).isEqualTo(100);
        assertThat(outcomes(proposals.get(0))).containsOnlyKeys(Criterion.values()).containsValues(Outcome.FITS)
                .doesNotContainValue(Outcome.PARTLY);
        assertThat(reason(proposals.get(0), Criterion.LANGUAGE).detail()).isEqualTo("speaks so");
        assertThat(reason(proposals.get(0), Criterion.INTERESTS).detail()).isEqualTo("shares chess, football");
        assertThat(reason(proposals.get(0), Criterion.DISTANCE).detail()).isEqualTo("2200, the child's postcode");
        assertThat(reason(proposals.get(0), Criterion.AGE).detail()).isEqualTo("prefers ages 9–12; the child is 10");

        assertThat(outcomes(proposals.get(1))).containsEntry(Criterion.AGE, Outcome.PARTLY)
                .containsEntry(Criterion.GENDER, Outcome.FITS).containsEntry(Criterion.LANGUAGE, Outcome.MISSES)
                .containsEntry(Criterion.INTERESTS, Outcome.PARTLY).containsEntry(Criterion.DISTANCE, Outcome.PARTLY)
                .containsEntry(Criterion.AVAILABILITY, Outcome.PARTLY);
        assertThat(reason(proposals.get(1), Criterion.AGE).detail())
                .isEqualTo("prefers ages 12–16; the child is 10, 2 years outside");
        assertThat(reason(proposals.get(1), Criterion.DISTANCE).detail())
                .isEqualTo("2610, the same part of the country as the child's 2200");
        assertThat(reason(proposals.get(1), Criterion.AVAILABILITY).detail()).startsWith("free TUE_EVENING like the child")
                .contains("weekday evenings and weekends assumed");

        assertThat(outcomes(proposals.get(2))).containsEntry(Criterion.AGE, Outcome.MISSES)
                .containsEntry(Criterion.GENDER, Outcome.MISSES).containsEntry(Criterion.DISTANCE, Outcome.MISSES)
                .containsEntry(Criterion.AVAILABILITY, Outcome.MISSES);
        assertThat(proposals.get(2).score()).as("only the qualification").isEqualTo(4);
    }

    @Test
    void whatIsNotKnownCountsHalfAndSaysWhatToGive() {
        MatchProposals.Child onlyTheReferral = new MatchProposals.Child(10, "GIRL", null, List.of(), List.of(), null);
        Volunteer blank = person("blank").languages().interests().postcode(null).availability().build();

        Proposal proposal = proposals(onlyTheReferral, RequiredQualification.ANY).rank(List.of(blank), 1)
                .proposals().get(0);

        assertThat(outcomes(proposal)).containsEntry(Criterion.LANGUAGE, Outcome.NO_DATA)
                .containsEntry(Criterion.INTERESTS, Outcome.NO_DATA).containsEntry(Criterion.DISTANCE, Outcome.NO_DATA)
                .containsEntry(Criterion.AVAILABILITY, Outcome.NO_DATA);
        assertThat(reason(proposal, Criterion.DISTANCE).detail()).contains("area=<postcode>");
        assertThat(proposal.score()).isEqualTo((2 * 20 + 2 * 10 + 20 + 10 + 16 + 20 + 2 * 4) / 2);
    }

    @Test
    void theGivenFreeTimeOfTheFamilyReplacesTheSchoolDefault() {
        MatchProposals.Child daytime = new MatchProposals.Child(10, "GIRL", null, List.of(), List.of(),
                List.of(WeeklySlot.WED_DAYTIME, WeeklySlot.FRI_DAYTIME));
        Volunteer student = person("student").availability(WeeklySlot.WED_DAYTIME, WeeklySlot.FRI_DAYTIME).build();

        Proposal proposal = proposals(daytime, RequiredQualification.ANY).rank(List.of(student), 1).proposals().get(0);

        assertThat(reason(proposal, Criterion.AVAILABILITY))
                .isEqualTo(new Reason(Criterion.AVAILABILITY, Outcome.FITS, "free WED_DAYTIME, FRI_DAYTIME like the child"));
    }

    @Test
    void equalScoresGoToMoreFreePlacesThenTheIdAndTheLimitIsKept() {
        Volunteer twoFree = person("b").capacity(2).build();
        Volunteer oneFreeA = person("a").capacity(2).matched(1).build();
        Volunteer oneFreeC = person("c").build();

        MatchProposals.Ranking ranking = proposals(GIRL_OF_10, RequiredQualification.ANY)
                .rank(List.of(oneFreeC, oneFreeA, twoFree), 2);

        assertThat(ids(ranking.proposals())).containsExactly("b", "a");
        assertThat(ranking.candidates()).isEqualTo(3);
    }

    @Test
    void postcodesThatAreNotFourDigitsAreNoPostcodes() {
        assertThat(MatchProposals.postcode("8000")).isEqualTo(8000);
        assertThat(MatchProposals.postcode("0800")).isEqualTo(800);
        assertThat(MatchProposals.postcode("DK-8000")).isEqualTo(-1);
        assertThat(MatchProposals.postcode(null)).isEqualTo(-1);
    }

    private static MatchProposals proposals(MatchProposals.Child child, RequiredQualification required) {
        return new MatchProposals(child, required, DAY);
    }

    private static List<String> ids(List<Proposal> proposals) {
        return proposals.stream().map(proposal -> proposal.volunteer().id()).toList();
    }

    private static Map<Criterion, Outcome> outcomes(Proposal proposal) {
        return proposal.reasons().stream().collect(Collectors.toMap(Reason::criterion, Reason::outcome));
    }

    private static Reason reason(Proposal proposal, Criterion criterion) {
        return proposal.reasons().stream().filter(reason -> reason.criterion() == criterion).findFirst().orElseThrow();
    }

    static Builder person(String id) {
        return new Builder(id);
    }

    /** An active, certified, trained person with one free place, no preferences and a weekday evening free. */
    static final class Builder {

        private final String id;
        private Volunteer.Status status = Volunteer.Status.ACTIVE;
        private Qualification qualification = Qualification.PERSONAL_FIT;
        private ChildProtectionCertificate certificate = VALID;
        private LocalDate trainedOn = DAY.minusYears(1);
        private List<String> languages = List.of("da");
        private List<String> interests = List.of();
        private String postcode = "2300";
        private Set<WeeklySlot> availability = EnumSet.of(WeeklySlot.WED_EVENING);
        private int capacity = 1;
        private int matched;
        private ChildPreferences preferences;

        Builder(String id) {
            this.id = id;
        }

        Builder status(Volunteer.Status value) {
            status = value;
            return this;
        }

        Builder qualification(Qualification value) {
            qualification = value;
            return this;
        }

        Builder certificate(ChildProtectionCertificate value) {
            certificate = value;
            return this;
        }

        Builder trainedOn(LocalDate value) {
            trainedOn = value;
            return this;
        }

        Builder languages(String... values) {
            languages = List.of(values);
            return this;
        }

        Builder interests(String... values) {
            interests = List.of(values);
            return this;
        }

        Builder postcode(String value) {
            postcode = value;
            return this;
        }

        Builder availability(WeeklySlot... slots) {
            availability = slots.length == 0 ? EnumSet.noneOf(WeeklySlot.class) : EnumSet.copyOf(List.of(slots));
            return this;
        }

        Builder capacity(int value) {
            capacity = value;
            return this;
        }

        Builder matched(int value) {
            matched = value;
            return this;
        }

        Builder preferences(ChildPreferences value) {
            preferences = value;
            return this;
        }

        Volunteer build() {
            Profile profile = new Profile("Frivillig " + id, Profile.Kind.VOLUNTEER, qualification, certificate,
                    trainedOn, true, languages, interests, postcode, availability, capacity, List.of("STROEM"),
                    preferences, null);
            List<String> children = new ArrayList<>();
            for (int i = 0; i < matched; i++) {
                children.add("referral-" + i);
            }
            return new Volunteer(id, "URK_KBH", profile, status,
                    List.of(new StatusChange(status, Instant.parse("2026-01-01T10:00:00Z"), "coordinator")), children,
                    Instant.parse("2026-01-01T10:00:00Z"));
        }
    }
}
