package org.gpsros.trajopt;

/**
 * Settings of the LQR-FLM trajectory optimiser (reference {@code TRAJ_OPT_LQR}, study §2.2).
 *
 * @param del0 first increment of η when Q_uu is not positive definite; later increments double (reference 1e-4)
 * @param minEta lower end of the η bracket of the dual search (reference 1e-8)
 * @param maxEta upper end of the η bracket; also the η at which a non-positive-definite Q_uu is given up
 *               (the reference hard-codes 1e16 for the latter, which equals the default here)
 * @param perTimeStepConstraint one KL constraint per time step with its own η_t (reference {@code cons_per_step})
 * @param usePreviousDistribution measure the KL under the previous controller's state marginals
 *                                (reference {@code use_prev_distr}, {@code traj_distr_kl_alt})
 */
public record LqrConfig(double del0, double minEta, double maxEta, boolean perTimeStepConstraint,
                        boolean usePreviousDistribution) {

    public LqrConfig {
        if (!(del0 > 0) || Double.isInfinite(del0)) {
            throw new IllegalArgumentException("del0 must be positive and finite, got " + del0);
        }
        if (!(minEta > 0) || Double.isInfinite(minEta)) {
            throw new IllegalArgumentException("minEta must be positive and finite, got " + minEta);
        }
        if (!(maxEta > minEta) || Double.isInfinite(maxEta)) {
            throw new IllegalArgumentException("maxEta must be finite and > minEta (" + minEta + "), got " + maxEta);
        }
    }

    /** The reference defaults: del0 1e-4, η ∈ [1e-8, 1e16], one global constraint, KL under the new marginals. */
    public static LqrConfig defaults() {
        return new LqrConfig(1e-4, 1e-8, 1e16, false, false);
    }

    public LqrConfig withDel0(double value) {
        return new LqrConfig(value, minEta, maxEta, perTimeStepConstraint, usePreviousDistribution);
    }

    public LqrConfig withEtaBounds(double min, double max) {
        return new LqrConfig(del0, min, max, perTimeStepConstraint, usePreviousDistribution);
    }

    public LqrConfig withPerTimeStepConstraint(boolean value) {
        return new LqrConfig(del0, minEta, maxEta, value, usePreviousDistribution);
    }

    public LqrConfig withUsePreviousDistribution(boolean value) {
        return new LqrConfig(del0, minEta, maxEta, perTimeStepConstraint, value);
    }
}
