package org.gpsros.algorithm.badmm;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * The BADMM dual step on the action multipliers of one condition (reference {@code AlgorithmBADMM._policy_dual_step},
 * first half; study §3.9; Levine et al. 2016 §4.1 and Appendix A.1):
 * <pre>
 *   λ_k,t ← λ_k,t − ρ·w_t·P_t·mean_n(K_t x_{n,t} + k_t − μ_π(o_{n,t}))
 *   λ_K,t ← λ_K,t − ρ_cov·w_t·P_t·(K_t − K^π_t)
 * </pre>
 * with the expectations over p(x_t) taken over the condition's samples, as in Appendix A.1. The paper's step is
 * λ ← λ + α ν_t (E_π[u] − E_p[u]) (α = 0.1); the reference multiplies the mismatch by the controller precision
 * P_t as well, and adds the gain multiplier λ_K (whose rate ρ_cov defaults to 0, which leaves it at zero).
 */
public final class BadmmDualStep {
    /** ρ, reference {@code policy_dual_rate} default (also the paper's α). */
    public static final double DEFAULT_DUAL_RATE = 0.1;
    /** ρ_cov, reference {@code policy_dual_rate_covar} default. */
    public static final double DEFAULT_GAIN_DUAL_RATE = 0.0;

    private BadmmDualStep() {
    }

    /**
     * One dual step.
     *
     * @param controller p(u|x) = N(Kx + k, Σ): the new controller if the inner loop has made one, else the
     *                   current one (as the reference chooses)
     * @param policyLinearisation π̂ (only K^π is used, for λ_K)
     * @param states sample states x_{n,t}, {@code samples × horizon × stateDim} (not modified)
     * @param policyMeans μ_π(o_{n,t}) at the same samples, {@code samples × horizon × actionDim} (not modified)
     * @param policyWeights w_t ≥ 0, length horizon (not modified)
     * @param duals the multipliers before the step
     * @param dualRate ρ ≥ 0
     * @param gainDualRate ρ_cov ≥ 0
     * @return the multipliers after the step
     */
    public static BadmmDuals step(LinearGaussianPolicy controller, LinearGaussianPolicy policyLinearisation,
                                  double[][][] states, double[][][] policyMeans, double[] policyWeights,
                                  BadmmDuals duals, double dualRate, double gainDualRate) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        BadmmTargets.checkStates(states, horizon, dX);
        PolicyKl.checkMeans(policyMeans, states.length, horizon, dU);
        BadmmTargets.checkWeights(policyWeights, horizon);
        if (policyLinearisation.horizon() != horizon || policyLinearisation.stateDim() != dX
                || policyLinearisation.actionDim() != dU) {
            throw new IllegalArgumentException("policyLinearisation shape differs from the controller's");
        }
        if (duals.horizon() != horizon || duals.stateDim() != dX || duals.actionDim() != dU) {
            throw new IllegalArgumentException("duals shape differs from the controller's");
        }
        if (!(dualRate >= 0) || !(gainDualRate >= 0) || Double.isInfinite(dualRate) || Double.isInfinite(gainDualRate)) {
            throw new IllegalArgumentException("dual rates must be finite and ≥ 0, got " + dualRate + ", " + gainDualRate);
        }
        int samples = states.length;
        double[][] meanDuals = duals.meanDuals();
        double[][] gainDuals = duals.gainDuals();
        double[] mismatch = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] gains = controller.feedbackGains()[t];
            double[] offset = controller.feedforward()[t];
            double[] precision = controller.precision()[t];
            double[] policyGains = policyLinearisation.feedbackGains()[t];
            java.util.Arrays.fill(mismatch, 0);
            for (int n = 0; n < samples; n++) {
                double[] x = states[n][t];
                double[] mu = policyMeans[n][t];
                for (int u = 0; u < dU; u++) {
                    double a = offset[u];
                    for (int j = 0; j < dX; j++) {
                        a += gains[u * dX + j] * x[j];
                    }
                    mismatch[u] += a - mu[u];
                }
            }
            double meanScale = dualRate * policyWeights[t];
            double gainScale = gainDualRate * policyWeights[t];
            for (int u = 0; u < dU; u++) {
                double s = 0;
                for (int v = 0; v < dU; v++) {
                    s += precision[u * dU + v] * (mismatch[v] / samples);
                }
                meanDuals[t][u] -= meanScale * s;
                for (int j = 0; j < dX; j++) {
                    double g = 0;
                    for (int v = 0; v < dU; v++) {
                        g += precision[u * dU + v] * (gains[v * dX + j] - policyGains[v * dX + j]);
                    }
                    gainDuals[t][u * dX + j] -= gainScale * g;
                }
            }
        }
        return new BadmmDuals(dX, meanDuals, gainDuals);
    }
}
