package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The GPS variant and its step-size settings (reference {@code ALG}, study §2.1).
 *
 * @param type {@code traj_opt} (trajectory optimisation only), {@code mdgps} (mirror descent GPS, Montgomery &amp;
 *     Levine 2016), {@code badmm} (Levine et al. 2016 §4) or {@code cgps} (constrained GPS under unknown dynamics,
 *     Levine &amp; Abbeel 2014 Algorithm 1); all but traj_opt train the global policy of the {@code policy:} section
 * @param innerIterations trajectory updates per iteration
 * @param klStep base KL bound per time step ε; the total bound is klStep·stepMult·horizon
 * @param minStepMult lower clip of the step multiplier
 * @param maxStepMult upper clip of the step multiplier
 * @param initialStateVar floor on the fitted initial-state variance
 * @param maxEntTraj weight of the maximum-entropy term in the trajectory cost
 * @param referenceCompatible reproduce the reference implementation's documented quirks (GMM initial covariance
 *     scaling, prior buffer off-by-one, un-normalised initial-state prior) for side-by-side comparisons
 * @param mdgps MDGPS settings (type mdgps only)
 * @param badmm BADMM settings (type badmm only)
 * @param cgps constrained-GPS settings (type cgps only)
 */
public record AlgorithmConfig(String type, Integer innerIterations, Double klStep, Double minStepMult,
                              Double maxStepMult, Double initialStateVar, Double maxEntTraj,
                              Boolean referenceCompatible,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Mdgps mdgps,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Badmm badmm,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Cgps cgps) {

    public static final List<String> TYPES = List.of("traj_opt", "mdgps", "badmm", "cgps");

    public AlgorithmConfig {
        type = oneOf(orDefault(type, "traj_opt"), "algorithm.type", TYPES);
        innerIterations = atLeast(orDefault(innerIterations, type.equals("badmm") ? 4 : 1), 1,
                "algorithm.inner_iterations");
        klStep = positive(orDefault(klStep, 0.2), "algorithm.kl_step");
        minStepMult = positive(orDefault(minStepMult, 0.01), "algorithm.min_step_mult");
        maxStepMult = positive(orDefault(maxStepMult, 10.0), "algorithm.max_step_mult");
        if (minStepMult > maxStepMult) {
            throw new IllegalArgumentException("algorithm.min_step_mult: must be <= max_step_mult (" + maxStepMult + "), got " + minStepMult);
        }
        initialStateVar = positive(orDefault(initialStateVar, 1e-6), "algorithm.initial_state_var");
        maxEntTraj = nonNegative(orDefault(maxEntTraj, 0.0), "algorithm.max_ent_traj");
        referenceCompatible = orDefault(referenceCompatible, false);
        mdgps = section(type, "mdgps", mdgps, Mdgps::defaults);
        badmm = section(type, "badmm", badmm, Badmm::defaults);
        cgps = section(type, "cgps", cgps, Cgps::defaults);
    }

    public static AlgorithmConfig defaults() {
        return new AlgorithmConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether this variant trains a global policy. */
    public boolean trainsGlobalPolicy() {
        return !type.equals("traj_opt");
    }

    /** The section of the chosen type filled with defaults; a section of another type is an error. */
    private static <T> T section(String type, String name, T value, java.util.function.Supplier<T> defaults) {
        if (!type.equals(name)) {
            if (value != null) {
                throw new IllegalArgumentException("algorithm." + name + ": only used with algorithm.type " + name
                        + " (this config has type " + type + ")");
            }
            return null;
        }
        return orDefault(value, defaults.get());
    }

    /**
     * MDGPS (reference {@code ALG_MDGPS}, study §2.1, §3.8, §3.10).
     *
     * @param stepRule how the global step size adapts: {@code laplace} or {@code mc} (and the historical
     *     {@code classic}, {@code global})
     * @param sampleOnPolicy draw the training samples from the global policy after the first iteration
     * @param policySampleMode how the policy prior's buffer takes new samples: {@code add} or {@code replace}
     * @param initPolWt the S-step's per-step sample weight (it normalises away)
     */
    public record Mdgps(String stepRule, Boolean sampleOnPolicy, String policySampleMode, Double initPolWt) {
        public static final List<String> STEP_RULES = List.of("laplace", "mc", "classic", "global");

        public Mdgps {
            stepRule = oneOf(orDefault(stepRule, "laplace"), "algorithm.mdgps.step_rule", STEP_RULES);
            sampleOnPolicy = orDefault(sampleOnPolicy, false);
            policySampleMode = oneOf(orDefault(policySampleMode, "add"), "algorithm.mdgps.policy_sample_mode",
                    SAMPLE_MODES);
            initPolWt = positive(orDefault(initPolWt, 0.01), "algorithm.mdgps.init_pol_wt");
        }

        public static Mdgps defaults() {
            return new Mdgps(null, null, null, null);
        }
    }

    /** How a policy prior's buffer takes new samples. */
    public static final List<String> SAMPLE_MODES = List.of("add", "replace");

    /**
     * BADMM (reference {@code ALG_BADMM}, study §2.1, §3.9; Levine et al. 2016 §4, Appendix A.1). The weight-rule
     * defaults are those every reference BADMM example uses (fixed_lg_step 3 with the lg_step and ent_reg schedules of
     * mjc_badmm_example), not the reference package's ALG_BADMM defaults (rule 0 with lg_step 10 raises the weights
     * from 0.01 to ~150 in one update and locks the controllers to the policy).
     *
     * @param policyDualRate ρ, step of the mean-action dual λ_k
     * @param policyDualRateCovar ρ_cov, step of the gain dual λ_K (0 = mean action only)
     * @param fixedLgStep rule for the per-step weights ν_t: 0 dual gradient ascent, 1 fixed additive, 2 ratio rule,
     *     3 mean ± std rule
     * @param lgStepSchedule the weight step, one value or a schedule log-interpolated over iterations
     * @param entRegSchedule the entropy regulariser, one value or a schedule log-interpolated over iterations
     * @param initPolWt initial weights ν_t
     * @param policySampleMode how the policy prior's buffer takes new samples
     * @param expStepIncrease rule 3: factor on ν_t where the KL is high
     * @param expStepDecrease rule 3: factor on ν_t where the KL is low
     * @param expStepUpper rule 3: "high" = above mean + upper·std
     * @param expStepLower rule 3: "low" = below mean − lower·std
     * @param targetForm how the multiplier shifts the S-step targets: {@code reference} (the reference's
     *     u* = Kx + k − ν_tΣλ) or {@code paper} (the minimiser of the paper's policy Lagrangian, u* = Kx + k − Σλ/ν_t)
     *
     * <p>The defaults are the reference's package defaults ({@code ALG_BADMM}). Every reference BADMM example
     * overrides them with {@code fixed_lg_step: 3} and schedules (lg_step [1e-4, 1e-3, 1e-2, 1e-2], ent_reg [1e-3,
     * 1e-3, 1e-2, 1e-1]); with rule 0 and lg_step 10 the first weight update raises ν_t from 0.01 to ~10·KL, which
     * locks the controllers to the policy, and with {@code target_form: reference} the shift ν_tΣλ then grows with
     * ν_t² and diverges. The entropy regulariser of the S-step is ent_reg_schedule's (policy.ent_reg is not used).
     */
    public record Badmm(Double policyDualRate, Double policyDualRateCovar, Integer fixedLgStep,
                        List<Double> lgStepSchedule, List<Double> entRegSchedule, Double initPolWt,
                        String policySampleMode, Double expStepIncrease, Double expStepDecrease, Double expStepUpper,
                        Double expStepLower, String targetForm) {
        public static final List<String> TARGET_FORMS = List.of("reference", "paper");

        public Badmm {
            policyDualRate = nonNegative(orDefault(policyDualRate, 0.1), "algorithm.badmm.policy_dual_rate");
            policyDualRateCovar = nonNegative(orDefault(policyDualRateCovar, 0.0),
                    "algorithm.badmm.policy_dual_rate_covar");
            fixedLgStep = atLeast(orDefault(fixedLgStep, 3), 0, "algorithm.badmm.fixed_lg_step");
            if (fixedLgStep > 3) {
                throw new IllegalArgumentException("algorithm.badmm.fixed_lg_step: expected 0, 1, 2 or 3, got "
                        + fixedLgStep);
            }
            lgStepSchedule = schedule(orDefault(lgStepSchedule, List.of(1e-4, 1e-3, 1e-2, 1e-2)),
                    "algorithm.badmm.lg_step_schedule");
            entRegSchedule = schedule(orDefault(entRegSchedule, List.of(1e-3, 1e-3, 1e-2, 1e-1)),
                    "algorithm.badmm.ent_reg_schedule");
            initPolWt = positive(orDefault(initPolWt, 0.01), "algorithm.badmm.init_pol_wt");
            policySampleMode = oneOf(orDefault(policySampleMode, "add"), "algorithm.badmm.policy_sample_mode",
                    SAMPLE_MODES);
            expStepIncrease = positive(orDefault(expStepIncrease, 2.0), "algorithm.badmm.exp_step_increase");
            expStepDecrease = positive(orDefault(expStepDecrease, 0.5), "algorithm.badmm.exp_step_decrease");
            expStepUpper = nonNegative(orDefault(expStepUpper, 0.5), "algorithm.badmm.exp_step_upper");
            expStepLower = nonNegative(orDefault(expStepLower, 1.0), "algorithm.badmm.exp_step_lower");
            targetForm = oneOf(orDefault(targetForm, "reference"), "algorithm.badmm.target_form", TARGET_FORMS);
        }

        public static Badmm defaults() {
            return new Badmm(null, null, null, null, null, null, null, null, null, null, null, null);
        }

        private static List<Double> schedule(List<Double> values, String key) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException(key + ": needs at least one value");
            }
            for (double v : values) {
                nonNegative(v, key);
            }
            return List.copyOf(values);
        }
    }

    /**
     * Constrained GPS under unknown dynamics (Levine &amp; Abbeel 2014 §4, Algorithm 1): per-step dual variables
     * λ_{i,t} on KL(p_i ‖ π_θ), raised by dualStep·KL after every S-step.
     *
     * @param dualStep α, the step of the dual ascent on λ (the paper uses 10)
     * @param initialDual λ at the start (&gt; 0)
     * @param policySampleMode how the policy prior's buffer takes new samples
     * @param entropyPenalty the S-step's penalty on the policy entropy as a fraction of the mean dual weight, in
     *     [0, 1): the policy variance is (1 − entropy_penalty) times the λ-weighted optimum
     * @param dualKl how the KL of the dual step is estimated: {@code monte_carlo} (at the samples' states) or
     *     {@code laplace} (under the new controller's state distribution in the fitted model)
     *
     * <p>λ ← λ + α·KL works on the scale of the cost: α = 10 suits costs of tens per step; where a step's cost is
     * far below 10·KL the first increment holds the controllers to the policy and they improve slowly.
     * policy.ent_reg is not used (the variance is the entropy-penalised optimum).
     */
    public record Cgps(Double dualStep, Double initialDual, String policySampleMode, Double entropyPenalty,
                       String dualKl) {
        public static final List<String> DUAL_KL_ESTIMATES = List.of("monte_carlo", "laplace");

        public Cgps {
            dualStep = positive(orDefault(dualStep, 10.0), "algorithm.cgps.dual_step");
            initialDual = positive(orDefault(initialDual, 0.01), "algorithm.cgps.initial_dual");
            policySampleMode = oneOf(orDefault(policySampleMode, "add"), "algorithm.cgps.policy_sample_mode",
                    SAMPLE_MODES);
            entropyPenalty = nonNegative(orDefault(entropyPenalty, 0.0), "algorithm.cgps.entropy_penalty");
            if (entropyPenalty >= 1) {
                throw new IllegalArgumentException("algorithm.cgps.entropy_penalty: must be below 1 (a fraction of the "
                        + "mean dual weight), got " + entropyPenalty);
            }
            dualKl = oneOf(orDefault(dualKl, "monte_carlo"), "algorithm.cgps.dual_kl", DUAL_KL_ESTIMATES);
        }

        public static Cgps defaults() {
            return new Cgps(null, null, null, null, null);
        }
    }
}
