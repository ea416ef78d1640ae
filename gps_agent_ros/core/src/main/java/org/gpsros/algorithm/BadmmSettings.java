package org.gpsros.algorithm;

import org.gpsros.algorithm.badmm.BadmmDualStep;
import org.gpsros.algorithm.badmm.BadmmTargets;
import org.gpsros.algorithm.badmm.PolicyWeightUpdate;
import org.gpsros.algorithm.badmm.Schedule;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.policyprior.PolicySampleMode;

/**
 * Settings of {@link BadmmAlgorithm} (reference {@code ALG_BADMM} over {@code ALG}, {@code POLICY_OPT} and
 * {@code POLICY_PRIOR(_GMM)}; study §2.1, §3.9; Levine et al. 2016 §4.1 and Appendix A.1).
 *
 * @param trajOpt the trajectory step and dynamics settings shared with {@link TrajOptAlgorithm}; its
 *                {@code innerIterations} is the number of BADMM inner iterations (reference default 4), and its LQR
 *                settings must use one global KL constraint (per-step constraints would drop the policy and
 *                Lagrange terms of the BADMM cost)
 * @param policyTraining the S-step's training; its {@code entropyRegularization} is replaced by
 *                       {@code entropyRegularization} below at every iteration, as the reference does
 * @param policyPrior the prior of the policy linearisation
 * @param policySampleMode how the GMM policy prior takes new samples into its buffer
 * @param iterations the run's number of iterations: the schedules interpolate over it (reference {@code iterations})
 * @param initialPolicyWeight init_pol_wt (0.01): every per-step weight w_t (ν_t in the paper) at the start
 * @param dualRate ρ (policy_dual_rate, 0.1; the paper's α) of the mean-action multiplier λ_k
 * @param gainDualRate ρ_cov (policy_dual_rate_covar, 0) of the gain multiplier λ_K; 0 keeps λ_K at zero
 * @param weightUpdate the rule that changes w_t after the last inner iteration (reference fixed_lg_step)
 * @param weightStep the step of rules 0 and 1 (lg_step_schedule, 10)
 * @param entropyRegularization the S-step's ent_reg (ent_reg_schedule, 0)
 * @param targetForm how the multiplier shifts the S-step targets; {@link BadmmTargets.Form#REFERENCE} reproduces the
 *                   reference, {@link BadmmTargets.Form#PAPER} is the minimiser of the paper's θ-Lagrangian
 */
public record BadmmSettings(TrajOptSettings trajOpt, PolicyTrainingConfig policyTraining,
                            PolicyPriorConfig policyPrior, PolicySampleMode policySampleMode, int iterations,
                            double initialPolicyWeight, double dualRate, double gainDualRate,
                            PolicyWeightUpdate weightUpdate, Schedule weightStep, Schedule entropyRegularization,
                            BadmmTargets.Form targetForm) {
    /** The reference's init_pol_wt (and the paper's initial ν_t). */
    public static final double DEFAULT_INITIAL_POLICY_WEIGHT = 0.01;
    /** The reference's lg_step_schedule. */
    public static final double DEFAULT_WEIGHT_STEP = 10.0;

    public BadmmSettings {
        if (trajOpt == null || policyTraining == null || policyPrior == null || policySampleMode == null
                || weightUpdate == null || weightStep == null || entropyRegularization == null || targetForm == null) {
            throw new IllegalArgumentException("BADMM settings need trajOpt, policyTraining, policyPrior, "
                    + "policySampleMode, weightUpdate, weightStep, entropyRegularization and targetForm");
        }
        if (trajOpt.lqr().perTimeStepConstraint()) {
            throw new IllegalArgumentException("BADMM needs one global KL constraint: per-time-step constraints "
                    + "(trajOpt.lqr.perTimeStepConstraint, config traj_opt.cons_per_step) would optimise the raw cost "
                    + "and drop the policy KL and Lagrange terms (the reference does so silently)");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(initialPolicyWeight > 0) || Double.isInfinite(initialPolicyWeight)) {
            throw new IllegalArgumentException("initialPolicyWeight must be finite and > 0, got " + initialPolicyWeight);
        }
        if (!(dualRate >= 0) || Double.isInfinite(dualRate) || !(gainDualRate >= 0) || Double.isInfinite(gainDualRate)) {
            throw new IllegalArgumentException("dualRate and gainDualRate must be finite and >= 0, got " + dualRate
                    + ", " + gainDualRate);
        }
    }

    /**
     * The reference's BADMM defaults around the given trajectory settings: policy training and GMM policy prior
     * defaults, sample mode add, init_pol_wt 0.01, ρ 0.1, ρ_cov 0, fixed_lg_step 0 (dual gradient) with lg_step 10,
     * ent_reg 0, the reference's target form. The inner iterations are those of {@code trajOpt} (the reference's
     * BADMM default is 4).
     *
     * @param iterations the run's number of iterations
     */
    public static BadmmSettings defaults(TrajOptSettings trajOpt, int iterations) {
        return new BadmmSettings(trajOpt, PolicyTrainingConfig.defaults(), PolicyPriorConfig.gmmDefaults(),
                PolicySampleMode.ADD, iterations, DEFAULT_INITIAL_POLICY_WEIGHT, BadmmDualStep.DEFAULT_DUAL_RATE,
                BadmmDualStep.DEFAULT_GAIN_DUAL_RATE, new PolicyWeightUpdate.DualGradient(),
                Schedule.constant(DEFAULT_WEIGHT_STEP), Schedule.constant(0.0), BadmmTargets.Form.REFERENCE);
    }

    /** The number of inner iterations (trajOpt's innerIterations). */
    public int innerIterations() {
        return trajOpt.innerIterations();
    }

    public BadmmSettings withTrajOpt(TrajOptSettings value) {
        return new BadmmSettings(value, policyTraining, policyPrior, policySampleMode, iterations, initialPolicyWeight,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withPolicyTraining(PolicyTrainingConfig value) {
        return new BadmmSettings(trajOpt, value, policyPrior, policySampleMode, iterations, initialPolicyWeight,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withPolicyPrior(PolicyPriorConfig value) {
        return new BadmmSettings(trajOpt, policyTraining, value, policySampleMode, iterations, initialPolicyWeight,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withPolicySampleMode(PolicySampleMode value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, value, iterations, initialPolicyWeight,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withIterations(int value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, value, initialPolicyWeight,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withInitialPolicyWeight(double value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations, value,
                dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withDualRates(double mean, double gain) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations,
                initialPolicyWeight, mean, gain, weightUpdate, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withWeightUpdate(PolicyWeightUpdate value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations,
                initialPolicyWeight, dualRate, gainDualRate, value, weightStep, entropyRegularization, targetForm);
    }

    public BadmmSettings withWeightStep(Schedule value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations,
                initialPolicyWeight, dualRate, gainDualRate, weightUpdate, value, entropyRegularization, targetForm);
    }

    public BadmmSettings withEntropyRegularization(Schedule value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations,
                initialPolicyWeight, dualRate, gainDualRate, weightUpdate, weightStep, value, targetForm);
    }

    public BadmmSettings withTargetForm(BadmmTargets.Form value) {
        return new BadmmSettings(trajOpt, policyTraining, policyPrior, policySampleMode, iterations,
                initialPolicyWeight, dualRate, gainDualRate, weightUpdate, weightStep, entropyRegularization, value);
    }
}
