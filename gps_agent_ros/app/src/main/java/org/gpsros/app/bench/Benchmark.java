package org.gpsros.app.bench;

import java.util.Arrays;

/**
 * One timed piece of work: {@link #setUp()} once, then {@link #run()} repeatedly. Timing excludes set-up; each
 * run returns a count of units of work (backward passes, EM iterations, ...) so totals compare fairly with the
 * reference even when iteration counts differ.
 */
public interface Benchmark {
    String name();

    /** What one run does, in words (printed and written as "work"). */
    String work();

    void setUp();

    /** Runs once; returns the units of work done (e.g. backward passes). */
    long run();

    /** Untimed runs before timing at least (the runner also warms up for its warm-up seconds). */
    default int warmupRuns() {
        return 5;
    }

    /** At most this many timed runs, whatever the runner asks (for benchmarks whose run takes seconds). */
    default int maxRepeats() {
        return Integer.MAX_VALUE;
    }

    /** Summary statistics of one benchmark, in milliseconds. */
    record Result(String name, double medianMs, double p90Ms, double p99Ms, int repeats, String work, double workPerRun) {

        static Result of(String name, String work, double[] millis, double workPerRun) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Result(name, quantile(sorted, 0.5), quantile(sorted, 0.9), quantile(sorted, 0.99), sorted.length,
                    work, workPerRun);
        }

        /** Linear interpolation between order statistics (numpy's default). */
        static double quantile(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
    }
}
