package org.gpsros.policy;

/**
 * Creates and restores one kind of {@link PolicyNetwork} (an MLP, a CNN, a linear map). Implementations are found by
 * the application by {@link #type()}.
 */
public interface PolicyNetworkFactory {

    /** The config name of this network kind, e.g. {@code mlp}, {@code linear}. */
    String type();

    /**
     * A freshly initialised network.
     *
     * @param seed initial weights derive from it
     */
    PolicyNetwork create(int inputDim, int outputDim, long seed);

    /**
     * A network from {@link PolicyNetwork#save()}'s bytes; it continues training exactly.
     *
     * @throws IllegalArgumentException if the bytes are not a network of this kind, naming what is wrong
     */
    PolicyNetwork restore(byte[] saved);
}
