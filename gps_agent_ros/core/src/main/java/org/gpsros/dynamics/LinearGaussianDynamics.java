package org.gpsros.dynamics;

/**
 * Time-varying linear-Gaussian dynamics x_{t+1} ~ N(F_t [x_t; u_t] + f_t, Σ_t) (Levine &amp; Abbeel 2014 §3.1).
 * {@code jacobian[t]} is row-major {@code stateDim × (stateDim + actionDim)}, {@code offset[t]} has
 * {@code stateDim} values, {@code covariance[t]} is {@code stateDim × stateDim}. The last step (t = horizon−1)
 * is never fitted and holds zeros, as in the reference. Immutable by contract.
 */
public record LinearGaussianDynamics(int horizon, int stateDim, int actionDim,
                                     double[][] jacobian, double[][] offset, double[][] covariance) {

    public LinearGaussianDynamics {
        if (jacobian.length != horizon || offset.length != horizon || covariance.length != horizon) {
            throw new IllegalArgumentException("dynamics blocks must have " + horizon + " time steps");
        }
    }

    /** True if any fitted value is NaN (used to explain a failed trajectory update). */
    public boolean containsNaN() {
        for (int t = 0; t < horizon; t++) {
            for (double v : jacobian[t]) {
                if (Double.isNaN(v)) {
                    return true;
                }
            }
            for (double v : offset[t]) {
                if (Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
