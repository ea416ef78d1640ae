package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.gpsros.policy.LinearGaussianPolicy;

/** Properties of the LQR-FLM pieces on small random problems, against the literal EJML oracle and identities. */
class LqrPropertiesTest {

    @Property(tries = 60)
    void backwardMatchesOracle(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int dX,
                               @ForAll @IntRange(min = 1, max = 4) int dU, @ForAll @IntRange(min = 1, max = 8) int horizon,
                               @ForAll @DoubleRange(min = -3, max = 3) double logEta, @ForAll boolean mdgps,
                               @ForAll boolean maxEntropy) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy prev = RandomProblems.policy(seed + 1, horizon, dX, dU);
        double eta = Math.pow(10, logEta);
        double nu = maxEntropy ? 0.5 : 0.0;
        CostAugmentation aug = mdgps ? CostAugmentation.mdgps(prev, nu) : CostAugmentation.trajOpt(prev, nu);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        BackwardPassResult result = optimizer.backward(model, aug, eta);
        LinearGaussianPolicy expected = ReferenceOracle.backward(model, prev, eta, nu, null, mdgps);
        assertNotNull(expected, "oracle found a non-PD Q_uu on a PD problem");
        assertEquals(eta, result.eta()[0]);
        assertClose(result.policy(), expected, 1e-9);
    }

    @Property(tries = 60)
    void perStepBackwardMatchesOracle(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int dX,
                                      @ForAll @IntRange(min = 1, max = 4) int dU,
                                      @ForAll @IntRange(min = 1, max = 8) int horizon) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy prev = RandomProblems.policy(seed + 1, horizon, dX, dU);
        double[] eta = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            eta[t] = Math.pow(10, -2 + 4 * ((seed >>> (t % 60)) & 7) / 7.0);
        }
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        BackwardPassResult result = optimizer.backwardPerTimeStep(model, CostAugmentation.trajOpt(prev, 0), eta);
        LinearGaussianPolicy expected = ReferenceOracle.backward(model, prev, Double.NaN, 0, eta, false);
        assertNotNull(expected);
        assertEquals(0, result.nonPositiveDefiniteRetries());
        assertClose(result.policy(), expected, 1e-9);
    }

    @Property(tries = 60)
    void forwardMatchesOracleAndIsSymmetricPositiveDefinite(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int dX,
                                                            @ForAll @IntRange(min = 1, max = 4) int dU,
                                                            @ForAll @IntRange(min = 1, max = 8) int horizon) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy policy = RandomProblems.policy(seed + 1, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        StateActionMarginals actual = optimizer.forward(policy, model);
        StateActionMarginals expected = ReferenceOracle.forward(policy, model);
        assertTrue(RandomProblems.relativeError(actual.means(), expected.means()) < 1e-12);
        assertTrue(RandomProblems.relativeError(actual.covariances(), expected.covariances()) < 1e-12);
        int n = dX + dU;
        for (int t = 0; t < horizon; t++) {
            assertSymmetricPositiveDefinite(actual.covariances()[t], n);
        }
        double[] estimate = optimizer.estimateCost(policy, model);
        for (int t = 0; t < horizon; t++) {
            double expectedCost = laplace(model.cost(), expected, t);
            assertEquals(expectedCost, estimate[t], 1e-10 * Math.max(1, Math.abs(expectedCost)));
        }
    }

    @Property(tries = 60)
    void klIsNonNegativeZeroForIdenticalControllersAndMatchesOracle(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int dX, @ForAll @IntRange(min = 1, max = 4) int dU,
            @ForAll @IntRange(min = 1, max = 8) int horizon) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy a = RandomProblems.policy(seed + 1, horizon, dX, dU);
        LinearGaussianPolicy b = RandomProblems.policy(seed + 2, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        StateActionMarginals marginals = optimizer.forward(a, model);
        double[] general = KlDivergence.perStep(marginals, a, b);
        double[] closed = KlDivergence.perStepClosedForm(marginals, a, b);
        double[] oracle = ReferenceOracle.trajDistrKlPerStep(marginals, a, b);
        double[] self = KlDivergence.perStep(marginals, a, a);
        double[] selfClosed = KlDivergence.perStepClosedForm(marginals, a, a);
        for (int t = 0; t < horizon; t++) {
            assertTrue(general[t] >= 0 && closed[t] >= 0);
            double tol = 1e-9 * Math.max(1, oracle[t]);
            assertEquals(oracle[t], general[t], tol);
            // Under the new controller's own marginals the closed form equals the reference formula.
            assertEquals(oracle[t], closed[t], tol);
            assertEquals(0, self[t], 1e-10);
            assertEquals(0, selfClosed[t], 1e-10);
        }
        // The KL the dual search reports is the reference formula on the result's own marginals.
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(b, 0), 0.5, 1.0);
        StateActionMarginals own = optimizer.forward(update.policy(), model);
        double expectedFinal = ReferenceOracle.trajDistrKl(own, update.policy(), b);
        assertEquals(expectedFinal, update.klDivergence(), 1e-9 * Math.max(1, expectedFinal));
    }

    @Property(tries = 40)
    void dualSearchKeepsKlWithinBound(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                      @ForAll @IntRange(min = 1, max = 3) int dU, @ForAll @IntRange(min = 2, max = 8) int horizon,
                                      @ForAll @DoubleRange(min = 0.01, max = 2.0) double klStep, @ForAll boolean mdgps) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy prev = RandomProblems.policy(seed + 1, horizon, dX, dU);
        CostAugmentation aug = mdgps ? CostAugmentation.mdgps(prev, 0) : CostAugmentation.trajOpt(prev, 0);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        TrajectoryUpdate update = optimizer.update(model, aug, klStep, 1.0);
        double bound = klStep * horizon;
        assertFalse(update.klTooHigh(), "KL " + update.klDivergence() + " above bound " + bound);
        assertTrue(update.klDivergence() <= bound * (1 + LqrTrajectoryOptimizer.KL_TOLERANCE));
        if (update.converged()) {
            assertTrue(Math.abs(update.klDivergence() - bound) < 0.1 * bound);
        }
        assertTrue(update.backwardPasses() >= 1 && update.backwardPasses() <= LqrTrajectoryOptimizer.MAX_DUAL_ITERATIONS);
        StateActionMarginals marginals = optimizer.forward(update.policy(), model);
        assertEquals(ReferenceOracle.trajDistrKl(marginals, update.policy(), prev), update.klDivergence(),
                1e-9 * Math.max(1, update.klDivergence()));
        for (int t = 0; t < horizon; t++) {
            assertSymmetricPositiveDefinite(update.policy().covariance()[t], dU);
        }
    }

    @Property(tries = 40)
    void largeEtaReturnsThePreviousController(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                              @ForAll @IntRange(min = 1, max = 3) int dU,
                                              @ForAll @IntRange(min = 1, max = 8) int horizon) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy prev = RandomProblems.policy(seed + 1, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        double previousError = Double.POSITIVE_INFINITY;
        for (double eta : new double[] {1e4, 1e6, 1e8}) {
            LinearGaussianPolicy p = optimizer.backward(model, CostAugmentation.trajOpt(prev, 0), eta).policy();
            double err = Math.max(RandomProblems.relativeError(p.feedbackGains(), prev.feedbackGains()),
                    Math.max(RandomProblems.relativeError(p.feedforward(), prev.feedforward()),
                            RandomProblems.relativeError(p.covariance(), prev.covariance())));
            assertTrue(err < previousError, "error did not shrink as η grew: " + err);
            previousError = err;
        }
        assertTrue(previousError < 1e-5, "at η = 1e8 the controller differs by " + previousError);
    }

    @Property(tries = 40)
    void meanRolloutSolvesTheAugmentedQuadraticProgram(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int dX,
                                                       @ForAll @IntRange(min = 1, max = 3) int dU,
                                                       @ForAll @IntRange(min = 1, max = 6) int horizon,
                                                       @ForAll @DoubleRange(min = -2, max = 2) double logEta,
                                                       @ForAll boolean mdgps) {
        LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
        LinearGaussianPolicy prev = RandomProblems.policy(seed + 1, horizon, dX, dU);
        double eta = Math.pow(10, logEta);
        CostAugmentation aug = mdgps ? CostAugmentation.mdgps(prev, 0.3) : CostAugmentation.trajOpt(prev, 0.3);
        LinearGaussianPolicy policy = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU)
                .backward(model, aug, eta).policy();
        QuadraticCost augmented = aug.augmentedCost(model.cost(), eta);
        double[][] dense = DenseLqr.solveMeans(augmented, model.dynamics(), model.initialState().mean());
        // Deterministic rollout of the means: u = K x + k, x' = F [x; u] + f.
        int n = dX + dU;
        double[] x = model.initialState().mean().clone();
        double scale = 1;
        for (double[] row : dense) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int t = 0; t < horizon; t++) {
            double[] u = new double[dU];
            for (int i = 0; i < dU; i++) {
                double s = policy.feedforward()[t][i];
                for (int j = 0; j < dX; j++) {
                    s += policy.feedbackGains()[t][i * dX + j] * x[j];
                }
                u[i] = s;
                assertEquals(dense[t][dX + i], u[i], 1e-8 * scale, "u at t=" + t);
            }
            for (int j = 0; j < dX; j++) {
                assertEquals(dense[t][j], x[j], 1e-8 * scale, "x at t=" + t);
            }
            double[] next = new double[dX];
            for (int i = 0; i < dX; i++) {
                double s = model.dynamics().offset()[t][i];
                for (int j = 0; j < dX; j++) {
                    s += model.dynamics().jacobian()[t][i * n + j] * x[j];
                }
                for (int j = 0; j < dU; j++) {
                    s += model.dynamics().jacobian()[t][i * n + dX + j] * u[j];
                }
                next[i] = s;
            }
            x = next;
        }
    }

    static void assertClose(LinearGaussianPolicy actual, LinearGaussianPolicy expected, double tol) {
        double errK = RandomProblems.relativeError(actual.feedbackGains(), expected.feedbackGains());
        double errk = RandomProblems.relativeError(actual.feedforward(), expected.feedforward());
        double errS = RandomProblems.relativeError(actual.covariance(), expected.covariance());
        double errL = RandomProblems.relativeError(actual.covarianceCholesky(), expected.covarianceCholesky());
        double errP = RandomProblems.relativeError(actual.precision(), expected.precision());
        assertTrue(errK <= tol && errk <= tol && errS <= tol && errL <= tol && errP <= tol,
                "K " + errK + " k " + errk + " Σ " + errS + " chol " + errL + " P " + errP);
    }

    static void assertSymmetricPositiveDefinite(double[] a, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(a[i * m + j], a[j * m + i], 0, "not symmetric at " + i + "," + j);
            }
        }
        DMatrixRMaj matrix = new DMatrixRMaj(m, m, true, a);
        assertTrue(DecompositionFactory_DDRM.chol(m, true).decompose(matrix.copy()), "not positive definite");
    }

    static double laplace(QuadraticCost cost, StateActionMarginals marginals, int t) {
        int n = cost.stateDim() + cost.actionDim();
        double[] mu = marginals.means()[t];
        double[] sigma = marginals.covariances()[t];
        double[] cm = cost.hessian()[t];
        double value = cost.constant()[t];
        for (int a = 0; a < n; a++) {
            value += mu[a] * cost.linear()[t][a];
            for (int b = 0; b < n; b++) {
                value += 0.5 * cm[a * n + b] * (sigma[a * n + b] + mu[a] * mu[b]);
            }
        }
        return value;
    }
}
