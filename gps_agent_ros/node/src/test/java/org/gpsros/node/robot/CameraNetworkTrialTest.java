package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.ImageSpec;
import org.gpsros.math.SplitMix64;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.node.CameraTestTask;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.ObservationNormalizer;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;

/**
 * A network that takes the camera image (RGB_IMAGE last in obs_datatypes) runs on the simulated robot from the
 * camera's frame of each x_t, preprocessed as the learner does: the robot's actions equal μ_θ(normalised [robot
 * configuration, image of x_t]) + √v ⊙ ε recomputed from the reported states; the normaliser leaves the image alone.
 */
class CameraNetworkTrialTest {
    private static final int SIZE = 8;

    @Test
    void theNetworkSeesTheCameraFrameOfEachState() {
        CameraTestTask task = new CameraTestTask(SimTasks.create(SimTasks.BOX2D_ARM,
                SimTaskOptions.defaults().withHorizon(15)), SIZE);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        int configuration = task.observationLayout().offsetOf(SensorType.RGB_IMAGE);
        PolicyNetwork network = NetworkTrialTest.linear(dO, dU, 11);
        SplitMix64 random = new SplitMix64(4);
        double[][] observations = new double[30][dO];
        for (double[] o : observations) {
            for (int j = 0; j < dO; j++) {
                o[j] = j < configuration ? 0.5 * random.nextNormal() + j : random.nextUniform();
            }
        }
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(network,
                ObservationNormalizer.fit(observations, configuration), new double[] {0.01, 0.03});
        double[][] noise = NetworkTrialTest.noise(task.horizon(), dU, 8);
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(SIZE, SIZE))) {
            robot.reset(new PositionCommand(1, (byte) 1, (byte) 0, SimRobot.resetTarget(task, 0), new double[0]));
            NetworkPolicy message = NetworkTrialTest.message(task, policy, noise, 2);
            assertEquals(configuration, message.normalized_dim());
            SampleResult result = robot.trial(NetworkTrialTest.command(task, 0, 2), message, false, null);
            Sample sample = SampleMessages.toSample(result, task.stateLayout(), task.stateLayout(), task.horizon(), dU,
                    noise);
            double[] action = new double[dU];
            double largest = 0;
            for (int t = 0; t < task.horizon(); t++) {
                double[] x = sample.state(t);
                double[] o = new double[dO];
                int at = 0;
                for (SensorType sensor : task.observationLayout().sensors()) {
                    if (sensor != SensorType.RGB_IMAGE) {
                        int off = task.stateLayout().offsetOf(sensor);
                        int dim = task.stateLayout().dimensionOf(sensor);
                        System.arraycopy(x, off, o, at, dim);
                        at += dim;
                    }
                }
                pre.toObservation(CameraTestTask.render(x, SIZE, SIZE), o, at);
                policy.act(t, x, o, noise[t], action);
                assertArrayEquals(action, sample.actions()[t], 1e-12, "action at t=" + t);
                largest = Math.max(largest, Math.abs(action[0]));
            }
            assertTrue(largest > 1e-3, "the actions are not trivially zero");
        } finally {
            robot.close();
        }
    }

    @Test
    void anImageSizeThatIsNotSquareIsRefused() {
        CameraTestTask task = new CameraTestTask(SimTasks.create(SimTasks.BOX2D_ARM,
                SimTaskOptions.defaults().withHorizon(5)), SIZE);
        int dU = task.actionDim();
        int dO = task.observationLayout().dimension();
        GaussianGlobalPolicy policy = GaussianGlobalPolicy.initial(NetworkTrialTest.linear(dO, dU, 1), 0.1);
        // 3 values too many for an 8x8 image
        NetworkPolicy message = NetworkTrialTest.message(task, policy, NetworkTrialTest.noise(5, dU, 1), 3)
                .toBuilder().observation_dim(dO + 3).build();
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> robot.trial(NetworkTrialTest.command(task, 0, 3), message, false, null));
            assertTrue(e.getMessage().contains("not 3·s·s"), e.getMessage());
        } finally {
            robot.close();
        }
        assertEquals(SIZE, ImageMessages.imageSize(task.observationLayout()));
    }
}
