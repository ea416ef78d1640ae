package org.gpsros.algorithm;

/**
 * How MDGPS adapts the KL step between iterations (reference {@code step_rule}, study §3.8; Montgomery &amp; Levine
 * 2016 §4.2 and Appendix B.3). Every rule compares a predicted with an actual improvement and feeds both to
 * {@link org.gpsros.trajopt.StepSizeRule#newStepMultiplier}. Notation: π̄ the linearised global policy, p the
 * local controller produced by the C-step, Ĵ(·, model) the Laplace cost estimate summed over t, "prev" the last
 * iteration's model and linearisation, "cur" this iteration's, MC the mean over samples of the sampled cost.
 */
public enum MdgpsStepRule {
    /**
     * One global step for all conditions (the reference's default, from PR #45): predicted = mean_m Ĵ(π̄_prev, prev)
     * − mean_m Ĵ(p, prev), actual = mean_m Ĵ(π̄_prev, prev) − mean_m Ĵ(π̄_cur, cur).
     */
    LAPLACE,
    /**
     * One global step from sampled costs: predicted = MC_prev − mean_m Ĵ(p, prev), actual = MC_prev − MC_cur
     * (means over conditions).
     */
    MC,
    /**
     * The paper's "classic" rule, per condition (reference before PR #45): predicted = Ĵ(π̄_prev, prev) − Ĵ(p, prev),
     * actual = Ĵ(π̄_prev, prev) − Ĵ(p, cur).
     */
    CLASSIC,
    /**
     * The paper's "global" rule, per condition (reference before PR #45): predicted as {@link #CLASSIC}, actual =
     * Ĵ(π̄_prev, prev) − Ĵ(π̄_cur, cur).
     */
    GLOBAL
}
