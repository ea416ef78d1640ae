package org.gpsros.app.run;

import java.util.Locale;
import java.util.ServiceLoader;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.PolicyConfig;
import org.gpsros.nn.MlpConfig;
import org.gpsros.nn.MlpPolicyNetworkFactory;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.PolicyNetworkFactory;

/** The global-policy network factory a config's {@code policy.network} section names. */
final class PolicyNetworks {

    private PolicyNetworks() {
    }

    static PolicyNetworkFactory factory(PolicyConfig.Network network) {
        if (network.type().equals("linear")) {
            return new LinearPolicyNetworkFactory();
        }
        if (network.type().equals("mlp")) {
            return new MlpPolicyNetworkFactory(MlpConfig.defaults().withHiddenWidths(network.hidden())
                    .withActivation(MlpConfig.Activation.valueOf(network.activation().toUpperCase(Locale.ROOT))));
        }
        for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
            if (factory.type().equals(network.type())) {
                return factory;
            }
        }
        throw new ConfigException("policy.network.type: no " + network.type() + " network on the classpath");
    }
}
