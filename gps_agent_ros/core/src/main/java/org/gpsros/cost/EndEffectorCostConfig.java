package org.gpsros.cost;

/**
 * Configuration of {@link EndEffectorCost} (reference {@code COST_FK}, study §2.6). Use {@link #of} for the
 * reference defaults and the {@code with*} methods to change one field. The record keeps its own copies of
 * the arrays; accessors return them (do not modify).
 *
 * @param targetPoints target_end_effector, 3 values per end-effector point (zeros when the robot already
 *        reports points relative to the target, as gps_agent_pkg does)
 * @param weights wp, one non-negative weight per point coordinate
 * @param ramp how the weights grow over time (default CONSTANT)
 * @param finalWeightMultiplier extra factor on the last step's weights (wp_final_multiplier, default 1)
 * @param l1 weight of the L1-like term (default 0)
 * @param l2 weight of the squared term (default 1)
 * @param alpha α inside the L1-like term (default 1e-5)
 * @param norm the penalty (reference {@code evalnorm}); default {@link PenaltyNorm#LOG_L2}, the reference's
 *        {@code evallogl2term} with the exact Hessian (see {@link PenaltyNorm} for the reference's variant)
 */
public record EndEffectorCostConfig(double[] targetPoints, double[] weights, Ramp ramp, double finalWeightMultiplier,
                                    double l1, double l2, double alpha, PenaltyNorm norm) {

    /** Reference defaults (study §2.6). */
    public static final Ramp DEFAULT_RAMP = Ramp.CONSTANT;
    public static final double DEFAULT_FINAL_WEIGHT_MULTIPLIER = 1.0;
    public static final double DEFAULT_L1 = 0.0;
    public static final double DEFAULT_L2 = 1.0;
    public static final double DEFAULT_ALPHA = 1e-5;
    public static final PenaltyNorm DEFAULT_NORM = PenaltyNorm.LOG_L2;

    public EndEffectorCostConfig {
        targetPoints = CostChecks.finiteCopy("targetPoints", targetPoints);
        weights = CostChecks.nonNegativeCopy("weights", weights);
        CostChecks.sameLength("weights", weights, targetPoints.length, "targetPoints");
        if (targetPoints.length % 3 != 0) {
            throw new IllegalArgumentException("targetPoints must hold 3 values per point, got " + targetPoints.length);
        }
        if (ramp == null) {
            throw new IllegalArgumentException("ramp must be given");
        }
        if (norm == null) {
            throw new IllegalArgumentException("norm must be given");
        }
        CostChecks.nonNegative("finalWeightMultiplier", finalWeightMultiplier);
        CostChecks.penalty(l1, l2, alpha);
    }

    /** The given target and weights with every other field at the reference default. */
    public static EndEffectorCostConfig of(double[] targetPoints, double[] weights) {
        return new EndEffectorCostConfig(targetPoints, weights, DEFAULT_RAMP, DEFAULT_FINAL_WEIGHT_MULTIPLIER,
                DEFAULT_L1, DEFAULT_L2, DEFAULT_ALPHA, DEFAULT_NORM);
    }

    public EndEffectorCostConfig withTargetPoints(double[] newTarget) {
        return new EndEffectorCostConfig(newTarget, weights, ramp, finalWeightMultiplier, l1, l2, alpha, norm);
    }

    public EndEffectorCostConfig withWeights(double[] newWeights) {
        return new EndEffectorCostConfig(targetPoints, newWeights, ramp, finalWeightMultiplier, l1, l2, alpha, norm);
    }

    public EndEffectorCostConfig withRamp(Ramp newRamp) {
        return new EndEffectorCostConfig(targetPoints, weights, newRamp, finalWeightMultiplier, l1, l2, alpha, norm);
    }

    public EndEffectorCostConfig withFinalWeightMultiplier(double newMultiplier) {
        return new EndEffectorCostConfig(targetPoints, weights, ramp, newMultiplier, l1, l2, alpha, norm);
    }

    public EndEffectorCostConfig withL1(double newL1) {
        return new EndEffectorCostConfig(targetPoints, weights, ramp, finalWeightMultiplier, newL1, l2, alpha, norm);
    }

    public EndEffectorCostConfig withL2(double newL2) {
        return new EndEffectorCostConfig(targetPoints, weights, ramp, finalWeightMultiplier, l1, newL2, alpha, norm);
    }

    public EndEffectorCostConfig withAlpha(double newAlpha) {
        return new EndEffectorCostConfig(targetPoints, weights, ramp, finalWeightMultiplier, l1, l2, newAlpha, norm);
    }

    public EndEffectorCostConfig withNorm(PenaltyNorm newNorm) {
        return new EndEffectorCostConfig(targetPoints, weights, ramp, finalWeightMultiplier, l1, l2, alpha, newNorm);
    }
}
