package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/** The step-size rule {@code _set_new_mult} and the AlgorithmTrajOpt improvement estimates (study §3.8). */
class StepSizeRuleTest {

    @Test
    void multiplierChangeIsPredOverTwiceTheShortfallClipped() {
        assertEquals(1.0, StepSizeRule.newStepMultiplier(1.0, 0.5, 1.0, 0.01, 10.0), 1e-15);
        assertEquals(2.0 * 0.625, StepSizeRule.newStepMultiplier(1.0, 0.2, 2.0, 0.01, 10.0), 1e-15);
        // Actual ≥ predicted: the shortfall is floored at 1e-4, the change capped at 5.
        assertEquals(5.0, StepSizeRule.newStepMultiplier(1.0, 1.0, 1.0, 0.01, 10.0), 1e-15);
        assertEquals(5.0, StepSizeRule.newStepMultiplier(1.0, 3.0, 1.0, 0.01, 10.0), 1e-15);
        // Much worse than predicted: change floored at 0.1.
        assertEquals(0.1, StepSizeRule.newStepMultiplier(1.0, -10.0, 1.0, 0.01, 10.0), 1e-15);
        // Predicted worsening: negative change, floored at 0.1.
        assertEquals(0.1, StepSizeRule.newStepMultiplier(-1.0, -2.0, 1.0, 0.01, 10.0), 1e-15);
        // Overall clip to [minStepMult, maxStepMult].
        assertEquals(10.0, StepSizeRule.newStepMultiplier(1.0, 1.0, 8.0, 0.01, 10.0), 1e-15);
        assertEquals(0.01, StepSizeRule.newStepMultiplier(1.0, -10.0, 0.05, 0.01, 10.0), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> StepSizeRule.newStepMultiplier(Double.NaN, 0, 1, 0.01, 10));
        assertThrows(IllegalArgumentException.class, () -> StepSizeRule.newStepMultiplier(1, 0, 1, 0, 10));
    }

    @Test
    void trajOptImprovementOnReferenceProblem() {
        LocalModel model = ReferenceProblem.model();
        LinearGaussianPolicy prev = ReferenceProblem.previousController();
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), ReferenceProblem.T,
                ReferenceProblem.DX, ReferenceProblem.DU);
        LinearGaussianPolicy next = optimizer.update(model, CostAugmentation.trajOpt(prev, 0), 0.2, 1.0).policy();
        // Same model before and after: predicted = actual = 1698.0187558646026 − 1156.9598648526028.
        StepSizeRule.ImprovementEstimate same = StepSizeRule.trajOptImprovement(optimizer, prev, model, next, model);
        assertEquals(1698.0187558646026, same.previousCost(), 1e-9);
        assertEquals(1156.9598648526028, same.predictedNewCost(), 1e-9);
        assertEquals(same.predictedImprovement(), same.actualImprovement(), 0);
        assertEquals(5.0, same.newStepMultiplier(1.0, 0.01, 10.0), 1e-15);
        // A worse "current" model (cost doubled): actual improvement smaller than predicted.
        QuadraticCost cost = model.cost();
        double[] cc = cost.constant().clone();
        double[][] cv = ReferenceProblem.copy(cost.linear());
        double[][] cm = ReferenceProblem.copy(cost.hessian());
        for (int t = 0; t < cc.length; t++) {
            cc[t] *= 2;
            for (int i = 0; i < cv[t].length; i++) {
                cv[t][i] *= 2;
            }
            for (int i = 0; i < cm[t].length; i++) {
                cm[t][i] *= 2;
            }
        }
        LocalModel worse = model.withCost(new QuadraticCost(cost.stateDim(), cost.actionDim(), cc, cv, cm));
        StepSizeRule.ImprovementEstimate e = StepSizeRule.trajOptImprovement(optimizer, prev, model, next, worse);
        assertEquals(2 * 1156.9598648526028, e.actualNewCost(), 1e-8);
        double pred = 1698.0187558646026 - 1156.9598648526028;
        double act = 1698.0187558646026 - 2 * 1156.9598648526028;
        assertEquals(Math.max(0.1, Math.min(5, pred / (2 * (pred - act)))), e.newStepMultiplier(1.0, 0.01, 10.0), 1e-12);
    }
}
