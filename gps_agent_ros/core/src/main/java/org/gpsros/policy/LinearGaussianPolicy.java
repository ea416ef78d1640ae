package org.gpsros.policy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A time-varying linear-Gaussian controller p(u_t | x_t) = N(K_t x_t + k_t, Σ_t)
 * (Levine &amp; Abbeel 2014, §2; reference {@code LinearGaussianPolicy}).
 *
 * <p>Per time step every matrix is one row-major {@code double[]}: {@code feedbackGains[t]} is
 * {@code actionDim × stateDim}, {@code covariance[t]}, {@code covarianceCholesky[t]} (lower triangular L with
 * Σ = L Lᵀ) and {@code precision[t]} (Σ⁻¹) are {@code actionDim × actionDim}. The action with noise ε is
 * {@code K x + k + L ε}, which equals the reference's {@code chol_pol_covar.T · noise}. Immutable by contract:
 * the record owns its arrays and nobody writes to them after construction.
 */
public record LinearGaussianPolicy(int horizon, int stateDim, int actionDim,
                                   double[][] feedbackGains, double[][] feedforward,
                                   double[][] covariance, double[][] covarianceCholesky, double[][] precision)
        implements Policy {

    public LinearGaussianPolicy {
        checkShape("feedbackGains", feedbackGains, horizon, actionDim * stateDim);
        checkShape("feedforward", feedforward, horizon, actionDim);
        checkShape("covariance", covariance, horizon, actionDim * actionDim);
        checkShape("covarianceCholesky", covarianceCholesky, horizon, actionDim * actionDim);
        checkShape("precision", precision, horizon, actionDim * actionDim);
    }

    private static void checkShape(String name, double[][] a, int rows, int cols) {
        if (a.length != rows) {
            throw new IllegalArgumentException(name + " has " + a.length + " time steps, expected " + rows);
        }
        for (double[] row : a) {
            if (row.length != cols) {
                throw new IllegalArgumentException(name + " has a block of " + row.length + " values, expected " + cols);
            }
        }
    }

    /**
     * Builds a controller from gains, offsets and covariances, computing the Cholesky factor and precision.
     *
     * @throws IllegalArgumentException if a covariance is not symmetric positive definite
     */
    public static LinearGaussianPolicy of(double[][] feedbackGains, double[][] feedforward, double[][] covariance) {
        int horizon = feedforward.length;
        int actionDim = feedforward[0].length;
        int stateDim = feedbackGains[0].length / actionDim;
        double[][] chol = new double[horizon][];
        double[][] precision = new double[horizon][];
        CholeskyDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.chol(actionDim, true);
        for (int t = 0; t < horizon; t++) {
            DMatrixRMaj sigma = new DMatrixRMaj(actionDim, actionDim, true, covariance[t]);
            if (!decomposition.decompose(sigma)) {
                throw new IllegalArgumentException("action covariance at t=" + t + " is not positive definite");
            }
            DMatrixRMaj lower = decomposition.getT(null);
            chol[t] = lower.data;
            DMatrixRMaj inverse = new DMatrixRMaj(actionDim, actionDim);
            CommonOps_DDRM.invertSPD(new DMatrixRMaj(actionDim, actionDim, true, covariance[t]), inverse);
            CommonOps_DDRM.symmLowerToFull(inverse);
            precision[t] = inverse.data;
        }
        return new LinearGaussianPolicy(horizon, stateDim, actionDim, feedbackGains, feedforward, covariance, chol, precision);
    }

    @Override
    public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
        double[] gains = feedbackGains[t];
        double[] offset = feedforward[t];
        double[] lower = covarianceCholesky[t];
        for (int i = 0; i < actionDim; i++) {
            double u = offset[i];
            int row = i * stateDim;
            for (int j = 0; j < stateDim; j++) {
                u += gains[row + j] * state[j];
            }
            int cholRow = i * actionDim;
            for (int j = 0; j <= i; j++) {
                u += lower[cholRow + j] * noise[j];
            }
            action[i] = u;
        }
    }

    /**
     * The feedforward terms with the noise folded in, k_t + L_t ε_t (reference {@code fold_k}): what a
     * robot that cannot draw noise itself is sent.
     *
     * @param noise {@code horizon × actionDim} standard normals
     */
    public double[][] foldNoise(double[][] noise) {
        double[][] folded = new double[horizon][actionDim];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < actionDim; i++) {
                double u = feedforward[t][i];
                for (int j = 0; j <= i; j++) {
                    u += covarianceCholesky[t][i * actionDim + j] * noise[t][j];
                }
                folded[t][i] = u;
            }
        }
        return folded;
    }
}
