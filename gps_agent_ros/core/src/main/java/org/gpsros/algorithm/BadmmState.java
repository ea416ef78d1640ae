package org.gpsros.algorithm;

import java.util.List;
import org.gpsros.algorithm.badmm.BadmmDuals;
import org.gpsros.dynamics.DynamicsPriorState;
import org.gpsros.policy.GlobalPolicyOptimizerState;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policyprior.PolicyPriorState;
import org.gpsros.trajopt.LocalModel;

/**
 * Everything {@link BadmmAlgorithm} needs to continue exactly where it stopped: a record of plain arrays and
 * records (the network as bytes), written to checkpoints as JSON.
 *
 * @param iteration the next iteration to run (iterations done so far)
 * @param conditions per training condition
 * @param policy the global policy and its optimiser (network, normaliser, variance, minibatch random state)
 */
public record BadmmState(int iteration, List<Condition> conditions, GlobalPolicyOptimizerState policy) {

    public BadmmState {
        conditions = List.copyOf(conditions);
        if (policy == null) {
            throw new IllegalArgumentException("a BADMM state needs the policy optimizer's state");
        }
    }

    /**
     * @param controller the local controller the next samples are drawn with (the last trajectory step's result)
     * @param stepMult the current step multiplier
     * @param eta the KL dual variable η to start the next search from (one value: BADMM uses a global constraint)
     * @param dynamicsPrior the dynamics prior's buffer and mixture, or null without a prior
     * @param policyPrior the GMM policy prior's buffer and mixture, or null with the constant prior
     * @param duals the Lagrange multipliers λ_k, λ_K (reference {@code lambda_k}, {@code lambda_K})
     * @param policyWeights the per-step weights w_t (reference {@code pol_wt}, ν_t in the paper)
     * @param previousPolicyKl the per-step Monte-Carlo KL(p ‖ π) of the last weight update (reference
     *                         {@code prev_kl}), or null before the first one
     * @param previous what the step-size rule needs of the last iteration, or null before iteration 1
     */
    public record Condition(LinearGaussianPolicy controller, double stepMult, double[] eta,
                            DynamicsPriorState dynamicsPrior, PolicyPriorState policyPrior, BadmmDuals duals,
                            double[] policyWeights, double[] previousPolicyKl, Previous previous) {
    }

    /**
     * @param controller the controller the last iteration's samples were drawn with
     * @param model the last iteration's cost expansion, dynamics and initial-state fit
     * @param policyLinearization the global policy's linearisation at the end of the last iteration (after its last
     *                            S-step, around its samples)
     */
    public record Previous(LinearGaussianPolicy controller, LocalModel model, LinearGaussianPolicy policyLinearization) {
    }
}
