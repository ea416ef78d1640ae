package org.gpsros.algorithm.cgps;

import java.util.List;
import org.gpsros.algorithm.badmm.PolicyTargets;
import org.gpsros.policy.LinearGaussianPolicy;

/**
 * The policy step of constrained GPS (Levine &amp; Abbeel 2014 §4, Algorithm 1 line 4): "the policy trained to
 * minimize λ_t D_KL(π_θ(u_t|x_{ti}) ‖ p(u_t|x_{ti})) at each sampled state x_{ti}", plus the entropy penalty of the
 * same section ("we found it useful to regularize the policy by penalizing its entropy directly").
 *
 * <p><b>Derivation.</b> For π_θ(u|o) = N(μ_θ(o), Σ_π) and p_i(u|x) = N(K_t x + k_t, C_t), P_t = C_t⁻¹, at one
 * sample: KL(π_θ ‖ p_i) = ½[(μ_θ − u*)ᵀP_t(μ_θ − u*) + tr(P_t Σ_π) − dU + ln|C_t| − ln|Σ_π|] with u* = K_t x + k_t.
 * Summed with weights λ_{i,t} over all samples (i, t) and with β·Σ H(π_θ(·|x)) (H = ½ln|2πe Σ_π|) added:
 * <ul>
 * <li>the mean part is the weighted precision regression Σ λ_{i,t}·½(u* − μ_θ)ᵀP_t(u* − μ_θ), i.e. the policy
 *     optimiser's loss with targets u*, precisions P_t and weights λ_{i,t} ({@link #targets});</li>
 * <li>the covariance part ½Σ λ_{i,t}[tr(P_t Σ_π) − ln|Σ_π|] + ½βM ln|Σ_π| (M = number of sample-steps) is
 *     minimised over a diagonal Σ_π = diag(v) at v_j = (Λ − βM)/Σ λ_{i,t}(P_t)_jj with Λ = Σ λ_{i,t}
 *     ({@link #diagonalVariance}). With β = 0 and equal λ this is v_j = 1/mean(P_t)_jj, the diagonal counterpart
 *     of Levine et al. 2016 Appendix A.2's Σ_π = [mean C⁻¹]⁻¹ and the reference's 1/diag(A) (study §3.10);
 *     β &gt; 0 shrinks the variance by the factor 1 − βM/Λ, and for βM ≥ Λ the objective is unbounded below
 *     (v → 0). The reference's BADMM {@code ent_reg} is a different term: it adds 2·NT·ent_reg to the summed
 *     precision, a penalty on tr(Σ_π), not on the entropy.</li>
 * </ul>
 * Note for the S-step: the reference optimiser's weight normalisation (w·NT/Σw, then a clip at twice the median)
 * rescales λ by a constant, which is harmless, but the clip changes the relative weights and so the objective.
 */
public final class ConstrainedGpsPolicyStep {

    private ConstrainedGpsPolicyStep() {
    }

    /**
     * Targets of one condition: u*_{n,t} = K_t x_{n,t} + k_t, precision P_t, weight λ_t.
     *
     * @param controller p_i(u|x), the updated controller of the condition
     * @param states x_{n,t} of the condition's samples, {@code samples × horizon × stateDim} (not modified)
     * @param duals λ_t ≥ 0 of the condition, length horizon (not modified)
     */
    public static PolicyTargets targets(LinearGaussianPolicy controller, double[][][] states, double[] duals) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        if (duals.length != horizon) {
            throw new IllegalArgumentException("duals needs " + horizon + " values, got " + duals.length);
        }
        for (int t = 0; t < horizon; t++) {
            if (!(duals[t] >= 0) || Double.isInfinite(duals[t])) {
                throw new IllegalArgumentException("duals[" + t + "] must be finite and ≥ 0, got " + duals[t]);
            }
        }
        if (states.length == 0) {
            throw new IllegalArgumentException("need at least one sample");
        }
        int samples = states.length;
        double[][][] means = new double[samples][horizon][dU];
        double[][][] precisions = new double[samples][horizon][];
        double[][] weights = new double[samples][horizon];
        for (int n = 0; n < samples; n++) {
            if (states[n].length != horizon) {
                throw new IllegalArgumentException("states[" + n + "] has " + states[n].length + " time steps, expected "
                        + horizon);
            }
            for (int t = 0; t < horizon; t++) {
                double[] x = states[n][t];
                if (x.length != dX) {
                    throw new IllegalArgumentException("states[" + n + "][" + t + "] has " + x.length
                            + " values, expected stateDim " + dX);
                }
                double[] gains = controller.feedbackGains()[t];
                double[] offset = controller.feedforward()[t];
                for (int u = 0; u < dU; u++) {
                    double a = offset[u];
                    for (int j = 0; j < dX; j++) {
                        a += gains[u * dX + j] * x[j];
                    }
                    means[n][t][u] = a;
                }
                precisions[n][t] = controller.precision()[t].clone();
                weights[n][t] = duals[t];
            }
        }
        return new PolicyTargets(means, precisions, weights);
    }

    /**
     * The optimal diagonal policy variance v_j = (Λ − βM)/Σ λ_{n,t}(P_{n,t})_jj over all conditions' targets.
     *
     * @param targets the targets of every condition (weights λ, unweighted precisions P)
     * @param entropyPenalty β ≥ 0, the weight of each sample-step's policy entropy
     * @return v, length actionDim
     * @throws IllegalArgumentException if βM ≥ Λ (the penalised objective has no minimum) or a Σ λ P_jj is not
     *         positive
     */
    public static double[] diagonalVariance(List<PolicyTargets> targets, double entropyPenalty) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("need the targets of at least one condition");
        }
        if (!(entropyPenalty >= 0) || Double.isInfinite(entropyPenalty)) {
            throw new IllegalArgumentException("entropyPenalty must be finite and ≥ 0, got " + entropyPenalty);
        }
        int dU = targets.get(0).actionDim();
        double[] weightedPrecision = new double[dU];
        double totalWeight = 0;
        long count = 0;
        for (PolicyTargets target : targets) {
            if (target.actionDim() != dU) {
                throw new IllegalArgumentException("targets disagree on actionDim");
            }
            for (int n = 0; n < target.samples(); n++) {
                for (int t = 0; t < target.horizon(); t++) {
                    double w = target.targetWeights()[n][t];
                    double[] p = target.targetPrecisions()[n][t];
                    for (int j = 0; j < dU; j++) {
                        weightedPrecision[j] += w * p[j * dU + j];
                    }
                    totalWeight += w;
                    count++;
                }
            }
        }
        double numerator = totalWeight - entropyPenalty * count;
        if (!(numerator > 0)) {
            throw new IllegalArgumentException("the entropy penalty β·M = " + entropyPenalty * count
                    + " is not below the total dual weight Λ = " + totalWeight
                    + ": the penalised policy objective has no minimum (the variance would go to 0)");
        }
        double[] variance = new double[dU];
        for (int j = 0; j < dU; j++) {
            if (!(weightedPrecision[j] > 0)) {
                throw new IllegalArgumentException("Σ λ·P_jj is " + weightedPrecision[j] + " for action " + j);
            }
            variance[j] = numerator / weightedPrecision[j];
        }
        return variance;
    }
}
