package org.gpsros.trajopt;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * KL step-size adaptation from predicted versus actual improvement (reference {@code Algorithm._set_new_mult}
 * and {@code AlgorithmTrajOpt._stepadjust}; study §3.8).
 */
public final class StepSizeRule {
    /** Bounds on the change of the multiplier in one update (hard-coded in the reference). */
    public static final double MIN_MULTIPLIER_CHANGE = 0.1;
    public static final double MAX_MULTIPLIER_CHANGE = 5.0;

    private StepSizeRule() {
    }

    /**
     * Models the improvement as I(KL) = (pred/KL)·KL + ((act − pred)/KL²)·KL², whose optimum gives the change
     * pred / (2·max(1e-4, pred − act)), clipped to [0.1, 5]; the new multiplier is the old one times the change,
     * clipped to [minStepMult, maxStepMult] (reference {@code _set_new_mult}).
     *
     * @throws IllegalArgumentException if an improvement is not finite
     */
    public static double newStepMultiplier(double predictedImprovement, double actualImprovement, double stepMult,
                                           double minStepMult, double maxStepMult) {
        if (!Double.isFinite(predictedImprovement) || !Double.isFinite(actualImprovement)) {
            throw new IllegalArgumentException("improvements must be finite, got predicted " + predictedImprovement
                    + ", actual " + actualImprovement);
        }
        if (!(minStepMult > 0) || !(maxStepMult >= minStepMult)) {
            throw new IllegalArgumentException("need 0 < minStepMult ≤ maxStepMult, got " + minStepMult + ", " + maxStepMult);
        }
        double change = predictedImprovement / (2.0 * Math.max(1e-4, predictedImprovement - actualImprovement));
        change = Math.max(MIN_MULTIPLIER_CHANGE, Math.min(MAX_MULTIPLIER_CHANGE, change));
        return Math.max(Math.min(change * stepMult, maxStepMult), minStepMult);
    }

    /**
     * The AlgorithmTrajOpt estimates for one condition (reference {@code _stepadjust}): Ĵ(previous controller,
     * previous model), Ĵ(current controller, previous model) and Ĵ(current controller, current model), each the
     * Laplace estimate summed over t.
     */
    public static ImprovementEstimate trajOptImprovement(LqrTrajectoryOptimizer optimizer,
                                                         LinearGaussianPolicy previousPolicy, LocalModel previousModel,
                                                         LinearGaussianPolicy currentPolicy, LocalModel currentModel) {
        double previous = optimizer.estimateTotalCost(previousPolicy, previousModel);
        double predicted = optimizer.estimateTotalCost(currentPolicy, previousModel);
        double actual = optimizer.estimateTotalCost(currentPolicy, currentModel);
        return new ImprovementEstimate(previous, predicted, actual);
    }

    /**
     * Laplace cost estimates behind one step-size update.
     *
     * @param previousCost Ĵ of the controller the previous samples came from, under the previous model
     * @param predictedNewCost Ĵ of the current controller under the previous model (what we expected)
     * @param actualNewCost Ĵ of the current controller under the current model (what we got)
     */
    public record ImprovementEstimate(double previousCost, double predictedNewCost, double actualNewCost) {

        public double predictedImprovement() {
            return previousCost - predictedNewCost;
        }

        public double actualImprovement() {
            return previousCost - actualNewCost;
        }

        /** {@link StepSizeRule#newStepMultiplier} with these improvements. */
        public double newStepMultiplier(double stepMult, double minStepMult, double maxStepMult) {
            return StepSizeRule.newStepMultiplier(predictedImprovement(), actualImprovement(), stepMult, minStepMult,
                    maxStepMult);
        }
    }
}
