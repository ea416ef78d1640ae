package org.gpsros.sim;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gpsros.agent.Agent;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.ImageSpec;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * The in-process agent: runs a policy on a fresh simulated world of a {@link SimTask} and records the
 * sample (reference {@code AgentBox2D.sample}).
 *
 * <p>A rollout of horizon T records the state after the reset at t = 0; then for each t it asks the policy
 * for u_t = π(t, x_t, o_t, ε_t) and, while t + 1 &lt; T, applies u_t, steps the world and records x_{t+1}.
 * As in the reference the last action is chosen but never simulated. Every sensor of the state, the task's
 * extra sensors ({@link SimTask#extraSensorLayout()}, e.g. end-effector point Jacobians), all T actions and the
 * noise ε (which the reference's Box2D agent did not keep) go into the sample. The world is closed afterwards.
 *
 * <p>Camera: for a task whose observation ends in RGB_IMAGE (3·S·S values; the visual tasks), each step renders the
 * world's camera at S×S ({@link SimWorld#renderCamera}) of the state x_t just recorded and passes the frame through
 * {@link ImagePreprocessor} (the same path as a real camera's frames) into the observation's image slice; the sample
 * stores those slices as RGB_IMAGE and {3, S, S} per step as RGB_IMAGE_SIZE (issue 5 observation convention).
 *
 * <p>Every rollout builds a new world, so the same policy, condition and noise give a bit-identical sample,
 * and the agent holds no mutable state: {@link #sample} may run on several threads at once.
 */
public final class SimAgent implements Agent {

    /** A state value larger than this in magnitude means the physics blew up. */
    public static final double DIVERGENCE_LIMIT = 1e6;

    private final SimTask task;
    /** Index into the state of each observation entry before any image, or null when observation = state. */
    private final int[] observationFromState;
    /** Width = height of the observation's RGB_IMAGE, 0 without a camera. */
    private final int imageSize;
    /** Offset of RGB_IMAGE in the observation, -1 without a camera. */
    private final int imageOffset;

    public SimAgent(SimTask task) {
        this.task = task;
        SensorLayout state = task.stateLayout();
        SensorLayout observation = task.observationLayout();
        List<SensorType> sensors = observation.sensors();
        int last = sensors.size() - 1;
        if (sensors.contains(SensorType.RGB_IMAGE)) {
            if (sensors.get(last) != SensorType.RGB_IMAGE || state.contains(SensorType.RGB_IMAGE)) {
                throw new IllegalArgumentException("task " + task.name() + ": RGB_IMAGE must be the last sensor of the "
                        + "observation and not part of the state");
            }
            int values = observation.dims().get(last);
            int side = (int) Math.round(Math.sqrt(values / 3.0));
            if (3 * side * side != values) {
                throw new IllegalArgumentException("task " + task.name() + ": RGB_IMAGE has " + values
                        + " values, not 3·S·S of a square image");
            }
            imageSize = side;
            imageOffset = observation.offsetOf(SensorType.RGB_IMAGE);
        } else {
            imageSize = 0;
            imageOffset = -1;
        }
        if (imageSize == 0 && observation.equals(state)) {
            observationFromState = null;
        } else {
            int copied = imageSize == 0 ? sensors.size() : last;
            observationFromState = new int[imageSize == 0 ? observation.dimension() : imageOffset];
            int k = 0;
            for (int i = 0; i < copied; i++) {
                SensorType sensor = sensors.get(i);
                if (!state.contains(sensor) || state.dimensionOf(sensor) != observation.dims().get(i)) {
                    throw new IllegalArgumentException("task " + task.name() + ": observation sensor " + sensor
                            + " is not part of the state with the same size");
                }
                int offset = state.offsetOf(sensor);
                for (int j = 0; j < observation.dims().get(i); j++) {
                    observationFromState[k++] = offset + j;
                }
            }
        }
    }

    public SimTask task() {
        return task;
    }

    @Override
    public int horizon() {
        return task.horizon();
    }

    @Override
    public double timeStep() {
        return task.timeStep();
    }

    @Override
    public int actionDim() {
        return task.actionDim();
    }

    @Override
    public SensorLayout stateLayout() {
        return task.stateLayout();
    }

    @Override
    public SensorLayout observationLayout() {
        return task.observationLayout();
    }

    @Override
    public int conditionCount() {
        return task.conditionCount();
    }

    @Override
    public double[] initialState(int condition) {
        return task.initialState(condition);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SimulationDivergedException if the policy returns a non-finite action or the physics produces a
     *     non-finite state or one beyond {@link #DIVERGENCE_LIMIT}; it names the task, condition and step
     * @throws IllegalArgumentException if the policy's action size or the noise shape does not fit the task
     */
    @Override
    public Sample sample(Policy policy, int condition, double[][] noise) {
        int horizon = task.horizon();
        int actionDim = task.actionDim();
        int stateDim = task.stateLayout().dimension();
        if (policy.actionDim() != actionDim) {
            throw new IllegalArgumentException("the policy has " + policy.actionDim() + " actions, task "
                    + task.name() + " has " + actionDim);
        }
        double[][] noiseCopy = copyNoise(noise, horizon, actionDim);
        SensorLayout extraLayout = task.extraSensorLayout();
        int extraDim = extraLayout.dimension();

        double[][] states = new double[horizon][stateDim];
        double[][] extras = new double[horizon][extraDim];
        double[][] actions = new double[horizon][actionDim];
        double[] observation = observationFromState == null ? null
                : new double[task.observationLayout().dimension()];
        double[][] images = imageSize == 0 ? null : new double[horizon][];
        try (SimWorld world = task.newWorld(condition);
             ImagePreprocessor camera = imageSize == 0 ? null
                     : new ImagePreprocessor(ImageSpec.of(imageSize, imageSize))) {
            read(world, states[0], extras[0], condition, 0);
            for (int t = 0; t < horizon; t++) {
                double[] x = states[t];
                double[] o = x;
                if (observation != null) {
                    for (int i = 0; i < observationFromState.length; i++) {
                        observation[i] = x[observationFromState[i]];
                    }
                    if (camera != null) {
                        camera.toObservation(world.renderCamera(imageSize, imageSize), observation, imageOffset);
                        images[t] = Arrays.copyOfRange(observation, imageOffset, observation.length);
                    }
                    o = observation;
                }
                double[] u = actions[t];
                policy.act(t, x, o, noiseCopy[t], u);
                for (int i = 0; i < actionDim; i++) {
                    if (!Double.isFinite(u[i])) {
                        throw new SimulationDivergedException(task.name(), condition, t,
                                "the policy returned the non-finite action " + Arrays.toString(u));
                    }
                }
                if (t + 1 < horizon) {
                    world.step(u);
                    read(world, states[t + 1], extras[t + 1], condition, t + 1);
                }
            }
        }
        Map<SensorType, double[][]> data = splitSensors(task.stateLayout(), states);
        if (extraDim > 0) {
            data.putAll(splitSensors(extraLayout, extras));
        }
        if (images != null) {
            double[][] sizes = new double[horizon][];
            for (int t = 0; t < horizon; t++) {
                sizes[t] = new double[] {3, imageSize, imageSize};
            }
            data.put(SensorType.RGB_IMAGE, images);
            data.put(SensorType.RGB_IMAGE_SIZE, sizes);
        }
        return new Sample(task.stateLayout(), task.observationLayout(), data, actions, noiseCopy);
    }

    /** Reads and checks the state, then the extra sensors, at step t. */
    private void read(SimWorld world, double[] state, double[] extra, int condition, int t) {
        world.readState(state);
        checkState(state, condition, t);
        if (extra.length > 0) {
            world.readExtraSensors(extra);
            for (int i = 0; i < extra.length; i++) {
                if (!Double.isFinite(extra[i])) {
                    throw new SimulationDivergedException(task.name(), condition, t, "extra sensor entry " + i
                            + " is " + extra[i]);
                }
            }
        }
    }

    private static double[][] copyNoise(double[][] noise, int horizon, int actionDim) {
        if (noise == null || noise.length != horizon) {
            throw new IllegalArgumentException("noise must have " + horizon + " steps, got "
                    + (noise == null ? "null" : noise.length));
        }
        double[][] copy = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            if (noise[t] == null || noise[t].length != actionDim) {
                throw new IllegalArgumentException("noise[" + t + "] must have " + actionDim + " values");
            }
            for (int i = 0; i < actionDim; i++) {
                if (!Double.isFinite(noise[t][i])) {
                    throw new IllegalArgumentException("noise[" + t + "][" + i + "] is " + noise[t][i]);
                }
            }
            copy[t] = noise[t].clone();
        }
        return copy;
    }

    private void checkState(double[] state, int condition, int t) {
        for (int i = 0; i < state.length; i++) {
            double value = state[i];
            if (!Double.isFinite(value) || Math.abs(value) > DIVERGENCE_LIMIT) {
                throw new SimulationDivergedException(task.name(), condition, t, "state entry " + i + " ("
                        + sensorAt(i) + ") is " + value + ", state " + Arrays.toString(state));
            }
        }
    }

    private String sensorAt(int index) {
        SensorLayout layout = task.stateLayout();
        int offset = 0;
        for (int i = 0; i < layout.sensors().size(); i++) {
            int dim = layout.dims().get(i);
            if (index < offset + dim) {
                return layout.sensors().get(i) + "[" + (index - offset) + "]";
            }
            offset += dim;
        }
        return "?";
    }

    /** Per-sensor {@code horizon × dim} arrays cut from packed vectors laid out as {@code layout}. */
    private static Map<SensorType, double[][]> splitSensors(SensorLayout layout, double[][] packed) {
        List<SensorType> sensors = layout.sensors();
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        int offset = 0;
        for (int i = 0; i < sensors.size(); i++) {
            int dim = layout.dims().get(i);
            double[][] values = new double[packed.length][dim];
            for (int t = 0; t < packed.length; t++) {
                System.arraycopy(packed[t], offset, values[t], 0, dim);
            }
            data.put(sensors.get(i), values);
            offset += dim;
        }
        return data;
    }

    @Override
    public double finalDistance(Sample sample, int condition) {
        return task.finalDistance(sample, condition);
    }

    @Override
    public double successDistance() {
        return task.successDistance();
    }
}
