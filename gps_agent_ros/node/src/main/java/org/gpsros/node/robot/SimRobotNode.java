package org.gpsros.node.robot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gpsros.msg.gps_msgs.DataRequest;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.RelaxCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.sensor_msgs.JointState;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Node;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.names.GraphName;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTasks;

/**
 * The node {@code gps_sim_robot}: a {@link SimRobot} behind gps_agent_pkg's topics (reference study §4.3): it
 * subscribes to the trial, position, relax and data-request commands, answers each on the report topic with the
 * command's id, and publishes {@code joint_states} (sensor_msgs/JointState) after every reset and control step.
 * Commands run one at a time, in arrival order, on one thread.
 *
 * <p>Private parameters: {@code ~task} (when not given on the command line), {@code ~real_time} (false: run trials as
 * fast as the simulation allows; true: keep the commanded frequency), {@code ~max_abs_action}, {@code ~max_abs_state},
 * {@code ~reset_mode} ({@code exact}, the default: a PositionCommand puts the world exactly at the target, samples
 * bit-identical to the in-process simulator; {@code pd}: the joints are driven there under the command's pd_gains, see
 * {@link SimRobot#reset}), and for {@code pd} {@code ~reset_tolerance} (rad), {@code ~reset_speed_tolerance} (rad/s),
 * {@code ~reset_timeout} (s), {@code ~reset_max_command}. A PD reset that does not settle is logged as an error and
 * still answered: its SampleResult holds the state actually reached, for the learner to check.
 */
public final class SimRobotNode implements NodeMain {

    private final String taskName;
    private final RobotTopics topics;
    private final Boolean realTimeOverride;
    private volatile SimRobot robot;
    private volatile boolean realTime;
    private ExecutorService worker;
    private Publisher<SampleResult> report;
    private Publisher<JointState> jointStates;
    private volatile int trialsRun;
    private volatile SimRobot.StepTiming lastTiming;
    private int jointSeq;

    /**
     * @param taskName the simulated task, or null to read {@code ~task}
     * @param realTime keep real time (null: read {@code ~real_time}, default false)
     */
    public SimRobotNode(String taskName, Boolean realTime, RobotTopics topics) {
        this.taskName = taskName;
        this.realTimeOverride = realTime;
        this.topics = topics;
    }

    @Override
    public GraphName defaultNodeName() {
        return GraphName.of("gps_sim_robot");
    }

    /** Number of trials run so far. */
    public int trialsRun() {
        return trialsRun;
    }

    /** Step timing of the last real-time trial, or null. */
    public SimRobot.StepTiming lastTiming() {
        return lastTiming;
    }

    @Override
    public void onStart(ConnectedNode node) {
        String name = taskName != null ? taskName : node.parameters().getString("~task", SimTasks.BOX2D_ARM);
        realTime = realTimeOverride != null ? realTimeOverride : node.parameters().getBoolean("~real_time", false);
        SimRobot.Limits defaults = SimRobot.Limits.defaults();
        SimRobot.Limits limits = new SimRobot.Limits(
                node.parameters().getDouble("~max_abs_action", defaults.maxAbsAction()),
                node.parameters().getDouble("~max_abs_state", defaults.maxAbsState()));
        SimTask task = SimTasks.create(name);
        SimRobot.ResetMode resetMode = SimRobot.ResetMode.parse(node.parameters().getString("~reset_mode", "exact"));
        SimRobot.PdResetSettings pd = SimRobot.PdResetSettings.defaults();
        pd = new SimRobot.PdResetSettings(node.parameters().getDouble("~reset_tolerance", pd.positionTolerance()),
                node.parameters().getDouble("~reset_speed_tolerance", pd.speedTolerance()),
                node.parameters().getDouble("~reset_timeout", pd.timeoutSeconds()),
                node.parameters().getDouble("~reset_max_command", pd.maxAbsCommand()), pd.defaultGains());
        robot = new SimRobot(task, limits, resetMode, pd);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "gps-sim-robot");
            thread.setDaemon(true);
            return thread;
        });
        report = node.newPublisher(topics.report(), SampleResult.TYPE, false, 100);
        jointStates = node.newPublisher("joint_states", JointState.TYPE, false, 100);
        node.newSubscriber(topics.trialCommand(), TrialCommand.TYPE, command -> submit(node, "TrialCommand",
                command.id(), () -> trial(node, command)));
        node.newSubscriber(topics.positionCommand(), PositionCommand.TYPE, command -> submit(node, "PositionCommand",
                command.id(), () -> {
                    SampleResult result = robot.reset(command);
                    SimRobot.ResetOutcome outcome = robot.lastReset();
                    if (command.mode() == 1 && outcome != null && outcome.mode() == SimRobot.ResetMode.PD) {
                        node.log().log(outcome.settled() ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
                                "gps_sim_robot: " + outcome.describe());
                    }
                    publishJoints(node, robot.state());
                    return result;
                }));
        node.newSubscriber(topics.relaxCommand(), RelaxCommand.TYPE, command -> submit(node, "RelaxCommand",
                command.id(), () -> robot.currentData(command.id())));
        node.newSubscriber(topics.dataRequest(), DataRequest.TYPE, command -> submit(node, "DataRequest",
                command.id(), () -> robot.currentData(command.id())));
        publishJoints(node, robot.state());
        node.log().log(System.Logger.Level.INFO, "gps_sim_robot: task " + name + ", " + (realTime ? "real time"
                : "as fast as the simulation allows") + ", " + resetMode.name().toLowerCase(Locale.ROOT)
                + " resets, reporting on " + topics.report());
    }

    private interface Command {
        SampleResult run();
    }

    private void submit(ConnectedNode node, String what, int id, Command command) {
        worker.execute(() -> {
            try {
                report.publish(command.run());
            } catch (RuntimeException e) {
                // The protocol has no error reply: log it; the learner times out waiting for this id.
                node.log().log(System.Logger.Level.ERROR, "gps_sim_robot: " + what + " id " + id + " refused: "
                        + e.getMessage());
            }
        });
    }

    private SampleResult trial(ConnectedNode node, TrialCommand command) {
        SampleResult result = robot.trial(command, realTime, (t, x) -> publishJoints(node, x));
        trialsRun++;
        if (robot.lastSafetyStop() != null) {
            node.log().log(System.Logger.Level.ERROR, "gps_sim_robot: safety stop: " + robot.lastSafetyStop());
        }
        if (realTime && robot.lastTiming() != null) {
            lastTiming = robot.lastTiming();
            SimRobot.StepTiming timing = lastTiming;
            node.log().log(System.Logger.Level.INFO, String.format(Locale.ROOT, "gps_sim_robot: trial id %d: %d steps "
                    + "at %.1f ms, start lateness mean %.3f ms, p99 %.3f ms, max %.3f ms; period %.3f ± %.3f ms",
                    command.id(), timing.steps(), timing.periodMs(), timing.meanLatenessMs(), timing.p99LatenessMs(),
                    timing.maxLatenessMs(), timing.meanPeriodMs(), timing.stdPeriodMs()));
        }
        return result;
    }

    private void publishJoints(ConnectedNode node, double[] x) {
        SensorLayout layout = robot.task().stateLayout();
        List<String> names = new ArrayList<>();
        double[] position;
        double[] velocity;
        if (layout.contains(SensorType.JOINT_ANGLES)) {
            int n = layout.dimensionOf(SensorType.JOINT_ANGLES);
            position = slice(x, layout.offsetOf(SensorType.JOINT_ANGLES), n);
            velocity = layout.contains(SensorType.JOINT_VELOCITIES)
                    ? slice(x, layout.offsetOf(SensorType.JOINT_VELOCITIES), n) : new double[0];
            for (int i = 0; i < n; i++) {
                names.add("joint_" + i);
            }
        } else {
            // The point mass has no joints: its planar position as two prismatic "joints" x and y.
            position = slice(x, layout.offsetOf(SensorType.END_EFFECTOR_POINTS), 2);
            velocity = layout.contains(SensorType.END_EFFECTOR_POINT_VELOCITIES)
                    ? slice(x, layout.offsetOf(SensorType.END_EFFECTOR_POINT_VELOCITIES), 2) : new double[0];
            names.add("x");
            names.add("y");
        }
        Header header = new Header(jointSeq++, node.now(), "");
        jointStates.publish(new JointState(header, names, position, velocity, new double[0]));
    }

    private static double[] slice(double[] x, int offset, int n) {
        double[] out = new double[n];
        System.arraycopy(x, offset, out, 0, n);
        return out;
    }

    @Override
    public void onShutdown(Node node) {
        if (worker != null) {
            worker.shutdownNow();
            try {
                worker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
