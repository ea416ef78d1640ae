package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** S-step targets of BADMM (study §3.9) by hand and against the reference's literal solve(P/w, λ). */
class BadmmTargetsTest {

    /** K = [[1,2],[0,1]], k = [0.5,−1], Σ = [[2,0.5],[0.5,1]], x = [1,−1]: Kx + k = [−0.5, −2]. */
    private static LinearGaussianPolicy handController() {
        return LinearGaussianPolicy.of(new double[][] {{1, 2, 0, 1}}, new double[][] {{0.5, -1}},
                new double[][] {{2, 0.5, 0.5, 1}});
    }

    /** λ_K = diag(0.1, 0.2), λ_k = [0.3, −0.1]: λ(x) = [0.4, −0.3], Σλ(x) = [0.65, −0.1]. */
    private static BadmmDuals handDuals() {
        return new BadmmDuals(2, new double[][] {{0.3, -0.1}}, new double[][] {{0.1, 0, 0, 0.2}});
    }

    @Test
    void referenceFormShiftsByWeightTimesCovarianceTimesMultiplier() {
        double[][][] states = {{{1, -1}}};
        PolicyTargets targets = BadmmTargets.compute(handController(), states, new double[] {0.5}, handDuals(),
                BadmmTargets.Form.REFERENCE);
        // u* = [−0.5, −2] − 0.5·[0.65, −0.1]
        assertArrayEquals(new double[] {-0.825, -1.95}, targets.targetMeans()[0][0], 1e-15);
        double det = 2 * 1 - 0.5 * 0.5;
        assertArrayEquals(new double[] {1 / det, -0.5 / det, -0.5 / det, 2 / det}, targets.targetPrecisions()[0][0], 1e-15);
        assertEquals(0.5, targets.targetWeights()[0][0], 0);
    }

    @Test
    void paperFormShiftsByCovarianceTimesMultiplierOverWeight() {
        double[][][] states = {{{1, -1}}};
        PolicyTargets targets = BadmmTargets.compute(handController(), states, new double[] {0.5}, handDuals(),
                BadmmTargets.Form.PAPER);
        // u* = [−0.5, −2] − [0.65, −0.1]/0.5
        assertArrayEquals(new double[] {-1.8, -1.8}, targets.targetMeans()[0][0], 1e-15);
    }

    @Test
    void zeroWeightGivesTheControllerMeanInBothForms() {
        double[][][] states = {{{1, -1}}};
        for (BadmmTargets.Form form : BadmmTargets.Form.values()) {
            PolicyTargets targets = BadmmTargets.compute(handController(), states, new double[] {0.0}, handDuals(), form);
            assertArrayEquals(new double[] {-0.5, -2}, targets.targetMeans()[0][0], 1e-15);
            assertEquals(0.0, targets.targetWeights()[0][0], 0);
        }
        assertThrows(IllegalArgumentException.class, () -> BadmmTargets.compute(handController(), states,
                new double[] {-1}, handDuals(), BadmmTargets.Form.REFERENCE));
        assertThrows(IllegalArgumentException.class, () -> BadmmTargets.compute(handController(),
                new double[][][] {{{1, -1, 0}}}, new double[] {1}, handDuals(), BadmmTargets.Form.REFERENCE));
    }

    /** The reference: mu = K x + k − np.linalg.solve(prc / pol_wt, λ_K x + λ_k), with a dense solve. */
    @Property(tries = 30)
    void referenceFormIsTheLiteralSolve(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                        @ForAll @IntRange(min = 1, max = 3) int dU,
                                        @ForAll @IntRange(min = 1, max = 5) int horizon) {
        LinearGaussianPolicy controller = BadmmFixtures.controller(seed, horizon, dX, dU);
        SplitMix64 rng = new SplitMix64(seed + 9);
        double[] weights = BadmmFixtures.normals(rng, horizon, 1);
        for (int t = 0; t < horizon; t++) {
            weights[t] = Math.abs(weights[t]) + 0.01;
        }
        double[][] meanDuals = new double[horizon][];
        double[][] gainDuals = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            meanDuals[t] = BadmmFixtures.normals(rng, dU, 0.5);
            gainDuals[t] = BadmmFixtures.normals(rng, dU * dX, 0.5);
        }
        BadmmDuals duals = new BadmmDuals(dX, meanDuals, gainDuals);
        double[][][] states = BadmmFixtures.array(seed + 10, 3, horizon, dX, 1.0);
        PolicyTargets targets = BadmmTargets.compute(controller, states, weights, duals, BadmmTargets.Form.REFERENCE);
        for (int n = 0; n < 3; n++) {
            for (int t = 0; t < horizon; t++) {
                DMatrixRMaj prc = new DMatrixRMaj(dU, dU, true, controller.precision()[t]);
                CommonOps_DDRM.divide(prc, weights[t]);
                DMatrixRMaj lambda = new DMatrixRMaj(dU, 1);
                DMatrixRMaj mean = new DMatrixRMaj(dU, 1);
                for (int u = 0; u < dU; u++) {
                    double l = meanDuals[t][u];
                    double m = controller.feedforward()[t][u];
                    for (int j = 0; j < dX; j++) {
                        l += gainDuals[t][u * dX + j] * states[n][t][j];
                        m += controller.feedbackGains()[t][u * dX + j] * states[n][t][j];
                    }
                    lambda.set(u, 0, l);
                    mean.set(u, 0, m);
                }
                DMatrixRMaj shift = new DMatrixRMaj(dU, 1);
                CommonOps_DDRM.solve(prc, lambda, shift);
                for (int u = 0; u < dU; u++) {
                    double expected = mean.get(u, 0) - shift.get(u, 0);
                    assertEquals(expected, targets.targetMeans()[n][t][u], 1e-12 * (1 + Math.abs(expected)));
                }
                assertArrayEquals(controller.precision()[t], targets.targetPrecisions()[n][t], 0);
                assertEquals(weights[t], targets.targetWeights()[n][t], 0);
            }
        }
    }
}
