package dk.earlyhelp.measurement.operations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.measurement.questionnaire.MeasurementFigures;

/**
 * The operations figures of METRICS.md §5 over the referrals submitted in the period.
 *
 * @param funnel       how many referrals reached each step, with the conversion from the step before
 * @param byStatus     where the referrals are now
 * @param responseDays days from submission to the NGO's first decision (accepted, waitlisted or declined)
 * @param waitingDays  days from acceptance to the start
 * @param sources      referrals by the referrer's municipal role, and the children the NGOs registered
 *                     themselves by source (NGO_OUTREACH, PARENT_CONTACT)
 * @param background   share "yes" per background question at intake (as of today, not by period)
 * @param completeness per intervention, the questionnaires due answered on time, and overdue ones by
 *                     the role responsible (as of today, not by period)
 */
public record OperationsReport(Map<String, String> filters, int referrals, List<Step> funnel,
                               Map<String, Long> byStatus, Durations responseDays, Durations waitingDays,
                               Declines declines, Map<String, Long> sources, List<InterventionCapacity> capacity,
                               List<NgoVolunteers> volunteers, List<MeasurementFigures.BackgroundShare> background,
                               List<MeasurementFigures.Completeness> completeness) {

    /**
     * @param onboarding         applicants and people in onboarding (vetting or training missing)
     * @param leftLast12Months   how many left in the last 12 months
     * @param meanActive         the mean number of active volunteers over the last 12 months
     * @param turnover           left in 12 months / mean active; null when none were active
     */
    public record NgoVolunteers(String ngo, int active, int onboarding, int leftLast12Months, double meanActive,
                                Double turnover) {
    }

    /** @param conversion share of the previous step's count that reached this one; null for the first or when none */
    public record Step(String step, long count, Double conversion) {
    }

    /**
     * Median (the mean of the two middle values for an even count) and 90th percentile (nearest
     * rank: the smallest value at or above 90 % of the sorted values); null when there are none.
     */
    public record Durations(int n, Double median, Long p90) {

        static Durations of(List<Long> days) {
            if (days.isEmpty()) {
                return new Durations(0, null, null);
            }
            List<Long> sorted = days.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            long p90 = sorted.get((int) Math.ceil(0.9 * n) - 1);
            return new Durations(n, median, p90);
        }
    }

    /**
     * @param suggested what the NGOs suggested instead (bridge-building)
     * @param bridgedTo where declined children were in fact referred next
     */
    public record Declines(int declined, Map<String, Long> reasons, Map<String, Long> suggested,
                           Map<String, Long> bridgedTo) {
    }

    /**
     * @param utilisation active children / places
     * @param waitDays    days until a child referred today would probably start
     */
    public record InterventionCapacity(String intervention, int places, int occupied, int waiting, int freePlaces,
                                       Double utilisation, LocalDate expectedStart, Long waitDays) {
    }
}
