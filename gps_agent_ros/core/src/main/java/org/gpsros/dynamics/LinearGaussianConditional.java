package org.gpsros.dynamics;

/**
 * A linear-Gaussian conditional y ~ N(jacobian · x + offset, covariance), the result of conditioning a joint
 * Gaussian over [x; y] on its input block (reference study §3.2, step 3). The record owns its arrays.
 *
 * @param inputDim   dimension of x
 * @param outputDim  dimension of y
 * @param jacobian   row-major {@code outputDim × inputDim}
 * @param offset     length outputDim
 * @param covariance row-major {@code outputDim × outputDim}
 */
public record LinearGaussianConditional(int inputDim, int outputDim, double[] jacobian, double[] offset,
                                        double[] covariance) {

    public LinearGaussianConditional {
        if (jacobian.length != outputDim * inputDim || offset.length != outputDim
                || covariance.length != outputDim * outputDim) {
            throw new IllegalArgumentException("conditional Gaussian blocks do not match inputDim " + inputDim
                    + " and outputDim " + outputDim);
        }
    }
}
