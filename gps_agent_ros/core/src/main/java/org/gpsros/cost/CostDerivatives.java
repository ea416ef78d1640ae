package org.gpsros.cost;

/**
 * A cost along one sample with its derivatives, per time step (reference: {@code l, lx, lu, lxx, luu, lux}).
 * Blocks are row-major: {@code stateHessian[t]} is {@code stateDim × stateDim}, {@code actionHessian[t]}
 * is {@code actionDim × actionDim}, {@code actionStateHessian[t]} is {@code actionDim × stateDim}
 * (∂²l/∂u∂x).
 *
 * @param value l_t, length horizon
 * @param stateGradient l_x, {@code horizon × stateDim}
 * @param actionGradient l_u, {@code horizon × actionDim}
 * @param stateHessian l_xx
 * @param actionHessian l_uu
 * @param actionStateHessian l_ux
 */
public record CostDerivatives(double[] value, double[][] stateGradient, double[][] actionGradient,
                              double[][] stateHessian, double[][] actionHessian, double[][] actionStateHessian) {

    /** All-zero derivatives for a horizon and dimensions. */
    public static CostDerivatives zeros(int horizon, int stateDim, int actionDim) {
        return new CostDerivatives(new double[horizon], new double[horizon][stateDim], new double[horizon][actionDim],
                new double[horizon][stateDim * stateDim], new double[horizon][actionDim * actionDim],
                new double[horizon][actionDim * stateDim]);
    }

    public int horizon() {
        return value.length;
    }

    public int stateDim() {
        return stateGradient[0].length;
    }

    public int actionDim() {
        return actionGradient[0].length;
    }

    /** Total cost Σ_t l_t. */
    public double total() {
        double sum = 0;
        for (double v : value) {
            sum += v;
        }
        return sum;
    }
}
