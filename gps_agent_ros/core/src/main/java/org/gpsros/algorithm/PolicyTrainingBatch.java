package org.gpsros.algorithm;

import java.util.List;
import org.gpsros.algorithm.badmm.PolicyTargets;

/**
 * The S-step inputs of every training condition concatenated along the sample axis, in the layout of
 * {@link org.gpsros.policy.GlobalPolicyOptimizer#update} (reference: {@code np.concatenate} over conditions in
 * {@code _update_policy}). The arrays are shared with the inputs, not copied; nobody writes to them.
 */
record PolicyTrainingBatch(double[][][] observations, double[][][] targetMeans, double[][][] targetPrecisions,
                           double[][] targetWeights) {

    /**
     * @param observations per condition, {@code samples × horizon × observationDim}
     * @param targets per condition, the targets at the same samples
     */
    static PolicyTrainingBatch of(double[][][][] observations, List<PolicyTargets> targets) {
        if (observations.length != targets.size()) {
            throw new IllegalArgumentException(observations.length + " conditions of observations, " + targets.size()
                    + " of targets");
        }
        int total = 0;
        for (int m = 0; m < observations.length; m++) {
            if (observations[m].length != targets.get(m).samples()) {
                throw new IllegalArgumentException("condition " + m + ": " + observations[m].length
                        + " observation trajectories for " + targets.get(m).samples() + " target trajectories");
            }
            total += observations[m].length;
        }
        double[][][] obs = new double[total][][];
        double[][][] means = new double[total][][];
        double[][][] precisions = new double[total][][];
        double[][] weights = new double[total][];
        int row = 0;
        for (int m = 0; m < observations.length; m++) {
            PolicyTargets target = targets.get(m);
            for (int n = 0; n < observations[m].length; n++) {
                obs[row] = observations[m][n];
                means[row] = target.targetMeans()[n];
                precisions[row] = target.targetPrecisions()[n];
                weights[row] = target.targetWeights()[n];
                row++;
            }
        }
        return new PolicyTrainingBatch(obs, means, precisions, weights);
    }
}
