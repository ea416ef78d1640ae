package org.gpsros.algorithm.badmm;

/**
 * The supervised targets of one condition for an S-step, in the layout of the policy optimiser's update
 * (reference {@code policy_opt.update(obs, tgt_mu, tgt_prc, tgt_wt)}, study §3.10): per sample n and step t a
 * target action u*, the precision P that weighs (u* − μ_θ)ᵀP(u* − μ_θ) and a scalar weight. Conditions are
 * concatenated along the sample axis by the caller. The record owns its arrays; nobody writes to them after
 * construction.
 *
 * @param targetMeans u*, {@code samples × horizon × actionDim}
 * @param targetPrecisions P, {@code samples × horizon × (actionDim·actionDim)} row-major
 * @param targetWeights w, {@code samples × horizon}
 */
public record PolicyTargets(double[][][] targetMeans, double[][][] targetPrecisions, double[][] targetWeights) {

    public PolicyTargets {
        int samples = targetMeans.length;
        if (samples == 0 || targetPrecisions.length != samples || targetWeights.length != samples) {
            throw new IllegalArgumentException("targets need the same, positive number of samples, got "
                    + samples + " means, " + targetPrecisions.length + " precisions, " + targetWeights.length
                    + " weights");
        }
        int horizon = targetMeans[0].length;
        int actionDim = horizon == 0 ? 0 : targetMeans[0][0].length;
        if (horizon == 0 || actionDim == 0) {
            throw new IllegalArgumentException("targets need a positive horizon and actionDim");
        }
        for (int n = 0; n < samples; n++) {
            if (targetMeans[n].length != horizon || targetPrecisions[n].length != horizon
                    || targetWeights[n].length != horizon) {
                throw new IllegalArgumentException("sample " + n + " does not have " + horizon + " time steps");
            }
            for (int t = 0; t < horizon; t++) {
                if (targetMeans[n][t].length != actionDim || targetPrecisions[n][t].length != actionDim * actionDim) {
                    throw new IllegalArgumentException("sample " + n + ", step " + t + " has the wrong action size");
                }
            }
        }
    }

    public int samples() {
        return targetMeans.length;
    }

    public int horizon() {
        return targetMeans[0].length;
    }

    public int actionDim() {
        return targetMeans[0][0].length;
    }
}
