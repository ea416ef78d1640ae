package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.cost.CostDerivatives;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** Cost quadratisation around ξ = 0 (study §3.1). */
class QuadraticCostTest {

    /** For a truly quadratic cost the re-expansion is exact from any sample point: it returns (c, g, H) itself. */
    @Test
    void expansionOfAQuadraticCostRecoversItFromAnySamples() {
        int horizon = 4;
        int dX = 3;
        int dU = 2;
        int n = dX + dU;
        SplitMix64 rng = new SplitMix64(5);
        double[][] h = new double[horizon][];
        double[][] g = new double[horizon][];
        double[] c = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            h[t] = RandomProblems.spd(rng, n, 1, 0.1);
            g[t] = RandomProblems.normals(rng, n, 1);
            c[t] = rng.nextNormal();
        }
        int samples = 3;
        double[][][] xs = new double[samples][horizon][];
        double[][][] us = new double[samples][horizon][];
        List<CostDerivatives> derivatives = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            CostDerivatives d = CostDerivatives.zeros(horizon, dX, dU);
            for (int t = 0; t < horizon; t++) {
                double[] y = RandomProblems.normals(rng, n, 2);
                xs[s][t] = java.util.Arrays.copyOfRange(y, 0, dX);
                us[s][t] = java.util.Arrays.copyOfRange(y, dX, n);
                double value = c[t];
                double[] grad = g[t].clone();
                for (int a = 0; a < n; a++) {
                    value += g[t][a] * y[a];
                    for (int b = 0; b < n; b++) {
                        value += 0.5 * y[a] * h[t][a * n + b] * y[b];
                        grad[a] += h[t][a * n + b] * y[b];
                    }
                }
                d.value()[t] = value;
                System.arraycopy(grad, 0, d.stateGradient()[t], 0, dX);
                System.arraycopy(grad, dX, d.actionGradient()[t], 0, dU);
                for (int i = 0; i < dX; i++) {
                    for (int j = 0; j < dX; j++) {
                        d.stateHessian()[t][i * dX + j] = h[t][i * n + j];
                    }
                }
                for (int u = 0; u < dU; u++) {
                    for (int v = 0; v < dU; v++) {
                        d.actionHessian()[t][u * dU + v] = h[t][(dX + u) * n + dX + v];
                    }
                    for (int j = 0; j < dX; j++) {
                        d.actionStateHessian()[t][u * dX + j] = h[t][(dX + u) * n + j];
                    }
                }
            }
            derivatives.add(d);
        }
        QuadraticCost q = QuadraticCost.expand(derivatives, xs, us);
        for (int t = 0; t < horizon; t++) {
            assertEquals(c[t], q.constant()[t], 1e-12);
            assertArrayEquals(g[t], q.linear()[t], 1e-12);
            assertArrayEquals(h[t], q.hessian()[t], 1e-15);
            // And it evaluates back to the sample's true cost.
            double[] y = new double[n];
            System.arraycopy(xs[0][t], 0, y, 0, dX);
            System.arraycopy(us[0][t], 0, y, dX, dU);
            assertEquals(derivatives.get(0).value()[t], q.evaluate(t, y), 1e-11);
        }
        double[][] costs = QuadraticCost.sampleCosts(derivatives);
        assertArrayEquals(derivatives.get(2).value(), costs[2]);
    }

    /** Non-quadratic costs: the expansion is the mean of the per-sample expansions (cc, cv, Cm each averaged). */
    @Test
    void expansionAveragesPerSampleExpansions() {
        CostDerivatives a = CostDerivatives.zeros(1, 1, 1);
        CostDerivatives b = CostDerivatives.zeros(1, 1, 1);
        // Sample a at (x, u) = (1, 0): l = 3, lx = 2, lxx = 4 → cc = 3 − 2 + 2 = 3, cv_x = 2 − 4 = −2.
        a.value()[0] = 3;
        a.stateGradient()[0][0] = 2;
        a.stateHessian()[0][0] = 4;
        // Sample b at (0, 2): l = 1, lu = 1, luu = 1 → cc = 1 − 2 + 2 = 1, cv_u = 1 − 2 = −1.
        b.value()[0] = 1;
        b.actionGradient()[0][0] = 1;
        b.actionHessian()[0][0] = 1;
        QuadraticCost q = QuadraticCost.expand(List.of(a, b), new double[][][] {{{1}}, {{0}}},
                new double[][][] {{{0}}, {{2}}});
        assertEquals(2.0, q.constant()[0], 1e-15);
        assertArrayEquals(new double[] {-1.0, -0.5}, q.linear()[0], 1e-15);
        assertArrayEquals(new double[] {2.0, 0, 0, 0.5}, q.hessian()[0], 1e-15);
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new QuadraticCost(2, 1, new double[2], new double[2][3], new double[2][8]));
        assertThrows(IllegalArgumentException.class, () -> QuadraticCost.expand(List.of(), new double[0][][], new double[0][][]));
        CostDerivatives d = CostDerivatives.zeros(2, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> QuadraticCost.expand(List.of(d), new double[][][] {{{0, 0, 0}, {0, 0, 0}}}, new double[][][] {{{0}, {0}}}));
    }
}
