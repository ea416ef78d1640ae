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
 * @param pretrainingPolicy the state-only network of trajectory pretraining and its optimiser while pretraining is
 *                          not over (the iteration that hands over to the global policy has not run yet); else null
 */
public record MdgpsState(int iteration, List<Condition> conditions, GlobalPolicyOptimizerState policy,
                         GlobalPolicyOptimizerState pretrainingPolicy) {

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
     * @param reusedSamples the earlier iterations' samples kept for the S-step ({@link SampleReuse}), oldest first;
     *                      empty (or null in a checkpoint without them) when samples are not reused
     */
    public record Condition(LinearGaussianPolicy controller, double stepMult, double[] eta,
                            DynamicsPriorState dynamicsPrior, PolicyPriorState policyPrior, Previous previous,
                            List<ReusedSamples> reusedSamples) {
        public Condition {
            reusedSamples = reusedSamples == null ? List.of() : List.copyOf(reusedSamples);
        }
    }

    /**
     * One iteration's samples of one condition, kept for later S-steps (Levine et al. 2016, §4.3).
     *
     * @param iteration the iteration that drew them
     * @param states N × T × dX
     * @param observations N × T × dO
     * @param marginal the state marginal of the distribution that drew them, under that iteration's dynamics fit
     */
    public record ReusedSamples(int iteration, double[][][] states, double[][][] observations,
                                ImportanceWeights.StateMarginal marginal) {
        public ReusedSamples {
            if (states == null || observations == null || marginal == null || states.length != observations.length) {
                throw new IllegalArgumentException("reused samples need as many state as observation trajectories "
                        + "and a marginal");
            }
        }
    }

    /**
     * @param model the last iteration's cost expansion, dynamics and initial-state fit
     * @param policyLinearization the linearised global policy the last C-step was constrained against
     * @param meanSampleCost the last iteration's mean sampled cost Σ_t l_t
     */
    public record Previous(LocalModel model, LinearGaussianPolicy policyLinearization, double meanSampleCost) {
    }
}
