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
