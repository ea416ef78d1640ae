package org.gpsros.dynamics;

import org.gpsros.math.SplitMix64;

/** Trajectories of a small random linear system x_t+1 = A x_t + B u_t + c + noise·w_t, for tests. */
final class LinearSystemData {
    final int stateDim;
    final int actionDim;
    final double[][] a;
    final double[][] b;
    final double[] c;
    final double[][][] states;
    final double[][][] actions;

    LinearSystemData(int samples, int horizon, int stateDim, int actionDim, double noise, long seed) {
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        SplitMix64 random = new SplitMix64(seed);
        a = new double[stateDim][stateDim];
        b = new double[stateDim][actionDim];
        c = new double[stateDim];
        for (int i = 0; i < stateDim; i++) {
            for (int j = 0; j < stateDim; j++) {
                a[i][j] = (i == j ? 0.9 : 0.0) + 0.1 * random.nextNormal();
            }
            for (int j = 0; j < actionDim; j++) {
                b[i][j] = 0.5 * random.nextNormal();
            }
            c[i] = 0.05 * random.nextNormal();
        }
        states = new double[samples][horizon][stateDim];
        actions = new double[samples][horizon][actionDim];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < stateDim; i++) {
                states[n][0][i] = 0.3 * random.nextNormal();
            }
            for (int t = 0; t < horizon; t++) {
                random.fillNormal(actions[n][t]);
                if (t + 1 < horizon) {
                    for (int i = 0; i < stateDim; i++) {
                        double v = c[i] + noise * random.nextNormal();
                        for (int j = 0; j < stateDim; j++) {
                            v += a[i][j] * states[n][t][j];
                        }
                        for (int j = 0; j < actionDim; j++) {
                            v += b[i][j] * actions[n][t][j];
                        }
                        states[n][t + 1][i] = v;
                    }
                }
            }
        }
    }

    /** Trajectories [from, to). */
    double[][][] states(int from, int to) {
        return java.util.Arrays.copyOfRange(states, from, to);
    }

    double[][][] actions(int from, int to) {
        return java.util.Arrays.copyOfRange(actions, from, to);
    }
}
