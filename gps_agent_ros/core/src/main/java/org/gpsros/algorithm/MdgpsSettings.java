package org.gpsros.algorithm;

import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.policyprior.PolicySampleMode;

/**
 * Settings of {@link MdgpsAlgorithm} (reference {@code ALG_MDGPS} over {@code ALG}, {@code POLICY_OPT} and
 * {@code POLICY_PRIOR(_GMM)}; study §2.1, §2.4, §2.5).
 *
 * @param trajOpt the C-step and dynamics settings shared with {@link TrajOptAlgorithm} (klStep, step-multiplier
 *                clip, LQR, dynamics prior, seed, ...)
 * @param policyTraining the S-step's training
 * @param policyPrior the prior of the policy linearisation
 * @param initialPolicyWeight init_pol_wt (0.01): the S-step weight of every target; it only feeds the weight
 *                            normalisation, which makes every weight 1
 * @param stepRule how the KL step adapts
 * @param sampleOnPolicy draw the samples of iteration ≥ 1 from the global policy instead of the local controllers
 * @param policySampleMode how the GMM policy prior takes new samples into its buffer
 * @param sampleReuse which earlier samples the S-step adds, with importance weights (Levine et al. 2016, §4.3;
 *                    {@link SampleReuse#none()} = the reference)
 * @param trajectoryPretrainingIterations the first iterations whose global policy is the small state-only network
 *                                        given to the algorithm (Levine et al. 2016, §5.2: trajectory pretraining;
 *                                        0 = none)
 */
public record MdgpsSettings(TrajOptSettings trajOpt, PolicyTrainingConfig policyTraining, PolicyPriorConfig policyPrior,
                            double initialPolicyWeight, MdgpsStepRule stepRule, boolean sampleOnPolicy,
                            PolicySampleMode policySampleMode, SampleReuse sampleReuse,
                            int trajectoryPretrainingIterations) {
    /** The reference's init_pol_wt. */
    public static final double DEFAULT_INITIAL_POLICY_WEIGHT = 0.01;

    public MdgpsSettings {
        if (trajOpt == null || policyTraining == null || policyPrior == null || stepRule == null
                || policySampleMode == null || sampleReuse == null) {
            throw new IllegalArgumentException("MDGPS settings need trajOpt, policyTraining, policyPrior, stepRule, "
                    + "policySampleMode and sampleReuse");
        }
        if (trajectoryPretrainingIterations < 0) {
            throw new IllegalArgumentException("trajectoryPretrainingIterations must be ≥ 0, got "
                    + trajectoryPretrainingIterations);
        }
        if (!(initialPolicyWeight > 0) || Double.isInfinite(initialPolicyWeight)) {
            throw new IllegalArgumentException("initialPolicyWeight must be finite and > 0, got " + initialPolicyWeight);
        }
    }

    /**
     * The reference's MDGPS defaults around the given trajectory settings: policy training defaults, the GMM policy
     * prior defaults, init_pol_wt 0.01, step rule laplace, off-policy sampling, sample mode add, no sample reuse, no
     * trajectory pretraining.
     */
    public static MdgpsSettings defaults(TrajOptSettings trajOpt) {
        return new MdgpsSettings(trajOpt, PolicyTrainingConfig.defaults(), PolicyPriorConfig.gmmDefaults(),
                DEFAULT_INITIAL_POLICY_WEIGHT, MdgpsStepRule.LAPLACE, false, PolicySampleMode.ADD, SampleReuse.none(), 0);
    }

    public MdgpsSettings withTrajOpt(TrajOptSettings value) {
        return new MdgpsSettings(value, policyTraining, policyPrior, initialPolicyWeight, stepRule, sampleOnPolicy,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withPolicyTraining(PolicyTrainingConfig value) {
        return new MdgpsSettings(trajOpt, value, policyPrior, initialPolicyWeight, stepRule, sampleOnPolicy,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withPolicyPrior(PolicyPriorConfig value) {
        return new MdgpsSettings(trajOpt, policyTraining, value, initialPolicyWeight, stepRule, sampleOnPolicy,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withInitialPolicyWeight(double value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, value, stepRule, sampleOnPolicy,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withStepRule(MdgpsStepRule value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, initialPolicyWeight, value, sampleOnPolicy,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withSampleOnPolicy(boolean value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, initialPolicyWeight, stepRule, value,
                policySampleMode, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withPolicySampleMode(PolicySampleMode value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, initialPolicyWeight, stepRule, sampleOnPolicy,
                value, sampleReuse, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withSampleReuse(SampleReuse value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, initialPolicyWeight, stepRule, sampleOnPolicy,
                policySampleMode, value, trajectoryPretrainingIterations);
    }

    public MdgpsSettings withTrajectoryPretrainingIterations(int value) {
        return new MdgpsSettings(trajOpt, policyTraining, policyPrior, initialPolicyWeight, stepRule, sampleOnPolicy,
                policySampleMode, sampleReuse, value);
    }
}
