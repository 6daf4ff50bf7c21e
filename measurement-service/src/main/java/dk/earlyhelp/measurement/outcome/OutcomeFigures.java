package dk.earlyhelp.measurement.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.apache.commons.math3.distribution.TDistribution;

import dk.earlyhelp.measurement.instrument.Instrument.Dimension;

/**
 * Computes the outcome figures of METRICS.md §2 in one pass over the enrolments of the read model:
 * per dimension, occasion means, and for each comparison the pairs' means, mean change, paired
 * t-test, effect size and improved / unchanged / worsened shares. Nothing is rounded. Small cells
 * are suppressed for those who see aggregates only.
 */
final class OutcomeFigures {

    static final double TOLERANCE = 1e-9;
    /** Used for a dimension whose reliability is not configured. */
    static final double DEFAULT_RELIABILITY = 0.8;
    private static final double Z_95 = 1.96;
    /** BEFORE→AFTER, AFTER→FOLLOW_UP, BEFORE→FOLLOW_UP, as indexes of {@link EnrolmentOutcome#COMPARED}. */
    private static final int[][] COMPARISONS = { { 0, 1 }, { 1, 2 }, { 0, 2 } };
    private static final int AFTER = 1;
    private static final int FOLLOW_UP = 2;

    private final List<Dimension> dimensions;
    private final Tally[] tallies;
    private final LongPredicate inPeriod;
    /** The latest end (epoch day) whose follow-up, six months later, is before today. */
    private final long lastEndWithFollowUpDue;
    /** Per occasion, the scores of the enrolment being added; reused, as a request adds one at a time. */
    private final double[][] scores = new double[EnrolmentOutcome.COMPARED.length][];
    private boolean recounting;
    private int followUpDue;
    private int followUpAnswered;

    /**
     * @param inPeriod whether a response answered on this epoch day is within the period filter
     * @param today    follow-ups are due six months after the end (the AFTER answer)
     */
    OutcomeFigures(List<Dimension> dimensions, LongPredicate inPeriod, LocalDate today) {
        this.dimensions = dimensions;
        this.inPeriod = inPeriod;
        this.lastEndWithFollowUpDue = lastEndWithFollowUpDue(today);
        this.tallies = new Tally[dimensions.size()];
        for (int d = 0; d < tallies.length; d++) {
            tallies[d] = new Tally();
        }
    }

    /**
     * Classifies change by a reliable change index instead of any difference (Jacobson &amp; Truax):
     * a pair changed only when |d| exceeds 1.96 · √2 · SD(from) · √(1 − reliability) of its
     * dimension. Call after every enrolment was added once, then add them all again: the second
     * pass recounts improved / unchanged / worsened with each comparison's critical difference.
     */
    void classifyByReliableChange(Map<String, Double> reliability) {
        for (int d = 0; d < tallies.length; d++) {
            double r = reliability.getOrDefault(dimensions.get(d).code(), DEFAULT_RELIABILITY);
            for (Pairs pair : tallies[d].pairs) {
                pair.recountWithReliability(r);
            }
        }
        recounting = true;
    }

    /** Adds an enrolment that matches the filters (again, when recounting). */
    void add(EnrolmentOutcome enrolment) {
        double[][] scores = this.scores;
        for (int o = 0; o < scores.length; o++) {
            EnrolmentOutcome.Counted counted = enrolment.counted[o];
            scores[o] = counted != null && inPeriod.test(counted.answeredOn()) ? counted.scores() : null;
        }
        for (int d = 0; d < tallies.length; d++) {
            tallies[d].add(scores, d, recounting);
        }
        if (recounting) {
            return;
        }
        EnrolmentOutcome.Counted after = enrolment.counted[AFTER];
        if (after != null && inPeriod.test(after.answeredOn()) && after.answeredOn() <= lastEndWithFollowUpDue) {
            followUpDue++;
            EnrolmentOutcome.Counted followUp = enrolment.counted[FOLLOW_UP];
            if (followUp != null && followUp.anyValid()) {
                followUpAnswered++;
            }
        }
    }

    OutcomeReport report(Map<String, String> filters, int threshold, boolean aggregatesOnly) {
        List<OutcomeReport.DimensionFigures> figures = new ArrayList<>();
        for (int d = 0; d < tallies.length; d++) {
            Tally tally = tallies[d];
            if (tally.empty()) {
                continue;
            }
            Dimension dimension = dimensions.get(d);
            Map<String, OutcomeReport.OccasionBlock> occasions = new LinkedHashMap<>();
            for (int o = 0; o < EnrolmentOutcome.COMPARED.length; o++) {
                occasions.put(EnrolmentOutcome.COMPARED[o].name(), tally.occasion(o, threshold, aggregatesOnly));
            }
            List<OutcomeReport.ComparisonBlock> comparisons = new ArrayList<>();
            for (int c = 0; c < COMPARISONS.length; c++) {
                comparisons.add(tally.pairs[c].figures(dimension.higherIsBetter(), threshold, aggregatesOnly));
            }
            figures.add(new OutcomeReport.DimensionFigures(dimension.code(), dimension.higherIsBetter(), occasions,
                    comparisons));
        }
        return new OutcomeReport(filters, threshold, recounting ? "RELIABLE_CHANGE" : "DIFFERENCE", figures,
                followUp(threshold, aggregatesOnly), List.of());
    }

    private OutcomeReport.FollowUpRate followUp(int threshold, boolean aggregatesOnly) {
        if (aggregatesOnly && followUpDue < threshold) {
            return new OutcomeReport.FollowUpRate(followUpDue, null, null, true);
        }
        return new OutcomeReport.FollowUpRate(followUpDue, followUpAnswered,
                followUpDue == 0 ? null : (double) followUpAnswered / followUpDue, false);
    }

    /**
     * The day six months before today, moved back past month ends that plusMonths would clamp
     * (31 August + 6 months is 28 February): end + 6 months grows with end, so the days with the
     * follow-up due are exactly those up to this one.
     */
    static long lastEndWithFollowUpDue(LocalDate today) {
        LocalDate end = today.minusMonths(6).plusDays(3);
        while (!end.plusMonths(6).isBefore(today)) {
            end = end.minusDays(1);
        }
        return end.toEpochDay();
    }

    /** Two-sided paired t-test on the differences, n - 1 degrees of freedom. */
    static double pairedTTest(double meanDifference, double sd, int n) {
        double t = meanDifference / (sd / Math.sqrt(n));
        return 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t));
    }

    static String significance(Double pValue) {
        if (pValue == null) {
            return "";
        }
        return pValue < 0.001 ? "***" : pValue < 0.01 ? "**" : pValue < 0.05 ? "*" : "";
    }

    /** Sums of one dimension. */
    private static final class Tally {

        final int[] n = new int[EnrolmentOutcome.COMPARED.length];
        final double[] sum = new double[EnrolmentOutcome.COMPARED.length];
        final Pairs[] pairs = new Pairs[COMPARISONS.length];

        Tally() {
            for (int c = 0; c < COMPARISONS.length; c++) {
                pairs[c] = new Pairs(COMPARISONS[c][0], COMPARISONS[c][1]);
            }
        }

        void add(double[][] scores, int d, boolean recounting) {
            for (int o = 0; o < scores.length && !recounting; o++) {
                if (valid(scores[o], d)) {
                    n[o]++;
                    sum[o] += scores[o][d];
                }
            }
            for (Pairs pair : pairs) {
                if (valid(scores[pair.from], d) && valid(scores[pair.to], d)) {
                    if (recounting) {
                        pair.classify(scores[pair.to][d] - scores[pair.from][d]);
                    } else {
                        pair.add(scores[pair.from][d], scores[pair.to][d]);
                    }
                }
            }
        }

        boolean empty() {
            for (int count : n) {
                if (count > 0) {
                    return false;
                }
            }
            return true;
        }

        OutcomeReport.OccasionBlock occasion(int o, int threshold, boolean aggregatesOnly) {
            if (aggregatesOnly && n[o] < threshold) {
                return new OutcomeReport.SuppressedOccasion(n[o], true);
            }
            return new OutcomeReport.OccasionFigures(n[o], n[o] == 0 ? null : sum[o] / n[o]);
        }

        private static boolean valid(double[] scores, int d) {
            return scores != null && !Double.isNaN(scores[d]);
        }
    }

    /** Sums of the pairs of one comparison; the differences' variance by Welford's method, in one pass. */
    private static final class Pairs {

        final int from;
        final int to;
        int n;
        double sumFrom;
        double sumTo;
        double sumChange;
        double runningMean;
        double squares;
        double fromMean;
        double fromSquares;
        /** |d| up to this counts as unchanged: any difference, or the reliable change's critical difference. */
        double unchangedUpTo = TOLERANCE;
        Double criticalDifference;
        int improvedUp;
        int improvedDown;
        int unchanged;

        Pairs(int from, int to) {
            this.from = from;
            this.to = to;
        }

        void add(double before, double after) {
            double change = after - before;
            n++;
            sumFrom += before;
            sumTo += after;
            sumChange += change;
            double delta = change - runningMean;
            runningMean += delta / n;
            squares += delta * (change - runningMean);
            double fromDelta = before - fromMean;
            fromMean += fromDelta / n;
            fromSquares += fromDelta * (before - fromMean);
            classify(change);
        }

        void classify(double change) {
            if (Math.abs(change) <= unchangedUpTo) {
                unchanged++;
            } else if (change > 0) {
                improvedUp++;
            } else {
                improvedDown++;
            }
        }

        /** Sets the critical difference from the pairs' spread at the first occasion, and counts again. */
        void recountWithReliability(double reliability) {
            if (n >= 2) {
                double standardError = Math.sqrt(fromSquares / (n - 1)) * Math.sqrt(1 - reliability);
                criticalDifference = Z_95 * Math.sqrt(2) * standardError;
                unchangedUpTo = Math.max(TOLERANCE, criticalDifference);
            }
            unchanged = 0;
            improvedUp = 0;
            improvedDown = 0;
        }

        OutcomeReport.ComparisonBlock figures(boolean higherIsBetter, int threshold, boolean aggregatesOnly) {
            String fromName = EnrolmentOutcome.COMPARED[from].name();
            String toName = EnrolmentOutcome.COMPARED[to].name();
            if (aggregatesOnly && n < threshold) {
                return new OutcomeReport.SuppressedComparison(fromName, toName, n, true);
            }
            if (n == 0) {
                return new OutcomeReport.Comparison(fromName, toName, 0, null, null, null, null, null, "", null, null,
                        null, false, null);
            }
            double meanChange = sumChange / n;
            Double sd = n < 2 ? null : Math.sqrt(squares / (n - 1));
            boolean testable = sd != null && sd > 0;
            Double effectSize = testable ? meanChange / sd : null;
            Double pValue = testable ? pairedTTest(meanChange, sd, n) : null;
            int improved = higherIsBetter ? improvedUp : improvedDown;
            return new OutcomeReport.Comparison(fromName, toName, n, sumFrom / n, sumTo / n, meanChange, effectSize,
                    pValue, significance(pValue), (double) improved / n, (double) unchanged / n,
                    (double) (n - improved - unchanged) / n, false, criticalDifference);
        }
    }
}
