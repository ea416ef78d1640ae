package org.gpsros.cost;

import org.gpsros.sample.Sample;

/**
 * Quadratic action (torque) penalty l_t = ½ Σ_j wu_j u_tj², so l_u = wu∘u and l_uu = diag(wu)
 * (reference {@code CostAction}, study §3.14). Immutable.
 */
public final class ActionCost implements Cost {
    private final ActionCostConfig config;

    public ActionCost(ActionCostConfig config) {
        this.config = config;
    }

    public ActionCostConfig config() {
        return config;
    }

    /** @throws IllegalArgumentException if the sample's action size differs from the weights' */
    @Override
    public CostDerivatives evaluate(Sample sample) {
        double[] wu = config.actionWeights();
        int actionDim = sample.actionDim();
        CostChecks.sameLength("actionWeights", wu, actionDim, "the sample's action");
        int horizon = sample.horizon();
        CostDerivatives out = CostDerivatives.zeros(horizon, sample.stateDim(), actionDim);
        double[][] u = sample.actions();
        for (int t = 0; t < horizon; t++) {
            double l = 0;
            for (int j = 0; j < actionDim; j++) {
                double weighted = wu[j] * u[t][j];
                l += weighted * u[t][j];
                out.actionGradient()[t][j] = weighted;
                out.actionHessian()[t][j * actionDim + j] = wu[j];
            }
            out.value()[t] = 0.5 * l;
        }
        return out;
    }
}
