package org.gpsros.node.agent;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.gpsros.agent.Agent;
import org.gpsros.msg.gps_msgs.CommandError;
import org.gpsros.msg.gps_msgs.DataRequest;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.RelaxCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import java.util.EnumMap;
import org.gpsros.msg.runtime.Time;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.RobotProtocolException;
import org.gpsros.sample.SensorType;
import org.gpsros.node.protocol.NetworkPolicyMessages;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.Policy;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.Subscriber;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sim.TargetConditions;
import org.gpsros.sim.SimTask;
import org.gpsros.node.robot.SimRobot;
import org.gpsros.node.protocol.RobotTopics;

/**
 * An {@link Agent} that samples a robot running gps_agent_pkg's protocol (reference {@code AgentROS}, study §4.4):
 * {@link #sample} resets with a PositionCommand, sends a TrialCommand of the linear-Gaussian controller with the noise
 * folded into k_t, and turns the SampleResult whose id matches into a {@link Sample}; the noise is recorded
 * learner-side as NOISE. Unlike the reference, every command carries a fresh id and only a result with that id
 * answers it; others are counted ({@link #unmatchedResults()}) and dropped. One command is in flight at a time
 * (methods are synchronized), so the training loop and the node's services can share the agent.
 *
 * <p>A {@link GaussianGlobalPolicy} is sampled as gps_agent_pkg ran networks (study §4.5): a {@code gps_msgs/
 * NetworkPolicy} (network, normalisation, noise √v ⊙ ε) on the network-policy topic, then a TrialCommand with
 * controller_to_execute 2 and the same id; the robot waits for the policy of that id. A robot that refuses a command
 * and says so on the error topic ({@code gps_msgs/CommandError}, the simulated robot does) makes the command fail at
 * once with a {@link RobotCommandRefusedException} naming the robot's reason.
 *
 * <p>Camera (a task whose observation holds RGB_IMAGE, Levine et al. 2016 §5): the agent subscribes to
 * {@link RobotTopics#image()} and fills each sample's RGB_IMAGE and RGB_IMAGE_SIZE ({3, H, W} per step) from it,
 * step t's frame being the newest frame not after the step's time ({@link CameraFrames}). The step times are the ones
 * the robot reports in its SampleResult ({@link ImageMessages#STEP_TIMES_ID}; the simulated robot does, stamping the
 * frame of x_t with exactly that time). A robot that reports none (gps_agent_pkg) is taken to have run its steps at
 * the command's period, its report sent on the control tick after the last step (gps_agent_pkg's plugin publishes it
 * when the update after step T − 1 finds the trial finished): τ_t = (ROS time at arrival) − (T − t)·Δt. A step without a
 * frame fails the sample with a {@link RobotProtocolException} naming the topic and how many frames arrived.
 */
public final class RosAgent implements Agent, AutoCloseable {

    private final ConnectedNode node;
    private final RosAgentConfig config;
    private final BiFunction<Sample, Integer, Double> finalDistance;
    private final Publisher<TrialCommand> trials;
    private final Publisher<PositionCommand> positions;
    private final Publisher<RelaxCommand> relaxes;
    private final Publisher<DataRequest> dataRequests;
    private final Publisher<NetworkPolicy> networkPolicies;
    private final Subscriber<SampleResult> reports;
    private final Subscriber<CommandError> errors;
    private final CameraFrames camera;
    private volatile boolean errorTopicAwaited;
    private volatile int policyIteration = -1;
    private final Map<Integer, CompletableFuture<SampleResult>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    /**
     * @param finalDistance the task's success distance of a sample of a condition
     */
    public RosAgent(ConnectedNode node, RosAgentConfig config, BiFunction<Sample, Integer, Double> finalDistance) {
        this(node, config, finalDistance, CameraConfig.forLayout(config.observationLayout(), config.timeStep()));
    }

    /**
     * @param finalDistance the task's success distance of a sample of a condition
     * @param camera how camera frames become RGB_IMAGE, or null for a task without a camera
     * @throws IllegalArgumentException if the observation has an RGB_IMAGE and no camera is given, or the camera's
     *     size is not the observation's image size
     */
    public RosAgent(ConnectedNode node, RosAgentConfig config, BiFunction<Sample, Integer, Double> finalDistance,
                    CameraConfig camera) {
        int side = ImageMessages.imageSize(config.observationLayout());
        if (side > 0 && (camera == null || camera.spec().width() != side || camera.spec().height() != side)) {
            throw new IllegalArgumentException("the observation holds a " + side + "x" + side + " RGB_IMAGE, the "
                    + "camera config gives " + (camera == null ? "none" : camera.spec().width() + "x"
                    + camera.spec().height()));
        }
        this.node = node;
        this.config = config;
        this.finalDistance = finalDistance;
        RobotTopics topics = config.topics();
        trials = node.newPublisher(topics.trialCommand(), TrialCommand.TYPE, false, 10);
        positions = node.newPublisher(topics.positionCommand(), PositionCommand.TYPE, false, 10);
        relaxes = node.newPublisher(topics.relaxCommand(), RelaxCommand.TYPE, false, 10);
        dataRequests = node.newPublisher(topics.dataRequest(), DataRequest.TYPE, false, 10);
        networkPolicies = node.newPublisher(topics.networkPolicy(), NetworkPolicy.TYPE, false, 10);
        reports = node.newSubscriber(topics.report(), SampleResult.TYPE, this::onReport, 100);
        errors = node.newSubscriber(topics.error(), CommandError.TYPE, this::onError, 100);
        this.camera = side > 0 ? new CameraFrames(node, topics.image(), camera, config.horizon()) : null;
    }

    /** Camera frames received so far (0 without a camera). */
    public long cameraFramesReceived() {
        return camera == null ? 0 : camera.received();
    }

    /** The sample of a trial's result, with RGB_IMAGE and RGB_IMAGE_SIZE from the camera topic if the task has one. */
    private Sample toSample(SampleResult result, double[][] noise) {
        if (camera == null) {
            return SampleMessages.toSample(result, stateLayout(), observationLayout(), horizon(), actionDim(), noise);
        }
        Time arrived = node.now();
        Time[] stepTimes = ImageMessages.stepTimes(result);
        if (stepTimes == null) {
            long period = Math.round(timeStep() * 1e9);
            stepTimes = new Time[horizon()];
            for (int t = 0; t < horizon(); t++) {
                stepTimes[t] = Time.fromNanos(arrived.toNanos() - (long) (horizon() - t) * period);
            }
        } else if (stepTimes.length != horizon()) {
            // Cut short (safety stop): toSample names it on the first state sensor.
            return SampleMessages.toSample(result, stateLayout(), observationLayout(), horizon(), actionDim(), noise);
        }
        double[][] images = camera.align(stepTimes, result.id());
        double[][] sizes = new double[horizon()][];
        int side = ImageMessages.imageSize(observationLayout());
        for (int t = 0; t < horizon(); t++) {
            sizes[t] = new double[] {3, side, side};
        }
        Map<SensorType, double[][]> learnerSide = new EnumMap<>(SensorType.class);
        learnerSide.put(SensorType.RGB_IMAGE, images);
        learnerSide.put(SensorType.RGB_IMAGE_SIZE, sizes);
        return SampleMessages.toSample(result, stateLayout(), observationLayout(), horizon(), actionDim(), noise,
                learnerSide);
    }

    /** A RosAgent for a robot running simulated task {@code task} (layouts, conditions and distance from the task). */
    public static RosAgent forSimTask(ConnectedNode node, SimTask task, RobotTopics topics, Duration resetTimeout,
                                      Duration trialTimeout) {
        return forSimTask(node, task, topics, resetTimeout, trialTimeout,
                CameraConfig.forLayout(task.observationLayout(), task.timeStep()));
    }

    /** {@link #forSimTask(ConnectedNode, SimTask, RobotTopics, Duration, Duration)} with a camera config. */
    public static RosAgent forSimTask(ConnectedNode node, SimTask task, RobotTopics topics, Duration resetTimeout,
                                      Duration trialTimeout, CameraConfig camera) {
        java.util.List<double[]> x0 = new java.util.ArrayList<>();
        java.util.List<double[]> targets = new java.util.ArrayList<>();
        for (int c = 0; c < task.conditionCount(); c++) {
            x0.add(task.initialState(c));
            targets.add(SimRobot.resetTarget(task, c));
        }
        // The peg tasks' and visual_reacher's conditions are target positions with one common start
        // (TargetConditions): the trial's ee_points_tgt (the end-effector targets in the world, as gps_agent_pkg sends
        // them) tell the simulated robot which one.
        double[] points = new double[0];
        java.util.List<double[]> pointTargets = java.util.List.of();
        if (task instanceof TargetConditions peg) {
            points = peg.endEffectorPointsInToolFrame();
            pointTargets = new java.util.ArrayList<>();
            for (int c = 0; c < task.conditionCount(); c++) {
                pointTargets.add(peg.targetPoints(c));
            }
        }
        RosAgentConfig config = new RosAgentConfig(task.horizon(), task.timeStep(), task.actionDim(),
                task.stateLayout(), task.observationLayout(), x0, targets, points, pointTargets, topics,
                resetTimeout, trialTimeout, Duration.ofSeconds(10));
        return new RosAgent(node, config, task::finalDistance, camera);
    }

    public RosAgentConfig config() {
        return config;
    }

    /** Results received whose id matched no command in flight (late answers to timed-out commands, other learners). */
    public long unmatchedResults() {
        return unmatched.get();
    }

    /** Results received that answered a command in flight (resets, trials, data requests, relaxes). */
    public long answeredResults() {
        return answered.get();
    }

    private void onReport(SampleResult result) {
        CompletableFuture<SampleResult> waiting = pending.remove(result.id());
        if (waiting == null) {
            unmatched.incrementAndGet();
            node.log().log(System.Logger.Level.WARNING, "gps_learner: dropped a SampleResult with id " + result.id()
                    + " on " + reports.topic() + ": no command with that id is waiting");
            return;
        }
        answered.incrementAndGet();
        waiting.complete(result);
    }

    private void onError(CommandError error) {
        CompletableFuture<SampleResult> waiting = pending.remove(error.id());
        if (waiting == null) {
            node.log().log(System.Logger.Level.WARNING, "gps_learner: the robot refused " + error.command() + " id "
                    + error.id() + " (no longer waited for): " + error.message());
            return;
        }
        waiting.completeExceptionally(new RobotCommandRefusedException(error.id(), error.command(), error.message(),
                errors.topic().toString()));
    }

    /** The GPS iteration that NetworkPolicy messages name from now on (informational; -1 until set). */
    public void policyIteration(int iteration) {
        this.policyIteration = iteration;
    }

    @Override
    public int horizon() {
        return config.horizon();
    }

    @Override
    public double timeStep() {
        return config.timeStep();
    }

    @Override
    public int actionDim() {
        return config.actionDim();
    }

    @Override
    public SensorLayout stateLayout() {
        return config.stateLayout();
    }

    @Override
    public SensorLayout observationLayout() {
        return config.observationLayout();
    }

    @Override
    public int conditionCount() {
        return config.initialStates().size();
    }

    @Override
    public double[] initialState(int condition) {
        checkCondition(condition);
        return config.initialStates().get(condition).clone();
    }

    @Override
    public double finalDistance(Sample sample, int condition) {
        return finalDistance.apply(sample, condition);
    }

    /**
     * Resets the robot to {@code condition} (PositionCommand in JOINT_SPACE to its reset target) and waits for the
     * robot's answer.
     *
     * @return the robot's 1-step report after the reset
     * @throws RobotTimeoutException if no answer with the command's id arrives within the reset timeout
     */
    public synchronized SampleResult reset(int condition) {
        checkCondition(condition);
        int id = nextId.getAndIncrement();
        PositionCommand command = new PositionCommand(id, (byte) 1, (byte) 0,
                config.resetTargets().get(condition).clone(), new double[0]);
        return send(id, "PositionCommand", positions, command, config.resetTimeout());
    }

    /** Asks for the robot's current sensor data (DataRequest) and waits for it. */
    public synchronized SampleResult requestData() {
        int id = nextId.getAndIncrement();
        return send(id, "DataRequest", dataRequests, new DataRequest(node.now(), id, 0), config.resetTimeout());
    }

    /** Relaxes the trial arm (RelaxCommand) and waits for the robot's answer. */
    public synchronized SampleResult relax() {
        int id = nextId.getAndIncrement();
        return send(id, "RelaxCommand", relaxes, new RelaxCommand(node.now(), id, 0), config.resetTimeout());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code policy} is neither a {@link LinearGaussianPolicy} nor a
     *     {@link GaussianGlobalPolicy} of this robot's sizes
     * @throws RobotTimeoutException if the reset or the trial is not answered in time (the message names the topic
     *     and the id)
     * @throws RobotCommandRefusedException if the robot refused the command (the message holds its reason)
     * @throws RobotProtocolException if the answer does not fit (missing sensor, cut short by a safety stop)
     */
    @Override
    public synchronized Sample sample(Policy policy, int condition, double[][] noise) {
        if (policy instanceof GaussianGlobalPolicy global) {
            return sampleGlobal(global, condition, noise);
        }
        if (!(policy instanceof LinearGaussianPolicy controller)) {
            throw new IllegalArgumentException("RosAgent runs linear-Gaussian controllers and Gaussian global "
                    + "policies, got " + policy.getClass().getSimpleName());
        }
        if (controller.horizon() != horizon() || controller.actionDim() != actionDim()
                || controller.stateDim() != stateLayout().dimension()) {
            throw new IllegalArgumentException("the controller (T " + controller.horizon() + ", dX "
                    + controller.stateDim() + ", dU " + controller.actionDim() + ") does not fit the robot (T "
                    + horizon() + ", dX " + stateLayout().dimension() + ", dU " + actionDim() + ")");
        }
        double[][] noiseCopy = new double[horizon()][];
        for (int t = 0; t < horizon(); t++) {
            noiseCopy[t] = noise[t].clone();
        }
        reset(condition);
        int id = nextId.getAndIncrement();
        TrialCommand plain = SampleMessages.trialCommand(id, controller, noiseCopy, 1.0 / timeStep(), stateLayout(),
                observationLayout());
        TrialCommand command = new TrialCommand(plain.id(), plain.controller(), plain.T(), plain.frequency(),
                plain.state_datatypes(), plain.obs_datatypes(), config.endEffectorPoints(),
                config.endEffectorTarget(condition));
        SampleResult result = send(id, "TrialCommand", trials, command, config.trialTimeout());
        return toSample(result, noiseCopy);
    }

    private Sample sampleGlobal(GaussianGlobalPolicy policy, int condition, double[][] noise) {
        if (policy.actionDim() != actionDim() || policy.observationDim() != observationLayout().dimension()) {
            throw new IllegalArgumentException("the global policy (dO " + policy.observationDim() + ", dU "
                    + policy.actionDim() + ") does not fit the robot (dO " + observationLayout().dimension() + ", dU "
                    + actionDim() + ")");
        }
        if (noise.length != horizon()) {
            throw new IllegalArgumentException("noise has " + noise.length + " steps, the horizon is " + horizon());
        }
        double[][] noiseCopy = new double[horizon()][];
        for (int t = 0; t < horizon(); t++) {
            noiseCopy[t] = noise[t].clone();
        }
        reset(condition);
        int id = nextId.getAndIncrement();
        NetworkPolicy message = NetworkPolicyMessages.networkPolicy(id, policyIteration, policy, noiseCopy,
                observationLayout());
        TrialCommand command = NetworkPolicyMessages.trialCommand(id, horizon(), 1.0 / timeStep(), stateLayout(),
                observationLayout(), config.endEffectorPoints(), config.endEffectorTarget(condition));
        SampleResult result = trial(message, command);
        return toSample(result, noiseCopy);
    }

    /**
     * Publishes a NetworkPolicy, then the TrialCommand with the same id and controller_to_execute 2, and waits for the
     * result (also for tests that send a malformed policy).
     */
    public synchronized SampleResult trial(NetworkPolicy policy, TrialCommand command) {
        if (policy.id() != command.id()) {
            throw new IllegalArgumentException("NetworkPolicy id " + policy.id() + " differs from TrialCommand id "
                    + command.id());
        }
        awaitRobot(networkPolicies);
        networkPolicies.publish(policy);
        return send(command.id(), "TrialCommand", trials, command, config.trialTimeout());
    }

    /** Publishes a TrialCommand as it is and waits for its result (benchmarks, tests). */
    public synchronized SampleResult trial(TrialCommand command) {
        return send(command.id(), "TrialCommand", trials, command, config.trialTimeout());
    }

    /** A fresh command id. */
    public int nextId() {
        return nextId.getAndIncrement();
    }

    private <T extends org.gpsros.msg.runtime.Message> SampleResult send(int id, String what, Publisher<T> publisher,
                                                                          T command, Duration timeout) {
        awaitRobot(publisher);
        CompletableFuture<SampleResult> answer = new CompletableFuture<>();
        pending.put(id, answer);
        publisher.publish(command);
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RobotTimeoutException(String.format(Locale.ROOT, "no SampleResult with id %d on %s within "
                    + "%.1f s after the %s on %s: is the robot node running? (%d publisher(s) on %s now)", id,
                    reports.topic(), timeout.toMillis() / 1e3, what, publisher.topic(),
                    reports.connectedPublisherCount(), reports.topic()), id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RobotProtocolException("interrupted while waiting for the SampleResult with id " + id + " on "
                    + reports.topic());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RobotCommandRefusedException refused) {
                throw refused;
            }
            throw new RobotProtocolException("waiting for id " + id + " failed", e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /**
     * Waits until the robot subscribes to {@code publisher}'s topic and publishes on the report topic; the first time,
     * also up to 0.5 s for its error topic (a robot that reports refusals, the simulated one, connects it with the
     * others; gps_agent_pkg's plugin has none, so it is not required).
     */
    private void awaitRobot(Publisher<?> publisher) {
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        while (publisher.subscriberCount() == 0 || reports.connectedPublisherCount() == 0) {
            if (System.nanoTime() > deadline) {
                throw new RobotTimeoutException("no robot on " + publisher.topic() + " (" + publisher.subscriberCount()
                        + " subscriber(s)) and " + reports.topic() + " (" + reports.connectedPublisherCount()
                        + " publisher(s)) after " + config.connectTimeout().toMillis() / 1e3 + " s: is the robot "
                        + "node running?", -1);
            }
            sleepBriefly(publisher);
        }
        while (camera != null && camera.connectedPublisherCount() == 0) {
            if (System.nanoTime() > deadline) {
                throw new RobotTimeoutException("no camera publishing on " + camera.topic() + " after "
                        + config.connectTimeout().toMillis() / 1e3 + " s: the task's observation holds RGB_IMAGE; is "
                        + "the camera driver running (or the image topic remapped)?", -1);
            }
            sleepBriefly(publisher);
        }
        if (!errorTopicAwaited) {
            long until = System.nanoTime() + 500_000_000L;
            while (errors.connectedPublisherCount() == 0 && System.nanoTime() < until) {
                sleepBriefly(publisher);
            }
            errorTopicAwaited = true;
        }
    }

    private static void sleepBriefly(Publisher<?> publisher) {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RobotProtocolException("interrupted while waiting for the robot on " + publisher.topic());
        }
    }

    private void checkCondition(int condition) {
        if (condition < 0 || condition >= conditionCount()) {
            throw new IndexOutOfBoundsException("the robot has conditions 0.." + (conditionCount() - 1) + ", got "
                    + condition);
        }
    }

    @Override
    public void close() {
        trials.close();
        positions.close();
        relaxes.close();
        dataRequests.close();
        networkPolicies.close();
        reports.close();
        errors.close();
        if (camera != null) {
            camera.close();
        }
    }
}
