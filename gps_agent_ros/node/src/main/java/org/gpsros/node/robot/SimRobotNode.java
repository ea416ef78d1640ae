package org.gpsros.node.robot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gpsros.msg.gps_msgs.CommandError;
import org.gpsros.msg.gps_msgs.DataRequest;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.RelaxCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.sensor_msgs.JointState;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.runtime.Time;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.NetworkPolicyMessages;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Node;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.names.GraphName;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
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
 * {@code ~reset_timeout} (s), {@code ~reset_max_command}; for the visual tasks {@code ~image_size} (camera frames
 * S×S, default 64: the learner config's {@code task_options.image_size}) and {@code ~distractor} (visual_peg). A PD reset that does not settle is logged as an error and
 * still answered: its SampleResult holds the state actually reached, for the learner to check.
 *
 * <p>Global policies: a TrialCommand with controller_to_execute 2 runs the {@code gps_msgs/NetworkPolicy} with the same
 * id from the network-policy topic. ROS does not order messages across topics, so the trial waits for it up to
 * {@code ~network_policy_timeout} seconds (default 5). The last {@value #KEPT_POLICIES} NetworkPolicies received are
 * kept. The network's time per control step is logged after every network trial (p50/p99, {@link #lastInference()}).
 *
 * <p>A command the robot refuses (sizes that do not fit, an unknown network format, a NetworkPolicy that does not
 * come) is logged as an error and answered on the error topic with a {@code gps_msgs/CommandError} carrying its id and
 * the reason, so the learner fails at once with that reason instead of timing out.
 *
 * <p>Camera: for a task whose observation holds RGB_IMAGE (the visual tasks), every control step of a trial renders
 * the camera's view of the state just recorded ({@link SimRobot#renderCamera}, the observation's image size) and
 * publishes it as a {@code sensor_msgs/Image} (rgb8, frame_id {@value ImageMessages#CAMERA_FRAME}) on the image topic
 * ({@link RobotTopics#image()}, default {@value RobotTopics#DEFAULT_IMAGE}), header.stamp the step's time: the ROS
 * time when the step began (strictly increasing within a trial). The trial's SampleResult then carries these step
 * times ({@link ImageMessages#STEP_TIMES_ID}), so the learner pairs step t with exactly the frame of x_t.
 *
 * <p>The simulated robot, its worlds included, lives on the command thread: it is built there at start and closed
 * there at shutdown.
 */
public final class SimRobotNode implements NodeMain {

    /** NetworkPolicies kept for trials still to come. */
    public static final int KEPT_POLICIES = 8;

    private final String taskName;
    private final SimTask givenTask;
    private final RobotTopics topics;
    private final Boolean realTimeOverride;
    private volatile SimRobot robot;
    private volatile boolean realTime;
    private ExecutorService worker;
    private Publisher<SampleResult> report;
    private Publisher<JointState> jointStates;
    private Publisher<CommandError> errors;
    private Publisher<Image> camera;
    private int cameraSize;
    private int cameraSeq;
    private volatile int framesPublished;
    private final NavigableMap<Integer, NetworkPolicy> policies = new TreeMap<>();
    private volatile long policyTimeoutNanos;
    private volatile SimRobot.InferenceTiming lastInference;
    private volatile int trialsRun;
    private volatile SimRobot.StepTiming lastTiming;
    private int jointSeq;

    /**
     * @param taskName the simulated task, or null to read {@code ~task}
     * @param realTime keep real time (null: read {@code ~real_time}, default false)
     */
    public SimRobotNode(String taskName, Boolean realTime, RobotTopics topics) {
        this.taskName = taskName;
        this.givenTask = null;
        this.realTimeOverride = realTime;
        this.topics = topics;
    }

    /** A robot on a task built by the caller (tests: a task with a test camera). */
    public SimRobotNode(SimTask task, Boolean realTime, RobotTopics topics) {
        this.taskName = task.name();
        this.givenTask = task;
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

    /** Camera frames published so far (0 for a task without a camera). */
    public int framesPublished() {
        return framesPublished;
    }

    /** Step timing of the last real-time trial, or null. */
    public SimRobot.StepTiming lastTiming() {
        return lastTiming;
    }

    /** The network's time per control step in the last network trial, or null. */
    public SimRobot.InferenceTiming lastInference() {
        return lastInference;
    }

    @Override
    public void onStart(ConnectedNode node) {
        String name = taskName != null ? taskName : node.parameters().getString("~task", SimTasks.BOX2D_ARM);
        realTime = realTimeOverride != null ? realTimeOverride : node.parameters().getBoolean("~real_time", false);
        SimRobot.Limits defaults = SimRobot.Limits.defaults();
        SimRobot.Limits limits = new SimRobot.Limits(
                node.parameters().getDouble("~max_abs_action", defaults.maxAbsAction()),
                node.parameters().getDouble("~max_abs_state", defaults.maxAbsState()));
        SimTask task = givenTask != null ? givenTask : SimTasks.create(name, SimTaskOptions.defaults()
                .withImageSize(node.parameters().getInteger("~image_size", SimTaskOptions.DEFAULT_IMAGE_SIZE))
                .withDistractor(node.parameters().getBoolean("~distractor", false)));
        SimRobot.ResetMode resetMode = SimRobot.ResetMode.parse(node.parameters().getString("~reset_mode", "exact"));
        SimRobot.PdResetSettings pd = SimRobot.PdResetSettings.defaults();
        pd = new SimRobot.PdResetSettings(node.parameters().getDouble("~reset_tolerance", pd.positionTolerance()),
                node.parameters().getDouble("~reset_speed_tolerance", pd.speedTolerance()),
                node.parameters().getDouble("~reset_timeout", pd.timeoutSeconds()),
                node.parameters().getDouble("~reset_max_command", pd.maxAbsCommand()), pd.defaultGains());
        double policyTimeout = node.parameters().getDouble("~network_policy_timeout", 5.0);
        if (!(policyTimeout > 0)) {
            throw new IllegalArgumentException(node.resolveName("~network_policy_timeout") + " must be > 0, got "
                    + policyTimeout);
        }
        policyTimeoutNanos = Math.round(policyTimeout * 1e9);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "gps-sim-robot");
            thread.setDaemon(true);
            return thread;
        });
        SimRobot.PdResetSettings pdSettings = pd;
        try {
            // Built on the command thread: its (Bullet) worlds must be made and closed on one thread.
            robot = worker.submit(() -> new SimRobot(task, limits, resetMode, pdSettings)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the simulated robot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot build the simulated robot of task " + name + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        report = node.newPublisher(topics.report(), SampleResult.TYPE, false, 100);
        errors = node.newPublisher(topics.error(), CommandError.TYPE, false, 100);
        jointStates = node.newPublisher("joint_states", JointState.TYPE, false, 100);
        cameraSize = ImageMessages.imageSize(task.observationLayout());
        if (cameraSize > 0) {
            camera = node.newPublisher(topics.image(), Image.TYPE, false, 2 * task.horizon());
        }
        node.newSubscriber(topics.networkPolicy(), NetworkPolicy.TYPE, this::receivePolicy, 10);
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
            } catch (SimRobot.TrialAbortedException e) {
                // Like a robot that is switched off mid-trial: no report (the learner times out and pauses).
                node.log().log(System.Logger.Level.WARNING, "gps_sim_robot: " + e.getMessage());
            } catch (RuntimeException e) {
                // gps_agent_pkg's protocol has no error reply: log it and answer on our error topic.
                node.log().log(System.Logger.Level.ERROR, "gps_sim_robot: " + what + " id " + id + " refused: "
                        + e.getMessage());
                errors.publish(new CommandError(id, what, String.valueOf(e.getMessage())));
            }
        });
    }

    private void receivePolicy(NetworkPolicy policy) {
        synchronized (policies) {
            policies.put(policy.id(), policy);
            while (policies.size() > KEPT_POLICIES) {
                policies.pollFirstEntry();
            }
            policies.notifyAll();
        }
    }

    /** The NetworkPolicy with {@code id}, waiting up to the timeout for it; it is then removed. */
    private NetworkPolicy awaitPolicy(int id) {
        long deadline = System.nanoTime() + policyTimeoutNanos;
        synchronized (policies) {
            while (true) {
                NetworkPolicy policy = policies.remove(id);
                if (policy != null) {
                    return policy;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalArgumentException("TrialCommand id " + id + " runs a network policy, but no "
                            + "NetworkPolicy with id " + id + " arrived on " + topics.networkPolicy() + " within "
                            + policyTimeoutNanos / 1e9 + " s (ids waiting: " + policies.keySet() + ")");
                }
                try {
                    policies.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for NetworkPolicy id " + id);
                }
            }
        }
    }

    private SampleResult trial(ConnectedNode node, TrialCommand command) {
        NetworkPolicy policy = command.controller().controller_to_execute() == NetworkPolicyMessages.NETWORK_CONTROLLER
                ? awaitPolicy(command.id()) : null;
        Time[] stepTimes = new Time[Math.max(0, command.T())];
        SampleResult result = robot.trial(command, policy, realTime, (t, x) -> {
            publishJoints(node, x);
            if (camera != null) {
                stepTimes[t] = stepTime(node, t == 0 ? null : stepTimes[t - 1]);
                publishFrame(stepTimes[t]);
            }
        });
        if (camera != null) {
            int steps = stepsOf(result);
            result = ImageMessages.withStepTimes(result, stepTimes, steps);
        }
        trialsRun++;
        if (policy != null && robot.lastInference() != null) {
            lastInference = robot.lastInference();
            node.log().log(System.Logger.Level.INFO, "gps_sim_robot: trial id " + command.id() + " (NetworkPolicy of "
                    + "iteration " + policy.iteration() + "): " + lastInference.describe());
        }
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

    /** The ROS time now, later than {@code previous} by at least 1 ns. */
    private static Time stepTime(ConnectedNode node, Time previous) {
        Time now = node.now();
        if (previous != null && now.compareTo(previous) <= 0) {
            return Time.fromNanos(previous.toNanos() + 1);
        }
        return now;
    }

    private void publishFrame(Time stamp) {
        RgbFrame frame = robot.renderCamera(cameraSize, cameraSize);
        camera.publish(ImageMessages.toMessage(frame, new Header(cameraSeq++, stamp, ImageMessages.CAMERA_FRAME)));
        framesPublished++;
    }

    /** Steps a trial's result covers (fewer than T after a safety stop). */
    private static int stepsOf(SampleResult result) {
        for (var entry : result.sensor_data()) {
            if (entry.data_type() == SensorType.ACTION.id()) {
                return entry.shape()[0];
            }
        }
        return 0;
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
            SimRobot built = robot;
            if (built != null) {
                worker.execute(built::close);
            }
            worker.shutdown();
            try {
                worker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.shutdownNow();
            try {
                worker.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
