package dk.earlyhelp.ngo.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.capacity.CapacityOverview.Need;
import dk.earlyhelp.ngo.groups.Group;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.StatusChange;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.Volunteer.Status;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;

/** The recruitment signal names the mentors or seats missing for the children waiting. */
class RecruitmentSignalsTests {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Test
    void childrenNoFreeMentorMayTakeAreTheMentorsMissingPerMunicipality() {
        List<InboxReferral> waiting = List.of(child("a", 10, "0751", 30), child("b", 12, "0751", 20),
                child("c", 13, "0751", 10), child("d", 16, "0101", 5));
        List<Volunteer> people = List.of(
                person("free-for-young", Status.ACTIVE, 1, valid(), 6, 11),
                person("no-certificate", Status.ACTIVE, 2, null, null, null),
                person("onboarding", Status.ONBOARDING, 1, valid(), null, null),
                person("full", Status.ACTIVE, 0, valid(), null, null));

        List<Need> needs = RecruitmentSignals.mentorsMissing(waiting, people, TODAY);

        // a (10) takes the only fitting slot; b and c need a certificate; d (16) could have had the one without.
        assertThat(needs).extracting(Need::need, Need::municipalityCode, Need::missing, Need::ageMin, Need::ageMax,
                Need::certificateNeeded, Need::languages).containsExactly(
                        tuple(Need.Kind.MENTORS, "0751", 2, 12, 13, true, List.of()));
    }

    @Test
    void theUrgentChildIsPlacedFirstSoTheOneWaitingLongerIsLeftOver() {
        InboxReferral longWaiting = child("long", 10, "0751", 60);
        InboxReferral urgent = new InboxReferral("urgent", "NGO", "TEST", "0751", "child-urgent", 11, "BOY",
                List.of(), null, null, "HIGH", null, InboxStatus.WAITLISTED, null,
                TODAY.atTime(9, 0).atZone(DENMARK).toInstant(), null, null, null, null, null, null, List.of(),
                List.of());

        List<Need> needs = RecruitmentSignals.mentorsMissing(List.of(longWaiting, urgent),
                List.of(person("one", Status.ACTIVE, 1, valid(), null, null)), TODAY);

        assertThat(needs).singleElement().satisfies(need -> assertThat(need.ageMin()).isEqualTo(10));
    }

    @Test
    void theSignalNamesTheLanguageWaitingChildrenNeedWhenNoFreeMentorSpeaksIt() {
        List<InboxReferral> waiting = List.of(child("a", 10, "0751", 30, List.of("ar")),
                child("b", 13, "0751", 20, List.of("AR")), child("c", 12, "0751", 15, List.of("ar")),
                child("d", 11, "0751", 10, List.of("so", "ar")), child("e", 9, "0751", 5));
        List<Volunteer> people = List.of(
                person("danish", Status.ACTIVE, 2, valid(), null, null),
                person("somali", Status.ACTIVE, 1, valid(), null, null, List.of("da", "so")));

        List<Need> needs = RecruitmentSignals.mentorsMissing(waiting, people, TODAY);

        // d speaks Somali too and takes the Somali speaker; e has no language need and takes a Danish
        // speaker; a, b and c need someone speaking Arabic, whom no free mentor does.
        assertThat(needs).extracting(Need::need, Need::municipalityCode, Need::missing, Need::ageMin, Need::ageMax,
                Need::languages).containsExactly(tuple(Need.Kind.MENTORS, "0751", 3, 10, 13, List.of("ar")));
    }

    @Test
    void childrenNoSeatOfAComingGroupFitsNeedANewGroupWithTheLeadersWhoCouldTakeIt() {
        List<InboxReferral> waiting = List.of(child("a", 9, "0751", 30), child("b", 10, "0751", 20),
                child("c", 14, "0751", 10));
        List<Group> coming = List.of(group("g", 9, 13, 8, 7));
        List<Volunteer> idle = List.of(person("leader", Status.ACTIVE, 0, valid(), null, null),
                person("unvetted", Status.ACTIVE, 0, null, null, null));

        List<Need> needs = RecruitmentSignals.groupSeatsMissing(waiting, coming, idle, TODAY);

        // a takes the last seat; b (10) does not get one, c (14) is too old for the group.
        assertThat(needs).extracting(Need::need, Need::missing, Need::ageMin, Need::ageMax, Need::leadersAvailable)
                .containsExactly(tuple(Need.Kind.GROUP_SEATS, 2, 10, 14, 1));
    }

    @Test
    void nothingIsMissingWhenEveryWaitingChildHasAPlace() {
        assertThat(RecruitmentSignals.mentorsMissing(List.of(child("a", 10, "0751", 3)),
                List.of(person("one", Status.ACTIVE, 1, valid(), null, null)), TODAY)).isEmpty();
        assertThat(RecruitmentSignals.groupSeatsMissing(List.of(), List.of(), List.of(), TODAY)).isEmpty();
    }

    private static ChildProtectionCertificate valid() {
        return new ChildProtectionCertificate(TODAY.minusYears(1), TODAY.plusYears(1));
    }

    private static InboxReferral child(String referralId, int age, String municipality, int daysWaiting) {
        return child(referralId, age, municipality, daysWaiting, null);
    }

    private static InboxReferral child(String referralId, int age, String municipality, int daysWaiting,
            List<String> languages) {
        return new InboxReferral(referralId, "NGO", "TEST", municipality, "child-" + referralId, age, "GIRL",
                List.of(), null, languages, "NORMAL", null, InboxStatus.WAITLISTED, null,
                TODAY.minusDays(daysWaiting).atTime(9, 0).atZone(DENMARK).toInstant(), null, null, null, null, null,
                null, List.of(), List.of());
    }

    private static Group group(String id, int ageMin, int ageMax, int size, int taken) {
        List<Group.Seat> seats = IntStream.range(0, taken)
                .mapToObj(i -> new Group.Seat(id + "-" + i, "child", ageMin, Instant.EPOCH, "coordinator")).toList();
        return new Group(id, "NGO", "TEST", TODAY.plusDays(14), 8, 7, ageMin, ageMax, size, List.of("l"), seats,
                taken, Instant.EPOCH, "coordinator");
    }

    private static Volunteer person(String id, Status status, int capacity, ChildProtectionCertificate certificate,
            Integer ageMin, Integer ageMax) {
        return person(id, status, capacity, certificate, ageMin, ageMax, List.of("da"));
    }

    private static Volunteer person(String id, Status status, int capacity, ChildProtectionCertificate certificate,
            Integer ageMin, Integer ageMax, List<String> languages) {
        Profile profile = new Profile("Frivillig " + id, Profile.Kind.VOLUNTEER, Profile.Qualification.PERSONAL_FIT,
                certificate, null, true, languages, List.of(), "8000", EnumSet.of(WeeklySlot.SAT_DAYTIME),
                capacity, List.of("TEST"), new Profile.ChildPreferences(ageMin, ageMax, null), null);
        return new Volunteer(id, "NGO", profile, status,
                List.of(new StatusChange(status, TODAY.minusYears(1).atTime(10, 0).atZone(DENMARK).toInstant(),
                        "coordinator")), List.of(), Instant.EPOCH);
    }
}
