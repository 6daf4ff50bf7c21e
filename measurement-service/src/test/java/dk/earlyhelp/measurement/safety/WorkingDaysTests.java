package dk.earlyhelp.measurement.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.measurement.safety.WorkingDays.ExtraClosingDay;

class WorkingDaysTests {

    private final WorkingDays workingDays = new WorkingDays(EnumSet.allOf(ExtraClosingDay.class));

    @Test
    void countsMondayToFridayOnly() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(workingDays.after(monday, 2)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(workingDays.after(monday.plusDays(3), 2)).as("Thursday → Monday").isEqualTo(monday.plusDays(7));
        assertThat(workingDays.after(monday.plusDays(4), 2)).as("Friday → Tuesday").isEqualTo(monday.plusDays(8));
        assertThat(workingDays.after(monday.plusDays(5), 2)).as("Saturday → Tuesday").isEqualTo(monday.plusDays(8));
    }

    @Test
    void findsEasterSundayByTheAnonymousGregorianAlgorithm() {
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easterSunday(2038)).as("the latest possible").isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(WorkingDays.easterSunday(2285)).as("the earliest possible").isEqualTo(LocalDate.of(2285, 3, 22));
    }

    @Test
    void knowsTheDanishPublicHolidaysOf2025() {
        List<LocalDate> holidays = Stream.iterate(LocalDate.of(2025, 1, 1), day -> day.getYear() == 2025,
                day -> day.plusDays(1)).filter(WorkingDays::isPublicHoliday).toList();
        assertThat(holidays).containsExactly(LocalDate.of(2025, 1, 1), // Nytårsdag
                LocalDate.of(2025, 4, 17), // Skærtorsdag
                LocalDate.of(2025, 4, 18), // Langfredag
                LocalDate.of(2025, 4, 20), // Påskedag
                LocalDate.of(2025, 4, 21), // 2. Påskedag
                LocalDate.of(2025, 5, 29), // Kristi Himmelfartsdag
                LocalDate.of(2025, 6, 8), // Pinsedag
                LocalDate.of(2025, 6, 9), // 2. Pinsedag
                LocalDate.of(2025, 12, 25), // Juledag
                LocalDate.of(2025, 12, 26)); // 2. Juledag
    }

    @Test
    void keepsStoreBededagUntil2023Only() {
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2023, 5, 5))).as("Store Bededag 2023").isTrue();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2022, 5, 13))).as("Store Bededag 2022").isTrue();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2024, 4, 26))).as("abolished from 2024").isFalse();
        assertThat(workingDays.after(LocalDate.of(2023, 5, 4), 1)).as("Thursday → Monday").isEqualTo(
                LocalDate.of(2023, 5, 8));
    }

    @Test
    void aConcernRaisedOnTheWednesdayBeforeEasterIsDueAfterEasterMonday() {
        assertThat(workingDays.after(LocalDate.of(2026, 4, 1), 2))
                .as("Wednesday 1 April 2026: Skærtorsdag to 2. Påskedag are closed, so Tuesday and Wednesday count")
                .isEqualTo(LocalDate.of(2026, 4, 8));
        assertThat(workingDays.after(LocalDate.of(2025, 4, 16), 2)).isEqualTo(LocalDate.of(2025, 4, 23));
    }

    @Test
    void closesOnGrundlovsdagChristmasEveAndNewYearsEveUnlessConfiguredOtherwise() {
        // Thursday 4 June 2026: Friday 5 June is Grundlovsdag.
        assertThat(workingDays.after(LocalDate.of(2026, 6, 4), 1)).isEqualTo(LocalDate.of(2026, 6, 8));
        // Wednesday 23 December 2026: 24, 25 and 26 December close, then a weekend; 28 and 29 count.
        assertThat(workingDays.after(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 29));
        // Wednesday 30 December 2026: 31 December and 1 January close, then a weekend.
        assertThat(workingDays.after(LocalDate.of(2026, 12, 30), 1)).isEqualTo(LocalDate.of(2027, 1, 4));

        WorkingDays openOnEves = new WorkingDays(EnumSet.noneOf(ExtraClosingDay.class));
        assertThat(openOnEves.after(LocalDate.of(2026, 6, 4), 1)).isEqualTo(LocalDate.of(2026, 6, 5));
        assertThat(openOnEves.after(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(openOnEves.after(LocalDate.of(2026, 12, 30), 1)).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
