package dk.earlyhelp.measurement.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    @Test
    void countsMondayToFridayOnly() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(WorkingDays.after(monday, 2)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(WorkingDays.after(monday.plusDays(3), 2)).as("Thursday → Monday").isEqualTo(monday.plusDays(7));
        assertThat(WorkingDays.after(monday.plusDays(4), 2)).as("Friday → Tuesday").isEqualTo(monday.plusDays(8));
        assertThat(WorkingDays.after(monday.plusDays(5), 2)).as("Saturday → Tuesday").isEqualTo(monday.plusDays(8));
    }
}
