package dk.earlyhelp.measurement.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.math3.distribution.TDistribution;

import dk.earlyhelp.measurement.instrument.Instrument;
import dk.earlyhelp.measurement.instrument.Instrument.Dimension;
import dk.earlyhelp.measurement.response.Occasion;
import dk.earlyhelp.measurement.response.Response;

/**
 * Computes the outcome figures of METRICS.md §2 from responses: the latest response per enrolment
 * and occasion counts, a dimension score is valid with half its items answered (rounded up), and
 * nothing is rounded. Small cells are suppressed for those who see aggregates only.
 */
public final class OutcomeFigures {

    static final double TOLERANCE = 1e-9;
    private static final List<Occasion> OCCASIONS = List.of(Occasion.BEFORE, Occasion.AFTER, Occasion.FOLLOW_UP);
    private static final List<Occasion[]> COMPARISONS = List.of(new Occasion[] { Occasion.BEFORE, Occasion.AFTER },
            new Occasion[] { Occasion.AFTER, Occasion.FOLLOW_UP }, new Occasion[] { Occasion.BEFORE, Occasion.FOLLOW_UP });

    private OutcomeFigures() {
    }

    public static OutcomeReport compute(List<Response> responses, Instrument instrument, Map<String, String> filters,
            int threshold, boolean aggregatesOnly) {
        Map<String, Map<Occasion, Response>> counting = latestPerEnrolmentAndOccasion(responses);
        List<OutcomeReport.DimensionFigures> dimensions = new ArrayList<>();
        for (Dimension dimension : instrument.dimensions()) {
            Map<Occasion, Map<String, Double>> scores = new LinkedHashMap<>();
            for (Occasion occasion : OCCASIONS) {
                Map<String, Double> byEnrolment = new LinkedHashMap<>();
                counting.forEach((enrolment, occasions) -> Optional.ofNullable(occasions.get(occasion))
                        .flatMap(response -> score(response, dimension))
                        .ifPresent(score -> byEnrolment.put(enrolment, score)));
                scores.put(occasion, byEnrolment);
            }
            if (scores.values().stream().allMatch(Map::isEmpty)) {
                continue;
            }
            Map<String, OutcomeReport.OccasionBlock> occasions = new LinkedHashMap<>();
            scores.forEach((occasion, byEnrolment) -> occasions.put(occasion.name(),
                    occasionFigures(byEnrolment, threshold, aggregatesOnly)));
            List<OutcomeReport.ComparisonBlock> comparisons = COMPARISONS.stream()
                    .map(pair -> comparison(pair[0], pair[1], scores.get(pair[0]), scores.get(pair[1]),
                            dimension.higherIsBetter(), threshold, aggregatesOnly))
                    .toList();
            dimensions.add(new OutcomeReport.DimensionFigures(dimension.code(), dimension.higherIsBetter(), occasions,
                    comparisons));
        }
        return new OutcomeReport(filters, threshold, dimensions);
    }

    /** The response that counts for each enrolment and occasion: latest answered, then latest received. */
    static Map<String, Map<Occasion, Response>> latestPerEnrolmentAndOccasion(List<Response> responses) {
        Comparator<Response> latest = Comparator.comparing(Response::answeredAt).thenComparingLong(Response::received);
        Map<String, Map<Occasion, Response>> counting = new HashMap<>();
        for (Response response : responses) {
            counting.computeIfAbsent(enrolmentKey(response), key -> new HashMap<>())
                    .merge(response.occasion(), response, (a, b) -> latest.compare(a, b) >= 0 ? a : b);
        }
        return counting;
    }

    /** Enrolment references are the source's own, so they are unique within one partnership only. */
    private static String enrolmentKey(Response response) {
        return response.partnership() + "|" + response.enrolmentRef();
    }

    static Optional<Double> score(Response response, Dimension dimension) {
        List<Integer> answered = dimension.items().stream()
                .map(item -> response.answers().get(item))
                .filter(answer -> answer != null)
                .toList();
        if (answered.size() < dimension.itemsNeeded()) {
            return Optional.empty();
        }
        return Optional.of(answered.stream().mapToDouble(Integer::doubleValue).sum() / answered.size());
    }

    private static OutcomeReport.OccasionBlock occasionFigures(Map<String, Double> scores, int threshold,
            boolean aggregatesOnly) {
        int n = scores.size();
        if (aggregatesOnly && n < threshold) {
            return new OutcomeReport.SuppressedOccasion(n, true);
        }
        return new OutcomeReport.OccasionFigures(n, n == 0 ? null : mean(scores.values().stream().toList()));
    }

    private static OutcomeReport.ComparisonBlock comparison(Occasion from, Occasion to, Map<String, Double> fromScores,
            Map<String, Double> toScores, boolean higherIsBetter, int threshold, boolean aggregatesOnly) {
        List<String> pairs = fromScores.keySet().stream().filter(toScores::containsKey).sorted()
                .collect(Collectors.toList());
        int n = pairs.size();
        if (aggregatesOnly && n < threshold) {
            return new OutcomeReport.SuppressedComparison(from.name(), to.name(), n, true);
        }
        if (n == 0) {
            return new OutcomeReport.Comparison(from.name(), to.name(), 0, null, null, null, null, null, "", null, null,
                    null, false);
        }
        List<Double> before = pairs.stream().map(fromScores::get).toList();
        List<Double> after = pairs.stream().map(toScores::get).toList();
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            differences.add(after.get(i) - before.get(i));
        }
        double meanChange = mean(differences);
        long improved = differences.stream().filter(d -> higherIsBetter ? d > TOLERANCE : d < -TOLERANCE).count();
        long unchanged = differences.stream().filter(d -> Math.abs(d) <= TOLERANCE).count();
        Double sd = n < 2 ? null : standardDeviation(differences, meanChange);
        boolean testable = sd != null && sd > 0;
        Double effectSize = testable ? meanChange / sd : null;
        Double pValue = testable ? pairedTTest(meanChange, sd, n) : null;
        return new OutcomeReport.Comparison(from.name(), to.name(), n, mean(before), mean(after), meanChange,
                effectSize, pValue, significance(pValue), (double) improved / n, (double) unchanged / n,
                (double) (n - improved - unchanged) / n, false);
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

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    private static double standardDeviation(List<Double> values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.size() - 1));
    }
}
