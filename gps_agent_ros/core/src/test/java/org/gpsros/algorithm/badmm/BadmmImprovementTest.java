package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.CostAugmentation;
import org.gpsros.trajopt.KlDivergence;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrConfig;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.StepSizeRule;

/** The BADMM step-size estimates (study §3.8): TrajOpt's three Laplace costs plus Σ_t w_t KL̂_t. */
class BadmmImprovementTest {

    @Property(tries = 25)
    void costsPlusWeightedPolicyKl(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int dX,
                                   @ForAll @IntRange(min = 1, max = 3) int dU,
                                   @ForAll @IntRange(min = 2, max = 6) int horizon) {
        LocalModel previousModel = BadmmFixtures.model(seed, horizon, dX, dU);
        LocalModel currentModel = BadmmFixtures.model(seed + 1, horizon, dX, dU);
        LinearGaussianPolicy previousController = BadmmFixtures.controller(seed + 2, horizon, dX, dU);
        LinearGaussianPolicy previousPolicy = BadmmFixtures.controller(seed + 3, horizon, dX, dU);
        LinearGaussianPolicy currentPolicy = BadmmFixtures.controller(seed + 4, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        LinearGaussianPolicy currentController = optimizer.update(previousModel,
                CostAugmentation.trajOpt(previousController, 0), 0.3, 1.0).policy();
        SplitMix64 rng = new SplitMix64(seed + 5);
        double[] weights = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            weights[t] = 2 * rng.nextUniform();
        }
        BadmmImprovement.Estimate estimate = BadmmImprovement.estimate(optimizer, previousController, previousModel,
                previousPolicy, currentController, currentModel, currentPolicy, weights);
        StepSizeRule.ImprovementEstimate costs = StepSizeRule.trajOptImprovement(optimizer, previousController,
                previousModel, currentController, currentModel);
        assertEquals(costs.previousCost(), estimate.previousCost(), 0);
        assertEquals(costs.predictedNewCost(), estimate.predictedCost(), 0);
        assertEquals(costs.actualNewCost(), estimate.actualCost(), 0);
        // Independent KL path: the trajectory package's closed form under each controller's own marginals.
        double prevKl = weighted(weights, KlDivergence.perStepClosedForm(optimizer.forward(previousController,
                previousModel), previousController, previousPolicy));
        double predKl = weighted(weights, KlDivergence.perStepClosedForm(optimizer.forward(currentController,
                previousModel), currentController, previousPolicy));
        double actKl = weighted(weights, KlDivergence.perStepClosedForm(optimizer.forward(currentController,
                currentModel), currentController, currentPolicy));
        assertEquals(prevKl, estimate.previousPolicyKl(), 1e-10 * (1 + prevKl));
        assertEquals(predKl, estimate.predictedPolicyKl(), 1e-10 * (1 + predKl));
        assertEquals(actKl, estimate.actualPolicyKl(), 1e-10 * (1 + actKl));
        StepSizeRule.ImprovementEstimate combined = estimate.combined();
        assertEquals(costs.predictedImprovement() + prevKl - predKl, combined.predictedImprovement(),
                1e-9 * (1 + Math.abs(combined.predictedImprovement())));
        assertEquals(costs.actualImprovement() + prevKl - actKl, combined.actualImprovement(),
                1e-9 * (1 + Math.abs(combined.actualImprovement())));
        // The reference's +½dU instead of −½dU adds Σ_t w_t·dU to every estimate; the improvements do not change.
        double shift = 0;
        for (double w : weights) {
            shift += w * dU;
        }
        StepSizeRule.ImprovementEstimate asReference = new StepSizeRule.ImprovementEstimate(
                combined.previousCost() + shift, combined.predictedNewCost() + shift, combined.actualNewCost() + shift);
        assertEquals(combined.predictedImprovement(), asReference.predictedImprovement(),
                1e-9 * (1 + Math.abs(shift)));
        // With w = 0 the estimate is TrajOpt's exactly.
        BadmmImprovement.Estimate zero = BadmmImprovement.estimate(optimizer, previousController, previousModel,
                previousPolicy, currentController, currentModel, currentPolicy, new double[horizon]);
        assertEquals(costs.predictedImprovement(), zero.combined().predictedImprovement(), 0);
        assertEquals(costs.actualImprovement(), zero.combined().actualImprovement(), 0);
        assertEquals(costs.newStepMultiplier(1.0, 0.01, 10.0), zero.newStepMultiplier(1.0, 0.01, 10.0), 0);
    }

    private static double weighted(double[] w, double[] kl) {
        double s = 0;
        for (int t = 0; t < w.length; t++) {
            s += w[t] * kl[t];
        }
        return s;
    }
}
