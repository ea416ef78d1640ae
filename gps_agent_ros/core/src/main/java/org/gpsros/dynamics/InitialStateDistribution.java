package org.gpsros.dynamics;

/**
 * The fitted Gaussian over initial states, N(mean, covariance) (reference {@code x0mu}, {@code x0sigma}).
 *
 * @param mean length stateDim
 * @param covariance row-major {@code stateDim × stateDim}
 */
public record InitialStateDistribution(double[] mean, double[] covariance) {

    public InitialStateDistribution {
        if (covariance.length != mean.length * mean.length) {
            throw new IllegalArgumentException("initial-state covariance must be " + mean.length + "×" + mean.length);
        }
    }
}
