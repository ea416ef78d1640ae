package org.gpsros.nn;

import org.gpsros.policy.PolicyNetworkFactory;

/**
 * Makes {@link MlpPolicyNetwork}s (type {@value #TYPE}). The no-argument constructor (the one
 * {@link java.util.ServiceLoader} uses) gives {@link MlpConfig#defaults()}; the application passes its own
 * {@link MlpConfig} to the other.
 */
public final class MlpPolicyNetworkFactory implements PolicyNetworkFactory {
    /** {@link #type()}: the config name of this network kind. */
    public static final String TYPE = "mlp";

    private final MlpConfig config;

    /** The default network: {@link MlpConfig#defaults()}. */
    public MlpPolicyNetworkFactory() {
        this(MlpConfig.defaults());
    }

    public MlpPolicyNetworkFactory(MlpConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("MlpPolicyNetworkFactory needs a config");
        }
        this.config = config;
    }

    public MlpConfig config() {
        return config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MlpPolicyNetwork create(int inputDim, int outputDim, long seed) {
        return MlpPolicyNetwork.create(config, inputDim, outputDim, seed);
    }

    /** The saved network with the config it was saved with (which may differ from this factory's). */
    @Override
    public MlpPolicyNetwork restore(byte[] saved) {
        return MlpPolicyNetwork.restore(saved);
    }
}
