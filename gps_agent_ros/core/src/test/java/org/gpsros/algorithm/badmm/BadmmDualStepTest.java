package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** The BADMM dual step (study §3.9) against hand computations. */
class BadmmDualStepTest {

    @Test
    void meanAndGainMultipliersByHand() {
        // dX = dU = 1: K = 2, k = 1, Σ = 0.5 (P = 2); states 1 and 3 → Kx + k = 3, 7; policy means 2, 5.
        LinearGaussianPolicy controller = LinearGaussianPolicy.of(new double[][] {{2}}, new double[][] {{1}},
                new double[][] {{0.5}});
        LinearGaussianPolicy policy = LinearGaussianPolicy.of(new double[][] {{1.5}}, new double[][] {{0}},
                new double[][] {{1.0}});
        double[][][] states = {{{1}}, {{3}}};
        double[][][] policyMeans = {{{2}}, {{5}}};
        BadmmDuals before = new BadmmDuals(1, new double[][] {{0.05}}, new double[][] {{0.0}});
        BadmmDuals after = BadmmDualStep.step(controller, policy, states, policyMeans, new double[] {0.4}, before,
                0.1, 0.5);
        // λ_k = 0.05 − 0.1·0.4·2·mean(1, 2) = 0.05 − 0.12; λ_K = 0 − 0.5·0.4·2·(2 − 1.5) = −0.2.
        assertEquals(0.05 - 0.12, after.meanDual(0, 0), 1e-15);
        assertEquals(-0.2, after.gainDual(0, 0, 0), 1e-15);
        // The reference default ρ_cov = 0 leaves λ_K alone; the input is not modified.
        BadmmDuals defaults = BadmmDualStep.step(controller, policy, states, policyMeans, new double[] {0.4}, before,
                BadmmDualStep.DEFAULT_DUAL_RATE, BadmmDualStep.DEFAULT_GAIN_DUAL_RATE);
        assertEquals(0.0, defaults.gainDual(0, 0, 0), 0);
        assertEquals(0.05, before.meanDual(0, 0), 0);
    }

    @Test
    void multivariateUsesTheControllerPrecision() {
        // dX = 1, dU = 2, Σ = [[2, 0.5], [0.5, 1]]; one sample with mismatch Kx + k − μ_π = [1, −1].
        LinearGaussianPolicy controller = LinearGaussianPolicy.of(new double[][] {{0, 0}}, new double[][] {{1, -1}},
                new double[][] {{2, 0.5, 0.5, 1}});
        double[][][] states = {{{0.7}}};
        double[][][] policyMeans = {{{0, 0}}};
        BadmmDuals after = BadmmDualStep.step(controller, controller, states, policyMeans, new double[] {2.0},
                BadmmDuals.zeros(1, 1, 2), 0.1, 0.0);
        double det = 1.75;
        // P·[1, −1] = [(1 + 0.5)/det, (−0.5 − 2)/det]; λ_k = −0.1·2·P·[1, −1].
        assertArrayEquals(new double[] {-0.2 * 1.5 / det, 0.2 * 2.5 / det}, after.meanDuals()[0], 1e-15);
    }

    @Test
    void noMismatchNoChangeAndShapesAreChecked() {
        LinearGaussianPolicy controller = BadmmFixtures.controller(3, 4, 3, 2);
        double[][][] states = BadmmFixtures.array(4, 5, 4, 3, 1.0);
        double[][][] means = new double[5][4][2];
        for (int n = 0; n < 5; n++) {
            for (int t = 0; t < 4; t++) {
                for (int u = 0; u < 2; u++) {
                    double a = controller.feedforward()[t][u];
                    for (int j = 0; j < 3; j++) {
                        a += controller.feedbackGains()[t][u * 3 + j] * states[n][t][j];
                    }
                    means[n][t][u] = a;
                }
            }
        }
        BadmmDuals start = new BadmmDuals(3, new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}}, new double[4][6]);
        BadmmDuals after = BadmmDualStep.step(controller, controller, states, means, new double[] {1, 2, 3, 4}, start,
                0.1, 0.3);
        assertTrue(after.approxEquals(start, 1e-13));
        assertThrows(IllegalArgumentException.class, () -> BadmmDualStep.step(controller, controller, states,
                new double[5][4][3], new double[] {1, 2, 3, 4}, start, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> BadmmDualStep.step(controller, controller, states, means,
                new double[] {1, 2, 3, 4}, start, -0.1, 0));
    }
}
