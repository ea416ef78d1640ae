package org.gpsros.sample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One trajectory: per-sensor data, the actions taken and the exploration noise that produced them.
 *
 * <p>Every array has {@link #horizon()} rows. {@code sensorData.get(s)[t]} is sensor {@code s} at step
 * {@code t} (a Jacobian is stored row-major, {@code points*3 × joints}). {@code noise[t]} is the
 * standard-normal noise ε_t recorded for the step (the action was {@code K x + k + chol(Σ) ε}); a noiseless
 * sample records zeros. The constructor rejects NaN and infinity, naming the sensor and step, so a bad
 * rollout never reaches the learner. The sample owns its arrays: callers must not change them afterwards.
 *
 * @param stateLayout how sensors pack into the state x (reference: state_include)
 * @param observationLayout how sensors pack into the policy observation o (reference: obs_include)
 * @param sensorData every recorded sensor, {@code horizon × dim}; must hold every sensor of both layouts
 * @param actions {@code horizon × actionDim}
 * @param noise {@code horizon × actionDim}
 */
public record Sample(SensorLayout stateLayout, SensorLayout observationLayout,
                     Map<SensorType, double[][]> sensorData, double[][] actions, double[][] noise) {

    public Sample {
        sensorData = Collections.unmodifiableMap(new EnumMap<>(sensorData));
        int horizon = actions.length;
        if (horizon == 0) {
            throw new IllegalArgumentException("a sample needs at least one time step");
        }
        if (noise.length != horizon) {
            throw new IllegalArgumentException("noise has " + noise.length + " steps, actions " + horizon);
        }
        checkFinite("ACTION", actions);
        checkFinite("NOISE", noise);
        for (Map.Entry<SensorType, double[][]> entry : sensorData.entrySet()) {
            if (entry.getValue().length != horizon) {
                throw new IllegalArgumentException(entry.getKey() + " has " + entry.getValue().length
                        + " steps, actions " + horizon);
            }
            checkFinite(entry.getKey().name(), entry.getValue());
        }
        requireSensors(stateLayout, sensorData, "state");
        requireSensors(observationLayout, sensorData, "observation");
    }

    private static void requireSensors(SensorLayout layout, Map<SensorType, double[][]> data, String what) {
        for (int i = 0; i < layout.sensors().size(); i++) {
            SensorType sensor = layout.sensors().get(i);
            double[][] values = data.get(sensor);
            if (values == null) {
                throw new IllegalArgumentException("the " + what + " includes " + sensor + " but the sample has no such data");
            }
            if (values[0].length != layout.dims().get(i)) {
                throw new IllegalArgumentException(sensor + " has " + values[0].length + " values per step, the "
                        + what + " layout expects " + layout.dims().get(i));
            }
        }
    }

    private static void checkFinite(String name, double[][] values) {
        for (int t = 0; t < values.length; t++) {
            for (int i = 0; i < values[t].length; i++) {
                if (!Double.isFinite(values[t][i])) {
                    throw new IllegalArgumentException("sample value " + name + "[t=" + t + "][" + i + "] is "
                            + values[t][i] + ": the rollout diverged or the robot reported bad data");
                }
            }
        }
    }

    public int horizon() {
        return actions.length;
    }

    public int actionDim() {
        return actions[0].length;
    }

    public int stateDim() {
        return stateLayout.dimension();
    }

    /** One sensor's data, {@code horizon × dim}. */
    public double[][] sensor(SensorType sensor) {
        double[][] values = sensorData.get(sensor);
        if (values == null) {
            throw new IllegalArgumentException("this sample has no " + sensor + " data");
        }
        return values;
    }

    /** The packed state at step t (a fresh array). */
    public double[] state(int t) {
        return pack(stateLayout, t);
    }

    /** The packed observation at step t (a fresh array). */
    public double[] observation(int t) {
        return pack(observationLayout, t);
    }

    /** All packed states, {@code horizon × stateDim} (fresh arrays). */
    public double[][] states() {
        double[][] x = new double[horizon()][];
        for (int t = 0; t < x.length; t++) {
            x[t] = state(t);
        }
        return x;
    }

    /** All packed observations, {@code horizon × observationDim} (fresh arrays). */
    public double[][] observations() {
        double[][] o = new double[horizon()][];
        for (int t = 0; t < o.length; t++) {
            o[t] = observation(t);
        }
        return o;
    }

    private double[] pack(SensorLayout layout, int t) {
        double[] packed = new double[layout.dimension()];
        int offset = 0;
        for (int i = 0; i < layout.sensors().size(); i++) {
            double[] values = sensorData.get(layout.sensors().get(i))[t];
            System.arraycopy(values, 0, packed, offset, values.length);
            offset += values.length;
        }
        return packed;
    }
}
