package org.gpsros.node.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.gpsros.app.run.Experiment;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.node.CameraTestTask;
import org.gpsros.node.NodeFixtures;
import org.gpsros.node.agent.RosAgent;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.RobotProtocolException;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimAgent;
import org.junit.jupiter.api.Test;

/**
 * The camera path through ROS: the simulated robot publishes one sensor_msgs/Image per control step, the RosAgent
 * pairs each step with its frame and stores RGB_IMAGE (+ RGB_IMAGE_SIZE); the observations equal the in-process
 * simulator's exactly. A camera that sends too little fails the sample by name.
 */
class CameraIT extends RosInteropTest {
    private static final int SIZE = 16;

    @Test
    void observationsThroughRosEqualTheInProcessOnes() {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        CameraTestTask task = new CameraTestTask(sim.task(), SIZE);
        LinearGaussianPolicy controller = experiment.initialControllers().get(0);
        SimRobotNode robotMain = new SimRobotNode(task, false, RobotTopics.DEFAULT);
        RosNode robot = RosNodeRunner.start(robotMain, config().build());
        RosNode learner = startNode("camera_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            int trials = 0;
            for (int condition = 0; condition < Math.min(2, sim.conditionCount()); condition++) {
                trials++;
                double[][] noise = experiment.explorationNoise(0, condition, 1);
                Sample ros = agent.sample(controller, condition, noise);
                Sample local = task.withImages(sim.sample(controller, condition, noise));
                assertEquals(task.observationLayout(), ros.observationLayout());
                for (int t = 0; t < sim.horizon(); t++) {
                    assertArrayEquals(local.observation(t), ros.observation(t), 1e-12, "observation at t=" + t);
                    assertArrayEquals(new double[] {3, SIZE, SIZE}, ros.sensor(SensorType.RGB_IMAGE_SIZE)[t], 0.0);
                }
                // the frames really change from step to step (so an off-by-one pairing would fail above)
                int repeated = 0;
                for (int t = 0; t + 1 < sim.horizon(); t++) {
                    if (java.util.Arrays.equals(ros.sensor(SensorType.RGB_IMAGE)[t],
                            ros.sensor(SensorType.RGB_IMAGE)[t + 1])) {
                        repeated++;
                    }
                }
                assertTrue(repeated < sim.horizon() / 10, repeated + " steps show the same frame as the next");
            }
            assertEquals((long) trials * sim.horizon(), robotMain.framesPublished());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }

    /**
     * A global policy whose observation ends in the image, through ROS: the robot's network sees the frame of x_t that
     * the learner stores for step t, so the learner's own μ(o_t) + √v ⊙ ε reproduces every action the robot took.
     */
    @Test
    void aNetworkOnTheRobotSeesTheFramesTheLearnerStores() {
        int horizon = 20;
        CameraTestTask task = new CameraTestTask(org.gpsros.sim.SimTasks.create(org.gpsros.sim.SimTasks.BOX2D_ARM,
                org.gpsros.sim.SimTaskOptions.defaults().withHorizon(horizon)), SIZE);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        int configuration = task.observationLayout().offsetOf(SensorType.RGB_IMAGE);
        org.gpsros.math.SplitMix64 random = new org.gpsros.math.SplitMix64(21);
        double[] weights = new double[dO * dU];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.1 * random.nextNormal();
        }
        double[][] observations = new double[20][dO];
        for (double[] o : observations) {
            for (int j = 0; j < dO; j++) {
                o[j] = j < configuration ? j + random.nextNormal() : random.nextUniform();
            }
        }
        org.gpsros.policy.GaussianGlobalPolicy policy = new org.gpsros.policy.GaussianGlobalPolicy(
                org.gpsros.policy.LinearPolicyNetwork.of(dO, dU, weights, new double[] {0.1, -0.2}),
                org.gpsros.policy.ObservationNormalizer.fit(observations, configuration), new double[] {0.01, 0.02});
        double[][] noise = new double[horizon][dU];
        for (double[] row : noise) {
            row[0] = random.nextNormal();
            row[1] = random.nextNormal();
        }
        RosNode robot = RosNodeRunner.start(new SimRobotNode(task, false, RobotTopics.DEFAULT), config().build());
        RosNode learner = startNode("network_camera_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            Sample ros = agent.sample(policy, 0, noise);
            double[] action = new double[dU];
            double largest = 0;
            for (int t = 0; t < horizon; t++) {
                policy.act(t, ros.state(t), ros.observation(t), noise[t], action);
                assertArrayEquals(action, ros.actions()[t], 1e-12, "action at t=" + t);
                assertArrayEquals(task.withImages(ros).observation(t), ros.observation(t), 0.0, "frame of x_" + t);
                largest = Math.max(largest, Math.abs(action[0]));
            }
            assertTrue(largest > 0.05, "the actions are not trivially small: " + largest);
        } finally {
            agent.close();
            robot.shutdown();
        }
    }

    /**
     * A robot that reports no step times (as gps_agent_pkg) and a camera at its own 30 Hz, publishing bgr8 640×480-style
     * frames (here 40×30) that the learner crops: the steps are taken to end when the result arrives, each gets the
     * newest frame not after its time, so over a real-time trial of T steps at 20 Hz the frames run in order and
     * span about 1.5·(T − 1) camera frames.
     */
    @Test
    void aCameraAtItsOwnRateIsAlignedByTheStepsEstimatedTimes() throws Exception {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        int horizon = 30;
        org.gpsros.sim.SimTask base = org.gpsros.sim.SimTasks.create(org.gpsros.sim.SimTasks.BOX2D_ARM,
                org.gpsros.sim.SimTaskOptions.defaults().withHorizon(horizon));
        CameraTestTask task = new CameraTestTask(base, SIZE);
        // The robot runs the plain task: no camera, no step times in its results.
        RosNode robot = RosNodeRunner.start(new SimRobotNode(base, true, RobotTopics.DEFAULT), config().build());
        java.util.concurrent.atomic.AtomicReference<Publisher<Image>> stub = new java.util.concurrent.atomic.AtomicReference<>();
        RosNode camera = startNode("stub_30hz_camera", n -> stub.set(n.newPublisher(RobotTopics.DEFAULT_IMAGE,
                Image.TYPE, false, 8)));
        java.util.concurrent.ScheduledExecutorService clock = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger index = new java.util.concurrent.atomic.AtomicInteger();
        RosNode learner = startNode("rate_learner", n -> { });
        org.gpsros.node.agent.CameraConfig crop = org.gpsros.node.agent.CameraConfig.forLayout(
                task.observationLayout(), task.timeStep()).withCrop(12, 7, 16, 16);
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20), crop);
        try {
            await(Duration.ofSeconds(10), "the stub camera", () -> stub.get() != null);
            clock.scheduleAtFixedRate(() -> {
                int k = index.getAndIncrement();
                byte[] bgr = new byte[40 * 30 * 3];
                for (int p = 0; p < 40 * 30; p++) {
                    int x = p % 40;
                    int y = p / 40;
                    boolean inside = x >= 12 && x < 28 && y >= 7 && y < 23;
                    bgr[3 * p] = (byte) (inside ? k : 255); // blue: the frame's index inside the crop
                    bgr[3 * p + 2] = (byte) (inside ? 40 : 0); // red
                }
                stub.get().publish(new Image(new Header(k, camera.node().now(), "kinect"), 30, 40, "bgr8", (byte) 0,
                        120, bgr));
            }, 0, 33_333, java.util.concurrent.TimeUnit.MICROSECONDS);
            await(Duration.ofSeconds(10), "camera frames at the learner", () -> agent.cameraFramesReceived() > 10);
            Sample ros = agent.sample(task.pushController(), 0, new double[horizon][sim.actionDim()]);
            int plane = SIZE * SIZE;
            int[] frameOfStep = new int[horizon];
            for (int t = 0; t < horizon; t++) {
                double[] image = ros.sensor(SensorType.RGB_IMAGE)[t];
                assertEquals(40 / 255.0, image[0], 1e-12, "red inside the crop at t=" + t);
                assertEquals(40 / 255.0, image[plane - 1], 1e-12, "the crop keeps the outside away at t=" + t);
                frameOfStep[t] = (int) Math.round(image[2 * plane] * 255);
                assertEquals(image[2 * plane], image[3 * plane - 1], 0.0, "one frame per step");
                if (t > 0) {
                    int step = Math.floorMod(frameOfStep[t] - frameOfStep[t - 1], 256);
                    assertTrue(step <= 4, "frames in order: step " + t + " has frame " + frameOfStep[t] + ", step "
                            + (t - 1) + " frame " + frameOfStep[t - 1]);
                }
            }
            int span = Math.floorMod(frameOfStep[horizon - 1] - frameOfStep[0], 256);
            System.out.println("30 Hz camera over a " + horizon + "-step 20 Hz trial: frames " + java.util.Arrays
                    .toString(frameOfStep));
            assertTrue(span >= 1.5 * (horizon - 1) - 10 && span <= 1.5 * (horizon - 1) + 10, "span " + span);
        } finally {
            clock.shutdownNow();
            agent.close();
            camera.shutdown();
            robot.shutdown();
        }
    }

    @Test
    void aCameraThatSendsTooLittleFailsTheSampleNamingTheTopic() {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        CameraTestTask task = new CameraTestTask(sim.task(), SIZE);
        // The robot renders on another topic; on the learner's topic a stub camera sends one frame, long ago.
        RosNode robot = RosNodeRunner.start(new SimRobotNode(task, false,
                RobotTopics.DEFAULT.withImage("/elsewhere/image_raw")), config().build());
        java.util.concurrent.atomic.AtomicReference<Publisher<Image>> stub = new java.util.concurrent.atomic.AtomicReference<>();
        RosNode camera = startNode("stub_camera", n -> stub.set(n.newPublisher(RobotTopics.DEFAULT_IMAGE, Image.TYPE,
                true, 1)));
        RosNode learner = startNode("starved_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            stub.get().publish(ImageMessages.toMessage(CameraTestTask.render(new double[5], SIZE, SIZE),
                    new Header(0, org.gpsros.msg.runtime.Time.fromNanos(1_000_000_000L), "stub")));
            await(Duration.ofSeconds(10), "the stub frame", () -> agent.cameraFramesReceived() == 1);
            RobotProtocolException e = assertThrows(RobotProtocolException.class,
                    () -> agent.sample(experiment.initialControllers().get(0), 0, experiment.explorationNoise(0, 0, 1)));
            assertTrue(e.getMessage().contains("no camera frame for step 0 of " + sim.horizon())
                    && e.getMessage().contains(RobotTopics.DEFAULT_IMAGE)
                    && e.getMessage().contains("0 frame(s) arrived"), e.getMessage());
        } finally {
            agent.close();
            camera.shutdown();
            robot.shutdown();
        }
    }
}
