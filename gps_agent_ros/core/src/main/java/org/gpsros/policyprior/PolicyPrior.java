package org.gpsros.policyprior;

import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.policy.GaussianGlobalPolicy;

/**
 * The prior over the joint Gaussian of [x_t, μ_π(o_t)] that regularises the per-time-step policy linearisation
 * (reference {@code PolicyPrior} / {@code PolicyPriorGMM}, study §3.5). Use {@link PolicyLinearization#fit} to
 * linearise with it.
 */
public sealed interface PolicyPrior permits ConstantPolicyPrior, PolicyPriorGmm {

    /**
     * A fresh prior.
     *
     * @param seed seed of the GMM's initial cluster labels (derive it with
     *             {@link org.gpsros.math.SplitMix64#derive}); unused by the constant prior
     */
    static PolicyPrior create(PolicyPriorConfig config, long seed) {
        if (config instanceof PolicyPriorConfig.GaussianMixture gmm) {
            return new PolicyPriorGmm(gmm, seed);
        }
        return new ConstantPolicyPrior((PolicyPriorConfig.Constant) config);
    }

    /**
     * A prior from {@link #state()}.
     *
     * @param state the saved state; null for the constant prior
     */
    static PolicyPrior restore(PolicyPriorConfig config, PolicyPriorState state) {
        if (config instanceof PolicyPriorConfig.GaussianMixture gmm) {
            if (state == null) {
                throw new IllegalArgumentException("the checkpoint has no policy prior state but the config asks for a "
                        + "GMM policy prior");
            }
            return PolicyPriorGmm.restore(gmm, state);
        }
        return new ConstantPolicyPrior((PolicyPriorConfig.Constant) config);
    }

    /**
     * Takes an iteration's samples into the prior and refits it with the policy's current mean actions
     * (reference {@code policy_prior.update(samples, policy_opt, mode)}).
     *
     * @param states N × T × stateDim (copied; N may be 0 with {@link PolicySampleMode#ADD} to refit only)
     * @param observations N × T × observationDim (copied)
     * @param policy evaluated on every buffered observation
     */
    void update(double[][][] states, double[][][] observations, GaussianGlobalPolicy policy, PolicySampleMode mode);

    /**
     * The normal-inverse-Wishart prior for each point set (reference {@code eval(Ts, Ps)}).
     *
     * @param pointSets per time step, N points [x_t, μ_π(o_t)] of length stateDim + actionDim (not modified)
     */
    NormalInverseWishart[] eval(int stateDim, int actionDim, double[][][] pointSets);

    /** The state to checkpoint; null when there is none (the constant prior). */
    PolicyPriorState state();
}
