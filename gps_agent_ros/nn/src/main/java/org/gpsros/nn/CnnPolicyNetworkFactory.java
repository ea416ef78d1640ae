package org.gpsros.nn;

import org.gpsros.policy.PolicyNetworkFactory;

/**
 * Makes {@link CnnPolicyNetwork}s (type {@value #TYPE}). The application passes its {@link CnnConfig}; the
 * no-argument constructor (the one {@link java.util.ServiceLoader} uses, e.g. by the simulated robot node to restore
 * a network received in gps_msgs/NetworkPolicy) creates {@link CnnConfig#defaults(int, int)} networks on 64×64 images
 * and restores any saved CNN, whose bytes carry their own config.
 */
public final class CnnPolicyNetworkFactory implements PolicyNetworkFactory {
    /** {@link #type()} and {@link CnnPolicyNetwork#format()}. */
    public static final String TYPE = "cnn";

    private final CnnConfig config;

    /** Networks of {@code CnnConfig.defaults(64, 64)}; restores any saved CNN. */
    public CnnPolicyNetworkFactory() {
        this(CnnConfig.defaults(64, 64));
    }

    public CnnPolicyNetworkFactory(CnnConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("CnnPolicyNetworkFactory needs a config");
        }
        this.config = config;
    }

    public CnnConfig config() {
        return config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** @param inputDim robot configuration dimension + the config's image dimension */
    @Override
    public CnnPolicyNetwork create(int inputDim, int outputDim, long seed) {
        return CnnPolicyNetwork.create(config, inputDim, outputDim, seed);
    }

    /** The saved network with the config it was saved with (which may differ from this factory's). */
    @Override
    public CnnPolicyNetwork restore(byte[] saved) {
        return CnnPolicyNetwork.restore(saved);
    }
}
