package org.gpsros.algorithm.cgps;

/**
 * The dual update of constrained GPS (Levine &amp; Abbeel 2014 §4, Algorithm 1 line 6): after each iteration
 * λ_{i,t} ← λ_{i,t} + α·D_KL(p_i(x_t)π_θ(u_t|x_t) ‖ p_i(x_t,u_t)), "a multiple α of the KL-divergence (α = 10 works
 * well), which corresponds to a penalty method" rather than dual gradient descent to convergence.
 *
 * <p>The divergence is E_{p_i(x_t)} KL(π_θ(·|x_t) ‖ p_i(·|x_t)) of the updated controller and policy: by Monte
 * Carlo over condition i's sample states ({@link org.gpsros.algorithm.badmm.PolicyKl#monteCarlo} with
 * {@link org.gpsros.algorithm.badmm.PolicyKl.Direction#POLICY_TO_CONTROLLER}) or by the Laplace estimate under the
 * controller's fitted-model marginals ({@link org.gpsros.algorithm.badmm.PolicyKl#laplace}). The paper gives no
 * initial value. With λ = 0 the policy step has no data weight at all and the trajectory step ignores the policy,
 * so a small positive start (for example BADMM's init_pol_wt, 0.01) is the caller's choice to make.
 */
public final class ConstrainedGpsDuals {
    /** α = 10 (Levine &amp; Abbeel 2014 §4). */
    public static final double DEFAULT_STEP = 10.0;

    private ConstrainedGpsDuals() {
    }

    /**
     * λ_t + α·max(KL_t, 0) per step of one condition (a KL below zero can only be rounding).
     *
     * @param duals λ_t ≥ 0, length horizon (not modified)
     * @param kl the per-step divergence, length horizon (not modified)
     * @param step α &gt; 0
     * @return the new λ_t
     */
    public static double[] increment(double[] duals, double[] kl, double step) {
        if (duals.length == 0 || kl.length != duals.length) {
            throw new IllegalArgumentException("duals and kl need the same, positive length, got " + duals.length
                    + " and " + kl.length);
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step α must be positive and finite, got " + step);
        }
        double[] out = new double[duals.length];
        for (int t = 0; t < out.length; t++) {
            if (!(duals[t] >= 0) || Double.isInfinite(duals[t])) {
                throw new IllegalArgumentException("duals[" + t + "] must be finite and ≥ 0, got " + duals[t]);
            }
            if (!Double.isFinite(kl[t])) {
                throw new IllegalArgumentException("kl[" + t + "] is " + kl[t]);
            }
            out[t] = duals[t] + step * Math.max(kl[t], 0);
        }
        return out;
    }
}
