package dk.earlyhelp.ngo.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.Ngo;
import dk.earlyhelp.ngo.catalogue.TargetGroup;
import dk.earlyhelp.ngo.volunteers.Volunteer.Status;

/** The demo people: synthetic, deterministic, and spread the way real NGOs' people are. */
class DemoVolunteersTests {

    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final Ngo URK_KBH = new Ngo("URK_KBH", "Ungdommens Røde Kors København", "MOSTLY_VOLUNTEERS",
            "PERSONAL_FIT", "No child or young person left outside");
    /** 30 mentors taking one child each, as in the catalogue. */
    static final Intervention STROEM = new Intervention("STROEM", "STRØM", "URK_KBH", List.of("0101"),
            "A_FUNCTIONAL_SPLIT", List.of("INDIVIDUAL", "GROUP"), new TargetGroup(6, 16, null, null, null, null, null,
                    null, true, null),
            new Format("MENTORING", null, null, 52, null, null, 3, 2, null), new Capacity(null, null, 30, null, 1),
            "NGO", List.of(), true, null, List.of());

    @Test
    void theCataloguesVolunteersBecomeSyntheticPeopleWithARealisticSpread() {
        List<Volunteer> people = DemoVolunteers.people(STROEM, URK_KBH, TODAY);

        assertThat(people).hasSize(30);
        assertThat(people).allSatisfy(person -> {
            assertThat(person.profile().displayName()).matches("Frivillig \\d+ \\(STRØM\\)");
            assertThat(person.ngoCode()).isEqualTo("URK_KBH");
            assertThat(person.profile().capacity()).isEqualTo(1);
            assertThat(person.statusHistory().get(person.statusHistory().size() - 1).status())
                    .isEqualTo(person.status());
        });
        assertThat(count(people, Status.PAUSED)).isEqualTo(1);
        assertThat(count(people, Status.ONBOARDING)).isEqualTo(6);
        assertThat(count(people, Status.APPLICANT)).isEqualTo(3);
        List<Volunteer> active = people.stream().filter(person -> person.status() == Status.ACTIVE).toList();
        assertThat(active).hasSize(20);
        assertThat(active.stream().filter(person -> !person.profile().certificate().validOn(TODAY)))
                .as("one active volunteer's certificate has expired").hasSize(1);
        Set<String> languages = people.stream().flatMap(person -> person.profile().languages().stream())
                .collect(Collectors.toSet());
        assertThat(languages).contains("da", "en", "ar", "so", "tr", "uk");
        assertThat(people).allSatisfy(person -> assertThat(person.profile().availability()).isNotEmpty());
    }

    @Test
    void theSameDayGivesTheSamePeople() {
        assertThat(DemoVolunteers.people(STROEM, URK_KBH, TODAY)).isEqualTo(DemoVolunteers.people(STROEM, URK_KBH, TODAY));
    }

    private static long count(List<Volunteer> people, Status status) {
        return people.stream().filter(person -> person.status() == status).count();
    }
}
