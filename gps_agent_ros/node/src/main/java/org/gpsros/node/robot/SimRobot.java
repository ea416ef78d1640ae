package org.gpsros.node.robot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.node.protocol.NetworkPolicyMessages;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.TargetConditions;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.gpsros.sim.SimWorld;

/**
 * The robot side of gps_agent_pkg's protocol on one simulated world, without ROS (the node wraps it): trials of a
 * linear-Gaussian controller or of a global policy's network ({@link NetworkController}), resets, relax and data
 * requests, each answered with a SampleResult carrying the command's id (reference study §4.4; the reference never
 * filled the id). Not thread-safe, and bound to one thread: create it, run every command and {@link #close} it on the
 * same thread (native worlds, Bullet's, must be closed where they were made). Every world it replaces is closed.
 *
 * <p>A trial records, as {@link SimAgent} does, the state at t = 0, then for every step u_t = K_t x_t + k_t and, while
 * t + 1 &lt; T, one physics step; the SampleResult holds every state sensor and ACTION, shape [T, dim]. The sum
 * {@code k_t + Σ_j K_t[u, j] x_j} runs in the order of {@code LinearGaussianPolicy.act}, so a trial equals
 * {@code SimAgent.sample} of the same controller with the noise folded into k_t bit for bit. A network trial runs
 * u_t = μ_θ(o_t·S + b) + noise_t with o_t gathered from x_t as SimAgent does, so with the learner's √v ⊙ ε it equals
 * {@code SimAgent.sample} of the {@code GaussianGlobalPolicy} bit for bit. The task's extra sensors (the peg's
 * END_EFFECTOR_POINT_JACOBIANS) are reported beside the state, as SimAgent records them.
 *
 * <p>Conditions that share their start (the peg tasks: the same joint angles, a different hole) are told apart by the
 * TrialCommand's ee_points_tgt, the world positions of the peg's targets as gps_agent_pkg sends them: a trial whose
 * targets are condition c's moves the hole to c's place, which needs a world fresh from a JOINT_SPACE reset (otherwise
 * the trial is refused: reset first). A reset keeps the current hole.
 *
 * <p>Safety: an action that is not finite or beyond {@link Limits#maxAbsAction()}, or a state that is not finite or
 * beyond {@link Limits#maxAbsState()}, stops the trial at once; the SampleResult then covers only the steps done
 * (shape [t, dim]), which the learner reports as a cut-short trial, and the world is left at rest until the next
 * reset.
 */
public final class SimRobot {
    /** A trial stopped part-way because its thread was interrupted (the node shutting down): nothing is reported. */
    public static final class TrialAbortedException extends RuntimeException {
        TrialAbortedException(String message) {
            super(message);
        }
    }


    /** Safety limits: an action or state entry beyond them stops a trial. */
    public record Limits(double maxAbsAction, double maxAbsState) {
        public Limits {
            if (!(maxAbsAction > 0) || !(maxAbsState > 0)) {
                throw new IllegalArgumentException("limits must be > 0, got maxAbsAction " + maxAbsAction
                        + ", maxAbsState " + maxAbsState);
            }
        }

        /** Actions up to 1000 (the arm's motor speeds are far below), states up to the simulator's 1e6. */
        public static Limits defaults() {
            return new Limits(1000.0, SimAgent.DIVERGENCE_LIMIT);
        }
    }

    /** Timing of one real-time trial: how late each control step started against its schedule. */
    public record StepTiming(int steps, double periodMs, double meanLatenessMs, double p99LatenessMs,
                             double maxLatenessMs, double meanPeriodMs, double stdPeriodMs) {
    }

    /**
     * How a JOINT_SPACE PositionCommand reaches its target: {@code EXACT} rebuilds the world at the target at rest
     * (samples bit-identical to the in-process simulator), {@code PD} drives the joints there under the command's PD
     * gains, as gps_agent_pkg's position controller does on a real robot.
     */
    public enum ResetMode {
        EXACT, PD;

        /** @throws IllegalArgumentException naming the accepted values */
        public static ResetMode parse(String name) {
            for (ResetMode mode : values()) {
                if (mode.name().equalsIgnoreCase(name)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("reset_mode '" + name + "' is not one of exact, pd");
        }
    }

    /**
     * Settings of a PD reset.
     *
     * @param positionTolerance settled when every controlled joint is within this of its target (rad or m)
     * @param speedTolerance    and every controlled joint moves slower than this (rad/s or m/s)
     * @param timeoutSeconds    simulated time after which the reset gives up and reports itself unsettled
     * @param maxAbsCommand     the PD output (the arm's commanded joint speed, the point mass's force) is clamped to
     *                          ±this and to ±{@link Limits#maxAbsAction()}; the arm's motors add their torque limit
     * @param defaultGains      p, i, d, i_clamp used for every joint when a command's pd_gains is empty
     */
    public record PdResetSettings(double positionTolerance, double speedTolerance, double timeoutSeconds,
                                  double maxAbsCommand, double[] defaultGains) {
        public PdResetSettings {
            if (!(positionTolerance > 0) || !(speedTolerance > 0) || !(timeoutSeconds > 0) || !(maxAbsCommand > 0)) {
                throw new IllegalArgumentException("PD reset positionTolerance, speedTolerance, timeoutSeconds, "
                        + "maxAbsCommand must be > 0, got " + positionTolerance + ", " + speedTolerance + ", "
                        + timeoutSeconds + ", " + maxAbsCommand);
            }
            defaultGains = defaultGains.clone();
            checkGains(defaultGains, 1, "PD reset defaultGains");
        }

        /** 1e-3 rad and 1e-2 rad/s within 10 s, commands up to ±5, gains p 4, i 0, d 0.1, i_clamp 0. */
        public static PdResetSettings defaults() {
            return new PdResetSettings(1e-3, 1e-2, 10.0, 5.0, new double[] {4.0, 0.0, 0.1, 0.0});
        }

        @Override
        public double[] defaultGains() {
            return defaultGains.clone();
        }
    }

    /**
     * The outcome of the last reset.
     *
     * @param settled          whether the joints reached the tolerance (always true for an EXACT reset)
     * @param steps            control steps the PD reset ran (0 for EXACT)
     * @param maxPositionError the largest |target − joint| at the end
     * @param maxSpeed         the largest |joint speed| at the end
     */
    public record ResetOutcome(int id, ResetMode mode, boolean settled, int steps, double maxPositionError,
                               double maxSpeed) {
        /** One line for the robot's log. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s reset id %d %s after %d steps: max joint error %.3g, "
                    + "max joint speed %.3g", mode.name().toLowerCase(java.util.Locale.ROOT), id,
                    settled ? "settled" : "did NOT settle (timed out)", steps, maxPositionError, maxSpeed);
        }
    }

    /**
     * Time spent in the network per control step of the last network trial (gathering the observation, normalising,
     * predicting, adding the noise), in microseconds.
     *
     * @param steps     control steps measured
     * @param restored  whether the trial restored its network (false: the previous trial's, reused)
     */
    public record InferenceTiming(int steps, double p50Micros, double p99Micros, double maxMicros, double meanMicros,
                                  boolean restored) {
        static InferenceTiming of(long[] nanos, int steps, boolean restored) {
            if (steps == 0) {
                return new InferenceTiming(0, 0, 0, 0, 0, restored);
            }
            long[] sorted = Arrays.copyOf(nanos, steps);
            Arrays.sort(sorted);
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            int p50 = Math.min(steps - 1, (int) Math.ceil(0.50 * steps) - 1);
            int p99 = Math.min(steps - 1, (int) Math.ceil(0.99 * steps) - 1);
            return new InferenceTiming(steps, sorted[Math.max(0, p50)] / 1e3, sorted[Math.max(0, p99)] / 1e3,
                    sorted[steps - 1] / 1e3, sum / steps / 1e3, restored);
        }

        /** One line for the robot's log. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "network inference per step: p50 %.1f µs, p99 %.1f µs, max "
                    + "%.1f µs, mean %.1f µs over %d steps (%s)", p50Micros, p99Micros, maxMicros, meanMicros, steps,
                    restored ? "network restored" : "cached network");
        }
    }

    private static final double CONDITION_MATCH = 1e-9;

    private final SimTask task;
    private final Limits limits;
    private final ResetMode resetMode;
    private final PdResetSettings pdSettings;
    private final int stateDim;
    private final SensorLayout layout;
    private final int extraDim;
    /** Each condition's x0, computed once (a peg task builds a Bullet world for it). */
    private final double[][] conditionStates;
    private final NetworkController.NetworkCache networks = new NetworkController.NetworkCache();
    private SimWorld world;
    /** The condition whose surroundings (the peg's hole) the world has. */
    private int environment;
    /** The first-sensor target the world was built at, while it is fresh from that reset (nothing stepped). */
    private double[] freshTarget;
    private InferenceTiming lastInference;
    /** The camera frame of the current trial step, or null (cleared whenever the world moves). */
    private org.gpsros.image.RgbFrame stepFrame;
    private boolean inTrial;
    private org.gpsros.image.ImagePreprocessor cameraPreprocessor;
    private final double[] state;
    private String lastSafetyStop;
    private StepTiming lastTiming;
    private ResetOutcome lastReset;

    /** A robot with {@link ResetMode#EXACT} resets. */
    public SimRobot(SimTask task, Limits limits) {
        this(task, limits, ResetMode.EXACT, PdResetSettings.defaults());
    }

    public SimRobot(SimTask task, Limits limits, ResetMode resetMode, PdResetSettings pdSettings) {
        this.task = task;
        this.limits = limits;
        this.resetMode = resetMode;
        this.pdSettings = pdSettings;
        this.layout = task.stateLayout();
        this.stateDim = layout.dimension();
        this.extraDim = task.extraSensorLayout().dimension();
        this.state = new double[stateDim];
        this.conditionStates = new double[task.conditionCount()][];
        for (int c = 0; c < conditionStates.length; c++) {
            conditionStates[c] = task.initialState(c);
        }
        this.world = task.newWorld(0);
        this.freshTarget = resetTarget(task, 0);
        world.readState(state);
    }

    /** Closes the world (on the thread that created this robot). Idempotent. */
    public void close() {
        if (cameraPreprocessor != null) {
            cameraPreprocessor.close();
            cameraPreprocessor = null;
        }
        if (world != null) {
            world.close();
            world = null;
        }
    }

    /** Timing of the network in the control loop of the last network trial, or null. */
    public InferenceTiming lastInference() {
        return lastInference;
    }

    /** The condition whose surroundings (the peg's hole) the world has now. */
    public int environment() {
        return environment;
    }

    private void replaceWorld(SimWorld next) {
        stepFrame = null;
        inTrial = false;
        SimWorld old = world;
        world = next;
        if (old != null && old != next) {
            old.close();
        }
    }

    public SimTask task() {
        return task;
    }

    /**
     * The task's camera view of the world as it is now (during a trial's {@link StepListener} call: of the state just
     * recorded), rendered at width×height.
     *
     * @throws UnsupportedOperationException if the task has no camera
     */
    public org.gpsros.image.RgbFrame renderCamera(int width, int height) {
        if (inTrial && width == height) {
            return stepFrame(width);
        }
        return world.renderCamera(width, height);
    }

    /** The camera's frame of the current step, rendered once per step (for the network and the camera topic). */
    private org.gpsros.image.RgbFrame stepFrame(int side) {
        if (stepFrame == null || stepFrame.width() != side) {
            stepFrame = world.renderCamera(side, side);
        }
        return stepFrame;
    }

    /** The current packed state (a copy). */
    public double[] state() {
        return state.clone();
    }

    /** Why the last trial stopped early, or null if it ran to the end. */
    public String lastSafetyStop() {
        return lastSafetyStop;
    }

    /** Step timing of the last real-time trial, or null. */
    public StepTiming lastTiming() {
        return lastTiming;
    }

    /** The outcome of the last JOINT_SPACE reset, or null. */
    public ResetOutcome lastReset() {
        return lastReset;
    }

    public ResetMode resetMode() {
        return resetMode;
    }

    /**
     * PositionCommand: JOINT_SPACE (mode 1) puts the world at rest at the target. For the simulator {@code data} holds
     * the values of the task's first state sensor (the arm's joint angles, the point mass's position); the rest of the
     * state starts at rest. A target equal (1e-9) to a condition's x0 restores exactly that condition's world. Modes 0
     * (no control) and 2 (task space, not implemented by the reference either) leave the world as it is.
     *
     * <p>In {@link ResetMode#PD} the world is not rebuilt: see {@link #pdReset}. Either way {@link #lastReset()} tells
     * whether the robot settled, and the returned SampleResult holds the state actually reached.
     *
     * @return the 1-step SampleResult of the state after the reset
     * @throws IllegalArgumentException if the target has the wrong size or breaks the task's conventions, or (PD) the
     *                                  pd_gains are not 4 finite, non-negative numbers per joint
     */
    public SampleResult reset(PositionCommand command) {
        if (command.mode() == 1) {
            if (resetMode == ResetMode.PD) {
                lastReset = pdReset(command);
            } else {
                double[] target = command.data().clone();
                replaceWorld(worldAt(target, environment));
                world.readState(state);
                freshTarget = target;
                lastReset = new ResetOutcome(command.id(), ResetMode.EXACT, true, 0, 0.0, 0.0);
            }
        }
        return currentData(command.id());
    }

    /**
     * PD reset: from the current world, at the control rate (one physics step of the task's time step each), command
     * u_j = p e_j + i clamp(Σ e_j dt, ±i_clamp) − d v_j per controlled joint j (e = target − position, v its speed),
     * clamped to ±min({@link PdResetSettings#maxAbsCommand()}, {@link Limits#maxAbsAction()}); for the arm u is the
     * motor speed (the motors' torque limit applies), for the point mass the force. Stops when every |e_j| and |v_j| is
     * below the tolerances, or unsettled after the timeout. The controlled joints are the first actionDim values of
     * the first state sensor and their speeds the first actionDim values of the second; further target values (the
     * point mass's z) must equal the current ones. pd_gains: p, i, d, i_clamp per joint (gps_agent_pkg's layout), or
     * empty for the settings' default gains.
     */
    private ResetOutcome pdReset(PositionCommand command) {
        int joints = task.actionDim();
        int first = layout.dims().get(0);
        double[] target = command.data();
        if (target.length != first) {
            throw new IllegalArgumentException("PositionCommand id " + command.id() + ": data has " + target.length
                    + " values; task " + task.name() + " takes its " + layout.sensors().get(0) + " (" + first
                    + " values)");
        }
        if (layout.sensors().size() < 2 || layout.dims().get(1) < joints || first < joints) {
            throw new IllegalArgumentException("task " + task.name() + " has no joint positions and speeds for a PD "
                    + "reset; use reset_mode exact");
        }
        for (int j = joints; j < first; j++) {
            if (!(Math.abs(target[j] - state[j]) <= CONDITION_MATCH)) {
                throw new IllegalArgumentException("PositionCommand id " + command.id() + ": data[" + j + "] = "
                        + target[j] + " is not controlled by a PD reset of " + task.name() + " and must stay "
                        + state[j]);
            }
        }
        double[] gains = command.pd_gains();
        if (gains.length == 0) {
            double[] one = pdSettings.defaultGains();
            gains = new double[4 * joints];
            for (int j = 0; j < joints; j++) {
                System.arraycopy(one, 0, gains, 4 * j, 4);
            }
        }
        checkGains(gains, joints, "PositionCommand id " + command.id() + ": pd_gains");
        int speedOffset = layout.dims().get(0);
        double dt = task.timeStep();
        double maxCommand = Math.min(pdSettings.maxAbsCommand(), limits.maxAbsAction());
        int maxSteps = (int) Math.ceil(pdSettings.timeoutSeconds() / dt);
        double[] integral = new double[joints];
        double[] u = new double[joints];
        double[] next = new double[stateDim];
        int steps = 0;
        while (true) {
            double maxError = 0;
            double maxSpeed = 0;
            for (int j = 0; j < joints; j++) {
                maxError = Math.max(maxError, Math.abs(target[j] - state[j]));
                maxSpeed = Math.max(maxSpeed, Math.abs(state[speedOffset + j]));
            }
            boolean settled = maxError < pdSettings.positionTolerance() && maxSpeed < pdSettings.speedTolerance();
            if (settled || steps >= maxSteps) {
                return new ResetOutcome(command.id(), ResetMode.PD, settled, steps, maxError, maxSpeed);
            }
            for (int j = 0; j < joints; j++) {
                double p = gains[4 * j];
                double i = gains[4 * j + 1];
                double d = gains[4 * j + 2];
                double iClamp = gains[4 * j + 3];
                double error = target[j] - state[j];
                integral[j] = Math.max(-iClamp, Math.min(iClamp, integral[j] + error * dt));
                double value = p * error + i * integral[j] - d * state[speedOffset + j];
                u[j] = Math.max(-maxCommand, Math.min(maxCommand, value));
            }
            freshTarget = null;
            world.step(u);
            world.readState(next);
            steps++;
            String violation = stateViolation(next);
            if (violation == null) {
                System.arraycopy(next, 0, state, 0, stateDim);
            } else {
                // The world is rebuilt at rest at the last good state, as after a trial's safety stop.
                replaceWorld(worldAtRest());
                throw new IllegalStateException("PD reset id " + command.id() + " stopped after step " + steps + ": "
                        + violation);
            }
        }
    }

    private static void checkGains(double[] gains, int joints, String what) {
        if (gains.length != 4 * joints) {
            throw new IllegalArgumentException(what + " has " + gains.length + " values; it needs 4 per joint (p, i, "
                    + "d, i_clamp) for " + joints + " joint" + (joints == 1 ? "" : "s") + ": " + 4 * joints);
        }
        String[] names = {"p", "i", "d", "i_clamp"};
        for (int k = 0; k < gains.length; k++) {
            if (!Double.isFinite(gains[k]) || gains[k] < 0) {
                throw new IllegalArgumentException(what + ": " + names[k % 4] + " of joint " + k / 4 + " is "
                        + gains[k] + "; gains must be finite and >= 0");
            }
        }
        for (int j = 0; j < joints; j++) {
            if (gains[4 * j] == 0 && gains[4 * j + 1] == 0) {
                throw new IllegalArgumentException(what + ": joint " + j + " has p = 0 and i = 0, so it would never "
                        + "move toward its target");
            }
        }
    }

    /** The state's first sensor values of condition {@code condition}: what a PositionCommand sends to reset it. */
    public static double[] resetTarget(SimTask task, int condition) {
        return Arrays.copyOf(task.initialState(condition), task.stateLayout().dims().get(0));
    }

    /**
     * A fresh world at rest at {@code target} (the first state sensor's values): condition {@code preferred}'s own
     * world if its x0 starts there, else that of the first condition that does, else ({@link TargetConditions}: peg and visual tasks) {@code preferred}'s
     * hole with the arm at the target angles, else a world of the task built with the target as its x0. Sets
     * {@link #environment} to the condition whose surroundings the world has.
     */
    private SimWorld worldAt(double[] target, int preferred) {
        int first = layout.dims().get(0);
        if (target.length != first) {
            throw new IllegalArgumentException("PositionCommand.data has " + target.length + " values; task "
                    + task.name() + " takes its " + layout.sensors().get(0) + " (" + first + " values)");
        }
        if (startsAt(preferred, target)) {
            environment = preferred;
            return task.newWorld(preferred);
        }
        for (int c = 0; c < conditionStates.length; c++) {
            if (startsAt(c, target)) {
                environment = c;
                return task.newWorld(c);
            }
        }
        if (task instanceof TargetConditions shared) {
            environment = preferred;
            return shared.newWorld(preferred, target);
        }
        double[] x0 = new double[stateDim];
        System.arraycopy(target, 0, x0, 0, first);
        SimTask moved = SimTasks.create(task.name(), new SimTaskOptions(task.horizon(), List.of(x0)));
        return moved.newWorld(0);
    }

    private boolean startsAt(int condition, double[] target) {
        double[] x0 = conditionStates[condition];
        for (int i = 0; i < target.length; i++) {
            if (!(Math.abs(x0[i] - target[i]) <= CONDITION_MATCH)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The condition a TrialCommand's ee_points_tgt names on a task whose conditions share their start (the peg's hole
     * positions, visual_reacher's targets: {@link TargetConditions}), or -1 where the task does not use them.
     */
    private int environmentOf(TrialCommand command) {
        double[] targets = command.ee_points_tgt();
        if (!(task instanceof TargetConditions peg) || targets.length == 0) {
            return -1;
        }
        for (int c = 0; c < conditionStates.length; c++) {
            double[] points = peg.targetPoints(c);
            boolean same = points.length == targets.length;
            for (int i = 0; same && i < points.length; i++) {
                same = Math.abs(points[i] - targets[i]) <= CONDITION_MATCH;
            }
            if (same) {
                return c;
            }
        }
        throw new IllegalArgumentException("TrialCommand id " + command.id() + ": ee_points_tgt "
                + Arrays.toString(targets) + " are no condition's targets of task " + task.name());
    }

    /** RelaxCommand / DataRequest: the 1-step SampleResult of the current state (the sim needs no relaxing). */
    public SampleResult currentData(int id) {
        double[][] one = {state.clone()};
        return new SampleResult(id, stateEntries(one, 1));
    }

    /**
     * Runs a trial of a linear-Gaussian controller (controller_to_execute 0).
     *
     * @see #trial(TrialCommand, NetworkPolicy, boolean, StepListener)
     */
    public SampleResult trial(TrialCommand command, boolean realTime, StepListener onStep) {
        return trial(command, null, realTime, onStep);
    }

    /**
     * Runs a trial: of the linear-Gaussian controller in the command (controller_to_execute 0), or of the global
     * policy {@code policy} (controller_to_execute 2; its id must be the command's). For a network trial the time in
     * the network per step is measured ({@link #lastInference()}). The trial's actions pass the same safety check
     * whatever the controller: a non-finite action or one beyond {@link Limits#maxAbsAction()} stops it (the world
     * then clamps the arm's torques to its motors' limit, as for every action).
     *
     * @param policy the NetworkPolicy with the command's id for a network trial, else ignored (may be null)
     * @param realTime keep the commanded frequency (sleep until each step's start) instead of running flat out
     * @param onStep called with (t, state) after every recorded state, e.g. to publish joint_states; may be null
     * @throws IllegalArgumentException if the command or the policy does not fit this robot (the message names the
     *     message, the field and the sizes), or the controller kind is not supported
     */
    public SampleResult trial(TrialCommand command, NetworkPolicy policy, boolean realTime, StepListener onStep) {
        byte kind = command.controller().controller_to_execute();
        int horizon = command.T();
        int dU = task.actionDim();
        if (horizon < 1) {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": T must be >= 1, got " + horizon);
        }
        NetworkController network = null;
        NetworkController.Camera networkCamera = null;
        double[] gains = null;
        double[] offsets = null;
        int dX = stateDim;
        if (kind == SampleMessages.LIN_GAUSS_CONTROLLER) {
            LinGaussParams lg = command.controller().lingauss();
            if (lg.dX() != stateDim || lg.dU() != dU) {
                throw new IllegalArgumentException("TrialCommand id " + command.id() + ": dX " + lg.dX() + ", dU "
                        + lg.dU() + " do not fit task " + task.name() + " (dX " + stateDim + ", dU " + dU + ")");
            }
            if (lg.K_t().length != (long) horizon * dU * dX || lg.k_t().length != (long) horizon * dU) {
                throw new IllegalArgumentException("TrialCommand id " + command.id() + ": T " + horizon + " needs "
                        + (long) horizon * dU * dX + " K_t and " + (long) horizon * dU + " k_t values, got "
                        + lg.K_t().length + " and " + lg.k_t().length);
            }
            gains = lg.K_t();
            offsets = lg.k_t();
        } else if (kind == NetworkPolicyMessages.NETWORK_CONTROLLER) {
            if (policy == null || policy.id() != command.id()) {
                throw new IllegalArgumentException("TrialCommand id " + command.id() + " runs a network policy, but "
                        + (policy == null ? "no NetworkPolicy was given" : "the NetworkPolicy has id " + policy.id()));
            }
            int restoresBefore = networks.restores();
            network = new NetworkController(policy, command, layout, task.extraSensorLayout(), dU, networks);
            int side = network.imageSide();
            if (side > 0) {
                // The network sees the frame the camera topic shows, through the same preprocessing as the learner.
                if (cameraPreprocessor == null || cameraPreprocessor.spec().width() != side) {
                    if (cameraPreprocessor != null) {
                        cameraPreprocessor.close();
                    }
                    cameraPreprocessor = new org.gpsros.image.ImagePreprocessor(
                            org.gpsros.image.ImageSpec.of(side, side));
                }
                org.gpsros.image.ImagePreprocessor pre = cameraPreprocessor;
                networkCamera = (o, offset) -> pre.toObservation(stepFrame(side), o, offset);
            }
            lastInference = new InferenceTiming(0, 0, 0, 0, 0, networks.restores() != restoresBefore);
        } else {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": controller_to_execute " + kind
                    + " is not supported by the simulated robot (0, linear-Gaussian, or 2, a NetworkPolicy)");
        }
        checkStateDatatypes(command);
        int wanted = environmentOf(command);
        if (wanted >= 0 && wanted != environment) {
            if (freshTarget == null) {
                throw new IllegalArgumentException("TrialCommand id " + command.id() + ": ee_points_tgt are condition "
                        + wanted + "'s, the world has condition " + environment + "'s hole and the arm has moved "
                        + "since the last reset: send a JOINT_SPACE PositionCommand first");
            }
            replaceWorld(worldAt(freshTarget, wanted));
            world.readState(state);
        }
        double frequency = command.frequency() > 0 ? command.frequency() : 1.0 / task.timeStep();
        long periodNanos = Math.round(1e9 / frequency);
        double[][] states = new double[horizon][stateDim];
        double[][] extras = new double[horizon][extraDim];
        double[][] actions = new double[horizon][dU];
        long[] starts = realTime ? new long[horizon] : null;
        long[] inference = network != null ? new long[horizon] : null;
        long start = System.nanoTime();
        lastSafetyStop = null;
        freshTarget = null;
        int steps = 0;
        int inferred = 0;
        inTrial = true;
        System.arraycopy(state, 0, states[0], 0, stateDim);
        if (extraDim > 0) {
            world.readExtraSensors(extras[0]);
        }
        for (int t = 0; t < horizon; t++) {
            if (realTime) {
                long due = start + t * periodNanos;
                long now;
                while ((now = System.nanoTime()) < due) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new TrialAbortedException("TrialCommand id " + command.id() + " aborted at step " + t
                                + " of " + horizon + ": the robot is shutting down");
                    }
                    LockSupport.parkNanos(due - now);
                }
                starts[t] = now;
            }
            double[] x = states[t];
            stepFrame = null;
            if (onStep != null) {
                onStep.step(t, x);
            }
            double[] u = actions[t];
            if (network != null) {
                long before = System.nanoTime();
                network.act(t, x, extras[t], networkCamera, u);
                inference[inferred++] = System.nanoTime() - before;
            } else {
                int base = t * dU * dX;
                for (int i = 0; i < dU; i++) {
                    double value = offsets[t * dU + i];
                    int row = base + i * dX;
                    for (int j = 0; j < dX; j++) {
                        value += gains[row + j] * x[j];
                    }
                    u[i] = value;
                }
            }
            String violation = actionViolation(u);
            if (violation != null) {
                lastSafetyStop = "trial id " + command.id() + " stopped at step " + t + ": " + violation;
                steps = t;
                break;
            }
            steps = t + 1;
            if (t + 1 < horizon) {
                world.step(u);
                world.readState(states[t + 1]);
                violation = stateViolation(states[t + 1]);
                if (violation != null) {
                    lastSafetyStop = "trial id " + command.id() + " stopped after step " + t + ": " + violation;
                    break;
                }
                if (extraDim > 0) {
                    world.readExtraSensors(extras[t + 1]);
                }
            }
        }
        stepFrame = null;
        inTrial = false;
        if (network != null) {
            lastInference = InferenceTiming.of(inference, inferred, lastInference.restored());
        }
        if (lastSafetyStop != null) {
            replaceWorld(worldAtRest());
        } else {
            System.arraycopy(states[horizon - 1], 0, state, 0, stateDim);
        }
        if (realTime) {
            lastTiming = timing(starts, steps, periodNanos, start);
        }
        List<DataType> entries = stateEntries(states, steps);
        SensorLayout extraLayout = task.extraSensorLayout();
        int offset = 0;
        for (int s = 0; s < extraLayout.sensors().size(); s++) {
            int dim = extraLayout.dims().get(s);
            double[] data = new double[steps * dim];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(extras[t], offset, data, t * dim, dim);
            }
            entries.add(new DataType((byte) extraLayout.sensors().get(s).id(), data, new int[] {steps, dim}));
            offset += dim;
        }
        entries.add(SampleMessages.dataType(SensorType.ACTION, actions, steps));
        return new SampleResult(command.id(), entries);
    }

    /** Called by a trial for every recorded state. */
    @FunctionalInterface
    public interface StepListener {
        void step(int t, double[] state);
    }

    private void checkStateDatatypes(TrialCommand command) {
        byte[] wanted = command.state_datatypes();
        if (wanted.length == 0) {
            return;
        }
        byte[] ours = SampleMessages.sensorIds(layout);
        if (!Arrays.equals(wanted, ours)) {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": state_datatypes "
                    + Arrays.toString(wanted) + " differ from task " + task.name() + "'s state " + layout.sensors()
                    + " " + Arrays.toString(ours));
        }
    }

    private SimWorld worldAtRest() {
        // After a safety stop the world is rebuilt at the last good state's first sensor, at rest.
        double[] target = Arrays.copyOf(state, layout.dims().get(0));
        SimWorld rest = worldAt(target, environment);
        rest.readState(state);
        return rest;
    }

    private String actionViolation(double[] u) {
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(u[i]) || Math.abs(u[i]) > limits.maxAbsAction()) {
                return "action " + i + " is " + u[i] + " (limit ±" + limits.maxAbsAction() + ")";
            }
        }
        return null;
    }

    private String stateViolation(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || Math.abs(x[i]) > limits.maxAbsState()) {
                return "state entry " + i + " is " + x[i] + " (limit ±" + limits.maxAbsState() + ")";
            }
        }
        return null;
    }

    private List<DataType> stateEntries(double[][] states, int steps) {
        List<DataType> entries = new ArrayList<>();
        int offset = 0;
        for (int s = 0; s < layout.sensors().size(); s++) {
            int dim = layout.dims().get(s);
            double[][] values = new double[steps][dim];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(states[t], offset, values[t], 0, dim);
            }
            double[] data = new double[steps * dim];
            for (int t = 0; t < steps; t++) {
                System.arraycopy(values[t], 0, data, t * dim, dim);
            }
            entries.add(new DataType((byte) layout.sensors().get(s).id(), data, new int[] {steps, dim}));
            offset += dim;
        }
        return entries;
    }

    private static StepTiming timing(long[] starts, int steps, long periodNanos, long start) {
        if (steps == 0) {
            return new StepTiming(0, periodNanos / 1e6, 0, 0, 0, 0, 0);
        }
        double[] late = new double[steps];
        for (int t = 0; t < steps; t++) {
            late[t] = (starts[t] - (start + t * periodNanos)) / 1e6;
        }
        double[] sorted = late.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(late).average().orElse(0);
        double meanPeriod = 0;
        double squares = 0;
        if (steps > 1) {
            for (int t = 1; t < steps; t++) {
                meanPeriod += (starts[t] - starts[t - 1]) / 1e6;
            }
            meanPeriod /= steps - 1;
            for (int t = 1; t < steps; t++) {
                double d = (starts[t] - starts[t - 1]) / 1e6 - meanPeriod;
                squares += d * d;
            }
        }
        double std = steps > 1 ? Math.sqrt(squares / (steps - 1)) : 0;
        int p99 = Math.min(steps - 1, (int) Math.ceil(0.99 * steps) - 1);
        return new StepTiming(steps, periodNanos / 1e6, mean, sorted[p99], sorted[steps - 1], meanPeriod, std);
    }
}
