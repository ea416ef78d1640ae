package org.gpsros.cost;

import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;

/**
 * Distance of sensor data to fixed targets, d = x_sensor − target, under the smoothed L1/L2 penalty
 * {@link PenaltyNorm#L1_L2} (reference {@code CostState} with {@code evall1l2term}, study §3.14). The
 * derivatives land in each sensor's slice of the packed state; action derivatives are zero. Per step the
 * weights are wp·ramp(t), the last step times {@code finalWeightMultiplier}. Immutable.
 */
public final class StateCost implements Cost {
    private final StateCostConfig config;

    public StateCost(StateCostConfig config) {
        this.config = config;
    }

    public StateCostConfig config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException if a term's sensor is not in the sample's state layout or its target has
     *         the wrong size
     */
    @Override
    public CostDerivatives evaluate(Sample sample) {
        int horizon = sample.horizon();
        int stateDim = sample.stateDim();
        SensorLayout layout = sample.stateLayout();
        CostDerivatives out = CostDerivatives.zeros(horizon, stateDim, sample.actionDim());
        double[] ramp = config.ramp().multipliers(horizon, config.finalWeightMultiplier());
        for (StateCostConfig.Term term : config.terms()) {
            int offset = layout.offsetOf(term.sensor());
            int dim = layout.dimensionOf(term.sensor());
            CostChecks.sameLength(term.sensor() + " targetState", term.targetState(), dim, "the sensor");
            double[][] x = sample.sensor(term.sensor());
            PenaltyTerm penalty = new PenaltyTerm(dim);
            for (int t = 0; t < horizon; t++) {
                for (int i = 0; i < dim; i++) {
                    penalty.distance[i] = x[t][i] - term.targetState()[i];
                    penalty.weights[i] = term.weights()[i] * ramp[t];
                }
                penalty.evaluate(PenaltyNorm.L1_L2, config.l1(), config.l2(), config.alpha());
                out.value()[t] += penalty.value;
                double[] lx = out.stateGradient()[t];
                double[] lxx = out.stateHessian()[t];
                double beta = penalty.rankOneCoefficient;
                double[] v = penalty.rankOneVector;
                for (int i = 0; i < dim; i++) {
                    lx[offset + i] += penalty.gradient[i];
                    int row = (offset + i) * stateDim + offset;
                    double bv = beta * v[i];
                    for (int j = 0; j < dim; j++) {
                        lxx[row + j] -= bv * v[j];
                    }
                    lxx[row + i] += penalty.curvatureDiagonal[i];
                }
            }
        }
        return out;
    }
}
