package org.gpsros.node.robot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.gpsros.sim.SimWorld;

/**
 * The robot side of gps_agent_pkg's protocol on one simulated world, without ROS (the node wraps it): trials of a
 * linear-Gaussian controller, resets, relax and data requests, each answered with a SampleResult carrying the
 * command's id (reference study §4.4; the reference never filled the id). Not thread-safe: the node runs every command
 * on one thread.
 *
 * <p>A trial records, as {@link SimAgent} does, the state at t = 0, then for every step u_t = K_t x_t + k_t and, while
 * t + 1 &lt; T, one physics step; the SampleResult holds every state sensor and ACTION, shape [T, dim]. The sum
 * {@code k_t + Σ_j K_t[u, j] x_j} runs in the order of {@code LinearGaussianPolicy.act}, so a trial equals
 * {@code SimAgent.sample} of the same controller with the noise folded into k_t bit for bit.
 *
 * <p>Safety: an action that is not finite or beyond {@link Limits#maxAbsAction()}, or a state that is not finite or
 * beyond {@link Limits#maxAbsState()}, stops the trial at once; the SampleResult then covers only the steps done
 * (shape [t, dim]), which the learner reports as a cut-short trial, and the world is left at rest until the next
 * reset.
 */
public final class SimRobot {

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

    private static final double CONDITION_MATCH = 1e-9;

    private final SimTask task;
    private final Limits limits;
    private final int stateDim;
    private final SensorLayout layout;
    private SimWorld world;
    private final double[] state;
    private String lastSafetyStop;
    private StepTiming lastTiming;

    public SimRobot(SimTask task, Limits limits) {
        this.task = task;
        this.limits = limits;
        this.layout = task.stateLayout();
        this.stateDim = layout.dimension();
        this.state = new double[stateDim];
        this.world = task.newWorld(0);
        world.readState(state);
    }

    public SimTask task() {
        return task;
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

    /**
     * PositionCommand: JOINT_SPACE (mode 1) puts the world at rest at the target. For the simulator {@code data} holds
     * the values of the task's first state sensor (the arm's joint angles, the point mass's position); the rest of the
     * state starts at rest. A target equal (1e-9) to a condition's x0 restores exactly that condition's world. Modes 0
     * (no control) and 2 (task space, not implemented by the reference either) leave the world as it is.
     *
     * @return the 1-step SampleResult of the state after the reset
     * @throws IllegalArgumentException if the target has the wrong size or breaks the task's conventions
     */
    public SampleResult reset(PositionCommand command) {
        if (command.mode() == 1) {
            world = worldAt(command.data());
            world.readState(state);
        }
        return currentData(command.id());
    }

    /** The state's first sensor values of condition {@code condition}: what a PositionCommand sends to reset it. */
    public static double[] resetTarget(SimTask task, int condition) {
        return Arrays.copyOf(task.initialState(condition), task.stateLayout().dims().get(0));
    }

    private SimWorld worldAt(double[] target) {
        int first = layout.dims().get(0);
        if (target.length != first) {
            throw new IllegalArgumentException("PositionCommand.data has " + target.length + " values; task "
                    + task.name() + " takes its " + layout.sensors().get(0) + " (" + first + " values)");
        }
        for (int c = 0; c < task.conditionCount(); c++) {
            double[] x0 = task.initialState(c);
            boolean same = true;
            for (int i = 0; i < first; i++) {
                same &= Math.abs(x0[i] - target[i]) <= CONDITION_MATCH;
            }
            if (same) {
                return task.newWorld(c);
            }
        }
        double[] x0 = new double[stateDim];
        System.arraycopy(target, 0, x0, 0, first);
        SimTask moved = SimTasks.create(task.name(), new SimTaskOptions(task.horizon(), List.of(x0)));
        return moved.newWorld(0);
    }

    /** RelaxCommand / DataRequest: the 1-step SampleResult of the current state (the sim needs no relaxing). */
    public SampleResult currentData(int id) {
        double[][] one = {state.clone()};
        return new SampleResult(id, stateEntries(one, 1));
    }

    /**
     * Runs a trial of a linear-Gaussian controller.
     *
     * @param realTime keep the commanded frequency (sleep until each step's start) instead of running flat out
     * @param onStep called with (t, state) after every recorded state, e.g. to publish joint_states; may be null
     * @throws IllegalArgumentException if the command is not a linear-Gaussian controller of this task's sizes
     */
    public SampleResult trial(TrialCommand command, boolean realTime, StepListener onStep) {
        if (command.controller().controller_to_execute() != SampleMessages.LIN_GAUSS_CONTROLLER) {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": controller_to_execute "
                    + command.controller().controller_to_execute() + " is not supported by the simulated robot "
                    + "(only 0, linear-Gaussian)");
        }
        LinGaussParams lg = command.controller().lingauss();
        int horizon = command.T();
        int dX = lg.dX();
        int dU = lg.dU();
        if (dX != stateDim || dU != task.actionDim()) {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": dX " + dX + ", dU " + dU
                    + " do not fit task " + task.name() + " (dX " + stateDim + ", dU " + task.actionDim() + ")");
        }
        if (horizon < 1 || lg.K_t().length != (long) horizon * dU * dX || lg.k_t().length != (long) horizon * dU) {
            throw new IllegalArgumentException("TrialCommand id " + command.id() + ": T " + horizon + " needs "
                    + (long) horizon * dU * dX + " K_t and " + (long) horizon * dU + " k_t values, got "
                    + lg.K_t().length + " and " + lg.k_t().length);
        }
        checkStateDatatypes(command);
        double frequency = command.frequency() > 0 ? command.frequency() : 1.0 / task.timeStep();
        long periodNanos = Math.round(1e9 / frequency);
        double[][] states = new double[horizon][stateDim];
        double[][] actions = new double[horizon][dU];
        double[] gains = lg.K_t();
        double[] offsets = lg.k_t();
        long[] starts = realTime ? new long[horizon] : null;
        long start = System.nanoTime();
        lastSafetyStop = null;
        int steps = 0;
        System.arraycopy(state, 0, states[0], 0, stateDim);
        for (int t = 0; t < horizon; t++) {
            if (realTime) {
                long due = start + t * periodNanos;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                starts[t] = now;
            }
            double[] x = states[t];
            if (onStep != null) {
                onStep.step(t, x);
            }
            double[] u = actions[t];
            int base = t * dU * dX;
            for (int i = 0; i < dU; i++) {
                double value = offsets[t * dU + i];
                int row = base + i * dX;
                for (int j = 0; j < dX; j++) {
                    value += gains[row + j] * x[j];
                }
                u[i] = value;
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
            }
        }
        if (lastSafetyStop != null) {
            world = worldAtRest();
        } else {
            System.arraycopy(states[horizon - 1], 0, state, 0, stateDim);
        }
        if (realTime) {
            lastTiming = timing(starts, steps, periodNanos, start);
        }
        List<DataType> entries = stateEntries(states, steps);
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
        SimWorld rest = worldAt(target);
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
