package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** Behaviour of the optimiser beyond plain parity: DARE limit, non-PD handling, per-step constraints, caching. */
class LqrBehaviourTest {

    /** K_0 of a long time-invariant horizon equals the infinite-horizon gain of the DARE. */
    @Test
    void longHorizonGainsApproachDareSolution() {
        int dX = 3;
        int dU = 2;
        int n = dX + dU;
        int horizon = 300;
        SplitMix64 rng = new SplitMix64(11);
        double[] a = RandomProblems.normals(rng, dX * dX, 0.5);
        for (int i = 0; i < dX; i++) {
            a[i * dX + i] += 1.0; // open loop unstable-ish, controllable with B below
        }
        double[] b = RandomProblems.normals(rng, dX * dU, 1.0);
        double[] qx = RandomProblems.spd(rng, dX, 1.0, 0.5);
        double[] ru = RandomProblems.spd(rng, dU, 1.0, 0.5);
        double[][] jac = new double[horizon][n * dX];
        double[][] cm = new double[horizon][n * n];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < dX; i++) {
                System.arraycopy(a, i * dX, jac[t], i * n, dX);
                System.arraycopy(b, i * dU, jac[t], i * n + dX, dU);
                System.arraycopy(qx, i * dX, cm[t], i * n, dX);
            }
            for (int u = 0; u < dU; u++) {
                System.arraycopy(ru, u * dU, cm[t], (dX + u) * n + dX, dU);
            }
        }
        LinearGaussianDynamics dynamics = new LinearGaussianDynamics(horizon, dX, dU, jac, new double[horizon][dX],
                identities(horizon, dX, 1e-3));
        QuadraticCost cost = new QuadraticCost(dX, dU, new double[horizon], new double[horizon][n], cm);
        LocalModel model = new LocalModel(cost, dynamics, new InitialStateDistribution(new double[dX], identity(dX)));
        LinearGaussianPolicy prev = LinearGaussianPolicy.of(new double[horizon][dU * dX], new double[horizon][dU],
                identities(horizon, dU, 1.0));
        LinearGaussianPolicy policy = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU)
                .backward(model, CostAugmentation.trajOpt(prev, 0), 1e-9).policy();

        // Independent DARE solution by fixed-point iteration with EJML, checked by its residual.
        DMatrixRMaj am = new DMatrixRMaj(dX, dX, true, a);
        DMatrixRMaj bm = new DMatrixRMaj(dX, dU, true, b);
        DMatrixRMaj qm = new DMatrixRMaj(dX, dX, true, qx);
        DMatrixRMaj rm = new DMatrixRMaj(dU, dU, true, ru);
        DMatrixRMaj p = qm.copy();
        DMatrixRMaj gain = null;
        for (int it = 0; it < 5000; it++) {
            gain = dareGain(am, bm, rm, p);
            DMatrixRMaj next = riccati(am, bm, qm, rm, p);
            double diff = CommonOps_DDRM.elementMaxAbs(diff(next, p));
            p = next;
            if (diff < 1e-14 * CommonOps_DDRM.elementMaxAbs(p)) {
                break;
            }
        }
        double residual = CommonOps_DDRM.elementMaxAbs(diff(riccati(am, bm, qm, rm, p), p));
        assertTrue(residual < 1e-10 * CommonOps_DDRM.elementMaxAbs(p), "DARE residual " + residual);
        gain = dareGain(am, bm, rm, p);
        double scale = CommonOps_DDRM.elementMaxAbs(gain);
        for (int i = 0; i < dU * dX; i++) {
            assertEquals(gain.data[i], policy.feedbackGains()[0][i], 1e-7 * scale);
        }
        for (int i = 0; i < dU; i++) {
            assertEquals(0, policy.feedforward()[0][i], 1e-9);
        }
    }

    /** A non-PD Q_uu raises η by del0, 2·del0, 4·del0, ... from the requested η and re-runs the pass. */
    @Test
    void nonPositiveDefiniteQuuRaisesEtaByDoublingIncrements() {
        int horizon = 5;
        int dX = 2;
        int dU = 2;
        LocalModel base = RandomProblems.model(3, horizon, dX, dU);
        LocalModel model = base.withCost(withActionHessian(base.cost(), 2, -0.5));
        LinearGaussianPolicy prev = LinearGaussianPolicy.of(new double[horizon][dU * dX], new double[horizon][dU],
                identities(horizon, dU, 1.0));
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        double eta0 = 0.1;
        BackwardPassResult result = optimizer.backward(model, CostAugmentation.trajOpt(prev, 0), eta0);
        int retries = result.nonPositiveDefiniteRetries();
        assertTrue(retries > 0);
        double expectedEta = eta0 + 1e-4 * Math.pow(2, retries - 1);
        assertEquals(expectedEta, result.eta()[0], 1e-15);
        // The oracle agrees: no PD solution one increment earlier, the same controller at the final η.
        double before = retries == 1 ? eta0 : eta0 + 1e-4 * Math.pow(2, retries - 2);
        assertNull(ReferenceOracle.backward(model, prev, before, 0, null, false));
        LinearGaussianPolicy expected = ReferenceOracle.backward(model, prev, expectedEta, 0, null, false);
        assertNotNull(expected);
        LqrPropertiesTest.assertClose(result.policy(), expected, 1e-9);
    }

    /** Per-step constraints: a failure at t = 0 is retried (the reference returns NaN gains there, study §8.2). */
    @Test
    void perStepNonPositiveDefiniteAtFirstStepIsRetried() {
        int horizon = 4;
        int dX = 2;
        int dU = 2;
        LocalModel base = RandomProblems.model(5, horizon, dX, dU);
        LocalModel model = base.withCost(withActionHessian(base.cost(), 0, -10));
        LinearGaussianPolicy prev = LinearGaussianPolicy.of(new double[horizon][dU * dX], new double[horizon][dU],
                identities(horizon, dU, 1.0));
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults().withPerTimeStepConstraint(true),
                horizon, dX, dU);
        double[] eta = {1, 1, 1, 1};
        BackwardPassResult result = optimizer.backwardPerTimeStep(model, CostAugmentation.trajOpt(prev, 0), eta);
        assertTrue(result.nonPositiveDefiniteRetries() > 0);
        assertTrue(result.eta()[0] > 1, "η_0 was not raised");
        assertArrayEquals(new double[] {1, 1, 1}, java.util.Arrays.copyOfRange(result.eta(), 1, 4));
        // Increments accumulate on η_0 (the reference's η₀ aliases η): 1 + del0·(2^r − 1).
        int r = result.nonPositiveDefiniteRetries();
        assertEquals(1 + 1e-4 * (Math.pow(2, r) - 1), result.eta()[0], 1e-12);
        for (double g : result.policy().feedbackGains()[0]) {
            assertTrue(Double.isFinite(g));
        }
        LinearGaussianPolicy expected = ReferenceOracle.backward(model, prev, Double.NaN, 0, result.eta(), false);
        assertNotNull(expected);
        LqrPropertiesTest.assertClose(result.policy(), expected, 1e-9);
        assertArrayEquals(new double[] {1, 1, 1, 1}, eta, "the input array must not be modified");
    }

    @Test
    void nanDynamicsGiveASpecificException() {
        int horizon = 4;
        LocalModel base = RandomProblems.model(7, horizon, 2, 1);
        double[][] jac = ReferenceProblem.copy(base.dynamics().jacobian());
        jac[1][0] = Double.NaN;
        LinearGaussianDynamics nan = new LinearGaussianDynamics(horizon, 2, 1, jac, base.dynamics().offset(),
                base.dynamics().covariance());
        LocalModel model = new LocalModel(base.cost(), nan, base.initialState());
        LinearGaussianPolicy prev = RandomProblems.policy(8, horizon, 2, 1);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, 2, 1);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 0.2, 1.0));
        assertTrue(e.dynamicsContainNaN());
        assertTrue(e.getMessage().contains("contain NaN"), e.getMessage());
        assertTrue(e.eta() >= 1e16);
    }

    @Test
    void nonFiniteKlIsReportedNotReturned() {
        LocalModel base = RandomProblems.model(13, 4, 2, 1);
        double[] cov = base.initialState().covariance().clone();
        cov[0] = Double.POSITIVE_INFINITY;
        LocalModel model = new LocalModel(base.cost(), base.dynamics(),
                new InitialStateDistribution(base.initialState().mean(), cov));
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 4, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(model, CostAugmentation.trajOpt(RandomProblems.policy(14, 4, 2, 1), 0), 0.2, 1.0));
        assertTrue(e.getMessage().contains("initial-state"), e.getMessage());
    }

    @Test
    void hopelessProblemWithoutNanSaysSo() {
        int horizon = 3;
        int dX = 2;
        int dU = 2;
        LocalModel base = RandomProblems.model(9, horizon, dX, dU);
        LocalModel model = base.withCost(withActionHessian(base.cost(), 1, -1));
        // A previous controller with negative precision: Q_uu is indefinite for every η.
        double[][] negative = identities(horizon, dU, -1.0);
        LinearGaussianPolicy prev = new LinearGaussianPolicy(horizon, dX, dU, new double[horizon][dU * dX],
                new double[horizon][dU], identities(horizon, dU, 1.0), identities(horizon, dU, 1.0), negative);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> optimizer.backward(model, CostAugmentation.trajOpt(prev, 0), 1.0));
        assertFalse(e.dynamicsContainNaN());
        assertTrue(e.getMessage().contains("contain no NaN"), e.getMessage());
        LqrTrajectoryOptimizer perStep = new LqrTrajectoryOptimizer(LqrConfig.defaults().withPerTimeStepConstraint(true),
                horizon, dX, dU);
        assertThrows(NotPositiveDefiniteException.class,
                () -> perStep.backwardPerTimeStep(model, CostAugmentation.trajOpt(prev, 0), new double[] {1, 1, 1}));
    }

    /** Per-step constraints on the reference problem: bracketing then Adam; every step ends within 10 % of ε. */
    @Test
    void perStepDualSearchOnReferenceProblem() {
        LocalModel model = ReferenceProblem.model();
        LinearGaussianPolicy prev = ReferenceProblem.previousController();
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults().withPerTimeStepConstraint(true),
                ReferenceProblem.T, ReferenceProblem.DX, ReferenceProblem.DU);
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 0.2, 1.0);
        assertTrue(update.perTimeStep());
        assertEquals(ReferenceProblem.T, update.eta().length);
        assertThrows(IllegalStateException.class, update::globalEta);
        for (int t = 0; t < ReferenceProblem.T; t++) {
            assertTrue(Double.isFinite(update.klDivergencePerStep()[t]));
            assertTrue(update.eta()[t] >= 1e-8 && update.eta()[t] <= 1e16);
        }
        if (update.converged()) {
            for (double kl : update.klDivergencePerStep()) {
                assertTrue(Math.abs(kl - 0.2) < 0.02, "KL_t " + kl);
            }
        }
        assertEquals(update.converged(), !update.klTooHigh() || update.converged());
        // The per-step KL it reports is the reference formula on its own marginals.
        double[] oracle = ReferenceOracle.trajDistrKlPerStep(optimizer.forward(update.policy(), model), update.policy(), prev);
        for (int t = 0; t < ReferenceProblem.T; t++) {
            assertEquals(oracle[t], update.klDivergencePerStep()[t], 1e-9);
        }
    }

    /** KL under the previous controller's marginals (use_prev_distr). */
    @Test
    void klUnderPreviousDistribution() {
        LocalModel model = ReferenceProblem.model();
        LinearGaussianPolicy prev = ReferenceProblem.previousController();
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(
                LqrConfig.defaults().withUsePreviousDistribution(true), ReferenceProblem.T, ReferenceProblem.DX,
                ReferenceProblem.DU);
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 0.2, 1.0);
        assertTrue(update.converged());
        double expected = KlDivergence.total(KlDivergence.perStepClosedForm(optimizer.forward(prev, model),
                update.policy(), prev));
        assertEquals(expected, update.klDivergence(), 1e-10 * expected);
        assertTrue(Math.abs(update.klDivergence() - 20) < 2);
    }

    @Test
    void mdgpsFormEqualsTrajOptFormForTheSameReference() {
        LocalModel model = RandomProblems.model(21, 10, 4, 2);
        LinearGaussianPolicy prev = RandomProblems.policy(22, 10, 4, 2);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 10, 4, 2);
        TrajectoryUpdate a = optimizer.update(model, CostAugmentation.trajOpt(prev, 0.1), 0.3, 1.0);
        TrajectoryUpdate b = optimizer.update(model, CostAugmentation.mdgps(prev, 0.1), 0.3, 1.0);
        assertEquals(a.backwardPasses(), b.backwardPasses());
        assertEquals(a.globalEta(), b.globalEta(), 1e-12 * a.globalEta());
        LqrPropertiesTest.assertClose(a.policy(), b.policy(), 1e-10);
    }

    /** Cached conversions (by identity) never leak between models, costs or reference controllers. */
    @Test
    void workspaceReuseGivesTheSameResultsAsFreshOptimisers() {
        LocalModel m1 = RandomProblems.model(31, 6, 3, 2);
        LocalModel m2 = RandomProblems.model(32, 6, 3, 2);
        LinearGaussianPolicy p1 = RandomProblems.policy(33, 6, 3, 2);
        LinearGaussianPolicy p2 = RandomProblems.policy(34, 6, 3, 2);
        LqrTrajectoryOptimizer shared = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 6, 3, 2);
        TrajectoryUpdate first = shared.update(m1, CostAugmentation.trajOpt(p1, 0), 0.5, 1.0);
        shared.update(m2, CostAugmentation.trajOpt(p2, 0), 0.5, 1.0);
        shared.update(m1.withCost(m2.cost()), CostAugmentation.trajOpt(p1, 0), 0.5, 1.0);
        shared.estimateCost(p2, m2);
        TrajectoryUpdate again = shared.update(m1, CostAugmentation.trajOpt(p1, 0), 0.5, 1.0);
        TrajectoryUpdate fresh = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 6, 3, 2)
                .update(m1, CostAugmentation.trajOpt(p1, 0), 0.5, 1.0);
        LqrPropertiesTest.assertClose(again.policy(), fresh.policy(), 0);
        LqrPropertiesTest.assertClose(first.policy(), fresh.policy(), 0);
        assertEquals(fresh.klDivergence(), again.klDivergence());
    }

    @Test
    void inputsAreValidated() {
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 6, 3, 2);
        LocalModel other = RandomProblems.model(1, 5, 3, 2);
        LinearGaussianPolicy prev = RandomProblems.policy(2, 5, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(other, CostAugmentation.trajOpt(prev, 0), 0.2, 1.0));
        assertTrue(e.getMessage().contains("built for 6"), e.getMessage());
        LocalModel model = RandomProblems.model(1, 6, 3, 2);
        LinearGaussianPolicy p6 = RandomProblems.policy(2, 6, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> optimizer.update(model, CostAugmentation.trajOpt(p6, 0), 0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(model, CostAugmentation.trajOpt(p6, 0), 0.2, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(model, CostAugmentation.trajOpt(p6, 0), new double[6], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> CostAugmentation.trajOpt(p6, -1));
        assertThrows(IllegalArgumentException.class, () -> new LqrConfig(0, 1e-8, 1e16, false, false));
        assertThrows(IllegalArgumentException.class, () -> LqrConfig.defaults().withEtaBounds(1, 0.5));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new LocalModel(RandomProblems.model(1, 6, 3, 2).cost(), RandomProblems.model(1, 5, 3, 2).dynamics(),
                        model.initialState()));
        assertTrue(shape.getMessage().contains("dynamics"), shape.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A copy of the cost whose action Hessian block at step t is {@code value}·I. */
    static QuadraticCost withActionHessian(QuadraticCost cost, int t, double value) {
        int dX = cost.stateDim();
        int n = dX + cost.actionDim();
        double[][] h = ReferenceProblem.copy(cost.hessian());
        for (int u = dX; u < n; u++) {
            for (int v = dX; v < n; v++) {
                h[t][u * n + v] = u == v ? value : 0;
            }
        }
        return new QuadraticCost(dX, cost.actionDim(), cost.constant(), cost.linear(), h);
    }

    static double[] identity(int m) {
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            a[i * m + i] = 1;
        }
        return a;
    }

    static double[][] identities(int horizon, int m, double scale) {
        double[][] a = new double[horizon][m * m];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < m; i++) {
                a[t][i * m + i] = scale;
            }
        }
        return a;
    }

    private static DMatrixRMaj diff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj d = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, d);
        return d;
    }

    /** −(R + BᵀPB)⁻¹ BᵀPA. */
    private static DMatrixRMaj dareGain(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj r, DMatrixRMaj p) {
        DMatrixRMaj pb = new DMatrixRMaj(p.numRows, b.numCols);
        CommonOps_DDRM.mult(p, b, pb);
        DMatrixRMaj s = r.copy();
        CommonOps_DDRM.multAddTransA(b, pb, s);
        DMatrixRMaj bpa = new DMatrixRMaj(b.numCols, a.numCols);
        CommonOps_DDRM.multTransA(pb, a, bpa);
        DMatrixRMaj gain = new DMatrixRMaj(b.numCols, a.numCols);
        CommonOps_DDRM.solve(s, bpa, gain);
        CommonOps_DDRM.scale(-1, gain);
        return gain;
    }

    /** Q + Aᵀ P A − AᵀPB (R + BᵀPB)⁻¹ BᵀPA = Q + AᵀP(A + B K). */
    private static DMatrixRMaj riccati(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj q, DMatrixRMaj r, DMatrixRMaj p) {
        DMatrixRMaj gain = dareGain(a, b, r, p);
        DMatrixRMaj closed = a.copy();
        CommonOps_DDRM.multAdd(b, gain, closed);
        DMatrixRMaj pc = new DMatrixRMaj(p.numRows, closed.numCols);
        CommonOps_DDRM.mult(p, closed, pc);
        DMatrixRMaj next = q.copy();
        CommonOps_DDRM.multAddTransA(a, pc, next);
        DMatrixRMaj nt = next.copy();
        CommonOps_DDRM.transpose(nt);
        CommonOps_DDRM.add(0.5, next, 0.5, nt, next);
        return next;
    }
}
