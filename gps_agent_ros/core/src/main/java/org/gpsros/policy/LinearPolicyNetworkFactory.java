package org.gpsros.policy;

/** Creates and restores {@link LinearPolicyNetwork}s (config type {@code linear}). */
public final class LinearPolicyNetworkFactory implements PolicyNetworkFactory {
    /** The config name. */
    public static final String TYPE = "linear";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public PolicyNetwork create(int inputDim, int outputDim, long seed) {
        return LinearPolicyNetwork.create(inputDim, outputDim, seed);
    }

    @Override
    public PolicyNetwork restore(byte[] saved) {
        return LinearPolicyNetwork.restore(saved);
    }
}
