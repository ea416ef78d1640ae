package org.gpsros.policy;

/**
 * Hyperparameters of the LQR-based initial controller {@link LinearGaussianInit#lqr} (reference
 * {@code INIT_LG_LQR}, study §2.5). Use {@link #defaults()} and the {@code with*} methods. The record keeps its
 * own copies of the arrays; accessors return them (do not modify).
 *
 * @param initialVariance init_var &gt; 0: the cost is divided by it, so the controller's noise is about this
 *        variance (default 1)
 * @param stiffness weight ≥ 0 on the joint positions' deviation from x0 (default 1)
 * @param velocityStiffnessMultiplier stiffness_vel ≥ 0: the joint velocities' weight is stiffness times this
 *        (default 0.5)
 * @param finalWeight final_weight &gt; 0 on the last step's cost (default 1)
 * @param initialAccelerations init_acc, the guessed dynamics' constant joint accelerations: empty for zeros
 *        (default) or one per action
 * @param initialGains init_gains, the guessed dynamics' action-to-acceleration gains: empty for ones
 *        (default) or one per action
 */
public record LinearGaussianInitLqrConfig(double initialVariance, double stiffness, double velocityStiffnessMultiplier,
                                          double finalWeight, double[] initialAccelerations, double[] initialGains) {

    public LinearGaussianInitLqrConfig {
        if (!(initialVariance > 0) || Double.isInfinite(initialVariance)) {
            throw new IllegalArgumentException("initialVariance must be finite and > 0, got " + initialVariance);
        }
        if (!(stiffness >= 0) || Double.isInfinite(stiffness)) {
            throw new IllegalArgumentException("stiffness must be finite and ≥ 0, got " + stiffness);
        }
        if (!(velocityStiffnessMultiplier >= 0) || Double.isInfinite(velocityStiffnessMultiplier)) {
            throw new IllegalArgumentException("velocityStiffnessMultiplier must be finite and ≥ 0, got "
                    + velocityStiffnessMultiplier);
        }
        if (!(finalWeight > 0) || Double.isInfinite(finalWeight)) {
            throw new IllegalArgumentException("finalWeight must be finite and > 0, got " + finalWeight);
        }
        initialAccelerations = finiteCopy("initialAccelerations", initialAccelerations);
        initialGains = finiteCopy("initialGains", initialGains);
    }

    private static double[] finiteCopy(String field, double[] values) {
        if (values == null) {
            return new double[0];
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }

    /** The reference defaults: init_var 1, stiffness 1, stiffness_vel 0.5, final_weight 1, zero accelerations, unit gains. */
    public static LinearGaussianInitLqrConfig defaults() {
        return new LinearGaussianInitLqrConfig(1.0, 1.0, 0.5, 1.0, new double[0], new double[0]);
    }

    public LinearGaussianInitLqrConfig withInitialVariance(double value) {
        return new LinearGaussianInitLqrConfig(value, stiffness, velocityStiffnessMultiplier, finalWeight,
                initialAccelerations, initialGains);
    }

    public LinearGaussianInitLqrConfig withStiffness(double value) {
        return new LinearGaussianInitLqrConfig(initialVariance, value, velocityStiffnessMultiplier, finalWeight,
                initialAccelerations, initialGains);
    }

    public LinearGaussianInitLqrConfig withVelocityStiffnessMultiplier(double value) {
        return new LinearGaussianInitLqrConfig(initialVariance, stiffness, value, finalWeight, initialAccelerations,
                initialGains);
    }

    public LinearGaussianInitLqrConfig withFinalWeight(double value) {
        return new LinearGaussianInitLqrConfig(initialVariance, stiffness, velocityStiffnessMultiplier, value,
                initialAccelerations, initialGains);
    }

    public LinearGaussianInitLqrConfig withInitialAccelerations(double[] value) {
        return new LinearGaussianInitLqrConfig(initialVariance, stiffness, velocityStiffnessMultiplier, finalWeight,
                value, initialGains);
    }

    public LinearGaussianInitLqrConfig withInitialGains(double[] value) {
        return new LinearGaussianInitLqrConfig(initialVariance, stiffness, velocityStiffnessMultiplier, finalWeight,
                initialAccelerations, value);
    }
}
