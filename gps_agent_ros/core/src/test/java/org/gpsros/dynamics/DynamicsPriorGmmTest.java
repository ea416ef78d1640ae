package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The GMM dynamics prior's buffer, cluster-count rule, scaling and checkpoint state (reference study §3.4). */
class DynamicsPriorGmmTest {
    private static final LinearSystemData DATA = new LinearSystemData(8, 30, 3, 2, 0.05, 42L);
    private static final DynamicsPriorConfig CONFIG = DynamicsPriorConfig.examples().withMinSamplesPerCluster(20);

    @Test
    void correctedBufferKeepsMaxSamplesAndReferenceOneLess() {
        for (ReferenceCompatibility mode : ReferenceCompatibility.values()) {
            DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG.withMaxSamples(3).withCompatibility(mode), 1L);
            prior.update(DATA.states(0, 2), DATA.actions(0, 2));
            prior.update(DATA.states(2, 4), DATA.actions(2, 4));
            int kept = mode == ReferenceCompatibility.REFERENCE ? 2 : 3;
            assertEquals(kept, prior.bufferedTrajectories(), mode.name());
            double[][][] buffered = prior.state().states();
            for (int i = 0; i < kept; i++) {
                assertArrayEquals(DATA.states[4 - kept + i], buffered[i], "most recent trajectories, in order");
            }
        }
    }

    @Test
    void clusterCountFollowsTheReferenceRule() {
        DynamicsPriorConfig config = DynamicsPriorConfig.examples();
        assertEquals(12, config.clusterCount(495));
        assertEquals(20, config.clusterCount(1881));
        assertEquals(2, config.clusterCount(10));
        DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG, 1L);
        prior.update(DATA.states(0, 3), DATA.actions(0, 3));
        assertEquals(3 * 29 / 20, prior.lastUpdate().clusterCount());
    }

    @Test
    void evalScalesPseudoCountsAndScatterByStrength() {
        DynamicsPriorGmm weak = new DynamicsPriorGmm(CONFIG, 5L);
        DynamicsPriorGmm strong = new DynamicsPriorGmm(CONFIG.withStrength(2.5), 5L);
        weak.update(DATA.states(0, 4), DATA.actions(0, 4));
        strong.update(DATA.states(0, 4), DATA.actions(0, 4));
        double[][] points = points(DATA, 0, 4, 7);

        NormalInverseWishart a = weak.eval(3, 2, points);
        NormalInverseWishart b = strong.eval(3, 2, points);

        assertEquals(1.0, a.meanPseudoCount());
        assertEquals(2.5, b.meanPseudoCount());
        assertEquals(2.5 * a.degreesOfFreedom(), b.degreesOfFreedom(), 1e-15);
        assertArrayEquals(a.mean(), b.mean(), 0.0);
        for (int i = 0; i < a.scatter().length; i++) {
            assertEquals(2.5 * a.scatter()[i], b.scatter()[i], 1e-14 * Math.abs(b.scatter()[i]));
        }
        NormalInverseWishart[] batch = weak.evalBatch(3, 2, new double[][][] {points, points(DATA, 0, 4, 9)});
        assertArrayEquals(a.scatter(), batch[0].scatter(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> weak.eval(3, 3, points));
    }

    @Test
    void initialStatePriorIsTheBufferedInitialStatesScaledByStateDimTimesStrength() {
        DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG.withStrength(2.0), 1L);
        prior.update(DATA.states(0, 5), DATA.actions(0, 5));

        NormalInverseWishart p = prior.initialState();

        double m = 3 * 2.0;
        assertEquals(m, p.meanPseudoCount());
        assertEquals(m, p.degreesOfFreedom());
        for (int i = 0; i < 3; i++) {
            double mean = 0.0;
            for (int n = 0; n < 5; n++) {
                mean += DATA.states[n][0][i] / 5;
            }
            double var = 0.0;
            for (int n = 0; n < 5; n++) {
                var += Math.pow(DATA.states[n][0][i] - mean, 2) / 5;
            }
            assertEquals(mean, p.mean()[i], 1e-15);
            assertEquals(var * m, p.scatter()[i * 3 + i], 1e-14);
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    assertEquals(0.0, p.scatter()[i * 3 + j]);
                }
            }
        }
    }

    @Test
    void restoredStateEvaluatesAndUpdatesIdentically() {
        DynamicsPriorConfig config = CONFIG.withMaxSamples(6);
        DynamicsPriorGmm original = new DynamicsPriorGmm(config, 123L);
        original.update(DATA.states(0, 2), DATA.actions(0, 2));
        DynamicsPriorGmm restored = DynamicsPriorGmm.restore(config, original.state());
        double[][] points = points(DATA, 2, 5, 3);
        assertArrayEquals(original.eval(3, 2, points).scatter(), restored.eval(3, 2, points).scatter(), 0.0);

        // More data changes K, so the GMM is reinitialised with labels from the restored generator.
        original.update(DATA.states(2, 5), DATA.actions(2, 5));
        restored.update(DATA.states(2, 5), DATA.actions(2, 5));

        assertTrue(original.lastUpdate().initialized());
        assertEquals(original.lastUpdate(), restored.lastUpdate());
        assertArrayEquals(original.state().gmm().covariances(), restored.state().gmm().covariances());
        assertEquals(original.state().randomState(), restored.state().randomState());
        assertArrayEquals(original.state().states(), restored.state().states());
    }

    @Test
    void trajectoryEvaluationReusingTheLastEStepEqualsPointwiseEvaluation() {
        for (int maxIterations : new int[] {100, 2}) { // converged (reuse) and stopped by the iteration limit
            DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG.withMaxEmIterations(maxIterations), 9L);
            prior.update(DATA.states(0, 5), DATA.actions(0, 5));
            assertEquals(maxIterations == 2, prior.lastUpdate().stopReason() == GmmFitSummary.StopReason.MAX_ITERATIONS);
            // Trajectories 3, 4 are buffered, 6 is not.
            double[][][] x = {DATA.states[3], DATA.states[6], DATA.states[4]};
            double[][][] u = {DATA.actions[3], DATA.actions[6], DATA.actions[4]};

            NormalInverseWishart[] reused = prior.evalTrajectories(x, u);

            for (int t = 0; t < 29; t++) {
                double[][] points = new double[3][];
                for (int q = 0; q < 3; q++) {
                    points[q] = points(DATA, new int[] {3, 6, 4}[q], new int[] {3, 6, 4}[q] + 1, t)[0];
                }
                NormalInverseWishart direct = prior.eval(3, 2, points);
                assertArrayEquals(direct.mean(), reused[t].mean(), 0.0, "t=" + t);
                assertArrayEquals(direct.scatter(), reused[t].scatter(), 0.0, "t=" + t);
                assertEquals(direct.degreesOfFreedom(), reused[t].degreesOfFreedom());
            }
        }
    }

    @Test
    void aSingleShortTrajectoryGivesAUsablePrior() {
        LinearSystemData data = new LinearSystemData(1, 2, 3, 2, 0.05, 11L); // one point
        DynamicsPriorGmm prior = new DynamicsPriorGmm(DynamicsPriorConfig.defaults(), 1L);
        prior.update(data.states, data.actions);
        assertEquals(2, prior.lastUpdate().clusterCount());
        NormalInverseWishart p = prior.eval(3, 2, points(data, 0, 1, 0));
        for (double v : p.scatter()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void theBufferIsACopyOfTheCallersArrays() {
        LinearSystemData data = new LinearSystemData(2, 10, 3, 2, 0.05, 7L);
        DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG, 1L);
        prior.update(data.states, data.actions);
        double before = prior.state().states()[0][0][0];
        data.states[0][0][0] = 1e6;
        assertEquals(before, prior.state().states()[0][0][0]);
    }

    @Test
    void invalidUseIsRejectedWithAClearMessage() {
        DynamicsPriorGmm prior = new DynamicsPriorGmm(CONFIG, 1L);
        assertThrows(IllegalStateException.class, prior::initialState);
        assertThrows(IllegalStateException.class, () -> prior.eval(3, 2, points(DATA, 0, 2, 0)));
        double[][][] states = DynamicsPriorGmm.deepCopy(DATA.states(0, 2));
        states[1][4][2] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prior.update(states, DATA.actions(0, 2)));
        assertTrue(e.getMessage().contains("states[1][4][2]"), e.getMessage());
        prior.update(DATA.states(0, 2), DATA.actions(0, 2));
        LinearSystemData other = new LinearSystemData(2, 12, 3, 2, 0.05, 8L);
        assertThrows(IllegalArgumentException.class, () -> prior.update(other.states, other.actions));
        assertThrows(IllegalArgumentException.class,
                () -> new DynamicsPriorConfig(20, 40, 1, 1.0, 100, ReferenceCompatibility.REFERENCE, 1));
        assertSame(CONFIG, prior.config());
    }

    /** The points [x_t, u_t, x_t+1] of trajectories [from, to) at time t. */
    static double[][] points(LinearSystemData data, int from, int to, int t) {
        double[][] out = new double[to - from][];
        for (int n = from; n < to; n++) {
            double[] row = new double[2 * data.stateDim + data.actionDim];
            System.arraycopy(data.states[n][t], 0, row, 0, data.stateDim);
            System.arraycopy(data.actions[n][t], 0, row, data.stateDim, data.actionDim);
            System.arraycopy(data.states[n][t + 1], 0, row, data.stateDim + data.actionDim, data.stateDim);
            out[n - from] = row;
        }
        return out;
    }
}
