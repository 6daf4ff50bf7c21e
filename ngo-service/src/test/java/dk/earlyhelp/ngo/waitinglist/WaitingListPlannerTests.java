package dk.earlyhelp.ngo.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.StatusChange;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.Volunteer.Status;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import dk.earlyhelp.ngo.waitinglist.WaitingListPlanner.Estimate;
import dk.earlyhelp.ngo.waitinglist.WaitingListPlanner.Reason;

/** Waiting list order and start estimates on a fixed clock: late evening UTC is already the next day in Denmark. */
class WaitingListPlannerTests {

    static final WaitingListPlanner PLANNER = new WaitingListPlanner(
            Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC));
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final LocalDate INTAKE = TODAY.plusDays(14);
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    @Test
    void urgentChildrenComeFirstThenTheLongestWaiting() {
        List<Estimate> estimates = PLANNER.forGroupCourse(List.of(child("a", 10, "NORMAL", 3),
                child("b", 10, "HIGH", 1), child("c", 10, "NORMAL", 9), child("d", 10, "HIGH", 5)), List.of());

        assertThat(estimates).extracting(estimate -> estimate.referral().referralId())
                .containsExactly("d", "b", "c", "a");
    }

    @Test
    void eachChildGetsTheFirstComingGroupWithAFreeSeatThatFitsTheirAge() {
        Group started = group("started", 0, 9, 13, 8, 0);
        Group oneSeatLeft = group("g1", 7, 9, 13, 8, 7);
        Group youngerOnly = group("g2", 21, 9, 11, 2, 0);
        Group olderOnly = group("g3", 49, 12, 13, 8, 0);
        List<InboxReferral> waiting = List.of(child("a", 10, "NORMAL", 10), child("b", 12, "NORMAL", 9),
                child("c", 10, "HIGH", 8), child("d", 10, "NORMAL", 7), child("e", 10, "NORMAL", 6),
                child("f", 15, "NORMAL", 30));

        List<Estimate> estimates = PLANNER.forGroupCourse(waiting, List.of(olderOnly, started, youngerOnly, oneSeatLeft));

        assertThat(estimates).extracting(e -> e.referral().referralId(), Estimate::groupId, Estimate::expectedStart)
                .containsExactly(
                        tuple("c", "g1", TODAY.plusDays(7)),
                        tuple("f", null, null),
                        tuple("a", "g2", TODAY.plusDays(21)),
                        tuple("b", "g3", TODAY.plusDays(49)),
                        tuple("d", "g2", TODAY.plusDays(21)),
                        tuple("e", null, null));
        assertThat(estimates.get(1).reasonCode()).isEqualTo(Reason.NO_GROUP_WITH_FREE_SEAT);
        assertThat(estimates.get(1).reason()).isEqualTo("no group with a free seat for age 15");
        assertThat(estimates.get(5).reason()).isEqualTo("no group with a free seat for age 10");
    }

    @Test
    void oneToOneStartsWithFreeActivePlacesAfterTheIntakeThenWithPeopleInOnboarding() {
        List<Volunteer> people = List.of(
                person("a", Status.ACTIVE, 1, 0, valid(), TODAY.minusYears(1)),
                person("b", Status.ACTIVE, 2, 2, valid(), TODAY.minusYears(1)),
                person("c", Status.ACTIVE, 1, 0, null, TODAY.minusYears(1)),
                person("d", Status.ONBOARDING, 1, 0, null, TODAY.minusDays(10)),
                person("e", Status.ONBOARDING, 1, 0, null, TODAY.minusDays(40)),
                person("f", Status.PAUSED, 2, 0, valid(), TODAY.minusDays(5)),
                person("g", Status.APPLICANT, 2, 0, null, TODAY.minusDays(5)));
        List<InboxReferral> waiting = List.of(child("k1", 12, "NORMAL", 50), child("k2", 16, "NORMAL", 40),
                child("k3", 8, "NORMAL", 30), child("k4", 9, "NORMAL", 20), child("k5", 10, "NORMAL", 10));

        List<Estimate> estimates = PLANNER.forOneToOne(waiting, people);

        assertThat(estimates).extracting(Estimate::expectedStart).containsExactly(
                INTAKE, // a: active, free, certificate valid
                INTAKE, // c: no certificate, but the child is 16
                INTAKE, // e: onboarding for 40 days, due in 2, but no start before the intake
                TODAY.plusDays(32), // d: onboarding for 10 days of 42
                null);
        assertThat(estimates.get(4).reasonCode()).isEqualTo(Reason.NO_FREE_VOLUNTEER);
    }

    @Test
    void aChildUnder15WaitsForAPersonWithAValidCertificate() {
        List<Volunteer> people = List.of(person("c", Status.ACTIVE, 1, 0, null, TODAY.minusYears(1)));

        List<Estimate> estimates = PLANNER.forOneToOne(List.of(child("k1", 10, "NORMAL", 5)), people);

        assertThat(estimates.get(0).expectedStart()).isNull();
        assertThat(estimates.get(0).reasonCode()).isEqualTo(Reason.NO_FREE_VOLUNTEER_WITH_CERTIFICATE);
        assertThat(estimates.get(0).reason()).contains("age 10");
    }

    @Test
    void aChildWhoseConsentEndedKeepsItsPlaceInTheListButTakesNoCapacity() {
        List<InboxReferral> waiting = List.of(anonymised("gone", "HIGH", 9), child("next", 10, "NORMAL", 1));

        List<Estimate> inGroups = PLANNER.forGroupCourse(waiting, List.of(group("g1", 7, 9, 13, 1, 0)));
        List<Estimate> oneToOne = PLANNER.forOneToOne(waiting,
                List.of(person("a", Status.ACTIVE, 1, 0, valid(), TODAY.minusYears(1))));

        for (List<Estimate> estimates : List.of(inGroups, oneToOne)) {
            assertThat(estimates).extracting(e -> e.referral().referralId(), Estimate::reasonCode)
                    .containsExactly(tuple("gone", Reason.CONSENT_WITHDRAWN), tuple("next", null));
            assertThat(estimates.get(0).expectedStart()).isNull();
            assertThat(estimates.get(1).expectedStart()).as("the only place goes to the next child").isNotNull();
        }
    }

    private static ChildProtectionCertificate valid() {
        return new ChildProtectionCertificate(TODAY.minusYears(1), TODAY.plusYears(1));
    }

    private static InboxReferral child(String referralId, int age, String urgency, int daysWaiting) {
        return new InboxReferral(referralId, "NGO", "TEST", "0751", "child-" + referralId, age, "GIRL", List.of(),
                null, null, urgency, null, InboxStatus.WAITLISTED, null,
                TODAY.minusDays(daysWaiting).atTime(9, 0).atZone(DENMARK).toInstant(), null, null, null, null, null,
                null, List.of(), List.of());
    }

    /** A waiting child's referral made anonymous because the consent ended. */
    private static InboxReferral anonymised(String referralId, String urgency, int daysWaiting) {
        return new InboxReferral(referralId, "NGO", "TEST", "0751", "child-" + referralId, null, null, null,
                null, null, urgency, null, InboxStatus.WAITLISTED, null,
                TODAY.minusDays(daysWaiting).atTime(9, 0).atZone(DENMARK).toInstant(), null, null, null, null,
                null, Instant.EPOCH, List.of(), List.of());
    }

    private static Group group(String id, int startsInDays, int ageMin, int ageMax, int size, int taken) {
        List<Group.Seat> seats = IntStream.range(0, taken)
                .mapToObj(i -> new Group.Seat(id + "-" + i, "child", ageMin, Instant.EPOCH, "coordinator")).toList();
        return new Group(id, "NGO", "TEST", TODAY.plusDays(startsInDays), 8, 7, ageMin, ageMax, size, List.of("l"),
                seats, taken, Instant.EPOCH, "coordinator");
    }

    private static Volunteer person(String id, Status status, int capacity, int matched,
            ChildProtectionCertificate certificate, LocalDate since) {
        Profile profile = new Profile("Frivillig " + id, Profile.Kind.VOLUNTEER, Profile.Qualification.PERSONAL_FIT,
                certificate, null, true, List.of("da"), List.of(), "8000", EnumSet.of(WeeklySlot.SAT_DAYTIME),
                capacity, List.of("TEST"), null, null);
        return new Volunteer(id, "NGO", profile, status,
                List.of(new StatusChange(status, since.atTime(10, 0).atZone(DENMARK).toInstant(), "coordinator")),
                IntStream.range(0, matched).mapToObj(i -> "matched-" + i).toList(), Instant.EPOCH);
    }
}
