package org.gpsros.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gpsros.trajopt.StateActionMarginals;
import org.junit.jupiter.api.Test;

class ImportanceWeightsTest {

    @Test
    void ratioOfTwoOneDimensionalGaussiansByHand() {
        // p = N(0, 1), q = N(1, 4), x = 0.5:
        // log p − log q = −x²/2 + ½ log 4 + (x − 1)²/8 = −0.125 + ln 2 + 0.03125, ratio = 2·e^{−0.09375}.
        ImportanceWeights.StateMarginal p = new ImportanceWeights.StateMarginal(new double[][] {{0}},
                new double[][] {{1}});
        ImportanceWeights.StateMarginal q = new ImportanceWeights.StateMarginal(new double[][] {{1}},
                new double[][] {{4}});
        double[][] w = ImportanceWeights.weights(new double[][][] {{{0.5}}, {{1.0}}}, p, q, 10);
        assertEquals(2 * Math.exp(-0.09375), w[0][0], 1e-14);
        // x = 1: −0.5 + ln 2 − 0 → 2 e^{−0.5}.
        assertEquals(2 * Math.exp(-0.5), w[1][0], 1e-14);
    }

    @Test
    void correlatedTwoDimensionalDensityByHand() {
        // Σ = [[2, 1], [1, 2]]: det 3, Σ⁻¹ = [[2, −1], [−1, 2]]/3; x − μ = (1, −1): quadratic form (2+2+2)/3 = 2.
        ImportanceWeights.StateMarginal p = new ImportanceWeights.StateMarginal(new double[][] {{1, 1}},
                new double[][] {{2, 1, 1, 2}});
        double[][] log = ImportanceWeights.logDensities(new double[][][] {{{2, 0}}}, p);
        assertEquals(-Math.log(2 * Math.PI) - 0.5 * Math.log(3) - 1.0, log[0][0], 1e-14);
    }

    @Test
    void ratioIsCappedAndPerStep() {
        // Step 0: identical marginals → ratio 1. Step 1: p = N(0, 1), q = N(0, 0.01), x = 3:
        // log p − log q = −4.5 + ln 0.1 + 450, far above the cap 5.
        ImportanceWeights.StateMarginal p = new ImportanceWeights.StateMarginal(new double[][] {{0}, {0}},
                new double[][] {{1}, {1}});
        ImportanceWeights.StateMarginal q = new ImportanceWeights.StateMarginal(new double[][] {{0}, {0}},
                new double[][] {{1}, {0.01}});
        double[][] w = ImportanceWeights.weights(new double[][][] {{{0.3}, {3}}}, p, q, 5);
        assertArrayEquals(new double[] {1, 5}, w[0], 1e-14);
    }

    @Test
    void stateBlockOfJointMarginals() {
        // dX = 2, dU = 1: the 3×3 joint covariance's top-left 2×2 block.
        StateActionMarginals joint = new StateActionMarginals(1, 2, 1, new double[][] {{1, 2, 3}},
                new double[][] {{4, 1, 0.5, 1, 5, 0.2, 0.5, 0.2, 6}});
        ImportanceWeights.StateMarginal x = ImportanceWeights.StateMarginal.of(joint);
        assertArrayEquals(new double[] {1, 2}, x.means()[0]);
        assertArrayEquals(new double[] {4, 1, 1, 5}, x.covariances()[0]);
    }

    @Test
    void notPositiveDefiniteCovarianceIsRefused() {
        ImportanceWeights.StateMarginal bad = new ImportanceWeights.StateMarginal(new double[][] {{0, 0}},
                new double[][] {{1, 2, 2, 1}});
        assertThrows(IllegalStateException.class,
                () -> ImportanceWeights.logDensities(new double[][][] {{{0, 0}}}, bad));
    }
}
