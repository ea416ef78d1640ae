package org.gpsros.algorithm;

import org.gpsros.trajopt.StateActionMarginals;

/**
 * The importance weights of reused samples (Levine et al. 2016, §4.3; {@link SampleReuse}): the ratio of a state's
 * density under the current Gaussian state marginal p(x_t) and under the marginal q(x_t) it was sampled from,
 * w_nt = min(exp(log p_t(x_nt) − log q_t(x_nt)), maxWeight). Stateless.
 */
public final class ImportanceWeights {

    private ImportanceWeights() {
    }

    /**
     * Gaussian state marginals N(means[t], covariances[t]) of one trajectory distribution, per step; the state part of
     * {@link StateActionMarginals}. The record owns its arrays.
     *
     * @param means T × dX
     * @param covariances T × dX² row-major, symmetric positive definite
     */
    public record StateMarginal(double[][] means, double[][] covariances) {
        public StateMarginal {
            if (means == null || covariances == null || means.length != covariances.length || means.length == 0) {
                throw new IllegalArgumentException("a state marginal needs as many means as covariances, at least one");
            }
            int dX = means[0].length;
            for (int t = 0; t < means.length; t++) {
                if (means[t].length != dX || covariances[t].length != dX * dX) {
                    throw new IllegalArgumentException("state marginal step " + t + " has " + means[t].length
                            + " means and " + covariances[t].length + " covariance entries, expected " + dX + " and "
                            + dX * dX);
                }
            }
        }

        /** The x-block of joint state-action marginals. */
        public static StateMarginal of(StateActionMarginals marginals) {
            int horizon = marginals.horizon();
            int dX = marginals.stateDim();
            int n = dX + marginals.actionDim();
            double[][] mu = new double[horizon][dX];
            double[][] sigma = new double[horizon][dX * dX];
            for (int t = 0; t < horizon; t++) {
                System.arraycopy(marginals.means()[t], 0, mu[t], 0, dX);
                for (int i = 0; i < dX; i++) {
                    System.arraycopy(marginals.covariances()[t], i * n, sigma[t], i * dX, dX);
                }
            }
            return new StateMarginal(mu, sigma);
        }

        public int horizon() {
            return means.length;
        }

        public int stateDim() {
            return means[0].length;
        }
    }

    /**
     * log N(x_nt; μ_t, Σ_t) for every sample and step.
     *
     * @param states N × T × dX (not modified)
     * @throws IllegalArgumentException on a shape mismatch
     * @throws IllegalStateException if a covariance is not positive definite
     */
    public static double[][] logDensities(double[][][] states, StateMarginal marginal) {
        int horizon = marginal.horizon();
        int dX = marginal.stateDim();
        double[][] out = new double[states.length][horizon];
        double[] factor = new double[dX * dX];
        double[] z = new double[dX];
        for (int t = 0; t < horizon; t++) {
            double logDet = cholesky(marginal.covariances()[t], dX, factor, t);
            double constant = -0.5 * (dX * Math.log(2 * Math.PI) + logDet);
            double[] mu = marginal.means()[t];
            for (int n = 0; n < states.length; n++) {
                if (states[n].length != horizon || states[n][t].length != dX) {
                    throw new IllegalArgumentException("sample " + n + " does not have " + horizon + " steps of "
                            + dX + " state values");
                }
                double[] x = states[n][t];
                double quadratic = 0;
                for (int i = 0; i < dX; i++) {
                    double s = x[i] - mu[i];
                    for (int j = 0; j < i; j++) {
                        s -= factor[i * dX + j] * z[j];
                    }
                    z[i] = s / factor[i * dX + i];
                    quadratic += z[i] * z[i];
                }
                out[n][t] = constant - 0.5 * quadratic;
            }
        }
        return out;
    }

    /**
     * w_nt = min(p_t(x_nt)/q_t(x_nt), maxWeight).
     *
     * @param states the reused samples' states, N × T × dX (not modified)
     * @param current p, the marginal the S-step's data should follow
     * @param sampled q, the marginal the samples were drawn from
     * @param maxWeight the cap, ≥ 1
     */
    public static double[][] weights(double[][][] states, StateMarginal current, StateMarginal sampled,
                                     double maxWeight) {
        if (current.horizon() != sampled.horizon() || current.stateDim() != sampled.stateDim()) {
            throw new IllegalArgumentException("the current and the sampling marginal differ in shape");
        }
        double[][] logP = logDensities(states, current);
        double[][] logQ = logDensities(states, sampled);
        double logCap = Math.log(maxWeight);
        for (int n = 0; n < logP.length; n++) {
            for (int t = 0; t < logP[n].length; t++) {
                logP[n][t] = Math.exp(Math.min(logP[n][t] - logQ[n][t], logCap));
            }
        }
        return logP;
    }

    /** Lower Cholesky factor of the row-major dX × dX matrix into {@code factor}; returns log det. */
    private static double cholesky(double[] a, int dX, double[] factor, int t) {
        double logDet = 0;
        java.util.Arrays.fill(factor, 0.0);
        for (int i = 0; i < dX; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.5 * (a[i * dX + j] + a[j * dX + i]);
                for (int k = 0; k < j; k++) {
                    s -= factor[i * dX + k] * factor[j * dX + k];
                }
                if (i == j) {
                    if (!(s > 0) || Double.isInfinite(s)) {
                        throw new IllegalStateException("state marginal covariance of step " + t
                                + " is not positive definite (pivot " + i + " is " + s + ")");
                    }
                    factor[i * dX + i] = Math.sqrt(s);
                    logDet += Math.log(s);
                } else {
                    factor[i * dX + j] = s / factor[j * dX + j];
                }
            }
        }
        return logDet;
    }
}
