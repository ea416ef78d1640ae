package org.gpsros.policy;

import org.gpsros.math.SplitMix64;

/**
 * The trainable mean μ_θ(o) of a global policy π(u|o) = N(μ_θ(o), Σ): a neural network (module {@code gps-nn}) or a
 * linear map ({@link LinearPolicyNetwork}). Inputs are already normalised (see {@link ObservationNormalizer}).
 * Mutable: {@link #train} changes the weights; not thread-safe.
 */
public interface PolicyNetwork {

    /** Network input size: the observation dimension dO. */
    int inputDim();

    /** Network output size: the action dimension dU. */
    int outputDim();

    /**
     * μ_θ(o) for one normalised observation: the 20 Hz control path, so implementations keep it allocation-light.
     *
     * @param normalizedObservation length {@link #inputDim()} (not modified)
     * @param mean output, length {@link #outputDim()} (modified)
     */
    void predict(double[] normalizedObservation, double[] mean);

    /** μ_θ for a batch: {@code [n][inputDim]} in, a fresh {@code [n][outputDim]} out. */
    double[][] predict(double[][] normalizedObservations);

    /**
     * The S-step's supervised fit (reference study §3.10 step 3): {@code config.iterations()} minibatch Adam steps on
     * L = (1/(2B)) Σ_i (u*_i − μ_θ(o_i))ᵀ P_i (u*_i − μ_θ(o_i)) + weightDecay · Σ_W ½‖W‖², the minibatches of
     * {@code config.batchSize()} taken in the order of one random permutation per pass drawn from {@code random}.
     * Deterministic for the same network state, data and random state.
     *
     * @param set normalised observations, targets and (already weighted) precisions
     * @return the loss before and after
     */
    PolicyTrainingSummary train(PolicyTrainingSet set, PolicyTrainingConfig config, SplitMix64 random);

    /**
     * Everything needed to continue training exactly: weights and optimiser moments, in the format {@link #format()}
     * names. The bytes go into checkpoints and the {@code gps_msgs/NetworkPolicy} message.
     */
    byte[] save();

    /** The serialisation format of {@link #save()}, e.g. {@code nd4j-samediff} or {@code linear}. */
    String format();

    /** Number of trainable parameters. */
    long parameterCount();
}
