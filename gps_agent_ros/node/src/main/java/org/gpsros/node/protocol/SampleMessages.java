package org.gpsros.node.protocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gpsros.msg.gps_msgs.ControllerParams;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * Conversions between learner objects and gps_agent_pkg messages (reference study §4.2, §4.4): a linear-Gaussian
 * controller into a TrialCommand (K_t element (t, u, x) at {@code x + u·dX + t·dU·dX}, k_t with the noise folded in),
 * per-sensor data into DataType entries ({@code shape = [T, dim]}, data row-major) and a SampleResult back into a
 * {@link Sample}.
 */
public final class SampleMessages {

    /** ControllerParams.controller_to_execute of a linear-Gaussian controller. */
    public static final byte LIN_GAUSS_CONTROLLER = 0;

    private SampleMessages() {
    }

    /**
     * A TrialCommand that runs {@code controller} with {@code noise} folded into k_t (reference {@code fold_k}).
     *
     * @param noise {@code horizon × actionDim} standard normals (zeros for a noiseless trial)
     * @param frequency controller frequency in Hz
     * @param stateLayout the sensors that form the state, in order (state_datatypes)
     * @param observationLayout the sensors that form the observation (obs_datatypes; the reference sent the state's)
     */
    public static TrialCommand trialCommand(int id, LinearGaussianPolicy controller, double[][] noise, double frequency,
                                            SensorLayout stateLayout, SensorLayout observationLayout) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        double[] gains = new double[horizon * dU * dX];
        double[] offsets = new double[horizon * dU];
        double[][] folded = controller.foldNoise(noise);
        for (int t = 0; t < horizon; t++) {
            System.arraycopy(controller.feedbackGains()[t], 0, gains, t * dU * dX, dU * dX);
            System.arraycopy(folded[t], 0, offsets, t * dU, dU);
        }
        ControllerParams params = ControllerParams.builder().controller_to_execute(LIN_GAUSS_CONTROLLER)
                .lingauss(new LinGaussParams(dX, dU, gains, offsets)).build();
        return TrialCommand.builder().id(id).controller(params).T(horizon).frequency(frequency)
                .state_datatypes(sensorIds(stateLayout)).obs_datatypes(sensorIds(observationLayout)).build();
    }

    /** The SampleType values of a layout's sensors, in order. */
    public static byte[] sensorIds(SensorLayout layout) {
        byte[] ids = new byte[layout.sensors().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (byte) layout.sensors().get(i).id();
        }
        return ids;
    }

    /** One DataType entry: {@code values} ({@code steps × dim}) row-major with shape {@code [steps, dim]}. */
    public static DataType dataType(SensorType sensor, double[][] values, int steps) {
        int dim = steps == 0 ? 0 : values[0].length;
        double[] data = new double[steps * dim];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(values[t], 0, data, t * dim, dim);
        }
        return new DataType((byte) sensor.id(), data, new int[] {steps, dim});
    }

    /**
     * The sample a SampleResult of a whole trial describes.
     *
     * @param noise the noise the learner folded into the command, recorded as NOISE
     * @throws RobotProtocolException if a sensor of either layout or ACTION is missing, a shape does not fit, or the
     *     trial was cut short (a safety stop on the robot)
     */
    public static Sample toSample(SampleResult result, SensorLayout stateLayout, SensorLayout observationLayout,
                                  int horizon, int actionDim, double[][] noise) {
        return toSample(result, stateLayout, observationLayout, horizon, actionDim, noise, Map.of());
    }

    /**
     * The sample a SampleResult of a whole trial describes, with sensors the learner recorded itself (the camera's
     * RGB_IMAGE and RGB_IMAGE_SIZE, from the image topic) added: those are not looked for in the result.
     *
     * @param learnerSide per-step data the learner recorded, {@code horizon × dim} each
     * @throws RobotProtocolException as {@link #toSample(SampleResult, SensorLayout, SensorLayout, int, int,
     *     double[][])}
     */
    public static Sample toSample(SampleResult result, SensorLayout stateLayout, SensorLayout observationLayout,
                                  int horizon, int actionDim, double[][] noise,
                                  Map<SensorType, double[][]> learnerSide) {
        Map<SensorType, DataType> byType = byType(result);
        Map<SensorType, double[][]> sensors = new EnumMap<>(SensorType.class);
        for (SensorLayout layout : List.of(stateLayout, observationLayout)) {
            for (int i = 0; i < layout.sensors().size(); i++) {
                SensorType sensor = layout.sensors().get(i);
                if (learnerSide.containsKey(sensor)) {
                    continue;
                }
                sensors.put(sensor, values(result.id(), byType, sensor, horizon, layout.dims().get(i)));
            }
        }
        // Other per-step data the robot reports (gps_agent_pkg: END_EFFECTOR_POINT_JACOBIANS [T, 3n, joints] for
        // the fk cost) are kept too, each step flattened row-major; data of another length are not per-step data.
        for (Map.Entry<SensorType, DataType> entry : byType.entrySet()) {
            SensorType sensor = entry.getKey();
            int[] shape = entry.getValue().shape();
            if (sensor == SensorType.ACTION || sensor == SensorType.NOISE || sensors.containsKey(sensor)
                    || shape.length < 2 || shape[0] != horizon) {
                continue;
            }
            long perStep = 1;
            for (int i = 1; i < shape.length; i++) {
                perStep *= shape[i];
            }
            if (perStep > 0 && perStep <= Integer.MAX_VALUE) {
                sensors.put(sensor, values(result.id(), byType, sensor, horizon, (int) perStep));
            }
        }
        double[][] actions = values(result.id(), byType, SensorType.ACTION, horizon, actionDim);
        sensors.putAll(learnerSide);
        try {
            return new Sample(stateLayout, observationLayout, sensors, actions, noise);
        } catch (IllegalArgumentException e) {
            throw new RobotProtocolException("SampleResult id " + result.id() + ": " + e.getMessage(), e);
        }
    }

    /** Per-sensor data of a SampleResult, by type; a type that appears twice is an error. */
    public static Map<SensorType, DataType> byType(SampleResult result) {
        Map<SensorType, DataType> byType = new EnumMap<>(SensorType.class);
        for (DataType entry : result.sensor_data()) {
            SensorType sensor;
            try {
                sensor = SensorType.ofId(entry.data_type());
            } catch (IllegalArgumentException e) {
                continue; // a robot may report data types we do not know; they are not ours to use
            }
            if (byType.put(sensor, entry) != null) {
                throw new RobotProtocolException("SampleResult id " + result.id() + " has " + sensor + " twice");
            }
        }
        return byType;
    }

    private static double[][] values(int id, Map<SensorType, DataType> byType, SensorType sensor, int horizon,
                                     int dim) {
        DataType entry = byType.get(sensor);
        if (entry == null) {
            throw new RobotProtocolException("SampleResult id " + id + " has no " + sensor + " data (it has "
                    + new ArrayList<>(byType.keySet()) + ")");
        }
        int[] shape = entry.shape();
        if (shape.length < 1) {
            throw new RobotProtocolException("SampleResult id " + id + ": " + sensor + " has an empty shape");
        }
        if (shape[0] != horizon) {
            throw new RobotProtocolException("SampleResult id " + id + ": " + sensor + " covers " + shape[0]
                    + " of " + horizon + " steps: the robot stopped the trial early (safety stop; see its log)");
        }
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size != (long) horizon * dim || entry.data().length != size) {
            throw new RobotProtocolException("SampleResult id " + id + ": " + sensor + " has shape "
                    + java.util.Arrays.toString(shape) + " and " + entry.data().length + " values, expected ["
                    + horizon + ", " + dim + "]");
        }
        double[][] values = new double[horizon][dim];
        for (int t = 0; t < horizon; t++) {
            System.arraycopy(entry.data(), t * dim, values[t], 0, dim);
        }
        return values;
    }
}
