package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.finite;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;
import static org.gpsros.app.config.Checks.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * A real robot sampled over gps_agent_pkg's protocol (reference {@code AGENT_ROS} and the PR2 example's agent, study
 * §2.7 and §4.7): the robot plugin does the physics, so the learner only needs the sizes, the sensor layouts, each
 * condition's x0, reset joint angles and end-effector targets, and the trial timing. A config with this section is
 * trained with {@code gps node learner}; its {@code task} is then just the experiment's name.
 *
 * @param state sensors forming the state, in order, with their dimensions (reference state_include + SENSOR_DIMS)
 * @param observation sensors forming the observation; empty = the state (reference obs_include)
 * @param actionDim action size dU (reference SENSOR_DIMS[ACTION])
 * @param horizon time steps per trial T
 * @param frequency controller frequency in Hz (reference frequency = 1/dt)
 * @param endEffectorPoints the end-effector points in the tool frame, 3 numbers per point (reference
 *     end_effector_points); sent as TrialCommand.ee_points
 * @param conditions one entry per condition
 * @param distanceSensor the sensor whose last value, minus the condition's distanceTarget, gives the final distance in
 *     metrics.csv (default end_effector_points)
 * @param pdGains the plugin's per-joint gains (reference PR2_GAINS); when set, an lqr init_controller without
 *     init_gains uses 1/pd_gains as the reference's PR2 example does
 * @param trialTimeout seconds a reset or trial may take (reference trial_timeout)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RobotConfig(List<SensorDim> state, List<SensorDim> observation, Integer actionDim, Integer horizon,
                          Double frequency, double[] endEffectorPoints, List<Condition> conditions,
                          SensorType distanceSensor, double[] pdGains, Double trialTimeout) {

    public RobotConfig {
        state = List.copyOf(required(state, "robot.state"));
        if (state.isEmpty()) {
            throw new IllegalArgumentException("robot.state: needs at least one sensor");
        }
        checkUnique(state, "robot.state");
        observation = List.copyOf(orDefault(observation, List.of()));
        checkUnique(observation, "robot.observation");
        actionDim = atLeast(required(actionDim, "robot.action_dim"), 1, "robot.action_dim");
        horizon = atLeast(required(horizon, "robot.horizon"), 1, "robot.horizon");
        frequency = positive(orDefault(frequency, 20.0), "robot.frequency");
        endEffectorPoints = finite(orDefault(endEffectorPoints, new double[0]), "robot.end_effector_points");
        if (endEffectorPoints.length % 3 != 0) {
            throw new IllegalArgumentException("robot.end_effector_points: needs 3 numbers per point, got "
                    + endEffectorPoints.length);
        }
        conditions = List.copyOf(required(conditions, "robot.conditions"));
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("robot.conditions: needs at least one condition");
        }
        distanceSensor = orDefault(distanceSensor, SensorType.END_EFFECTOR_POINTS);
        pdGains = finite(pdGains, "robot.pd_gains");
        if (pdGains != null) {
            if (pdGains.length != actionDim) {
                throw new IllegalArgumentException("robot.pd_gains: needs " + actionDim + " values (action_dim), got "
                        + pdGains.length);
            }
            for (double g : pdGains) {
                positive(g, "robot.pd_gains");
            }
        }
        trialTimeout = positive(orDefault(trialTimeout, 20.0), "robot.trial_timeout");

        SensorLayout layout = stateLayout(state);
        int stateDim = layout.dimension();
        int jointDim = layout.contains(SensorType.JOINT_ANGLES) ? layout.dimensionOf(SensorType.JOINT_ANGLES) : -1;
        int distanceDim = layout.contains(distanceSensor) ? layout.dimensionOf(distanceSensor) : -1;
        if (distanceDim < 0) {
            throw new IllegalArgumentException("robot.distance_sensor: " + name(distanceSensor) + " is not in "
                    + "robot.state");
        }
        for (int c = 0; c < conditions.size(); c++) {
            Condition condition = conditions.get(c);
            String key = "robot.conditions[" + c + "]";
            requireLength(condition.x0(), stateDim, key + ".x0", "the state's dimension");
            double[] reset = condition.resetJointAngles();
            if (reset == null) {
                if (jointDim < 0) {
                    throw new IllegalArgumentException(key + ".reset_joint_angles: missing (required when the state "
                            + "has no joint_angles)");
                }
            } else if (jointDim >= 0) {
                requireLength(reset, jointDim, key + ".reset_joint_angles", "joint_angles' dimension");
            }
            requireLength(condition.endEffectorTargets(), endEffectorPoints.length, key + ".end_effector_targets",
                    "end_effector_points' length");
            if (condition.distanceTarget().length != 0) {
                requireLength(condition.distanceTarget(), distanceDim, key + ".distance_target",
                        name(distanceSensor) + "' dimension");
            }
        }
    }

    /**
     * One condition of the robot (reference x0[i], reset_conditions[i] and ee_points_tgt[i]).
     *
     * @param x0 the packed initial state (the initial controller and the dynamics' initial state are built around it)
     * @param resetJointAngles the trial arm's joint angles of the reset (PositionCommand.data in JOINT_SPACE); default:
     *     x0's joint_angles
     * @param endEffectorTargets the targets of the end-effector points, 3 numbers per point (TrialCommand.ee_points_tgt)
     * @param distanceTarget the value of distance_sensor at success; default zeros (gps_agent_pkg reports
     *     end-effector points relative to their targets)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(double[] x0, double[] resetJointAngles, double[] endEffectorTargets,
                            double[] distanceTarget) {
        public Condition {
            x0 = finite(required(x0, "robot.conditions[].x0"), "robot.conditions[].x0");
            resetJointAngles = finite(resetJointAngles, "robot.conditions[].reset_joint_angles");
            endEffectorTargets = finite(orDefault(endEffectorTargets, new double[0]),
                    "robot.conditions[].end_effector_targets");
            distanceTarget = finite(orDefault(distanceTarget, new double[0]), "robot.conditions[].distance_target");
        }
    }

    /**
     * A sensor and its dimension (reference SENSOR_DIMS entry).
     *
     * @param sensor the sensor, e.g. joint_angles
     * @param dim its dimension
     */
    public record SensorDim(SensorType sensor, Integer dim) {
        public SensorDim {
            required(sensor, "robot.state[].sensor");
            if (sensor == SensorType.ACTION || sensor == SensorType.NOISE) {
                throw new IllegalArgumentException("robot.state[].sensor: " + name(sensor) + " is not a sensor of the "
                        + "state or observation (the action size is robot.action_dim)");
            }
            dim = atLeast(required(dim, "robot.state[" + name(sensor) + "].dim"), 1, "robot.state[" + name(sensor)
                    + "].dim");
        }
    }

    /** The state layout. */
    public SensorLayout stateLayout() {
        return stateLayout(state);
    }

    /** The observation layout (the state's when none is given). */
    public SensorLayout observationLayout() {
        return observation.isEmpty() ? stateLayout() : stateLayout(observation);
    }

    /** The PositionCommand data of a condition: reset_joint_angles, else x0's joint angles. */
    public double[] resetJointAngles(int condition) {
        Condition c = conditions.get(condition);
        if (c.resetJointAngles() != null) {
            return c.resetJointAngles().clone();
        }
        SensorLayout layout = stateLayout();
        int offset = layout.offsetOf(SensorType.JOINT_ANGLES);
        return java.util.Arrays.copyOfRange(c.x0(), offset, offset + layout.dimensionOf(SensorType.JOINT_ANGLES));
    }

    /** The success value of distance_sensor for a condition (zeros unless given). */
    public double[] distanceTarget(int condition) {
        double[] target = conditions.get(condition).distanceTarget();
        return target.length == 0 ? new double[stateLayout().dimensionOf(distanceSensor)] : target.clone();
    }

    private static SensorLayout stateLayout(List<SensorDim> sensors) {
        List<SensorType> types = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        for (SensorDim s : sensors) {
            types.add(s.sensor());
            dims.add(s.dim());
        }
        return new SensorLayout(types, dims);
    }

    private static void checkUnique(List<SensorDim> sensors, String key) {
        Set<SensorType> seen = new HashSet<>();
        for (SensorDim s : sensors) {
            if (!seen.add(s.sensor())) {
                throw new IllegalArgumentException(key + ": " + name(s.sensor()) + " is listed twice");
            }
        }
    }

    private static void requireLength(double[] values, int expected, String key, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(key + ": needs " + expected + " values (" + what + "), got "
                    + values.length);
        }
    }

    private static String name(SensorType sensor) {
        return sensor.name().toLowerCase(java.util.Locale.ROOT);
    }
}
