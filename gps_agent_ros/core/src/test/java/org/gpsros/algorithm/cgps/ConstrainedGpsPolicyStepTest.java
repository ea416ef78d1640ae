package org.gpsros.algorithm.cgps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.algorithm.badmm.PolicyTargets;
import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** The constrained-GPS policy step: λ-weighted targets and the entropy-penalised diagonal variance. */
class ConstrainedGpsPolicyStepTest {

    /** T = 2, dX = 1, dU = 2; Σ_0 = diag(0.5, 0.25) (P = diag(2, 4)), Σ_1 = [[1, 0.5], [0.5, 1]]. */
    private static LinearGaussianPolicy controller() {
        return LinearGaussianPolicy.of(new double[][] {{1, -1}, {0.5, 2}}, new double[][] {{0, 1}, {-1, 0}},
                new double[][] {{0.5, 0, 0, 0.25}, {1, 0.5, 0.5, 1}});
    }

    @Test
    void targetsAreTheControllerMeanItsPrecisionAndTheDuals() {
        double[][][] states = {{{2}, {-1}}, {{0}, {4}}};
        PolicyTargets targets = ConstrainedGpsPolicyStep.targets(controller(), states, new double[] {0.3, 1.2});
        assertArrayEquals(new double[] {2, -1}, targets.targetMeans()[0][0], 1e-15);
        assertArrayEquals(new double[] {-1.5, -2}, targets.targetMeans()[0][1], 1e-15);
        assertArrayEquals(new double[] {0, 1}, targets.targetMeans()[1][0], 1e-15);
        assertArrayEquals(new double[] {1, 8}, targets.targetMeans()[1][1], 1e-15);
        assertArrayEquals(new double[] {2, 0, 0, 4}, targets.targetPrecisions()[1][0], 1e-15);
        double det = 0.75;
        assertArrayEquals(new double[] {1 / det, -0.5 / det, -0.5 / det, 1 / det}, targets.targetPrecisions()[0][1], 1e-15);
        assertArrayEquals(new double[] {0.3, 1.2}, targets.targetWeights()[1], 0);
    }

    @Test
    void varianceByHandAndItsShrinkageByTheEntropyPenalty() {
        double[][][] states = {{{2}, {-1}}, {{0}, {4}}};
        PolicyTargets a = ConstrainedGpsPolicyStep.targets(controller(), states, new double[] {0.3, 1.2});
        PolicyTargets b = ConstrainedGpsPolicyStep.targets(controller(), new double[][][] {{{1}, {1}}},
                new double[] {1.0, 1.0});
        // Λ = 2·(0.3 + 1.2) + 2 = 5, M = 6; Σλ P_00 = 2·(0.3·2 + 1.2/0.75) + (2 + 1/0.75),
        // Σλ P_11 = 2·(0.3·4 + 1.2/0.75) + (4 + 1/0.75).
        double p00 = 2 * (0.3 * 2 + 1.2 / 0.75) + (2 + 1 / 0.75);
        double p11 = 2 * (0.3 * 4 + 1.2 / 0.75) + (4 + 1 / 0.75);
        assertArrayEquals(new double[] {5 / p00, 5 / p11}, ConstrainedGpsPolicyStep.diagonalVariance(List.of(a, b), 0), 1e-14);
        assertArrayEquals(new double[] {(5 - 0.3 * 6) / p00, (5 - 0.3 * 6) / p11},
                ConstrainedGpsPolicyStep.diagonalVariance(List.of(a, b), 0.3), 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConstrainedGpsPolicyStep.diagonalVariance(List.of(a, b), 5.0 / 6));
        assertTrue(e.getMessage().contains("no minimum"), e.getMessage());
    }

    /** The variance minimises Σ λ·½[tr(P diag v) − ln|diag v|] + β·M·½ln|diag v|: zero gradient, higher nearby. */
    @Test
    void varianceMinimisesThePenalisedObjective() {
        double[][][] states = {{{2}, {-1}}, {{0}, {4}}, {{1}, {1}}};
        PolicyTargets targets = ConstrainedGpsPolicyStep.targets(controller(), states, new double[] {0.7, 2.5});
        double beta = 0.4;
        double[] v = ConstrainedGpsPolicyStep.diagonalVariance(List.of(targets), beta);
        double f0 = objective(targets, v, beta);
        for (int j = 0; j < 2; j++) {
            double h = 1e-6 * v[j];
            double[] up = v.clone();
            double[] down = v.clone();
            up[j] += h;
            down[j] -= h;
            double gradient = (objective(targets, up, beta) - objective(targets, down, beta)) / (2 * h);
            assertEquals(0, gradient, 1e-6, "∂f/∂v_" + j);
            double[] far = v.clone();
            far[j] *= 1.1;
            assertTrue(objective(targets, far, beta) > f0);
            far[j] = v[j] * 0.9;
            assertTrue(objective(targets, far, beta) > f0);
        }
    }

    private static double objective(PolicyTargets targets, double[] v, double beta) {
        double f = 0;
        for (int n = 0; n < targets.samples(); n++) {
            for (int t = 0; t < targets.horizon(); t++) {
                double w = targets.targetWeights()[n][t];
                double[] p = targets.targetPrecisions()[n][t];
                f += w * 0.5 * (p[0] * v[0] + p[3] * v[1] - Math.log(v[0] * v[1]));
                f += beta * 0.5 * Math.log(v[0] * v[1]);
            }
        }
        return f;
    }
}
