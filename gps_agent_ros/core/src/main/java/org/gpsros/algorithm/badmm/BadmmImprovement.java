package org.gpsros.algorithm.badmm;

import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.StateActionMarginals;
import org.gpsros.trajopt.StepSizeRule;

/**
 * The BADMM step-size estimates of one condition (reference {@code AlgorithmBADMM._stepadjust}; study §3.8): the
 * three Laplace cost estimates of {@link StepSizeRule#trajOptImprovement}, each plus the weighted policy divergence
 * Σ_t w_t·KL̂_t(p ‖ π̂) under the same controller and model, with the previous iteration's policy linearisation for
 * the previous and predicted estimates and the current one for the actual estimate, and the current weights for
 * all three. The KL̂ here is exact; the reference's +½dU in place of −½dU adds Σ_t w_t·dU to all three, which
 * cancels in both improvements. The reference's cap by {@code last_kl_step} is dead code (that value is never
 * updated) and is not reproduced.
 */
public final class BadmmImprovement {

    private BadmmImprovement() {
    }

    /**
     * The parts of the three estimates.
     *
     * @param previousCost Σ_t Ĵ_t(previous controller, previous model)
     * @param predictedCost Σ_t Ĵ_t(current controller, previous model)
     * @param actualCost Σ_t Ĵ_t(current controller, current model)
     * @param previousPolicyKl Σ_t w_t KL̂_t(previous controller, previous model, previous linearisation)
     * @param predictedPolicyKl Σ_t w_t KL̂_t(current controller, previous model, previous linearisation)
     * @param actualPolicyKl Σ_t w_t KL̂_t(current controller, current model, current linearisation)
     */
    public record Estimate(double previousCost, double predictedCost, double actualCost, double previousPolicyKl,
                           double predictedPolicyKl, double actualPolicyKl) {

        /** Costs plus weighted divergences, ready for the step-size rule. */
        public StepSizeRule.ImprovementEstimate combined() {
            return new StepSizeRule.ImprovementEstimate(previousCost + previousPolicyKl,
                    predictedCost + predictedPolicyKl, actualCost + actualPolicyKl);
        }

        /** {@link StepSizeRule#newStepMultiplier} with the combined improvements. */
        public double newStepMultiplier(double stepMult, double minStepMult, double maxStepMult) {
            return combined().newStepMultiplier(stepMult, minStepMult, maxStepMult);
        }
    }

    /**
     * @param optimizer used for its forward pass and Laplace cost estimate (any instance of the right shape)
     * @param previousController the controller the previous samples came from
     * @param previousModel the local model fitted to the previous samples
     * @param previousPolicyLinearisation π̂ of the previous iteration
     * @param currentController the controller the current samples came from
     * @param currentModel the local model fitted to the current samples
     * @param currentPolicyLinearisation π̂ of this iteration
     * @param policyWeights the current w_t, length horizon (not modified)
     */
    public static Estimate estimate(LqrTrajectoryOptimizer optimizer, LinearGaussianPolicy previousController,
                                    LocalModel previousModel, LinearGaussianPolicy previousPolicyLinearisation,
                                    LinearGaussianPolicy currentController, LocalModel currentModel,
                                    LinearGaussianPolicy currentPolicyLinearisation, double[] policyWeights) {
        BadmmTargets.checkWeights(policyWeights, optimizer.horizon());
        double previousCost = optimizer.estimateTotalCost(previousController, previousModel);
        double predictedCost = optimizer.estimateTotalCost(currentController, previousModel);
        double actualCost = optimizer.estimateTotalCost(currentController, currentModel);
        double previousKl = weightedKl(optimizer, previousController, previousModel, previousPolicyLinearisation,
                policyWeights);
        double predictedKl = weightedKl(optimizer, currentController, previousModel, previousPolicyLinearisation,
                policyWeights);
        double actualKl = weightedKl(optimizer, currentController, currentModel, currentPolicyLinearisation,
                policyWeights);
        return new Estimate(previousCost, predictedCost, actualCost, previousKl, predictedKl, actualKl);
    }

    /** Σ_t w_t KL̂_t(p ‖ π̂) under the controller's marginals in the model. */
    public static double weightedKl(LqrTrajectoryOptimizer optimizer, LinearGaussianPolicy controller, LocalModel model,
                                    LinearGaussianPolicy policyLinearisation, double[] policyWeights) {
        StateActionMarginals marginals = optimizer.forward(controller, model);
        double[] kl = PolicyKl.laplace(marginals, controller, policyLinearisation,
                PolicyKl.Direction.CONTROLLER_TO_POLICY);
        double sum = 0;
        for (int t = 0; t < kl.length; t++) {
            sum += policyWeights[t] * kl[t];
        }
        return sum;
    }
}
