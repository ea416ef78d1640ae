package org.gpsros.algorithm;

import java.util.List;
import org.gpsros.dynamics.DynamicsPriorState;
import org.gpsros.policy.GlobalPolicyOptimizerState;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policyprior.PolicyPriorState;
import org.gpsros.trajopt.LocalModel;

/**
 * Everything {@link ConstrainedGpsAlgorithm} needs to continue exactly where it stopped: a record of plain arrays and
 * records (the network as bytes), written to checkpoints as JSON.
 *
 * @param iteration the next iteration to run (iterations done so far)
 * @param conditions per training condition
 * @param policy the global policy and its optimiser (network, normaliser, variance, minibatch random state)
 */
public record ConstrainedGpsState(int iteration, List<Condition> conditions, GlobalPolicyOptimizerState policy) {

    public ConstrainedGpsState {
        conditions = List.copyOf(conditions);
        if (policy == null) {
            throw new IllegalArgumentException("a constrained GPS state needs the policy optimizer's state");
        }
    }

    /**
     * @param controller the local controller the next samples are drawn with (the last trajectory step's result)
     * @param stepMult the current step multiplier
     * @param eta the KL dual variable η to start the next search from (one value: a global constraint)
     * @param dynamicsPrior the dynamics prior's buffer and mixture, or null without a prior
     * @param policyPrior the GMM policy prior's buffer and mixture, or null with the constant prior
     * @param policyDuals λ_t of the condition (the paper's λ_{i,t})
     * @param lastPolicyKl the per-step KL(π ‖ p) of the last dual update, or null before the first
     * @param previous what the step-size rule needs of the last iteration, or null before iteration 1
     */
    public record Condition(LinearGaussianPolicy controller, double stepMult, double[] eta,
                            DynamicsPriorState dynamicsPrior, PolicyPriorState policyPrior, double[] policyDuals,
                            double[] lastPolicyKl, Previous previous) {
    }

    /**
     * @param controller the controller the last iteration's samples were drawn with
     * @param model the last iteration's cost expansion, dynamics and initial-state fit
     * @param policyLinearization the linearised global policy the last trajectory step was coupled to
     */
    public record Previous(LinearGaussianPolicy controller, LocalModel model, LinearGaussianPolicy policyLinearization) {
    }
}
