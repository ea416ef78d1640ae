package org.gpsros.cost;

import org.gpsros.sample.Sample;

/**
 * Weighted sum of costs: (l, l_x, l_u, l_xx, l_uu, l_ux) = Σ_i weight_i · (the same of cost i)
 * (reference {@code CostSum}, study §3.14). Immutable if its components are.
 */
public final class SumCost implements Cost {
    private final SumCostConfig config;

    public SumCost(SumCostConfig config) {
        this.config = config;
    }

    public SumCostConfig config() {
        return config;
    }

    @Override
    public CostDerivatives evaluate(Sample sample) {
        CostDerivatives sum = CostDerivatives.zeros(sample.horizon(), sample.stateDim(), sample.actionDim());
        for (int i = 0; i < config.costs().size(); i++) {
            CostDerivatives part = config.costs().get(i).evaluate(sample);
            if (part.horizon() != sum.horizon() || part.stateDim() != sum.stateDim() || part.actionDim() != sum.actionDim()) {
                throw new IllegalStateException("cost " + i + " (" + config.costs().get(i).getClass().getSimpleName()
                        + ") returned derivatives of the wrong shape");
            }
            double w = config.weights()[i];
            addScaled(w, part.value(), sum.value());
            for (int t = 0; t < sum.horizon(); t++) {
                addScaled(w, part.stateGradient()[t], sum.stateGradient()[t]);
                addScaled(w, part.actionGradient()[t], sum.actionGradient()[t]);
                addScaled(w, part.stateHessian()[t], sum.stateHessian()[t]);
                addScaled(w, part.actionHessian()[t], sum.actionHessian()[t]);
                addScaled(w, part.actionStateHessian()[t], sum.actionStateHessian()[t]);
            }
        }
        return sum;
    }

    private static void addScaled(double w, double[] from, double[] into) {
        for (int j = 0; j < into.length; j++) {
            into[j] += w * from[j];
        }
    }
}
