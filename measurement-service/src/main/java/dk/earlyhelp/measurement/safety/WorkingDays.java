package dk.earlyhelp.measurement.safety;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

/**
 * Danish working days: Monday to Friday except the public holidays (helligdage, computed per year
 * from Easter) and the extra closing days the NGO's office keeps. Store Bededag counts up to 2023
 * only: the Folketing abolished it as a public holiday from 2024.
 */
final class WorkingDays {

    /**
     * Days that are no public holiday but on which public offices (and most NGO offices) close, so a
     * coordinator cannot be expected to hold a conversation; all three by default
     * ({@code earlyhelp.safety.extra-closing-days}).
     */
    enum ExtraClosingDay {
        /** Grundlovsdag, 5 June. */
        CONSTITUTION_DAY(MonthDay.of(6, 5)),
        /** Juleaftensdag, 24 December. */
        CHRISTMAS_EVE(MonthDay.of(12, 24)),
        /** Nytårsaftensdag, 31 December. */
        NEW_YEARS_EVE(MonthDay.of(12, 31));

        private final MonthDay day;

        ExtraClosingDay(MonthDay day) {
            this.day = day;
        }
    }

    private static final int LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

    private final Set<ExtraClosingDay> extraClosingDays;

    WorkingDays(Set<ExtraClosingDay> extraClosingDays) {
        this.extraClosingDays = extraClosingDays.isEmpty() ? EnumSet.noneOf(ExtraClosingDay.class)
                : EnumSet.copyOf(extraClosingDays);
    }

    /** The day that ends the given number of working days after {@code day} (which itself does not count). */
    LocalDate after(LocalDate day, int workingDays) {
        LocalDate result = day;
        int counted = 0;
        while (counted < workingDays) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isPublicHoliday(day) && extraClosingDays.stream().noneMatch(closed -> closed.day.atYear(
                        day.getYear()).equals(day));
    }

    /**
     * Nytårsdag, Skærtorsdag, Langfredag, Påskedag, 2. Påskedag, Store Bededag (until 2023), Kristi
     * Himmelfartsdag, Pinsedag, 2. Pinsedag, Juledag and 2. Juledag.
     */
    static boolean isPublicHoliday(LocalDate day) {
        if (MonthDay.from(day).equals(MonthDay.of(1, 1)) || MonthDay.from(day).equals(MonthDay.of(12, 25))
                || MonthDay.from(day).equals(MonthDay.of(12, 26))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        long fromEaster = day.toEpochDay() - easter.toEpochDay();
        boolean greatPrayerDay = fromEaster == 26 && day.getYear() <= LAST_YEAR_WITH_GREAT_PRAYER_DAY;
        return fromEaster == -3 || fromEaster == -2 || fromEaster == 0 || fromEaster == 1 || greatPrayerDay
                || fromEaster == 39 || fromEaster == 49 || fromEaster == 50;
    }

    /**
     * Easter Sunday of the Gregorian calendar by the anonymous algorithm (Meeus/Jones/Butcher):
     * https://en.wikipedia.org/wiki/Date_of_Easter#Anonymous_Gregorian_algorithm
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
