package org.gpsros.algorithm.badmm;

import java.util.Arrays;

/**
 * A hyperparameter that is either one value for every iteration or a schedule log-interpolated over the run
 * (reference {@code AlgorithmBADMM._set_interp_values} for {@code ent_reg_schedule} and {@code lg_step_schedule};
 * study §3.9; Levine et al. 2016 Appendix A.1).
 *
 * <p>At iteration i (0-based) of a run of n iterations the progress is s = min((i + 1)/(n − 1), 1) (s = 1 when
 * n = 1, where the reference divides by zero and numpy yields +∞). A schedule of m points puts them at
 * linspace(0, 1, m) and returns exp(interp(s, linspace(0, 1, m), log(points))), the geometric interpolation of the
 * two neighbouring points. A {@link Constant} is returned as is: note that the reference's scalar and a one-point
 * array differ in the last bit (exp(log(a)) ≠ a in general), so they are kept apart here too.
 */
public sealed interface Schedule permits Schedule.Constant, Schedule.LogInterpolated {

    /** The value at progress s ∈ [0, 1] (see {@link #progress}). */
    double valueAt(double progress);

    /** The value at 0-based {@code iteration} of a run of {@code iterations}. */
    default double valueAt(int iteration, int iterations) {
        return valueAt(progress(iteration, iterations));
    }

    /**
     * s = min((iteration + 1)/(iterations − 1), 1); 1 for a run of one iteration.
     *
     * @throws IllegalArgumentException if iteration &lt; 0 or iterations &lt; 1
     */
    static double progress(int iteration, int iterations) {
        if (iteration < 0 || iterations < 1) {
            throw new IllegalArgumentException("need iteration ≥ 0 and iterations ≥ 1, got " + iteration + ", "
                    + iterations);
        }
        if (iterations == 1) {
            return 1.0;
        }
        return Math.min((iteration + 1.0) / (iterations - 1), 1.0);
    }

    static Schedule constant(double value) {
        return new Constant(value);
    }

    static Schedule logInterpolated(double... points) {
        return new LogInterpolated(points);
    }

    /** One value for every iteration (a scalar in the reference config). */
    record Constant(double value) implements Schedule {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a constant schedule value must be finite, got " + value);
            }
        }

        @Override
        public double valueAt(double progress) {
            return value;
        }
    }

    /**
     * Points at linspace(0, 1, m), geometrically interpolated (an array in the reference config).
     *
     * @param points m ≥ 1 positive, finite values (copied)
     */
    record LogInterpolated(double[] points) implements Schedule {
        public LogInterpolated {
            if (points.length == 0) {
                throw new IllegalArgumentException("a schedule needs at least one point");
            }
            for (int i = 0; i < points.length; i++) {
                if (!(points[i] > 0) || Double.isInfinite(points[i])) {
                    throw new IllegalArgumentException("schedule point " + i + " must be positive and finite "
                            + "(it is interpolated in log space), got " + points[i]);
                }
            }
            points = points.clone();
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        /**
         * exp(np.interp(s, linspace(0, 1, m), log(points))): with x_j = j·(1/(m−1)) (x_{m−1} = 1 exactly, as numpy's
         * linspace) and j such that x_j ≤ s &lt; x_{j+1}, log value = slope·(s − x_j) + log p_j; s at or beyond
         * the ends gives the end points.
         */
        @Override
        public double valueAt(double progress) {
            if (Double.isNaN(progress)) {
                throw new IllegalArgumentException("progress is NaN");
            }
            int m = points.length;
            if (m == 1 || progress <= 0) {
                return Math.exp(Math.log(points[0]));
            }
            if (progress >= 1) {
                return Math.exp(Math.log(points[m - 1]));
            }
            double step = 1.0 / (m - 1);
            int j = Math.min((int) (progress / step), m - 2);
            // Guard the rounding of progress/step: enforce x_j ≤ s < x_{j+1}.
            while (j > 0 && grid(j, step, m) > progress) {
                j--;
            }
            while (j < m - 2 && grid(j + 1, step, m) <= progress) {
                j++;
            }
            double xj = grid(j, step, m);
            double x1 = grid(j + 1, step, m);
            double yj = Math.log(points[j]);
            double y1 = Math.log(points[j + 1]);
            if (xj == progress) {
                return Math.exp(yj);
            }
            double slope = (y1 - yj) / (x1 - xj);
            return Math.exp(slope * (progress - xj) + yj);
        }

        private static double grid(int j, double step, int m) {
            return j == m - 1 ? 1.0 : j * step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LogInterpolated other && Arrays.equals(points, other.points);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(points);
        }

        @Override
        public String toString() {
            return "LogInterpolated" + Arrays.toString(points);
        }
    }
}
