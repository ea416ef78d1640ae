package org.gpsros.algorithm.badmm;

/**
 * The BADMM Lagrange multipliers of one condition on the expected action, made affine in the state by the
 * reference: λ_t(x) = λ_K,t x + λ_k,t (reference {@code PolicyInfo.lambda_k}, {@code lambda_K}; Levine et al.
 * 2016 §4.1 has only λ_μt = λ_k,t). Both start at zero. The record owns its arrays (copied on construction and
 * on access), so it is a value.
 *
 * @param meanDuals λ_k,t, {@code horizon × actionDim}
 * @param gainDuals λ_K,t, {@code horizon × (actionDim·stateDim)}, row-major actionDim × stateDim per step
 */
public record BadmmDuals(int stateDim, double[][] meanDuals, double[][] gainDuals) {

    public BadmmDuals {
        if (stateDim <= 0) {
            throw new IllegalArgumentException("stateDim must be positive, got " + stateDim);
        }
        int horizon = meanDuals.length;
        if (horizon == 0 || gainDuals.length != horizon) {
            throw new IllegalArgumentException("meanDuals and gainDuals need the same, positive number of time steps, got "
                    + horizon + " and " + gainDuals.length);
        }
        int actionDim = meanDuals[0].length;
        if (actionDim == 0) {
            throw new IllegalArgumentException("actionDim must be positive");
        }
        meanDuals = copy("meanDuals", meanDuals, actionDim);
        gainDuals = copy("gainDuals", gainDuals, actionDim * stateDim);
    }

    /** All multipliers zero (the reference's initial value). */
    public static BadmmDuals zeros(int horizon, int stateDim, int actionDim) {
        return new BadmmDuals(stateDim, new double[horizon][actionDim], new double[horizon][actionDim * stateDim]);
    }

    public int horizon() {
        return meanDuals.length;
    }

    public int actionDim() {
        return meanDuals[0].length;
    }

    /** λ_k (a copy). */
    @Override
    public double[][] meanDuals() {
        return deepCopy(meanDuals);
    }

    /** λ_K (a copy). */
    @Override
    public double[][] gainDuals() {
        return deepCopy(gainDuals);
    }

    /** λ_k,t[u] without copying. */
    public double meanDual(int t, int u) {
        return meanDuals[t][u];
    }

    /** λ_K,t[u, j] without copying. */
    public double gainDual(int t, int u, int j) {
        return gainDuals[t][u * stateDim + j];
    }

    /** Whether every entry of both multipliers is within {@code tolerance} of the other's. */
    public boolean approxEquals(BadmmDuals other, double tolerance) {
        if (other.stateDim != stateDim || other.horizon() != horizon() || other.actionDim() != actionDim()) {
            return false;
        }
        for (int t = 0; t < horizon(); t++) {
            for (int i = 0; i < meanDuals[t].length; i++) {
                if (!(Math.abs(meanDuals[t][i] - other.meanDuals[t][i]) <= tolerance)) {
                    return false;
                }
            }
            for (int i = 0; i < gainDuals[t].length; i++) {
                if (!(Math.abs(gainDuals[t][i] - other.gainDuals[t][i]) <= tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[][] copy(String name, double[][] a, int cols) {
        double[][] out = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            if (a[t].length != cols) {
                throw new IllegalArgumentException(name + "[" + t + "] has " + a[t].length + " values, expected " + cols);
            }
            for (double v : a[t]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + "[" + t + "] contains " + v);
                }
            }
            out[t] = a[t].clone();
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int t = 0; t < a.length; t++) {
            out[t] = a[t].clone();
        }
        return out;
    }
}
