package org.gpsros.app.run;

import java.util.Locale;
import java.util.ServiceLoader;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.PolicyConfig;
import org.gpsros.nn.CnnConfig;
import org.gpsros.nn.CnnPolicyNetworkFactory;
import org.gpsros.nn.ConvLayer;
import org.gpsros.nn.MlpConfig;
import org.gpsros.nn.MlpPolicyNetworkFactory;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.PolicyNetworkFactory;

/** The global-policy network factory a config's {@code policy.network} section names. */
final class PolicyNetworks {

    private PolicyNetworks() {
    }

    /** {@link #factory(PolicyConfig.Network, int)} for a task without a camera. */
    static PolicyNetworkFactory factory(PolicyConfig.Network network) {
        return factory(network, 0);
    }

    /**
     * @param imageSize width = height of the task's RGB_IMAGE (contract: square), 0 if it has none
     * @throws ConfigException for a cnn without an image, or convolutions the image is too small for
     */
    static PolicyNetworkFactory factory(PolicyConfig.Network network, int imageSize) {
        if (network.type().equals("linear")) {
            return new LinearPolicyNetworkFactory();
        }
        if (network.type().equals("mlp")) {
            return mlp(network.hidden(), network.activation());
        }
        if (network.type().equals("cnn")) {
            return new CnnPolicyNetworkFactory(cnnConfig(network.cnn(), imageSize));
        }
        for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
            if (factory.type().equals(network.type())) {
                return factory;
            }
        }
        throw new ConfigException("policy.network.type: no " + network.type() + " network on the classpath");
    }

    /** An MLP of the given hidden widths and activation ({@code relu} or {@code softplus}). */
    static MlpPolicyNetworkFactory mlp(java.util.List<Integer> hidden, String activation) {
        return new MlpPolicyNetworkFactory(MlpConfig.defaults().withHiddenWidths(hidden)
                .withActivation(MlpConfig.Activation.valueOf(activation.toUpperCase(Locale.ROOT))));
    }

    /** The CNN's shape from {@code policy.network.cnn} on a square image of {@code imageSize}. */
    static CnnConfig cnnConfig(PolicyConfig.Cnn cnn, int imageSize) {
        if (imageSize < 1) {
            throw new ConfigException("policy.network.type: cnn needs a task with a camera (RGB_IMAGE in its "
                    + "observation)");
        }
        try {
            return new CnnConfig(imageSize, imageSize, 3, cnn.convolutions().stream()
                    .map(c -> new ConvLayer(c.filters(), c.kernel(), c.stride())).toList(), cnn.hidden(),
                    cnn.precision().equals("double"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("policy.network.cnn: " + e.getMessage() + " (image " + imageSize + "×"
                    + imageSize + ")", e);
        }
    }
}
