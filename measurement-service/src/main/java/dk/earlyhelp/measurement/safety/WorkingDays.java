package dk.earlyhelp.measurement.safety;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday; public holidays are not known here and count as working days. */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The day that ends the given number of working days after {@code day} (which itself does not count). */
    static LocalDate after(LocalDate day, int workingDays) {
        LocalDate result = day;
        int counted = 0;
        while (counted < workingDays) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return result;
    }
}
