package org.gpsros.algorithm.badmm;

/**
 * The rules that change the BADMM per-step weights w_t (ν_t in Levine et al. 2016; reference {@code pol_wt}) after
 * the last inner iteration, from the per-step Monte-Carlo KL(p ‖ π) (reference {@code _policy_dual_step} with
 * {@code step=True}, option {@code fixed_lg_step} 0–3; study §3.9). Each returns new weights and leaves its inputs
 * alone; the caller keeps the KL as the next call's {@code previousKl} (reference {@code prev_kl}).
 */
public sealed interface PolicyWeightUpdate permits PolicyWeightUpdate.DualGradient, PolicyWeightUpdate.FixedStep,
        PolicyWeightUpdate.Ratio, PolicyWeightUpdate.MeanDeviation {

    /**
     * New weights.
     *
     * @param weights w_t ≥ 0, length horizon (not modified)
     * @param kl KL_t of this iteration, length horizon (not modified)
     * @param previousKl KL_t of the previous call, or null on the first call (not modified)
     * @param weightStep the scheduled step (reference {@code lg_step}, see {@link Schedule}); used by rules 0 and 1
     */
    double[] update(double[] weights, double[] kl, double[] previousKl, double weightStep);

    /**
     * The rule of reference option {@code fixed_lg_step}: 0 dual gradient, 1 fixed step, 2 ratio, 3 mean ± std with
     * the reference's default factors and thresholds (exp_step_increase 2, exp_step_decrease 0.5, exp_step_upper
     * 0.5, exp_step_lower 1).
     */
    static PolicyWeightUpdate fromReferenceOption(int fixedLgStep) {
        return switch (fixedLgStep) {
            case 0 -> new DualGradient();
            case 1 -> new FixedStep();
            case 2 -> new Ratio();
            case 3 -> MeanDeviation.referenceDefaults();
            default -> throw new IllegalArgumentException("fixed_lg_step must be 0, 1, 2 or 3, got " + fixedLgStep);
        };
    }

    /** Option 0 (the reference default): dual gradient ascent, w_t ← max(w_t + step·KL_t, 0). */
    record DualGradient() implements PolicyWeightUpdate {
        @Override
        public double[] update(double[] weights, double[] kl, double[] previousKl, double weightStep) {
            check(weights, kl, previousKl, weightStep);
            double[] out = new double[weights.length];
            for (int t = 0; t < out.length; t++) {
                out[t] = Math.max(weights[t] + weightStep * kl[t], 0);
            }
            return out;
        }
    }

    /** Option 1: a fixed additive step, w_t ← max(w_t + step, 0). */
    record FixedStep() implements PolicyWeightUpdate {
        @Override
        public double[] update(double[] weights, double[] kl, double[] previousKl, double weightStep) {
            check(weights, kl, previousKl, weightStep);
            double[] out = new double[weights.length];
            for (int t = 0; t < out.length; t++) {
                out[t] = Math.max(weights[t] + weightStep, 0);
            }
            return out;
        }
    }

    /**
     * Option 2: from the change of the KL, KL_t/KL^prev_t &lt; 0.8 → w_t·0.5; ≥ 0.95 → w_t·2 (hard-coded in the
     * reference). On the first call there is no previous KL: the reference divides by None there and raises a
     * TypeError (its {@code hasattr(pol_info, 'prev_kl')} guard is always true because PolicyInfo sets
     * {@code prev_kl = None}); here the weights are returned unchanged. A zero previous KL follows IEEE division as
     * numpy does (x/0 = ∞ doubles the weight, 0/0 = NaN leaves it).
     */
    record Ratio() implements PolicyWeightUpdate {
        public static final double DECREASE_BELOW = 0.8;
        public static final double INCREASE_FROM = 0.95;
        public static final double DECREASE_FACTOR = 0.5;
        public static final double INCREASE_FACTOR = 2.0;

        @Override
        public double[] update(double[] weights, double[] kl, double[] previousKl, double weightStep) {
            check(weights, kl, previousKl, weightStep);
            double[] out = weights.clone();
            if (previousKl == null) {
                return out;
            }
            for (int t = 0; t < out.length; t++) {
                double change = kl[t] / previousKl[t];
                if (change < DECREASE_BELOW) {
                    out[t] *= DECREASE_FACTOR;
                } else if (change >= INCREASE_FROM) {
                    out[t] *= INCREASE_FACTOR;
                }
            }
            return out;
        }
    }

    /**
     * Option 3 (every reference example): with m = mean_t KL_t and s = std_t KL_t (population, as numpy's std),
     * KL_t &lt; m − lowerDeviations·s → w_t·decreaseFactor; KL_t ≥ m + upperDeviations·s → w_t·increaseFactor. It
     * runs from the first call (it does not use the previous KL). When all KL_t are equal (s = 0) every weight is
     * increased. Levine et al. 2016 Appendix A.1 describes the same rule with upper 0 ("higher than the average")
     * and lower 2 ("two standard deviations or more below"), factors 2 and 0.5.
     */
    record MeanDeviation(double increaseFactor, double decreaseFactor, double upperDeviations, double lowerDeviations)
            implements PolicyWeightUpdate {

        public MeanDeviation {
            if (!(increaseFactor > 0) || !(decreaseFactor > 0) || Double.isInfinite(increaseFactor)
                    || Double.isInfinite(decreaseFactor)) {
                throw new IllegalArgumentException("increase/decrease factors must be positive and finite, got "
                        + increaseFactor + ", " + decreaseFactor);
            }
            if (!Double.isFinite(upperDeviations) || !Double.isFinite(lowerDeviations)) {
                throw new IllegalArgumentException("upper/lower deviations must be finite");
            }
        }

        /** exp_step_increase 2, exp_step_decrease 0.5, exp_step_upper 0.5, exp_step_lower 1 (study §2.1). */
        public static MeanDeviation referenceDefaults() {
            return new MeanDeviation(2.0, 0.5, 0.5, 1.0);
        }

        @Override
        public double[] update(double[] weights, double[] kl, double[] previousKl, double weightStep) {
            check(weights, kl, previousKl, weightStep);
            int horizon = kl.length;
            double mean = 0;
            for (double v : kl) {
                mean += v;
            }
            mean /= horizon;
            double var = 0;
            for (double v : kl) {
                var += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(var / horizon);
            double lower = mean - lowerDeviations * std;
            double upper = mean + upperDeviations * std;
            double[] out = weights.clone();
            for (int t = 0; t < horizon; t++) {
                if (kl[t] < lower) {
                    out[t] *= decreaseFactor;
                } else if (kl[t] >= upper) {
                    out[t] *= increaseFactor;
                }
            }
            return out;
        }
    }

    private static void check(double[] weights, double[] kl, double[] previousKl, double weightStep) {
        BadmmTargets.checkWeights(weights, weights.length);
        if (weights.length == 0 || kl.length != weights.length
                || (previousKl != null && previousKl.length != weights.length)) {
            throw new IllegalArgumentException("weights, kl and previousKl need the same, positive length, got "
                    + weights.length + ", " + kl.length + ", " + (previousKl == null ? "null" : previousKl.length));
        }
        for (int t = 0; t < kl.length; t++) {
            if (!Double.isFinite(kl[t])) {
                throw new IllegalArgumentException("kl[" + t + "] is " + kl[t]);
            }
        }
        if (!Double.isFinite(weightStep)) {
            throw new IllegalArgumentException("weightStep must be finite, got " + weightStep);
        }
    }
}
