package org.gpsros.cost;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gpsros.sample.SensorType;

/**
 * Configuration of {@link StateCost} (reference {@code COST_STATE}, study §2.6). Use {@link #of} for the
 * reference defaults and the {@code with*} methods to change one field.
 *
 * @param terms one or more (sensor, target, weights) entries, each sensor at most once (reference
 *        {@code data_types})
 * @param ramp how the weights grow over time (reference {@code ramp_option}, default CONSTANT)
 * @param finalWeightMultiplier extra factor on the last step's weights (reference {@code wp_final_multiplier},
 *        default 1)
 * @param l1 weight of the smoothed L1 term (default 0)
 * @param l2 weight of the squared term (default 1)
 * @param alpha α inside the square root of the L1 term (default 1e-2)
 */
public record StateCostConfig(List<Term> terms, Ramp ramp, double finalWeightMultiplier,
                              double l1, double l2, double alpha) {

    /** Reference defaults (study §2.6). */
    public static final Ramp DEFAULT_RAMP = Ramp.CONSTANT;
    public static final double DEFAULT_FINAL_WEIGHT_MULTIPLIER = 1.0;
    public static final double DEFAULT_L1 = 0.0;
    public static final double DEFAULT_L2 = 1.0;
    public static final double DEFAULT_ALPHA = 1e-2;

    public StateCostConfig {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("terms must hold at least one (sensor, target, weights) entry");
        }
        terms = List.copyOf(terms);
        Set<SensorType> seen = EnumSet.noneOf(SensorType.class);
        for (Term term : terms) {
            if (!seen.add(term.sensor())) {
                throw new IllegalArgumentException("terms name " + term.sensor() + " twice");
            }
        }
        if (ramp == null) {
            throw new IllegalArgumentException("ramp must be given");
        }
        CostChecks.nonNegative("finalWeightMultiplier", finalWeightMultiplier);
        CostChecks.penalty(l1, l2, alpha);
    }

    /** The given terms with every other field at the reference default. */
    public static StateCostConfig of(List<Term> terms) {
        return new StateCostConfig(terms, DEFAULT_RAMP, DEFAULT_FINAL_WEIGHT_MULTIPLIER, DEFAULT_L1, DEFAULT_L2, DEFAULT_ALPHA);
    }

    /** One term with every other field at the reference default. */
    public static StateCostConfig of(SensorType sensor, double[] targetState, double[] weights) {
        return of(List.of(new Term(sensor, targetState, weights)));
    }

    public StateCostConfig withTerms(List<Term> newTerms) {
        return new StateCostConfig(newTerms, ramp, finalWeightMultiplier, l1, l2, alpha);
    }

    public StateCostConfig withRamp(Ramp newRamp) {
        return new StateCostConfig(terms, newRamp, finalWeightMultiplier, l1, l2, alpha);
    }

    public StateCostConfig withFinalWeightMultiplier(double newMultiplier) {
        return new StateCostConfig(terms, ramp, newMultiplier, l1, l2, alpha);
    }

    public StateCostConfig withL1(double newL1) {
        return new StateCostConfig(terms, ramp, finalWeightMultiplier, newL1, l2, alpha);
    }

    public StateCostConfig withL2(double newL2) {
        return new StateCostConfig(terms, ramp, finalWeightMultiplier, l1, newL2, alpha);
    }

    public StateCostConfig withAlpha(double newAlpha) {
        return new StateCostConfig(terms, ramp, finalWeightMultiplier, l1, l2, newAlpha);
    }

    /**
     * One sensor's target. The record keeps its own copies of the arrays; accessors return them (do not modify).
     *
     * @param sensor the sensor whose data is penalised; it must be part of the sample's state layout
     * @param targetState target_state, one value per sensor dimension
     * @param weights wp, one non-negative weight per sensor dimension
     */
    public record Term(SensorType sensor, double[] targetState, double[] weights) {

        public Term {
            if (sensor == null) {
                throw new IllegalArgumentException("sensor must be given");
            }
            targetState = CostChecks.finiteCopy(sensor + " targetState", targetState);
            weights = CostChecks.nonNegativeCopy(sensor + " weights", weights);
            CostChecks.sameLength(sensor + " weights", weights, targetState.length, "targetState");
        }
    }
}
