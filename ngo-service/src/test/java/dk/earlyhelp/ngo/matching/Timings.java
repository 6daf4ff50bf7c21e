package dk.earlyhelp.ngo.matching;

import java.util.Arrays;

/** Wall-clock timings of repeated runs after a warm-up, for the benchmarks. */
record Timings(long[] nanos) {

    static Timings measure(int warmUp, int runs, ThrowingRunnable run) {
        try {
            for (int i = 0; i < warmUp; i++) {
                run.run();
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                run.run();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return new Timings(nanos);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    double meanMillis() {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    double p95Millis() {
        return nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6;
    }

    double maxMillis() {
        return nanos[nanos.length - 1] / 1e6;
    }

    void print(String what) {
        System.out.printf("BENCHMARK %s: %d runs, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms%n", what,
                nanos.length, meanMillis(), nanos[nanos.length / 2] / 1e6, p95Millis(), maxMillis());
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
