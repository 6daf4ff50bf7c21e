package dk.earlyhelp.measurement.outcome;

import dk.earlyhelp.measurement.response.Occasion;

/**
 * One enrolment as the figures see it: who it belongs to (for the filters) and, per occasion, the
 * response that counts with its valid dimension scores. Mutable, guarded by the projection's lock;
 * kept small because a million responses make some hundred thousand of these.
 */
final class EnrolmentOutcome {

    /** BEFORE, AFTER, FOLLOW_UP: the occasions the figures compare. */
    static final Occasion[] COMPARED = { Occasion.BEFORE, Occasion.AFTER, Occasion.FOLLOW_UP };

    final String partnership;
    final String intervention;
    final String municipality;
    String childId;
    String ageBand;
    String gender;
    /** Indexed like {@link #COMPARED}; null when there is no response at that occasion. */
    final Counted[] counted = new Counted[COMPARED.length];

    EnrolmentOutcome(String partnership, String intervention, String municipality) {
        this.partnership = partnership;
        this.intervention = intervention;
        this.municipality = municipality;
    }

    static int index(Occasion occasion) {
        for (int i = 0; i < COMPARED.length; i++) {
            if (COMPARED[i] == occasion) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The response that counts at one occasion.
     *
     * @param answeredOn epoch day of {@code answeredAt}
     * @param scores     per dimension in the instrument's order; NaN where too few items were answered
     */
    record Counted(long answeredOn, long received, double[] scores) {

        /** The latest answered counts; on the same day, the one received last (METRICS.md §1). */
        boolean replacedBy(long otherAnsweredOn, long otherReceived) {
            return otherAnsweredOn > answeredOn || (otherAnsweredOn == answeredOn && otherReceived > received);
        }

        boolean anyValid() {
            for (double score : scores) {
                if (!Double.isNaN(score)) {
                    return true;
                }
            }
            return false;
        }
    }
}
