package org.gpsros.node.learner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gpsros.agent.Agent;
import org.gpsros.algorithm.IterationReport;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.gpsros.app.run.Experiment;
import org.gpsros.app.run.RunDirectory;
import org.gpsros.app.run.Trainer;
import org.gpsros.app.run.TrainingListener;
import org.gpsros.app.run.TrainingStoppedException;
import org.gpsros.math.SplitMix64;
import org.gpsros.msg.gps_msgs.ResetCondition;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.gps_msgs.RunCondition;
import org.gpsros.msg.gps_msgs.RunConditionRequest;
import org.gpsros.msg.gps_msgs.RunConditionResponse;
import org.gpsros.msg.gps_msgs.TrainingStatus;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.msg.std_srvs.Trigger;
import org.gpsros.msg.std_srvs.TriggerResponse;
import org.gpsros.node.agent.CameraConfig;
import org.gpsros.node.agent.RobotTimeoutException;
import org.gpsros.node.agent.RobotDescription;
import org.gpsros.node.agent.RosAgent;
import org.gpsros.node.agent.RosAgentConfig;
import org.gpsros.node.protocol.RobotProtocolException;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.policy.Policy;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Node;
import org.gpsros.ros.api.NodeMain;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.ServiceException;
import org.gpsros.ros.names.GraphName;
import org.gpsros.sample.Sample;
import org.gpsros.sim.SimAgent;

/**
 * The node {@code gps_learner}: trains the experiment of a config as {@code gps train} does (same {@link Trainer},
 * same run folder, same seeds), but samples the robot over ROS with a {@link RosAgent}.
 *
 * <p>Services: {@code ~reset_condition} (gps_msgs/ResetCondition), {@code ~run_condition} (gps_msgs/RunCondition:
 * samples with the current local controller; noisy samples use their own noise stream), {@code ~pause},
 * {@code ~resume}, {@code ~stop}, {@code ~checkpoint} (std_srvs/Trigger). Topics: {@code ~status}
 * (gps_msgs/TrainingStatus, latched) after sampling and after every update, {@code ~cost/condition_<k>}
 * (std_msgs/Float64, latched) with each iteration's mean cost; for a task with a camera, {@code ~feature_points}
 * (sensor_msgs/Image, {@link FeaturePointTopic}) after each iteration whose global policy network is a
 * {@link org.gpsros.policy.FeaturePointNetwork}: the last sample of each condition's final frame with the network's
 * feature points drawn on it.
 *
 * <p>Faults: a trial that the robot does not answer in time (robot node down) pauses training with the error logged
 * and published as phase {@code paused}; the samples already taken this iteration are kept, and {@code ~resume}
 * retries the unanswered sample. {@code ~stop} ends training at the next sample boundary; the newest checkpoint stays
 * resumable with {@code gps train --resume}.
 */
public final class LearnerNode implements NodeMain {

    /** Stream purpose of ~run_condition's exploration noise for {@link SplitMix64#derive}. */
    public static final long RUN_CONDITION_NOISE_STREAM = 101;

    /**
     * What to train.
     *
     * @param config experiment YAML
     * @param iterations override of the config's iterations, or null
     * @param seed override of the config's seed, or null
     * @param output run folder, or null for runs/&lt;task&gt;-&lt;timestamp&gt;
     * @param trialTimeout how long a reset or trial may take before training pauses, or null for the config's
     *     robot.trial_timeout (20 s for a simulated task)
     * @param shutdownWhenDone shut the node down when training ends (so a {@code required} launch ends)
     */
    public record Options(Path config, Integer iterations, Long seed, Path output, Duration trialTimeout,
                          boolean shutdownWhenDone) {
    }

    private final Options options;
    private final RobotTopics topics;
    private final PrintStream log;
    private final Object lock = new Object();
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private volatile String phase = "starting";
    private volatile GpsAlgorithm algorithm;
    private volatile int completedIteration = -1;
    private volatile Throwable failure;
    private volatile boolean finished;
    private Experiment experiment;
    private RunDirectory run;
    private volatile RosAgent agent;
    private Publisher<TrainingStatus> status;
    private final Map<Integer, Publisher<Float64>> costTopics = new ConcurrentHashMap<>();
    private ConnectedNode node;
    private Thread training;
    private int statusSeq;
    private int runConditionCalls;
    private FeaturePointTopic featurePoints;
    /** The newest sample of each condition (the frames the feature-point overlays show). */
    private final Map<Integer, Sample> lastSamples = new ConcurrentHashMap<>();

    public LearnerNode(Options options, RobotTopics topics, PrintStream log) {
        this.options = options;
        this.topics = topics;
        this.log = log;
    }

    /**
     * Loads and builds the experiment of {@code config} without ROS.
     *
     * @throws org.gpsros.app.config.ConfigException if the config is unreadable or does not fit its task (one line)
     */
    public static void checkConfig(Path config) {
        ExperimentConfig loaded = ConfigLoader.load(config);
        if (loaded.robot() != null) {
            RobotDescription robot;
            try {
                robot = new RobotDescription(loaded.robot(), RobotTopics.DEFAULT, null);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(config + ": robot: " + e.getMessage(), e);
            }
            Experiment.forAgent(loaded, config.toString(), robot, "robot " + loaded.task());
        } else {
            Experiment.build(loaded, config.toString());
        }
    }

    @Override
    public GraphName defaultNodeName() {
        return GraphName.of("gps_learner");
    }

    /** The run folder (after start). */
    public RunDirectory run() {
        return run;
    }

    /** The agent sampling the robot (after start). */
    public RosAgent agent() {
        return agent;
    }

    /** The algorithm being trained (after training started; its global policy, if any, is the current one), or null. */
    public GpsAlgorithm algorithm() {
        return algorithm;
    }

    /** The experiment the node trains (after start): its cost, noise and conditions. */
    public Experiment experiment() {
        return experiment;
    }

    /** Whether training has ended (done, stopped or failed). */
    public boolean finished() {
        return finished;
    }

    /** Why training failed, or null. */
    public Throwable failure() {
        return failure;
    }

    public boolean paused() {
        return paused;
    }

    @Override
    public void onStart(ConnectedNode connected) {
        this.node = connected;
        ExperimentConfig config = ConfigLoader.load(options.config());
        if (options.seed() != null) {
            config = config.withSeed(options.seed());
        }
        Integer iterations = options.iterations() != null ? options.iterations() : intParameter("~iterations");
        if (iterations != null) {
            config = config.withIterations(iterations);
        }
        Path output = options.output() != null ? options.output() : pathParameter("~output");
        if (config.robot() != null) {
            RobotDescription robot = new RobotDescription(config.robot(), topics, options.trialTimeout());
            Experiment described = Experiment.forAgent(config, options.config().toString(), robot,
                    "robot " + config.task());
            agent = robot.connect(node, cameraConfig(robot.agentConfig().observationLayout(),
                    robot.agentConfig().timeStep()));
            experiment = described.withAgent(new PausingAgent(agent));
        } else {
            Experiment simExperiment = Experiment.build(config, options.config().toString());
            SimAgent sim = (SimAgent) simExperiment.agent();
            Duration timeout = options.trialTimeout() != null ? options.trialTimeout()
                    : RosAgentConfig.defaultTimeout();
            agent = RosAgent.forSimTask(node, sim.task(), topics, timeout, timeout,
                    cameraConfig(sim.observationLayout(), sim.timeStep()));
            experiment = simExperiment.withAgent(new PausingAgent(agent));
        }
        run = output != null ? new RunDirectory(output)
                : RunDirectory.fresh(Path.of("runs"), config.task());
        run.create(ConfigLoader.toYaml(config));

        status = node.newPublisher("~status", TrainingStatus.TYPE, true);
        if (experiment.agent().observationLayout().contains(org.gpsros.sample.SensorType.RGB_IMAGE)) {
            featurePoints = new FeaturePointTopic(node);
        }
        for (int condition : experiment.trainConditions()) {
            costTopics.put(condition, node.newPublisher("~cost/condition_" + condition, Float64.TYPE, true));
        }
        node.newServiceServer("~pause", Trigger.TYPE, request -> {
            paused = true;
            publishStatus(TrainingStatus.PHASE_PAUSED, null);
            return new TriggerResponse(true, "training pauses before the next sample");
        });
        node.newServiceServer("~resume", Trigger.TYPE, request -> {
            synchronized (lock) {
                paused = false;
                lock.notifyAll();
            }
            return new TriggerResponse(true, finished ? "training has ended" : "training resumed");
        });
        node.newServiceServer("~stop", Trigger.TYPE, request -> {
            synchronized (lock) {
                stopRequested = true;
                paused = false;
                lock.notifyAll();
            }
            return new TriggerResponse(true, "training stops at the next sample; newest checkpoint: "
                    + (completedIteration < 0 ? "none" : "itr_" + completedIteration));
        });
        node.newServiceServer("~checkpoint", Trigger.TYPE, request -> {
            GpsAlgorithm current = algorithm;
            int iteration = completedIteration;
            if (current == null || iteration < 0) {
                return new TriggerResponse(false, "no iteration has completed yet: nothing to checkpoint");
            }
            synchronized (lock) {
                run.checkpoints().write(iteration, current.state());
            }
            return new TriggerResponse(true, run.checkpoints().folder(iteration).toString());
        });
        node.newServiceServer("~reset_condition", ResetCondition.TYPE, request -> {
            try {
                agent.reset(request.condition());
                return new ResetConditionResponse(true, "condition " + request.condition() + " reset");
            } catch (RuntimeException e) {
                return new ResetConditionResponse(false, e.getMessage());
            }
        });
        node.newServiceServer("~run_condition", RunCondition.TYPE, this::runCondition);

        training = new Thread(this::train, "gps-learner-training");
        training.start();
    }

    /**
     * The camera of an observation with RGB_IMAGE ({@link CameraConfig#forLayout}), changed by the private parameters
     * {@code ~image_crop} ("x,y,width,height" of the source frame, cropped before resizing: a real camera's work
     * area), {@code ~image_timeout} and {@code ~image_max_age} (seconds); null without an image.
     */
    private CameraConfig cameraConfig(org.gpsros.sample.SensorLayout observation, double timeStep) {
        CameraConfig camera = CameraConfig.forLayout(observation, timeStep);
        if (camera == null) {
            return null;
        }
        Object crop = node.parameters().get("~image_crop").orElse(null);
        String text = crop == null ? "" : crop instanceof List<?> list ? list.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")) : crop.toString().trim();
        if (!text.isEmpty()) {
            String[] parts = text.replaceAll("[\\[\\]\\s]", "").split(",");
            try {
                if (parts.length != 4) {
                    throw new NumberFormatException();
                }
                camera = camera.withCrop(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(node.resolveName("~image_crop") + ": expected x,y,width,height, got '"
                        + text + "'");
            }
        }
        double timeout = node.parameters().getDouble("~image_timeout", camera.frameTimeout().toNanos() / 1e9);
        double maxAge = node.parameters().getDouble("~image_max_age", camera.maxFrameAge().toNanos() / 1e9);
        if (!(timeout >= 0) || !(maxAge >= 0)) {
            throw new IllegalArgumentException("~image_timeout and ~image_max_age must be >= 0 s, got " + timeout
                    + ", " + maxAge);
        }
        return new CameraConfig(camera.spec(), Duration.ofNanos(Math.round(timeout * 1e9)),
                Duration.ofNanos(Math.round(maxAge * 1e9)));
    }

    /** A private parameter given as a number or a non-empty string (roslaunch passes "" for an unset arg), or null. */
    private Integer intParameter(String name) {
        Object value = node.parameters().get(name).orElse(null);
        if (value instanceof Integer i) {
            return i;
        }
        String text = value == null ? "" : value.toString().trim();
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(node.resolveName(name) + ": expected an integer, got '" + text + "'");
        }
    }

    private Path pathParameter(String name) {
        Object value = node.parameters().get(name).orElse(null);
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? null : Path.of(text);
    }

    private RunConditionResponse runCondition(RunConditionRequest request) throws ServiceException {
        GpsAlgorithm current = algorithm;
        if (request.use_global_policy() && (current == null || current.globalPolicy().isEmpty())) {
            return new RunConditionResponse(false, current == null ? "training has not started"
                    : "this experiment trains local controllers only (no global policy)", new double[0]);
        }
        int index = experiment.trainConditions().indexOf(request.condition());
        if (index < 0 || current == null || request.sample_count() < 1) {
            return new RunConditionResponse(false, index < 0 ? "condition " + request.condition() + " is not a "
                    + "training condition " + experiment.trainConditions() : current == null ? "training has not "
                    + "started" : "sample_count must be >= 1, got " + request.sample_count(), new double[0]);
        }
        Policy controller = request.use_global_policy() ? current.globalPolicy().orElseThrow()
                : current.controller(index);
        double[] costs = new double[request.sample_count()];
        int call;
        synchronized (lock) {
            call = runConditionCalls++;
        }
        try {
            for (int i = 0; i < costs.length; i++) {
                double[][] noise = request.noisy() ? experiment.noise().generate(new SplitMix64(SplitMix64.derive(
                        experiment.config().seed(), RUN_CONDITION_NOISE_STREAM, request.condition(), call, i)),
                        agent.horizon(), agent.actionDim()) : new double[agent.horizon()][agent.actionDim()];
                Sample sample = agent.sample(controller, request.condition(), noise);
                costs[i] = experiment.cost().evaluate(sample).total();
            }
        } catch (RuntimeException e) {
            return new RunConditionResponse(false, e.getMessage(), new double[0]);
        }
        return new RunConditionResponse(true, costs.length + " sample(s) of condition " + request.condition(), costs);
    }

    private void train() {
        try {
            log.printf("gps_learner: training %s (seed %d, %d iterations) into %s%n", experiment.config().task(),
                    experiment.config().seed(), experiment.config().iterations(), run.root());
            new Trainer(experiment, run, log, false, new Listener()).train();
            publishStatus(TrainingStatus.PHASE_DONE, null);
            log.println("gps_learner: done: " + run.root());
        } catch (TrainingStoppedException e) {
            publishStatus(TrainingStatus.PHASE_DONE, null);
            log.println("gps_learner: stopped: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            failure = e;
            log.println("gps_learner: training failed: " + e);
        } finally {
            finished = true;
            if (options.shutdownWhenDone() && !node.isShuttingDown()) {
                node.shutdown();
            }
        }
    }

    /** Steering between samples: blocks while paused, throws when stopped. */
    private void checkpointBoundary(String where) {
        synchronized (lock) {
            while (paused && !stopRequested) {
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TrainingStoppedException("interrupted");
                }
            }
            if (stopRequested || node.isShuttingDown()) {
                throw new TrainingStoppedException("stop requested " + where);
            }
        }
    }

    private final class Listener implements TrainingListener {
        @Override
        public void started(GpsAlgorithm started) {
            algorithm = started;
        }

        @Override
        public void beforeSample(int iteration, int condition, int sample) {
            agent.policyIteration(iteration);
            checkpointBoundary("before sample " + sample + " of condition " + condition + " in iteration " + iteration);
        }

        @Override
        public void samplingDone(int iteration) {
            phase = TrainingStatus.PHASE_SAMPLING;
            publishStatusOf(iteration, TrainingStatus.PHASE_SAMPLING, null);
        }

        @Override
        public void iterationDone(GpsAlgorithm updated, IterationReport report, List<MetricsRow> rows) {
            completedIteration = report.iteration();
            publishStatusOf(report.iteration(), TrainingStatus.PHASE_TRAJECTORY_OPTIMIZATION, rows);
            for (MetricsRow row : rows) {
                Publisher<Float64> topic = costTopics.get(row.condition());
                if (topic != null) {
                    topic.publish(new Float64(row.meanCost()));
                }
            }
            if (featurePoints != null && updated.globalPolicy().isPresent()) {
                List<Sample> shown = new ArrayList<>();
                for (int condition : experiment.trainConditions()) {
                    Sample last = lastSamples.get(condition);
                    if (last != null) {
                        shown.add(last);
                    }
                }
                try {
                    featurePoints.publish(report.iteration(), updated.globalPolicy().get(), shown, Integer.MAX_VALUE);
                } catch (RuntimeException e) {
                    log.println("gps_learner: no feature-point overlay this iteration: " + e.getMessage());
                }
            }
        }
    }

    private volatile int statusIteration;

    private void publishStatus(String newPhase, List<MetricsRow> rows) {
        publishStatusOf(Math.max(statusIteration, completedIteration), newPhase, rows);
    }

    private synchronized void publishStatusOf(int iteration, String newPhase, List<MetricsRow> rows) {
        statusIteration = iteration;
        List<MetricsRow> values = rows == null ? List.of() : rows;
        double[] cost = values.stream().mapToDouble(MetricsRow::meanCost).toArray();
        double[] kl = values.stream().mapToDouble(MetricsRow::klStep).toArray();
        double[] eta = values.stream().mapToDouble(MetricsRow::eta).toArray();
        status.publish(new TrainingStatus(new Header(statusSeq++, node.now(), ""), iteration, newPhase, cost, kl, eta,
                new double[0]));
    }

    /**
     * The training loop's agent: a robot timeout pauses training (logged, status {@code paused}) and {@code ~resume}
     * retries the same sample; the samples already taken stay in the loop.
     */
    private final class PausingAgent implements Agent {
        private final RosAgent robot;

        PausingAgent(RosAgent robot) {
            this.robot = robot;
        }

        @Override
        public Sample sample(Policy policy, int condition, double[][] noise) {
            while (true) {
                try {
                    Sample sample = robot.sample(policy, condition, noise);
                    lastSamples.put(condition, sample);
                    return sample;
                } catch (RobotTimeoutException e) {
                    paused = true;
                    log.println("gps_learner: " + e.getMessage() + "; training paused, the samples taken so far are "
                            + "kept: call ~resume to retry this sample or ~stop to end");
                    publishStatus(TrainingStatus.PHASE_PAUSED, null);
                    checkpointBoundary("after a robot timeout");
                } catch (RobotProtocolException e) {
                    throw e;
                }
            }
        }

        @Override
        public int horizon() {
            return robot.horizon();
        }

        @Override
        public double timeStep() {
            return robot.timeStep();
        }

        @Override
        public int actionDim() {
            return robot.actionDim();
        }

        @Override
        public org.gpsros.sample.SensorLayout stateLayout() {
            return robot.stateLayout();
        }

        @Override
        public org.gpsros.sample.SensorLayout observationLayout() {
            return robot.observationLayout();
        }

        @Override
        public int conditionCount() {
            return robot.conditionCount();
        }

        @Override
        public double[] initialState(int condition) {
            return robot.initialState(condition);
        }

        @Override
        public double finalDistance(Sample sample, int condition) {
            return robot.finalDistance(sample, condition);
        }
    }

    @Override
    public void onShutdown(Node shuttingDown) {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** Waits for the training thread to end. */
    public boolean awaitTraining(Duration timeout) throws InterruptedException {
        if (training == null) {
            return false;
        }
        training.join(timeout.toMillis());
        return !training.isAlive();
    }

    /** The iterations completed so far (metrics rows by iteration). */
    public List<Integer> completedIterations() {
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i <= completedIteration; i++) {
            done.add(i);
        }
        return done;
    }
}
