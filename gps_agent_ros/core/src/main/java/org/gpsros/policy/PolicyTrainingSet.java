package org.gpsros.policy;

/**
 * The supervised data of one S-step, flattened over samples and time steps (row i = one (n, t) pair).
 *
 * @param observations normalised observations o_i, {@code [rows][dO]}
 * @param targetMeans target actions u*_i, {@code [rows][dU]}
 * @param precisions weighted target precisions w_i·P_i, {@code [rows][dU·dU]} row-major
 */
public record PolicyTrainingSet(double[][] observations, double[][] targetMeans, double[][] precisions) {

    public PolicyTrainingSet {
        if (observations.length == 0) {
            throw new IllegalArgumentException("a policy training set needs at least one row");
        }
        if (targetMeans.length != observations.length || precisions.length != observations.length) {
            throw new IllegalArgumentException("rows disagree: " + observations.length + " observations, "
                    + targetMeans.length + " target means, " + precisions.length + " precisions");
        }
        int dU = targetMeans[0].length;
        for (int i = 0; i < observations.length; i++) {
            if (targetMeans[i].length != dU || precisions[i].length != dU * dU
                    || observations[i].length != observations[0].length) {
                throw new IllegalArgumentException("row " + i + " has inconsistent sizes");
            }
        }
    }

    public int rows() {
        return observations.length;
    }

    public int observationDim() {
        return observations[0].length;
    }

    public int actionDim() {
        return targetMeans[0].length;
    }
}
