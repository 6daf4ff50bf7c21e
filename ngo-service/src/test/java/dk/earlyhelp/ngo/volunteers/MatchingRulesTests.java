package dk.earlyhelp.ngo.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.volunteers.MatchingRules.Obstacle;
import dk.earlyhelp.ngo.volunteers.Volunteer.Status;

/** Who may work with a child: active, a certificate valid that day for under-15s, and room for one more. */
class MatchingRulesTests {

    static final LocalDate DAY = LocalDate.parse("2026-12-01");
    static final ChildProtectionCertificate VALID = new ChildProtectionCertificate(DAY.minusYears(1), DAY.plusYears(1));

    @Test
    void anActivePersonWithAValidCertificateAndAFreePlaceMayWorkWithAChildUnder15() {
        assertThat(MatchingRules.mayWorkWith(person(Status.ACTIVE, VALID, 1, 0), 9, DAY)).isTrue();
    }

    @Test
    void underFifteenTheCertificateMustBeValidOnTheDay() {
        Volunteer expired = person(Status.ACTIVE, new ChildProtectionCertificate(DAY.minusYears(2), DAY.minusDays(1)), 1, 0);
        Volunteer notYet = person(Status.ACTIVE, new ChildProtectionCertificate(DAY.plusDays(1), DAY.plusYears(2)), 1, 0);
        Volunteer none = person(Status.ACTIVE, null, 1, 0);

        assertThat(MatchingRules.obstaclesToWorkWith(expired, 14, DAY)).containsExactly(Obstacle.NO_VALID_CERTIFICATE);
        assertThat(MatchingRules.mayWorkWith(notYet, 14, DAY)).isFalse();
        assertThat(MatchingRules.mayWorkWith(none, 3, DAY)).isFalse();
        assertThat(MatchingRules.mayWorkWith(expired, 14, DAY.minusDays(1))).as("last valid day counts").isTrue();
    }

    @Test
    void fromFifteenNoCertificateIsNeeded() {
        assertThat(MatchingRules.mayWorkWith(person(Status.ACTIVE, null, 1, 0), 15, DAY)).isTrue();
        assertThat(MatchingRules.mayWorkWith(person(Status.ACTIVE, null, 1, 0), 17, DAY)).isTrue();
    }

    @Test
    void onlyActivePeopleWithFreeCapacityAreMatched() {
        for (Status status : EnumSet.complementOf(EnumSet.of(Status.ACTIVE))) {
            assertThat(MatchingRules.obstaclesToWorkWith(person(status, VALID, 1, 0), 10, DAY))
                    .as(status.name()).containsExactly(Obstacle.NOT_ACTIVE);
        }
        assertThat(MatchingRules.obstaclesToWorkWith(person(Status.ACTIVE, VALID, 2, 2), 10, DAY))
                .containsExactly(Obstacle.NO_FREE_CAPACITY);
        assertThat(MatchingRules.obstaclesToWorkWith(person(Status.PAUSED, null, 0, 0), 10, DAY))
                .containsExactlyInAnyOrder(Obstacle.NOT_ACTIVE, Obstacle.NO_VALID_CERTIFICATE, Obstacle.NO_FREE_CAPACITY);
    }

    @Test
    void leadingAGroupNeedsNoOneToOneCapacity() {
        Volunteer groupLeader = person(Status.ACTIVE, VALID, 0, 0);

        assertThat(MatchingRules.obstaclesToLead(groupLeader, 9, DAY)).isEmpty();
        assertThat(MatchingRules.obstaclesToLead(person(Status.ACTIVE, null, 0, 0), 9, DAY))
                .containsExactly(Obstacle.NO_VALID_CERTIFICATE);
        assertThat(MatchingRules.obstaclesToLead(person(Status.ACTIVE, null, 0, 0), 15, DAY)).isEmpty();
    }

    @Test
    void aMatchAlsoNeedsTheQualificationTheNgoRequires() {
        Volunteer personalFit = person(Status.ACTIVE, VALID, 1, 0);
        MatchingRules.RequiredQualification professional = MatchingRules.RequiredQualification
                .ofCatalogue("PROFESSIONAL");
        MatchingRules.RequiredQualification student = MatchingRules.RequiredQualification
                .ofCatalogue("IN_RELEVANT_EDUCATION");

        assertThat(MatchingRules.obstaclesToMatch(personalFit, 10, DAY, professional))
                .containsExactly(Obstacle.NOT_QUALIFIED);
        assertThat(MatchingRules.obstaclesToMatch(personalFit, 10, DAY, MatchingRules.RequiredQualification
                .ofCatalogue("APPROVED_NO_TRAINING"))).isEmpty();
        assertThat(MatchingRules.obstaclesToMatch(personalFit, 10, DAY, MatchingRules.RequiredQualification
                .ofCatalogue("TRAINED_BY_NGO"))).as("no training completed").containsExactly(Obstacle.NOT_QUALIFIED);
        assertThat(Profile.Qualification.PROFESSIONAL.meets(student.level())).isTrue();
        assertThat(Profile.Qualification.PERSONAL_FIT.meets(student.level())).isFalse();
        assertThat(professional.describe()).isEqualTo("PROFESSIONAL");
        assertThat(student.describe()).isEqualTo("IN_RELEVANT_EDUCATION or higher");
    }

    @Test
    void statusesMoveOnlyAlongThePipeline() {
        assertThat(Status.ACTIVE.previous()).containsExactlyInAnyOrder(Status.ONBOARDING, Status.PAUSED);
        assertThat(Status.APPLICANT.previous()).containsExactly(Status.LEFT);
        assertThat(Status.LEFT.previous()).containsExactlyInAnyOrder(Status.APPLICANT, Status.ONBOARDING,
                Status.ACTIVE, Status.PAUSED);
        assertThat(Status.APPLICANT.next()).doesNotContain(Status.ACTIVE);
    }

    static Volunteer person(Status status, ChildProtectionCertificate certificate, int capacity, int matched) {
        Profile profile = new Profile("Frivillig", Profile.Kind.VOLUNTEER, Profile.Qualification.PERSONAL_FIT,
                certificate, null, true, List.of("da"), List.of(), "8000", EnumSet.of(WeeklySlot.TUE_EVENING),
                capacity, List.of("STROEM"), null, null);
        List<String> children = IntStream.range(0, matched).mapToObj(i -> "referral-" + i).toList();
        return new Volunteer("v", "URK_KBH", profile, status,
                List.of(new StatusChange(status, Instant.parse("2026-01-01T10:00:00Z"), "coordinator")), children,
                Instant.parse("2026-01-01T10:00:00Z"));
    }
}
