package org.gpsros.app.bench;

import org.gpsros.math.SplitMix64;

/**
 * The synthetic linear system and trajectories of {@code shared/data/lqr-parity} (README "Exact synthetic-data
 * recipe"), regenerated bit-for-bit from SplitMix64 seed 42: A = 0.9·I + 0.05·G/√26, B = 0.1·H, c = 0.01, and 20
 * trajectories of x_{t+1} = A x_t + B u_t + c + w_t with u ~ N(0, I), w ~ N(0, 0.01²I). Benchmarks run on it, so
 * they need no data files.
 *
 * @param transition A, stateDim × stateDim row-major
 * @param control B, stateDim × actionDim row-major
 * @param states X_full, trajectories × (horizon+1) × stateDim
 * @param actions U, trajectories × horizon × actionDim
 */
public record SyntheticLqrData(double[] transition, double[] control, double[][][] states, double[][][] actions) {
    public static final int STATE_DIM = 26;
    public static final int ACTION_DIM = 7;
    public static final int HORIZON = 100;
    public static final int TRAJECTORIES = 20;
    public static final long SEED = 42;

    /** Generates the data exactly as the recipe draws it. */
    public static SyntheticLqrData generate() {
        SplitMix64 rng = new SplitMix64(SEED);
        int dx = STATE_DIM;
        int du = ACTION_DIM;
        double[] a = new double[dx * dx];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.05 * rng.nextNormal() / Math.sqrt(dx);
        }
        for (int i = 0; i < dx; i++) {
            a[i * dx + i] += 0.9;
        }
        double[] b = new double[dx * du];
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.1 * rng.nextNormal();
        }
        double[][][] x = new double[TRAJECTORIES][HORIZON + 1][dx];
        double[][][] u = new double[TRAJECTORIES][HORIZON][du];
        double[] w = new double[dx];
        for (int n = 0; n < TRAJECTORIES; n++) {
            for (int i = 0; i < dx; i++) {
                x[n][0][i] = 0.1 * rng.nextNormal();
            }
            for (int t = 0; t < HORIZON; t++) {
                for (int j = 0; j < du; j++) {
                    u[n][t][j] = rng.nextNormal();
                }
                for (int i = 0; i < dx; i++) {
                    w[i] = 0.01 * rng.nextNormal();
                }
                for (int i = 0; i < dx; i++) {
                    double next = 0.01 + w[i];
                    for (int k = 0; k < dx; k++) {
                        next += a[i * dx + k] * x[n][t][k];
                    }
                    for (int j = 0; j < du; j++) {
                        next += b[i * du + j] * u[n][t][j];
                    }
                    x[n][t + 1][i] = next;
                }
            }
        }
        return new SyntheticLqrData(a, b, x, u);
    }

    /** States X = X_full[:, 0:100] of the first {@code n} trajectories. */
    public double[][][] statesForFit(int n) {
        double[][][] x = new double[n][HORIZON][];
        for (int i = 0; i < n; i++) {
            System.arraycopy(states[i], 0, x[i], 0, HORIZON);
        }
        return x;
    }

    /** Actions of the first {@code n} trajectories. */
    public double[][][] actionsForFit(int n) {
        double[][][] u = new double[n][][];
        System.arraycopy(actions, 0, u, 0, n);
        return u;
    }

    /** The GMM data set XUX[n*100+t] = [x_t, u_t, x_{t+1}], 2000 × 59. */
    public double[][] transitions() {
        double[][] data = new double[TRAJECTORIES * HORIZON][2 * STATE_DIM + ACTION_DIM];
        for (int n = 0; n < TRAJECTORIES; n++) {
            for (int t = 0; t < HORIZON; t++) {
                double[] row = data[n * HORIZON + t];
                System.arraycopy(states[n][t], 0, row, 0, STATE_DIM);
                System.arraycopy(actions[n][t], 0, row, STATE_DIM, ACTION_DIM);
                System.arraycopy(states[n][t + 1], 0, row, STATE_DIM + ACTION_DIM, STATE_DIM);
            }
        }
        return data;
    }
}
