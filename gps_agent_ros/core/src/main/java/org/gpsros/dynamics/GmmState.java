package org.gpsros.dynamics;

/**
 * The complete state of a fitted {@link Gmm}, for checkpoints: restoring it with {@link Gmm#restore} gives a
 * model that infers and warm-starts exactly as the one it was taken from. The record owns its arrays.
 *
 * @param dimension  D, the dimension of the points
 * @param pointCount the number of points of the data set the clusters were initialised on (the reference's
 *                   {@code GMM.N}, which sets the prior strength of {@link Gmm#inference})
 * @param means      K × D cluster means
 * @param covariances K cluster covariances, each row-major D × D
 * @param logMass    K log mixing weights
 */
public record GmmState(int dimension, int pointCount, double[][] means, double[][] covariances, double[] logMass) {

    public GmmState {
        if (dimension < 1) {
            throw new IllegalArgumentException("GMM state dimension must be ≥ 1, got " + dimension);
        }
        if (pointCount < 1) {
            throw new IllegalArgumentException("GMM state pointCount must be ≥ 1, got " + pointCount);
        }
        int clusters = means.length;
        if (clusters < 1 || covariances.length != clusters || logMass.length != clusters) {
            throw new IllegalArgumentException("GMM state needs the same number (≥ 1) of means, covariances and "
                    + "log masses, got " + means.length + ", " + covariances.length + ", " + logMass.length);
        }
        for (int k = 0; k < clusters; k++) {
            if (means[k].length != dimension) {
                throw new IllegalArgumentException("GMM state mean " + k + " has " + means[k].length
                        + " values, expected " + dimension);
            }
            if (covariances[k].length != dimension * dimension) {
                throw new IllegalArgumentException("GMM state covariance " + k + " has " + covariances[k].length
                        + " values, expected " + dimension + "×" + dimension);
            }
            if (Double.isNaN(logMass[k]) || logMass[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("GMM state logMass " + k + " is " + logMass[k]);
            }
        }
    }

    /** K, the number of clusters. */
    public int clusterCount() {
        return means.length;
    }
}
