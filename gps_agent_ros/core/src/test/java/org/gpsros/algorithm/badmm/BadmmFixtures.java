package org.gpsros.algorithm.badmm;

import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.QuadraticCost;

/** Small random controllers, models and sample sets for the BADMM tests (well-conditioned, PD). */
final class BadmmFixtures {
    private BadmmFixtures() {
    }

    static double[] normals(SplitMix64 rng, int count, double scale) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = scale * rng.nextNormal();
        }
        return a;
    }

    /** G Gᵀ·scale/m + floor·I, row-major m×m. */
    static double[] spd(SplitMix64 rng, int m, double scale, double floor) {
        double[] g = normals(rng, m * m, 1);
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += g[i * m + k] * g[j * m + k];
                }
                out[i * m + j] = scale * s / m + (i == j ? floor : 0);
            }
        }
        return out;
    }

    static LinearGaussianPolicy controller(long seed, int horizon, int dX, int dU) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] k = new double[horizon][];
        double[][] ko = new double[horizon][];
        double[][] cov = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            k[t] = normals(rng, dU * dX, 0.3);
            ko[t] = normals(rng, dU, 0.5);
            cov[t] = spd(rng, dU, 0.5, 0.2);
        }
        return LinearGaussianPolicy.of(k, ko, cov);
    }

    /** A controller near {@code base}: gains, offsets and covariance factors perturbed by {@code scale}·N(0,1). */
    static LinearGaussianPolicy perturbed(LinearGaussianPolicy base, long seed, double scale) {
        SplitMix64 rng = new SplitMix64(seed);
        int horizon = base.horizon();
        int dU = base.actionDim();
        double[][] k = new double[horizon][];
        double[][] ko = new double[horizon][];
        double[][] cov = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            k[t] = base.feedbackGains()[t].clone();
            ko[t] = base.feedforward()[t].clone();
            for (int i = 0; i < k[t].length; i++) {
                k[t][i] += scale * rng.nextNormal();
            }
            for (int i = 0; i < ko[t].length; i++) {
                ko[t][i] += scale * rng.nextNormal();
            }
            // L' = L + scale·E (lower), Σ' = L'L'ᵀ.
            double[] l = base.covarianceCholesky()[t].clone();
            for (int i = 0; i < dU; i++) {
                for (int j = 0; j <= i; j++) {
                    l[i * dU + j] += scale * rng.nextNormal();
                }
            }
            double[] c = new double[dU * dU];
            for (int i = 0; i < dU; i++) {
                for (int j = 0; j < dU; j++) {
                    double s = 0;
                    for (int m = 0; m < dU; m++) {
                        s += l[i * dU + m] * l[j * dU + m];
                    }
                    c[i * dU + j] = s;
                }
            }
            cov[t] = c;
        }
        return LinearGaussianPolicy.of(k, ko, cov);
    }

    static LocalModel model(long seed, int horizon, int dX, int dU) {
        SplitMix64 rng = new SplitMix64(seed);
        int n = dX + dU;
        double[][] jac = new double[horizon][];
        double[][] off = new double[horizon][];
        double[][] cov = new double[horizon][];
        double[] cc = new double[horizon];
        double[][] cv = new double[horizon][];
        double[][] cm = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            double[] f = normals(rng, dX * n, 0.4 / Math.sqrt(dX));
            for (int i = 0; i < dX; i++) {
                f[i * n + i] += 0.8;
            }
            jac[t] = f;
            off[t] = normals(rng, dX, 0.1);
            cov[t] = spd(rng, dX, 0.01, 0.001);
            cc[t] = rng.nextNormal();
            cv[t] = normals(rng, n, 1);
            cm[t] = spd(rng, n, 1.0, 0.1);
        }
        LinearGaussianDynamics dynamics = new LinearGaussianDynamics(horizon, dX, dU, jac, off, cov);
        InitialStateDistribution x0 = new InitialStateDistribution(normals(rng, dX, 0.5), spd(rng, dX, 0.05, 0.01));
        return new LocalModel(new QuadraticCost(dX, dU, cc, cv, cm), dynamics, x0);
    }

    /** samples × horizon × dim standard normals times scale. */
    static double[][][] array(long seed, int samples, int horizon, int dim, double scale) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][][] out = new double[samples][horizon][];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                out[n][t] = normals(rng, dim, scale);
            }
        }
        return out;
    }
}
