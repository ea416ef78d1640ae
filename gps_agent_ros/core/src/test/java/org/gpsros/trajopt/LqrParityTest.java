package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.testing.ParityData;
import org.junit.jupiter.api.Test;

/** Parity with the reference's own outputs on its benchmark problem (lqr-parity README, items (a) and (b)). */
class LqrParityTest {
    private static final int T = ReferenceProblem.T;
    private static final int DX = ReferenceProblem.DX;
    private static final int DU = ReferenceProblem.DU;

    private final LocalModel model = ReferenceProblem.model();
    private final LinearGaussianPolicy previous = ReferenceProblem.previousController();
    private final CostAugmentation augmentation = CostAugmentation.trajOpt(previous, 0.0);

    @Test
    void backwardPassAtEtaOneMatchesReference() {
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), T, DX, DU);
        BackwardPassResult result = optimizer.backward(model, augmentation, 1.0);
        assertEquals(1.0, result.eta()[0]);
        assertEquals(0, result.nonPositiveDefiniteRetries());
        double[][] refK = ParityData.blocks("ref_b_eta1_K_100x7x26.csv", T, DU * DX);
        double[][] refk = ParityData.blocks("ref_b_eta1_k_100x7.csv", T, DU);
        double errK = maxRelativeError(result.policy().feedbackGains(), refK);
        double errk = maxRelativeError(result.policy().feedforward(), refk);
        assertTrue(errK < 1e-9, "K relative error " + errK);
        assertTrue(errk < 1e-9, "k relative error " + errk);
    }

    @Test
    void fullUpdateMatchesReference() {
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), T, DX, DU);
        TrajectoryUpdate update = optimizer.update(model, augmentation, 0.2 * 1.0, 1.0);
        assertEquals(4, update.backwardPasses());
        assertEquals(0, update.nonPositiveDefiniteRetries());
        assertTrue(update.converged());
        assertFalse(update.klTooHigh());
        assertEquals(20.0, update.klBound(), 1e-12);
        assertEquals(5.623413251903491, update.globalEta(), 1e-12 * 5.62);
        assertEquals(21.238534921558756, update.klDivergence(), 1e-9 * 21.24);

        double[][] refK = ParityData.blocks("ref_a_new_K_100x7x26.csv", T, DU * DX);
        double[][] refk = ParityData.blocks("ref_a_new_k_100x7.csv", T, DU);
        double[][] refCov = ParityData.blocks("ref_a_new_pol_covar_100x7x7.csv", T, DU * DU);
        LinearGaussianPolicy policy = update.policy();
        double errK = maxRelativeError(policy.feedbackGains(), refK);
        double errk = maxRelativeError(policy.feedforward(), refk);
        double errCov = maxRelativeError(policy.covariance(), refCov);
        assertTrue(errK < 1e-9, "K relative error " + errK);
        assertTrue(errk < 1e-9, "k relative error " + errk);
        assertTrue(errCov < 1e-9, "Σ relative error " + errCov);

        double prevCost = optimizer.estimateTotalCost(previous, model);
        double newCost = optimizer.estimateTotalCost(policy, model);
        assertEquals(1698.0187558646026, prevCost, 1e-10 * 1698);
        assertEquals(1156.9598648526028, newCost, 1e-9 * 1157);
    }

    @Test
    void klOfUpdateAgreesWithReferenceFormulaOnJointMarginals() {
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), T, DX, DU);
        TrajectoryUpdate update = optimizer.update(model, augmentation, 0.2, 1.0);
        StateActionMarginals marginals = optimizer.forward(update.policy(), model);
        double general = KlDivergence.total(KlDivergence.perStep(marginals, update.policy(), previous));
        double closed = KlDivergence.total(KlDivergence.perStepClosedForm(marginals, update.policy(), previous));
        double oracle = ReferenceOracle.trajDistrKl(marginals, update.policy(), previous);
        assertEquals(oracle, update.klDivergence(), 1e-10 * oracle);
        assertEquals(oracle, general, 1e-10 * oracle);
        assertEquals(oracle, closed, 1e-10 * oracle);
    }

    /** max |a − b| / max |b| over all blocks (relative to the reference's largest magnitude). */
    static double maxRelativeError(double[][] actual, double[][] expected) {
        double scale = 0;
        double err = 0;
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                scale = Math.max(scale, Math.abs(expected[t][i]));
                err = Math.max(err, Math.abs(actual[t][i] - expected[t][i]));
            }
        }
        return err / scale;
    }
}
