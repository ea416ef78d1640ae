package org.gpsros.policy;

/**
 * The S-step's weighted precision loss without weight decay (reference {@code euclidean_loss_layer}, study §3.10
 * step 3 and §6): L = (1/(2n)) Σ_i (u*_i − μ_i)ᵀ P_i (u*_i − μ_i) over n rows, P_i the already weighted
 * precisions.
 */
public final class PolicyLoss {

    private PolicyLoss() {
    }

    /**
     * L over all rows of {@code set}.
     *
     * @param means μ_i for every row of the set, rows × dU (not modified)
     */
    public static double mean(PolicyTrainingSet set, double[][] means) {
        if (means.length != set.rows()) {
            throw new IllegalArgumentException("got " + means.length + " predictions for " + set.rows() + " rows");
        }
        int dU = set.actionDim();
        double[] residual = new double[dU];
        double sum = 0;
        for (int i = 0; i < means.length; i++) {
            if (means[i].length != dU) {
                throw new IllegalArgumentException("prediction " + i + " has " + means[i].length + " values, expected " + dU);
            }
            sum += quadratic(set.targetMeans()[i], means[i], set.precisions()[i], residual);
        }
        return sum / (2.0 * means.length);
    }

    /** (u* − μ)ᵀ P (u* − μ) for one row; {@code residual} is scratch of length dU. */
    static double quadratic(double[] target, double[] mean, double[] precision, double[] residual) {
        int dU = target.length;
        for (int a = 0; a < dU; a++) {
            residual[a] = target[a] - mean[a];
        }
        double q = 0;
        for (int a = 0; a < dU; a++) {
            double row = 0;
            for (int b = 0; b < dU; b++) {
                row += precision[a * dU + b] * residual[b];
            }
            q += residual[a] * row;
        }
        return q;
    }
}
