package dk.earlyhelp.measurement.outcome;

import java.util.List;
import java.util.Map;

/**
 * The outcomes API shape of METRICS.md §3; numbers unrounded. A block below the suppression
 * threshold, for those who see aggregates only, carries its n and {@code suppressed: true} and
 * no other figure. {@code classification} says how pairs were counted as improved, unchanged or
 * worsened: DIFFERENCE (any difference, METRICS.md §2) or RELIABLE_CHANGE (beyond a reliable change index).
 */
public record OutcomeReport(Map<String, String> filters, int suppressionThreshold, String classification,
                            List<DimensionFigures> dimensions, FollowUpRate followUp, List<Fidelity> fidelity) {

    /**
     * METRICS.md §4 per intervention over the period: the mean of all fidelity item answers (1..5)
     * with {@code n} answers; level HIGH (4 and above), PARTIAL (3 to 4) or LOW.
     */
    public record Fidelity(String intervention, int n, Double mean, String level) {

        static Fidelity of(String intervention, int n, Double mean) {
            String level = mean == null ? null : mean >= 4 ? "HIGH" : mean >= 3 ? "PARTIAL" : "LOW";
            return new Fidelity(intervention, n, mean, level);
        }
    }

    OutcomeReport withFidelity(List<Fidelity> figures) {
        return new OutcomeReport(filters, suppressionThreshold, classification, dimensions, followUp, figures);
    }

    /**
     * Among enrolments whose follow-up is due (the end, i.e. the AFTER answer, lies more than six
     * months back), how many have a valid FOLLOW_UP response: shown next to every follow-up figure.
     */
    public record FollowUpRate(int due, Integer answered, Double responseRate, boolean suppressed) {
    }

    public record DimensionFigures(String dimension, boolean higherIsBetter, Map<String, OccasionBlock> occasions,
                                   List<ComparisonBlock> comparisons) {
    }

    /** Figures of one occasion, or a suppressed cell. */
    public sealed interface OccasionBlock permits OccasionFigures, SuppressedOccasion {
    }

    public record OccasionFigures(int n, Double mean) implements OccasionBlock {
    }

    public record SuppressedOccasion(int n, boolean suppressed) implements OccasionBlock {
    }

    /** Figures of one comparison between occasions, or a suppressed cell. */
    public sealed interface ComparisonBlock permits Comparison, SuppressedComparison {
    }

    /**
     * @param criticalDifference with the reliable change classification, the change a pair must
     *                           exceed to count as improved or worsened; null otherwise
     */
    public record Comparison(String from, String to, int n, Double meanFrom, Double meanTo, Double meanChange,
                             Double effectSize, Double pValue, String significance, Double improved, Double unchanged,
                             Double worsened, boolean suppressed, Double criticalDifference) implements ComparisonBlock {
    }

    public record SuppressedComparison(String from, String to, int n, boolean suppressed) implements ComparisonBlock {
    }
}
