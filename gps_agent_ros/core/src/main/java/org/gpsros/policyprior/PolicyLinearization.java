package org.gpsros.policyprior;

import org.gpsros.dynamics.DynamicsFitException;
import org.gpsros.dynamics.GaussianRegression;
import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.policy.LinearGaussianPolicy;

/**
 * The time-varying linear-Gaussian approximation π̄(u|x) = N(K^π_t x + k^π_t, S_t + Σ_π) of the global policy around
 * one condition's samples (reference {@code PolicyPriorGMM.fit}, study §3.5; Montgomery &amp; Levine 2016 §3.1): per
 * step t, Gaussian regression ({@link GaussianRegression}) of the policy's mean actions μ_π(o_nt) on the states
 * x_nt over the N samples, with the prior's normal-inverse-Wishart for those points and a regulariser 1e-8 on the
 * state block at t = 0 only (every sample may start from the same state); the conditional covariance S_t plus the
 * policy's own (state-independent) covariance Σ_π is the linearisation's covariance.
 */
public final class PolicyLinearization {
    /** Regulariser of the state block at t = 0 (reference {@code sig_reg[:dX, :dX] = 1e-8}). */
    public static final double INITIAL_STEP_REGULARIZATION = 1e-8;

    private PolicyLinearization() {
    }

    /**
     * Fits the linearisation.
     *
     * @param prior the policy prior, already updated with these samples (GMM) or constant
     * @param states x, N × T × stateDim, N ≥ 2 (not modified)
     * @param policyMeans μ_π(o), N × T × actionDim (not modified)
     * @param policyCovariance Σ_π, row-major actionDim × actionDim (the mean over samples of the policy's
     *                         covariance; for a state-independent policy, the covariance itself) (not modified)
     * @param compatibility {@link ReferenceCompatibility#REFERENCE} adds the t = 0 regulariser to every entry of the
     *                      state block, as the reference; CORRECTED to its diagonal
     * @return K^π_t, k^π_t and S_t + Σ_π, with Cholesky factors and precisions
     * @throws IllegalArgumentException on inconsistent shapes or fewer than 2 samples
     * @throws IllegalStateException if a regression's state covariance or a resulting covariance is not positive
     *                               definite (degenerate samples)
     */
    public static LinearGaussianPolicy fit(PolicyPrior prior, double[][][] states, double[][][] policyMeans,
                                           double[] policyCovariance, ReferenceCompatibility compatibility) {
        int samples = states.length;
        if (samples < 2) {
            throw new IllegalArgumentException("cannot linearise the policy on " + samples + " sample: at least 2 are needed");
        }
        if (policyMeans.length != samples) {
            throw new IllegalArgumentException("got " + samples + " state and " + policyMeans.length
                    + " policy-mean trajectories");
        }
        int horizon = states[0].length;
        int stateDim = states[0][0].length;
        int actionDim = policyMeans[0][0].length;
        if (policyCovariance.length != actionDim * actionDim) {
            throw new IllegalArgumentException("policy covariance has " + policyCovariance.length + " values, expected "
                    + actionDim + "×" + actionDim);
        }
        int dim = stateDim + actionDim;
        double[][][] pointSets = new double[horizon][samples][dim];
        for (int n = 0; n < samples; n++) {
            if (states[n].length != horizon || policyMeans[n].length != horizon) {
                throw new IllegalArgumentException("sample " + n + " has " + states[n].length + " states and "
                        + policyMeans[n].length + " policy means, expected " + horizon + " steps");
            }
            for (int t = 0; t < horizon; t++) {
                double[] x = states[n][t];
                double[] u = policyMeans[n][t];
                if (x.length != stateDim || u.length != actionDim) {
                    throw new IllegalArgumentException("sample " + n + ", step " + t + ": state of " + x.length
                            + " and policy mean of " + u.length + " values, expected " + stateDim + " and " + actionDim);
                }
                System.arraycopy(x, 0, pointSets[t][n], 0, stateDim);
                System.arraycopy(u, 0, pointSets[t][n], stateDim, actionDim);
            }
        }
        NormalInverseWishart[] priors = prior.eval(stateDim, actionDim, pointSets);
        GaussianRegression regression = new GaussianRegression(stateDim, actionDim);
        double[][] gains = new double[horizon][stateDim * actionDim];
        double[][] offsets = new double[horizon][actionDim];
        double[][] covariances = new double[horizon][actionDim * actionDim];
        for (int t = 0; t < horizon; t++) {
            double regularization = t == 0 ? INITIAL_STEP_REGULARIZATION : 0.0;
            try {
                regression.fit(pointSets[t], priors[t], regularization, compatibility, gains[t], offsets[t],
                        covariances[t]);
            } catch (DynamicsFitException e) {
                throw new IllegalStateException("policy linearisation at t=" + t + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < policyCovariance.length; i++) {
                covariances[t][i] += policyCovariance[i];
            }
        }
        try {
            return LinearGaussianPolicy.of(gains, offsets, covariances);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("policy linearisation: " + e.getMessage()
                    + " (conditional covariance plus the policy covariance)", e);
        }
    }
}
