package org.gpsros.policy;

/**
 * Everything a {@link GlobalPolicyOptimizer} needs to continue exactly where it stopped, for checkpoints: plain
 * values and arrays (the network as its own bytes). The record owns its arrays.
 *
 * @param networkFormat {@link PolicyNetwork#format()} of {@code network}
 * @param network {@link PolicyNetwork#save()}: weights and optimiser moments
 * @param normalizer the observation normaliser (the identity until the first S-step)
 * @param normalizerFitted whether the first S-step has fitted the normaliser (it is never refitted)
 * @param normalizedDim how many leading observation entries the normaliser covers once fitted
 * @param variance the diagonal policy variance v
 * @param randomState the minibatch-order generator's state ({@link org.gpsros.math.SplitMix64#state()})
 * @param updates S-steps done so far
 */
public record GlobalPolicyOptimizerState(String networkFormat, byte[] network, ObservationNormalizer normalizer,
                                         boolean normalizerFitted, int normalizedDim, double[] variance,
                                         long randomState, int updates) {

    public GlobalPolicyOptimizerState {
        if (networkFormat == null || network == null || normalizer == null || variance == null) {
            throw new IllegalArgumentException("policy optimizer state needs networkFormat, network, normalizer and "
                    + "variance");
        }
        if (normalizedDim < 0 || normalizedDim > normalizer.observationDim()) {
            throw new IllegalArgumentException("normalizedDim must be in [0, " + normalizer.observationDim() + "], got "
                    + normalizedDim);
        }
        if (updates < 0) {
            throw new IllegalArgumentException("updates must be ≥ 0, got " + updates);
        }
    }
}
