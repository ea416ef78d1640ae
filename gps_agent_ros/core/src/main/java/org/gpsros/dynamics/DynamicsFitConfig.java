package org.gpsros.dynamics;

/**
 * Settings of {@link DynamicsFitter} (reference {@code DynamicsLR} / {@code DynamicsLRPrior} and
 * {@code Algorithm._update_dynamics}; reference study §3.2).
 *
 * @param regularization      r ≥ 0 added on the [x, u] block of each joint covariance (every example: 1e-6)
 * @param initialStateVariance floor on the variances of the initial-state fit (reference {@code initial_state_var},
 *                             default 1e-6)
 * @param compatibility       CORRECTED (default) adds r·I and uses the normal-inverse-Wishart MAP initial-state
 *                             covariance; REFERENCE adds r to every entry and Φ₀ un-normalised, as the reference
 * @param parallelism         threads over time steps (results do not depend on it)
 */
public record DynamicsFitConfig(double regularization, double initialStateVariance,
                                ReferenceCompatibility compatibility, int parallelism) {

    public DynamicsFitConfig {
        if (!(regularization >= 0.0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("dynamics.regularization must be finite and ≥ 0, got " + regularization);
        }
        if (!(initialStateVariance >= 0.0) || Double.isInfinite(initialStateVariance)) {
            throw new IllegalArgumentException("dynamics.initialStateVariance must be finite and ≥ 0, got "
                    + initialStateVariance);
        }
        if (compatibility == null) {
            throw new IllegalArgumentException("dynamics.compatibility must not be null");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("dynamics.parallelism must be ≥ 1, got " + parallelism);
        }
    }

    /** Regularisation 1e-6, initial-state variance floor 1e-6, corrected behaviour, up to two threads. */
    public static DynamicsFitConfig defaults() {
        return new DynamicsFitConfig(1e-6, 1e-6, ReferenceCompatibility.CORRECTED, ParallelTasks.defaultParallelism());
    }

    public DynamicsFitConfig withRegularization(double value) {
        return new DynamicsFitConfig(value, initialStateVariance, compatibility, parallelism);
    }

    public DynamicsFitConfig withInitialStateVariance(double value) {
        return new DynamicsFitConfig(regularization, value, compatibility, parallelism);
    }

    public DynamicsFitConfig withCompatibility(ReferenceCompatibility value) {
        return new DynamicsFitConfig(regularization, initialStateVariance, value, parallelism);
    }

    public DynamicsFitConfig withParallelism(int value) {
        return new DynamicsFitConfig(regularization, initialStateVariance, compatibility, value);
    }
}
