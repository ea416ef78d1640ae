package org.gpsros.node.robot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.policy.ObservationNormalizer;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * The robot side of a {@code gps_msgs/NetworkPolicy} (reference study §4.5, gps_agent_pkg's network controller): per
 * control step u_t = μ_θ(o_t·S + b) + noise_t, the observation o_t gathered from the robot's state in the message's
 * obs_datatypes order, S = obs_scale (normalized_dim², row-major; o'_j = Σ_i o_i S_ij + b_j as the reference's
 * {@code obs.dot(scale) + bias}; a diagonal S takes {@link ObservationNormalizer#apply}'s path, the learner's), the rest
 * of the observation passed through. Built once per trial after checking every size against the trial and the robot;
 * not thread-safe.
 */
final class NetworkController {

    /**
     * Restores networks by {@link PolicyNetworkFactory#type()} (found with {@link ServiceLoader}) and keeps the last
     * one: the same type and bytes again (every sample of one iteration) reuse it instead of restoring. Use on one
     * thread.
     */
    static final class NetworkCache {
        private final Map<String, PolicyNetworkFactory> factories = new LinkedHashMap<>();
        private String lastType;
        private byte[] lastBytes;
        private PolicyNetwork last;
        private int restores;

        NetworkCache() {
            for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
                factories.putIfAbsent(factory.type(), factory);
            }
        }

        /** The types this robot can restore. */
        List<String> types() {
            return new ArrayList<>(factories.keySet());
        }

        /** How many networks were restored (cache misses). */
        int restores() {
            return restores;
        }

        PolicyNetwork network(String type, byte[] bytes, String what) {
            if (type.equals(lastType) && Arrays.equals(bytes, lastBytes)) {
                return last;
            }
            PolicyNetworkFactory factory = factories.get(type);
            if (factory == null) {
                throw new IllegalArgumentException(what + ": network_format '" + type + "' is not a policy network "
                        + "type of this robot (it has " + String.join(", ", factories.keySet()) + ")");
            }
            PolicyNetwork network;
            try {
                network = factory.restore(bytes);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(what + ": the '" + type + "' network (" + bytes.length
                        + " bytes) cannot be restored: " + e.getMessage(), e);
            }
            lastType = type;
            lastBytes = bytes.clone();
            last = network;
            restores++;
            return network;
        }
    }

    private final PolicyNetwork network;
    private final int[] observationFromState;
    private final int stateDim;
    /** Side of the square RGB_IMAGE at the end of the observation, or 0 without one. */
    private final int imageSide;
    private final int actionDim;
    private final int normalizedDim;
    private final ObservationNormalizer diagonal;
    private final double[] scale;
    private final double[] bias;
    private final double[] noise;
    private final double[] observation;
    private final double[] normalized;

    /**
     * @param stateLayout the robot's state
     * @param actionDim the robot's action size
     * @throws IllegalArgumentException naming the message, the field and the sizes when anything does not fit
     */
    NetworkController(NetworkPolicy policy, TrialCommand command, SensorLayout stateLayout, int actionDim,
                      NetworkCache cache) {
        this(policy, command, stateLayout, new SensorLayout(List.of(), List.of()), actionDim, cache);
    }

    /**
     * A controller whose observation may also take sensors recorded beside the state ({@code extraLayout}, e.g.
     * visual_peg's END_EFFECTOR_POINTS_NO_TARGET): {@link #act(int, double[], double[], Camera, double[])} then gets
     * each step's extra sensor values.
     */
    NetworkController(NetworkPolicy policy, TrialCommand command, SensorLayout stateLayout, SensorLayout extraLayout,
                      int actionDim, NetworkCache cache) {
        String what = "NetworkPolicy id " + policy.id();
        int dO = policy.observation_dim();
        int dU = policy.action_dim();
        int horizon = command.T();
        if (dU != actionDim) {
            throw new IllegalArgumentException(what + ": action_dim " + dU + ", the robot has " + actionDim
                    + " actions");
        }
        if (policy.horizon() != horizon || policy.noise().length != (long) horizon * dU) {
            throw new IllegalArgumentException(what + ": horizon " + policy.horizon() + " and " + policy.noise().length
                    + " noise values, the TrialCommand has T " + horizon + " (needs " + (long) horizon * dU
                    + " values)");
        }
        byte[] trialObservation = command.obs_datatypes();
        if (trialObservation.length > 0 && !Arrays.equals(trialObservation, policy.obs_datatypes())) {
            throw new IllegalArgumentException(what + ": obs_datatypes " + Arrays.toString(policy.obs_datatypes())
                    + " differ from the TrialCommand's " + Arrays.toString(trialObservation));
        }
        byte[] datatypes = policy.obs_datatypes();
        boolean image = datatypes.length > 0 && datatypes[datatypes.length - 1] == SensorType.RGB_IMAGE.id();
        this.stateDim = stateLayout.dimension();
        this.observationFromState = observationIndices(image ? Arrays.copyOf(datatypes, datatypes.length - 1)
                : datatypes, stateLayout, extraLayout, what);
        int imageDim = dO - observationFromState.length;
        int side = (int) Math.round(Math.sqrt(Math.max(0, imageDim) / 3.0));
        if (image && (imageDim < 3 || 3 * side * side != imageDim)) {
            throw new IllegalArgumentException(what + ": observation_dim " + dO + " leaves " + imageDim + " values for "
                    + "the RGB_IMAGE after the state sensors, not 3·s·s of a square image");
        }
        this.imageSide = image ? side : 0;
        if (!image && observationFromState.length != dO) {
            throw new IllegalArgumentException(what + ": observation_dim " + dO + ", but obs_datatypes "
                    + Arrays.toString(policy.obs_datatypes()) + " make " + observationFromState.length
                    + " values on this robot");
        }
        int n = policy.normalized_dim();
        if (n > dO || policy.obs_scale().length != (long) n * n || policy.obs_bias().length != n) {
            throw new IllegalArgumentException(what + ": normalized_dim " + n + " (≤ observation_dim " + dO
                    + ") needs " + (long) n * n + " obs_scale and " + n + " obs_bias values, got "
                    + policy.obs_scale().length + " and " + policy.obs_bias().length);
        }
        for (double v : policy.noise()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + ": the noise holds " + v);
            }
        }
        this.network = cache.network(policy.network_format(), policy.network(), what);
        if (network.inputDim() != dO || network.outputDim() != dU) {
            throw new IllegalArgumentException(what + ": the '" + policy.network_format() + "' network maps "
                    + network.inputDim() + " → " + network.outputDim() + " values, the message says observation_dim "
                    + dO + ", action_dim " + dU);
        }
        this.actionDim = dU;
        this.normalizedDim = n;
        this.scale = policy.obs_scale();
        this.bias = policy.obs_bias();
        this.noise = policy.noise();
        this.diagonal = isDiagonal(scale, n) ? diagonalNormalizer(dO, scale, bias, n) : null;
        this.observation = new double[dO];
        this.normalized = new double[dO];
    }

    private static boolean isDiagonal(double[] scale, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && scale[i * n + j] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ObservationNormalizer diagonalNormalizer(int dO, double[] scale, double[] bias, int n) {
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = scale[j * n + j];
        }
        return new ObservationNormalizer(dO, diagonal, bias.clone());
    }

    /** Index into the state of each observation entry, or stateDim + an index into the extra sensors. */
    private static int[] observationIndices(byte[] datatypes, SensorLayout state, SensorLayout extra, String what) {
        List<Integer> indices = new ArrayList<>();
        for (byte id : datatypes) {
            SensorType sensor;
            try {
                sensor = SensorType.ofId(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": obs_datatypes holds " + id + ", not a SampleType");
            }
            if (state.contains(sensor)) {
                int offset = state.offsetOf(sensor);
                for (int j = 0; j < state.dimensionOf(sensor); j++) {
                    indices.add(offset + j);
                }
            } else if (extra.contains(sensor)) {
                int offset = state.dimension() + extra.offsetOf(sensor);
                for (int j = 0; j < extra.dimensionOf(sensor); j++) {
                    indices.add(offset + j);
                }
            } else {
                throw new IllegalArgumentException(what + ": observation sensor " + sensor + " is not in the robot's "
                        + "state " + state.sensors() + (extra.sensors().isEmpty() ? "" : " or its extra sensors "
                        + extra.sensors()));
            }
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Side of the square camera image the network sees (RGB_IMAGE last in obs_datatypes), or 0 without one. */
    int imageSide() {
        return imageSide;
    }

    /** Writes the camera's RGB_IMAGE slice (3·s·s values) of the current step into {@code observation} at offset. */
    @FunctionalInterface
    interface Camera {
        void observe(double[] observation, int offset);
    }

    /** u_t = μ_θ(normalised o(x_t)) + noise_t, for a network without a camera image. */
    void act(int t, double[] state, double[] action) {
        act(t, state, null, action);
    }

    /**
     * u_t = μ_θ(normalised o(x_t)) + noise_t; o_t ends with the camera's image of x_t when the network takes one.
     * Allocation-free apart from what the network and the camera do.
     */
    void act(int t, double[] state, Camera camera, double[] action) {
        act(t, state, null, camera, action);
    }

    /**
     * As {@link #act(int, double[], Camera, double[])}, with the step's extra sensor values (the layout given at
     * construction) for observation sensors recorded beside the state.
     */
    void act(int t, double[] state, double[] extras, Camera camera, double[] action) {
        for (int i = 0; i < observationFromState.length; i++) {
            int source = observationFromState[i];
            observation[i] = source < stateDim ? state[source] : extras[source - stateDim];
        }
        if (imageSide > 0) {
            if (camera == null) {
                throw new IllegalStateException("the network takes a camera image and the robot has no camera");
            }
            camera.observe(observation, observationFromState.length);
        }
        if (diagonal != null) {
            diagonal.apply(observation, normalized);
        } else {
            int n = normalizedDim;
            for (int j = 0; j < n; j++) {
                double value = 0;
                for (int i = 0; i < n; i++) {
                    value += observation[i] * scale[i * n + j];
                }
                normalized[j] = value + bias[j];
            }
            System.arraycopy(observation, n, normalized, n, observation.length - n);
        }
        network.predict(normalized, action);
        int base = t * actionDim;
        for (int i = 0; i < actionDim; i++) {
            action[i] += noise[base + i];
        }
    }
}
