package org.gpsros.algorithm.cgps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** λ ← λ + α·KL (Levine &amp; Abbeel 2014 Alg. 1 line 6). */
class ConstrainedGpsDualsTest {

    @Test
    void incrementsByAlphaTimesKl() {
        double[] duals = {0.01, 0.5, 2.0};
        double[] kl = {0.2, 0.0, 1.5};
        assertArrayEquals(new double[] {2.01, 0.5, 17.0},
                ConstrainedGpsDuals.increment(duals, kl, ConstrainedGpsDuals.DEFAULT_STEP), 1e-14);
        // A KL a rounding error below zero does not lower λ.
        assertArrayEquals(new double[] {0.01}, ConstrainedGpsDuals.increment(new double[] {0.01}, new double[] {-1e-17}, 10), 0);
        assertArrayEquals(new double[] {0.01, 0.5, 2.0}, duals, 0);
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(IllegalArgumentException.class, () -> ConstrainedGpsDuals.increment(new double[] {1}, new double[] {1, 2}, 10));
        assertThrows(IllegalArgumentException.class, () -> ConstrainedGpsDuals.increment(new double[] {-1}, new double[] {1}, 10));
        assertThrows(IllegalArgumentException.class, () -> ConstrainedGpsDuals.increment(new double[] {1}, new double[] {Double.NaN}, 10));
        assertThrows(IllegalArgumentException.class, () -> ConstrainedGpsDuals.increment(new double[] {1}, new double[] {1}, 0));
    }
}
