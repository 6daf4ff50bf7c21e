package dk.earlyhelp.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latencies in milliseconds, summarised by nearest-rank percentiles. */
record Latencies(long count, double p50, double p99, double max) {

    static Latencies of(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
