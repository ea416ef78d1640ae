package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** Control flow of the dual search on η (study §3.6) where the reference data do not reach. */
class DualSearchTest {

    @Test
    void adamStepFollowsTheReferenceFormula() {
        double[] eta = {1.0, 2.0, 3.0};
        double[] m = new double[2];
        double[] v = new double[2];
        double[] kl = {0.5, 0.1, 9.0};
        double[] eps = {0.2, 0.2, 0.2};
        LqrTrajectoryOptimizer.adamStep(eta, m, v, kl, eps, 0, 1e-8, 1e16);
        // First step: m̂ = con, v̂ = con², so η moves by α·sign(con) (up to the 1e-8 epsilon).
        assertEquals(1.0 + 0.005 * 0.3 / (0.3 + 1e-8), eta[0], 1e-15);
        assertEquals(2.0 - 0.005 * 0.1 / (0.1 + 1e-8), eta[1], 1e-15);
        assertEquals(3.0, eta[2], "the last step's η is never updated");
        assertEquals(0.1 * 0.3, m[0], 1e-16);
        assertEquals(0.001 * 0.09, v[0], 1e-18);
        // Second step with the same constraint values: bias-corrected moments are unchanged.
        double before = eta[0];
        LqrTrajectoryOptimizer.adamStep(eta, m, v, kl, eps, 1, 1e-8, 1e16);
        double mHat = (0.9 * 0.03 + 0.1 * 0.3) / (1 - 0.81);
        double vHat = (0.999 * 0.00009 + 0.001 * 0.09) / (1 - 0.999 * 0.999);
        assertEquals(before + 0.005 * mHat / (Math.sqrt(vHat) + 1e-8), eta[0], 1e-15);
        // Clipping at the bounds.
        double[] low = {1e-8, 1};
        LqrTrajectoryOptimizer.adamStep(low, new double[1], new double[1], new double[] {0, 0}, new double[] {1, 1}, 0,
                1e-8, 1e16);
        assertEquals(1e-8, low[0]);
    }

    /** An unreachable per-step bound: 20 bracketing passes, then all 200 Adam passes, not converged, not too high. */
    @Test
    void perStepSearchRunsBracketingThenAdamWhenBoundIsUnreachable() {
        LocalModel model = RandomProblems.model(41, 5, 3, 2);
        LinearGaussianPolicy prev = RandomProblems.policy(42, 5, 3, 2);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults().withPerTimeStepConstraint(true),
                5, 3, 2);
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 1e6, 1.0);
        assertFalse(update.converged());
        assertFalse(update.klTooHigh());
        assertEquals(LqrTrajectoryOptimizer.MAX_PER_STEP_BRACKETING_ITERATIONS + LqrTrajectoryOptimizer.MAX_ADAM_ITERATIONS,
                update.backwardPasses());
        // Adam drives η_0..η_{T−2} onto minEta; η_{T−1} keeps its bracketing value, which approaches minEta
        // geometrically (the bracket's geometric mean) without reaching it.
        for (int t = 0; t < 4; t++) {
            assertEquals(1e-8, update.eta()[t], 0, "η should have been driven to minEta");
        }
        assertTrue(update.eta()[4] > 1e-8 && update.eta()[4] < 1.001e-8, "η_{T−1} " + update.eta()[4]);
    }

    /** Global search with an unreachable bound: η falls by at most 10× per pass down to minEta; 50 passes. */
    @Test
    void globalSearchStopsAfterFiftyPassesAndReportsTheNextEta() {
        LocalModel model = RandomProblems.model(43, 5, 3, 2);
        LinearGaussianPolicy prev = RandomProblems.policy(44, 5, 3, 2);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 5, 3, 2);
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 1e6, 1.0);
        assertFalse(update.converged());
        assertFalse(update.klTooHigh());
        assertEquals(LqrTrajectoryOptimizer.MAX_DUAL_ITERATIONS, update.backwardPasses());
        assertEquals(1e-8, update.globalEta(), 1e-20);
    }

    /** The η sequence of the reference's benchmark: 1 → 10 → √10 → 10^0.75 (accepted). */
    @Test
    void bracketingSequenceOnReferenceProblem() {
        LocalModel model = ReferenceProblem.model();
        LinearGaussianPolicy prev = ReferenceProblem.previousController();
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), ReferenceProblem.T,
                ReferenceProblem.DX, ReferenceProblem.DU);
        CostAugmentation aug = CostAugmentation.trajOpt(prev, 0);
        double[] etas = {1.0, 10.0, Math.sqrt(10.0), Math.sqrt(Math.sqrt(10.0) * 10.0)};
        double[] expectedSign = {+1, -1, +1, 0};
        for (int i = 0; i < etas.length; i++) {
            BackwardPassResult b = optimizer.backward(model, aug, etas[i]);
            double kl = KlDivergence.total(KlDivergence.perStep(optimizer.forward(b.policy(), model), b.policy(), prev));
            double con = kl - 20.0;
            if (expectedSign[i] == 0) {
                assertTrue(Math.abs(con) < 2.0, "accepted KL " + kl);
            } else {
                assertEquals(expectedSign[i], Math.signum(con), "KL " + kl + " at η " + etas[i]);
                assertTrue(Math.abs(con) >= 2.0);
            }
        }
        assertEquals(5.623413251903491, etas[3], 1e-15);
    }
}
