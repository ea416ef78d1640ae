package org.gpsros.algorithm.badmm;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * BADMM S-step targets (reference {@code AlgorithmBADMM._update_policy}, study §3.9; Levine et al. 2016 §4.1
 * Eq. (2), §4.3): per sample state x_{n,t} the controller's mean action shifted by the Lagrange multiplier,
 * precision P_t = Σ_t⁻¹ of the controller and weight w_t.
 *
 * <p><b>Which shift.</b> The θ-step minimises Σ_t E_{p(x_t)π_θ(u_t|x_t)}[uᵀλ_t(x)] + w_t E_{p(x_t)} KL(π_θ ‖ p).
 * Its mean part, λ_t(x)ᵀμ_θ + (w_t/2)(μ_θ − μ_p)ᵀP_t(μ_θ − μ_p), is minimised at μ_θ = μ_p − Σ_t λ_t(x)/w_t,
 * which is {@link Form#PAPER}. The reference (master, study §3.9) computes
 * μ_p − solve(P_t/w_t, λ_t(x)) = μ_p − w_t Σ_t λ_t(x), {@link Form#REFERENCE}: the shift is smaller by the factor
 * w_t² (an earlier reference version had μ_p − Σ_t λ_t(x) with a "TODO: divide by pol_wt"). With the reference's
 * dual step λ ← λ + ρ w P (μ_π − μ_p) the paper's shift Σλ/w is ρ times the accumulated mean mismatch, an action;
 * the reference's is w² times that, so with w ≈ 0.01 the multipliers hardly move the targets.
 */
public final class BadmmTargets {

    /** How the multiplier shifts the target action. */
    public enum Form {
        /** u* = K x + k − w_t Σ_t (λ_K,t x + λ_k,t), the reference (study §3.9). */
        REFERENCE,
        /**
         * u* = K x + k − Σ_t (λ_K,t x + λ_k,t)/w_t, the minimiser of the paper's θ-Lagrangian; where w_t = 0 the
         * step carries no KL term and zero training weight, and u* = K x + k is returned.
         */
        PAPER
    }

    private BadmmTargets() {
    }

    /**
     * Targets of one condition.
     *
     * @param controller the local controller p(u|x) = N(Kx + k, Σ) (the new one from inner iteration 1 on, the
     *                   current one at inner iteration 0, as the reference chooses)
     * @param states sample states x_{n,t}, {@code samples × horizon × stateDim} (not modified)
     * @param policyWeights w_t ≥ 0, length horizon (not modified)
     * @param duals λ_k, λ_K of this condition
     * @param form the multiplier shift, {@link Form#REFERENCE} for the reference's numbers
     */
    public static PolicyTargets compute(LinearGaussianPolicy controller, double[][][] states, double[] policyWeights,
                                        BadmmDuals duals, Form form) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        checkStates(states, horizon, dX);
        checkWeights(policyWeights, horizon);
        if (duals.horizon() != horizon || duals.stateDim() != dX || duals.actionDim() != dU) {
            throw new IllegalArgumentException("duals are " + duals.horizon() + " steps, stateDim " + duals.stateDim()
                    + ", actionDim " + duals.actionDim() + "; the controller is " + horizon + ", " + dX + ", " + dU);
        }
        int samples = states.length;
        double[][][] means = new double[samples][horizon][dU];
        double[][][] precisions = new double[samples][horizon][];
        double[][] weights = new double[samples][horizon];
        double[] lambda = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] gains = controller.feedbackGains()[t];
            double[] offset = controller.feedforward()[t];
            double[] sigma = controller.covariance()[t];
            double w = policyWeights[t];
            double factor = switch (form) {
                case REFERENCE -> w;
                case PAPER -> w == 0 ? 0 : 1 / w;
            };
            for (int n = 0; n < samples; n++) {
                double[] x = states[n][t];
                double[] out = means[n][t];
                for (int u = 0; u < dU; u++) {
                    double mean = offset[u];
                    double l = duals.meanDual(t, u);
                    for (int j = 0; j < dX; j++) {
                        mean += gains[u * dX + j] * x[j];
                        l += duals.gainDual(t, u, j) * x[j];
                    }
                    out[u] = mean;
                    lambda[u] = l;
                }
                for (int u = 0; u < dU; u++) {
                    double shift = 0;
                    for (int v = 0; v < dU; v++) {
                        shift += sigma[u * dU + v] * lambda[v];
                    }
                    out[u] -= factor * shift;
                }
                precisions[n][t] = controller.precision()[t].clone();
                weights[n][t] = w;
            }
        }
        return new PolicyTargets(means, precisions, weights);
    }

    static void checkStates(double[][][] states, int horizon, int stateDim) {
        if (states.length == 0) {
            throw new IllegalArgumentException("need at least one sample");
        }
        for (int n = 0; n < states.length; n++) {
            if (states[n].length != horizon) {
                throw new IllegalArgumentException("states[" + n + "] has " + states[n].length + " time steps, expected "
                        + horizon);
            }
            for (int t = 0; t < horizon; t++) {
                if (states[n][t].length != stateDim) {
                    throw new IllegalArgumentException("states[" + n + "][" + t + "] has " + states[n][t].length
                            + " values, expected stateDim " + stateDim);
                }
            }
        }
    }

    static void checkWeights(double[] weights, int horizon) {
        if (weights.length != horizon) {
            throw new IllegalArgumentException("policyWeights needs " + horizon + " values, got " + weights.length);
        }
        for (int t = 0; t < horizon; t++) {
            if (!(weights[t] >= 0) || Double.isInfinite(weights[t])) {
                throw new IllegalArgumentException("policyWeights[" + t + "] must be finite and ≥ 0, got " + weights[t]);
            }
        }
    }
}
