package org.gpsros.trajopt;

import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;

/** Small random LQR-FLM problems (well-conditioned: PD cost, mildly stable dynamics, PD covariances). */
final class RandomProblems {
    private RandomProblems() {
    }

    static double[] normals(SplitMix64 rng, int count, double scale) {
        double[] a = new double[count];
        for (int i = 0; i < count; i++) {
            a[i] = scale * rng.nextNormal();
        }
        return a;
    }

    /** G Gᵀ/m + floor·I, row-major m×m. */
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

    static LinearGaussianPolicy policy(long seed, int horizon, int dX, int dU) {
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

    /** max |a − b| / max(max |b|, 1e-300). */
    static double relativeError(double[][] actual, double[][] expected) {
        return LqrParityTest.maxRelativeError(actual, expected);
    }
}
