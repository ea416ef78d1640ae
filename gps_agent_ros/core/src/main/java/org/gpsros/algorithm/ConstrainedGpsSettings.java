package org.gpsros.algorithm;

import org.gpsros.algorithm.cgps.ConstrainedGpsDuals;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.policyprior.PolicySampleMode;

/**
 * Settings of {@link ConstrainedGpsAlgorithm} (Levine &amp; Abbeel 2014 §4, Algorithm 1; not in the reference).
 *
 * @param trajOpt the trajectory step and dynamics settings shared with {@link TrajOptAlgorithm} (klStep, step
 *                multiplier clip, LQR with one global KL constraint, dynamics prior, seed, ...); its
 *                {@code innerIterations} repeats the trajectory step as in TrajOpt
 * @param policyTraining the S-step's training; its {@code entropyRegularization} is not used (the policy variance is
 *                       the entropy-penalised optimum, see {@code entropyPenalty})
 * @param policyPrior the prior of the policy linearisation
 * @param policySampleMode how the GMM policy prior takes new samples into its buffer
 * @param initialDual λ_{i,t} at the start (&gt; 0: with λ = 0 the S-step would have no data weight)
 * @param dualStep α of λ ← λ + α·KL (the paper's 10)
 * @param entropyPenalty f ∈ [0, 1): the weight β of each sample-step's policy entropy in the S-step objective as a
 *                       fraction of the mean dual weight, β = f·Λ/M ({@link
 *                       org.gpsros.algorithm.cgps.ConstrainedGpsPolicyStep#diagonalVariance}), so the policy
 *                       variance is (1 − f) times the λ-weighted optimum. An absolute β would have to stay below
 *                       λ₀ (βM &lt; Λ at the first S-step) and its effect would fade as the penalty method raises λ.
 * @param dualKl how the divergence of the dual update is estimated
 */
public record ConstrainedGpsSettings(TrajOptSettings trajOpt, PolicyTrainingConfig policyTraining,
                                     PolicyPriorConfig policyPrior, PolicySampleMode policySampleMode,
                                     double initialDual, double dualStep, double entropyPenalty, KlEstimate dualKl) {
    /** The initial λ: BADMM's init_pol_wt, as the paper gives none. */
    public static final double DEFAULT_INITIAL_DUAL = 0.01;

    /** How the dual update estimates E_{p_i(x_t)} KL(π_θ(·|x_t) ‖ p_i(·|x_t)) of the new controller and policy. */
    public enum KlEstimate {
        /**
         * The mean over the condition's current sample states (the states the S-step trained on), with the policy's
         * mean at each sample's observation ({@link org.gpsros.algorithm.badmm.PolicyKl#monteCarlo}).
         */
        MONTE_CARLO,
        /**
         * Closed form under the new controller's state marginals in the fitted model, with the policy linearisation
         * refitted after the S-step ({@link org.gpsros.algorithm.badmm.PolicyKl#laplace}): the expectation over the
         * new controller's p_i(x_t), as in the paper, at the price of the linearisation's error.
         */
        LAPLACE
    }

    public ConstrainedGpsSettings {
        if (trajOpt == null || policyTraining == null || policyPrior == null || policySampleMode == null
                || dualKl == null) {
            throw new IllegalArgumentException("constrained GPS settings need trajOpt, policyTraining, policyPrior, "
                    + "policySampleMode and dualKl");
        }
        if (trajOpt.lqr().perTimeStepConstraint()) {
            throw new IllegalArgumentException("constrained GPS needs one global KL constraint: per-time-step "
                    + "constraints (trajOpt.lqr.perTimeStepConstraint, config traj_opt.cons_per_step) would optimise the "
                    + "raw cost and drop the policy KL terms");
        }
        if (!(initialDual > 0) || Double.isInfinite(initialDual)) {
            throw new IllegalArgumentException("initialDual must be finite and > 0, got " + initialDual);
        }
        if (!(dualStep > 0) || Double.isInfinite(dualStep)) {
            throw new IllegalArgumentException("dualStep α must be finite and > 0, got " + dualStep);
        }
        if (!(entropyPenalty >= 0) || !(entropyPenalty < 1)) {
            throw new IllegalArgumentException("entropyPenalty must be in [0, 1) (a fraction of the mean dual weight; "
                    + "at 1 the penalised policy objective has no minimum), got " + entropyPenalty);
        }
    }

    /**
     * Defaults around the given trajectory settings: policy training and GMM policy prior defaults, sample mode add,
     * λ₀ = 0.01, α = 10, no entropy penalty, the Monte-Carlo divergence.
     */
    public static ConstrainedGpsSettings defaults(TrajOptSettings trajOpt) {
        return new ConstrainedGpsSettings(trajOpt, PolicyTrainingConfig.defaults(), PolicyPriorConfig.gmmDefaults(),
                PolicySampleMode.ADD, DEFAULT_INITIAL_DUAL, ConstrainedGpsDuals.DEFAULT_STEP, 0.0,
                KlEstimate.MONTE_CARLO);
    }

    public ConstrainedGpsSettings withTrajOpt(TrajOptSettings value) {
        return new ConstrainedGpsSettings(value, policyTraining, policyPrior, policySampleMode, initialDual, dualStep,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withPolicyTraining(PolicyTrainingConfig value) {
        return new ConstrainedGpsSettings(trajOpt, value, policyPrior, policySampleMode, initialDual, dualStep,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withPolicyPrior(PolicyPriorConfig value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, value, policySampleMode, initialDual, dualStep,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withPolicySampleMode(PolicySampleMode value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, policyPrior, value, initialDual, dualStep,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withInitialDual(double value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, policyPrior, policySampleMode, value, dualStep,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withDualStep(double value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, policyPrior, policySampleMode, initialDual, value,
                entropyPenalty, dualKl);
    }

    public ConstrainedGpsSettings withEntropyPenalty(double value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, policyPrior, policySampleMode, initialDual, dualStep,
                value, dualKl);
    }

    public ConstrainedGpsSettings withDualKl(KlEstimate value) {
        return new ConstrainedGpsSettings(trajOpt, policyTraining, policyPrior, policySampleMode, initialDual, dualStep,
                entropyPenalty, value);
    }
}
