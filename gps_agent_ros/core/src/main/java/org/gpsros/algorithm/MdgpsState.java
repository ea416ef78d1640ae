package org.gpsros.algorithm;

import java.util.List;
import org.gpsros.dynamics.DynamicsPriorState;
import org.gpsros.policy.GlobalPolicyOptimizerState;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policyprior.PolicyPriorState;
import org.gpsros.trajopt.LocalModel;

/**
 * Everything {@link MdgpsAlgorithm} needs to continue exactly where it stopped: a record of plain arrays and
 * records (the network as bytes), written to checkpoints as JSON.
 *
 * @param iteration the next iteration to run (iterations done so far)
 * @param conditions per training condition
 * @param policy the global policy and its optimiser (network, normaliser, variance, minibatch random state)
 */
public record MdgpsState(int iteration, List<Condition> conditions, GlobalPolicyOptimizerState policy) {

    public MdgpsState {
        conditions = List.copyOf(conditions);
        if (policy == null) {
            throw new IllegalArgumentException("an MDGPS state needs the policy optimizer's state");
        }
    }

    /**
     * @param controller the local controller: the last C-step's result (the initial controller before iteration 0);
     *                   off-policy, the next samples are drawn with it
     * @param stepMult the current step multiplier
     * @param eta the KL dual variable to start the next search from (one value, or one per step)
     * @param dynamicsPrior the dynamics prior's buffer and mixture, or null without a prior
     * @param policyPrior the GMM policy prior's buffer and mixture, or null with the constant prior
     * @param previous what the step-size rule needs of the last iteration, or null before iteration 1
     */
    public record Condition(LinearGaussianPolicy controller, double stepMult, double[] eta,
                            DynamicsPriorState dynamicsPrior, PolicyPriorState policyPrior, Previous previous) {
    }

    /**
     * @param model the last iteration's cost expansion, dynamics and initial-state fit
     * @param policyLinearization the linearised global policy the last C-step was constrained against
     * @param meanSampleCost the last iteration's mean sampled cost Σ_t l_t
     */
    public record Previous(LocalModel model, LinearGaussianPolicy policyLinearization, double meanSampleCost) {
    }
}
