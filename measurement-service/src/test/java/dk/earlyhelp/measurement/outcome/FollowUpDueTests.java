package dk.earlyhelp.measurement.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A follow-up is due when the end + 6 months lies before today, month ends included. */
class FollowUpDueTests {

    @Test
    void theLastEndWithTheFollowUpDueIsFoundAlsoWhereMonthsAreShort() {
        LocalDate today = LocalDate.parse("2027-02-28");

        long last = OutcomeFigures.lastEndWithFollowUpDue(today);

        // 27 August + 6 months is 27 February; 28 to 31 August all reach 28 February, not before today.
        assertThat(LocalDate.ofEpochDay(last)).isEqualTo(LocalDate.parse("2026-08-27"));
        for (LocalDate end = LocalDate.parse("2026-08-01"); end.isBefore(LocalDate.parse("2026-10-01"));
                end = end.plusDays(1)) {
            assertThat(end.toEpochDay() <= last).as("%s", end).isEqualTo(end.plusMonths(6).isBefore(today));
        }
    }
}
