package org.gpsros.node.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.gpsros.msg.gps_msgs.ControllerParams;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.nn.MlpPolicyNetwork;
import org.gpsros.nn.MlpPolicyNetworkFactory;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.ObservationNormalizer;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.sample.SensorLayout;

/**
 * A global policy on the wire (reference study §4.3–4.5; gps_agent_pkg ran networks as controller_to_execute 1/2 from
 * CaffeParams/TfParams): a {@code gps_msgs/NetworkPolicy} carrying the network ({@link PolicyNetwork#save()}, named by
 * its {@link PolicyNetworkFactory#type()}), the observation normalisation and the trial's noise √v ⊙ ε_t, and a
 * TrialCommand with {@link #NETWORK_CONTROLLER} and the same id. The robot runs
 * u_t = μ_θ(o_t·scale + bias) + noise_t, so with the noise of {@link GaussianGlobalPolicy#act} the trial equals the
 * in-process one bit for bit.
 */
public final class NetworkPolicyMessages {

    /**
     * ControllerParams.controller_to_execute of a trial whose controller is the NetworkPolicy with the trial's id
     * (gps_agent_pkg's TF code; 1 was Caffe).
     */
    public static final byte NETWORK_CONTROLLER = 2;

    private NetworkPolicyMessages() {
    }

    /**
     * The {@link PolicyNetworkFactory#type()} that restores {@code network}: {@code linear}, {@code mlp}, or the type
     * of a factory on the classpath equal to the network's {@link PolicyNetwork#format()}.
     *
     * @throws IllegalArgumentException if no factory type is known for the network's class
     */
    public static String networkType(PolicyNetwork network) {
        if (network instanceof LinearPolicyNetwork) {
            return LinearPolicyNetworkFactory.TYPE;
        }
        if (network instanceof MlpPolicyNetwork) {
            return MlpPolicyNetworkFactory.TYPE;
        }
        List<String> known = new ArrayList<>();
        for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
            if (factory.type().equals(network.format())) {
                return factory.type();
            }
            known.add(factory.type());
        }
        throw new IllegalArgumentException("no policy network type is known for a " + network.getClass().getSimpleName()
                + " (format '" + network.format() + "'); types on the classpath: " + known);
    }

    /**
     * The NetworkPolicy of one trial.
     *
     * @param id the TrialCommand's id
     * @param iteration the GPS iteration that produced the policy (-1 if unknown)
     * @param noise {@code T × dU} standard normals ε (zeros for a noiseless trial); the message holds √v ⊙ ε_t
     * @param observationLayout the sensors forming the observation, in order
     * @throws IllegalArgumentException if the policy does not fit the layout or the noise
     */
    public static NetworkPolicy networkPolicy(int id, int iteration, GaussianGlobalPolicy policy, double[][] noise,
                                              SensorLayout observationLayout) {
        int dO = policy.observationDim();
        int dU = policy.actionDim();
        if (observationLayout.dimension() != dO) {
            throw new IllegalArgumentException("the global policy takes " + dO + " observation entries, the "
                    + "observation " + observationLayout.sensors() + " has " + observationLayout.dimension());
        }
        int horizon = noise.length;
        double[] variance = policy.variance();
        double[] flatNoise = new double[horizon * dU];
        for (int t = 0; t < horizon; t++) {
            if (noise[t].length != dU) {
                throw new IllegalArgumentException("noise[" + t + "] has " + noise[t].length + " values, the policy "
                        + "has " + dU + " actions");
            }
            for (int i = 0; i < dU; i++) {
                // The same product as GaussianGlobalPolicy.act: √v_i · ε_i.
                flatNoise[t * dU + i] = Math.sqrt(variance[i]) * noise[t][i];
            }
        }
        ObservationNormalizer normalizer = policy.normalizer();
        int n = normalizer.normalizedDim();
        double[] scale = new double[n * n];
        for (int j = 0; j < n; j++) {
            scale[j * n + j] = normalizer.scale()[j];
        }
        PolicyNetwork network = policy.network();
        return NetworkPolicy.builder().id(id).iteration(iteration).network_format(networkType(network))
                .network(network.save()).observation_dim(dO).action_dim(dU).horizon(horizon)
                .obs_datatypes(SampleMessages.sensorIds(observationLayout)).normalized_dim(n).obs_scale(scale)
                .obs_bias(normalizer.bias().clone()).noise(flatNoise).build();
    }

    /** The TrialCommand that runs the NetworkPolicy with the same id for {@code horizon} steps. */
    public static TrialCommand trialCommand(int id, int horizon, double frequency, SensorLayout stateLayout,
                                            SensorLayout observationLayout, double[] endEffectorPoints,
                                            double[] endEffectorTargets) {
        ControllerParams params = ControllerParams.builder().controller_to_execute(NETWORK_CONTROLLER).build();
        return TrialCommand.builder().id(id).controller(params).T(horizon).frequency(frequency)
                .state_datatypes(SampleMessages.sensorIds(stateLayout))
                .obs_datatypes(SampleMessages.sensorIds(observationLayout)).ee_points(endEffectorPoints.clone())
                .ee_points_tgt(endEffectorTargets.clone()).build();
    }
}
