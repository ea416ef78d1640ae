package org.gpsros.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class GlobalPolicyOptimizerTest {
    private static final int N = 3;
    private static final int T = 4;
    private static final int DO = 3;
    private static final int DU = 2;

    @Test
    void weightNormalisationMatchesHandComputation() {
        // Sum 20.001, so w·6/20.001; the weights above 1e-2 are 1, 1, 2, 4, 12 (times 6/20.001), median 2 (times
        // the same): dividing by the median gives 0.5, 0.5, 1, 2, 0.0005, 6 and the cap at 2 clips the last.
        double[] w = GlobalPolicyOptimizer.normalizeWeights(new double[] {1, 1, 2, 4, 0.001, 12});
        assertArrayEquals(new double[] {0.5, 0.5, 1, 2, 0.0005, 2}, w, 1e-14);
        // Even count: median of 3 and 5 is 4.
        assertArrayEquals(new double[] {0.25, 0.75, 1.25, 2}, GlobalPolicyOptimizer.normalizeWeights(
                new double[] {1, 3, 5, 100}), 1e-14);
        // MDGPS: every weight init_pol_wt = 0.01 normalises to 1.
        assertArrayEquals(new double[] {1, 1, 1}, GlobalPolicyOptimizer.normalizeWeights(new double[] {0.01, 0.01, 0.01}),
                1e-15);
        assertThrows(IllegalArgumentException.class, () -> GlobalPolicyOptimizer.normalizeWeights(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> GlobalPolicyOptimizer.normalizeWeights(new double[] {-1, 2}));
        // One weight carries everything: all others drop to ≤ 1e-2 after rescaling, the median is that one.
        assertArrayEquals(new double[] {0, 1}, GlobalPolicyOptimizer.normalizeWeights(new double[] {0, 5}), 0.0);
    }

    /** Observations, targets u* = A o + c, diagonal precisions that vary with the row, equal weights. */
    private static double[][][][] data(long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][][] o = new double[N][T][DO];
        double[][][] u = new double[N][T][DU];
        double[][][] p = new double[N][T][DU * DU];
        double[][][] w = new double[1][N][T];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                for (int j = 0; j < DO; j++) {
                    o[n][t][j] = 10 * j + 3 * random.nextNormal();
                }
                u[n][t][0] = 0.2 * o[n][t][0] - 0.1 * o[n][t][2] + 1;
                u[n][t][1] = 0.05 * o[n][t][1];
                p[n][t][0] = 1 + n + t;
                p[n][t][3] = 2 + 0.5 * t;
                p[n][t][1] = 0.1;
                p[n][t][2] = 0.1;
            }
        }
        return new double[][][][] {o, u, p};
    }

    private static double[][] weights() {
        double[][] w = new double[N][T];
        for (double[] row : w) {
            java.util.Arrays.fill(row, 0.01);
        }
        return w;
    }

    @Test
    void varianceIsTheInverseDiagonalOfTheAveragedPrecisionPlusEntropyRegulariser() {
        double[][][][] d = data(1);
        PolicyTrainingConfig config = new PolicyTrainingConfig(20, 5, 1e-3, 0.0, 0.1, 0.25);
        GlobalPolicyOptimizer optimizer = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        assertArrayEquals(new double[] {0.1, 0.1}, optimizer.policy().variance(), 0.0);
        optimizer.update(d[0], d[1], d[2], weights());
        double sum0 = 0;
        double sum1 = 0;
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                sum0 += 1 + n + t;
                sum1 += 2 + 0.5 * t;
            }
        }
        int rows = N * T;
        // Weights normalise to 1, so Σw = N·T.
        double v0 = 1 / ((sum0 + 2 * rows * 0.25) / rows);
        double v1 = 1 / ((sum1 + 2 * rows * 0.25) / rows);
        assertArrayEquals(new double[] {v0, v1}, optimizer.policy().variance(), 1e-15);
        assertEquals(1, optimizer.updates());
    }

    @Test
    void normaliserIsFittedOnTheFirstUpdateOnly() {
        double[][][][] d = data(2);
        GlobalPolicyOptimizer optimizer = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1),
                PolicyTrainingConfig.defaults().withIterations(10), 7);
        optimizer.update(d[0], d[1], d[2], weights());
        double[][] rows = new double[N * T][];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                rows[n * T + t] = d[0][n][t];
            }
        }
        ObservationNormalizer expected = ObservationNormalizer.fit(rows, DO);
        ObservationNormalizer first = optimizer.policy().normalizer();
        assertTrue(expected.approxEquals(first, 0.0));
        double[][][][] other = data(3);
        optimizer.update(other[0], other[1], other[2], weights());
        assertSame(first, optimizer.policy().normalizer());
    }

    @Test
    void sStepFitsTheTargetsOnNormalisedObservations() {
        double[][][][] d = data(4);
        PolicyTrainingConfig config = new PolicyTrainingConfig(4000, 6, 1e-2, 0.0, 0.1, 0.0);
        GlobalPolicyOptimizer optimizer = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        PolicyTrainingSummary summary = optimizer.update(d[0], d[1], d[2], weights());
        assertTrue(summary.finalLoss() < 1e-6 * summary.initialLoss(), summary.toString());
        double[][][] mean = optimizer.policy().mean(d[0]);
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                assertArrayEquals(d[1][n][t], mean[n][t], 1e-3);
            }
        }
    }

    @Test
    void restoredOptimizerContinuesBitIdentically() {
        double[][][][] d1 = data(5);
        double[][][][] d2 = data(6);
        PolicyTrainingConfig config = new PolicyTrainingConfig(50, 5, 1e-2, 0.005, 0.1, 0.0);
        GlobalPolicyOptimizer whole = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        whole.update(d1[0], d1[1], d1[2], weights());
        whole.update(d2[0], d2[1], d2[2], weights());

        GlobalPolicyOptimizer first = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        first.update(d1[0], d1[1], d1[2], weights());
        GlobalPolicyOptimizerState saved = first.state();
        GlobalPolicyOptimizer resumed = GlobalPolicyOptimizer.restore(saved, new LinearPolicyNetworkFactory(), config);
        assertNotSame(first.network(), resumed.network());
        resumed.update(d2[0], d2[1], d2[2], weights());

        GlobalPolicyOptimizerState a = whole.state();
        GlobalPolicyOptimizerState b = resumed.state();
        assertArrayEquals(a.network(), b.network());
        assertArrayEquals(a.variance(), b.variance(), 0.0);
        assertEquals(a.randomState(), b.randomState());
        assertTrue(a.normalizer().approxEquals(b.normalizer(), 0.0));
        assertEquals(2, b.updates());
        assertTrue(b.normalizerFitted());
        assertFalse(new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7).state().normalizerFitted());
    }

    @Test
    void unclippedNormalisationKeepsTheRelativeWeights() {
        // As weightNormalisationMatchesHandComputation, without the cap at 2: the 12 stays 6.
        assertArrayEquals(new double[] {0.5, 0.5, 1, 2, 0.0005, 6}, GlobalPolicyOptimizer.normalizeWeights(
                new double[] {1, 1, 2, 4, 0.001, 12}, false), 1e-14);
        assertArrayEquals(GlobalPolicyOptimizer.normalizeWeights(new double[] {1, 3, 5, 100}),
                GlobalPolicyOptimizer.normalizeWeights(new double[] {1, 3, 5, 100}, true), 0.0);
    }

    @Test
    void givenVarianceReplacesTheAveragedPrecisionAndTheMeanIsTrainedAlike() {
        double[][][][] d = data(8);
        PolicyTrainingConfig config = new PolicyTrainingConfig(30, 5, 1e-2, 0.005, 0.1, 0.25);
        GlobalPolicyOptimizer reference = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        GlobalPolicyOptimizer given = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        reference.update(d[0], d[1], d[2], weights());
        double[] variance = {0.3, 0.04};
        given.update(d[0], d[1], d[2], weights(), GlobalPolicyOptimizer.WeightNormalization.NO_CLIP, variance);
        variance[0] = 99;
        // Equal weights are never clipped: the same network; only the variance differs.
        assertArrayEquals(reference.state().network(), given.state().network());
        assertArrayEquals(new double[] {0.3, 0.04}, given.policy().variance(), 0.0);
        assertEquals(1, given.updates());
        assertThrows(IllegalArgumentException.class, () -> given.update(d[0], d[1], d[2], weights(),
                GlobalPolicyOptimizer.WeightNormalization.NO_CLIP, new double[] {0.1, 0.0}));
        assertThrows(IllegalArgumentException.class, () -> given.update(d[0], d[1], d[2], weights(),
                GlobalPolicyOptimizer.WeightNormalization.REFERENCE, new double[] {0.1}));
    }

    @Test
    void unclippedWeightsTrainAnotherObjective() {
        double[][][][] d = data(9);
        double[][] skewed = weights();
        skewed[0][0] = 1.0;
        PolicyTrainingConfig config = new PolicyTrainingConfig(30, 5, 1e-2, 0.0, 0.1, 0.0);
        GlobalPolicyOptimizer clipped = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        GlobalPolicyOptimizer unclipped = new GlobalPolicyOptimizer(LinearPolicyNetwork.create(DO, DU, 1), config, 7);
        clipped.update(d[0], d[1], d[2], skewed);
        unclipped.update(d[0], d[1], d[2], skewed, GlobalPolicyOptimizer.WeightNormalization.NO_CLIP,
                clipped.policy().variance());
        assertFalse(java.util.Arrays.equals(clipped.state().network(), unclipped.state().network()));
    }
}
