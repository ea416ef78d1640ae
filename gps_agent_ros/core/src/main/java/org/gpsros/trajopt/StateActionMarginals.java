package org.gpsros.trajopt;

/**
 * Gaussian marginals p(x_t, u_t) = N(means[t], covariances[t]) of a linear-Gaussian controller under
 * linear-Gaussian dynamics (reference {@code forward}: mu, sigma; study §3.6). {@code means[t]} has
 * stateDim + actionDim values ([x; u]); {@code covariances[t]} is row-major {@code (stateDim+actionDim)²}.
 * Immutable by contract: the record owns its arrays.
 */
public record StateActionMarginals(int horizon, int stateDim, int actionDim, double[][] means, double[][] covariances) {

    public StateActionMarginals {
        int n = stateDim + actionDim;
        if (means.length != horizon || covariances.length != horizon) {
            throw new IllegalArgumentException("marginal means/covariances have " + means.length + "/"
                    + covariances.length + " time steps, expected " + horizon);
        }
        for (int t = 0; t < horizon; t++) {
            if (means[t].length != n) {
                throw new IllegalArgumentException("means[" + t + "] has " + means[t].length + " values, expected " + n);
            }
            if (covariances[t].length != n * n) {
                throw new IllegalArgumentException("covariances[" + t + "] has " + covariances[t].length
                        + " values, expected " + n * n);
            }
        }
    }
}
