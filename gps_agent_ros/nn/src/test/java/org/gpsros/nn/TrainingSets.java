package org.gpsros.nn;

import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyTrainingSet;

/** Synthetic S-step data for the tests: observations, targets and random SPD precisions. */
final class TrainingSets {
    private TrainingSets() {
    }

    /** Observations uniform in [-1, 1]^dO, targets from {@code target}, precisions A·Aᵀ/dU + 0.1·I. */
    static PolicyTrainingSet of(int rows, int observationDim, int actionDim, long seed, Target target) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] observations = new double[rows][observationDim];
        double[][] targets = new double[rows][];
        double[][] precisions = new double[rows][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < observationDim; j++) {
                observations[i][j] = 2.0 * random.nextUniform() - 1.0;
            }
            targets[i] = target.of(observations[i]);
            precisions[i] = randomSpd(actionDim, random);
        }
        return new PolicyTrainingSet(observations, targets, precisions);
    }

    static double[] randomSpd(int n, SplitMix64 random) {
        double[] a = new double[n * n];
        random.fillNormal(a);
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += a[i * n + k] * a[j * n + k];
                }
                p[i * n + j] = sum / n + (i == j ? 0.1 : 0.0);
            }
        }
        return p;
    }

    /** u*(o). */
    interface Target {
        double[] of(double[] observation);
    }
}
