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
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
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

    /**
     * visual_peg: the observation takes the peg's world-frame ends (END_EFFECTOR_POINTS_NO_TARGET and velocities) from the
     * sensors recorded beside the state and ends with the camera's image; the robot's network trial equals SimAgent's
     * sample of the same policy and noise, action for action.
     */
    @Test
    void visualPegNetworkSeesNoTargetPointsAndTheImageAsSimAgentDoes() {
        int size = 16;
        SimTask task = SimTasks.create(SimTasks.VISUAL_PEG, SimTaskOptions.defaults().withHorizon(8)
                .withImageSize(size));
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        int configuration = task.observationLayout().offsetOf(SensorType.RGB_IMAGE);
        assertEquals(26, configuration);
        SplitMix64 random = new SplitMix64(6);
        double[][] observations = new double[40][dO];
        for (double[] o : observations) {
            for (int j = 0; j < dO; j++) {
                o[j] = j < configuration ? 0.3 * random.nextNormal() + 0.1 * j : random.nextUniform();
            }
        }
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(NetworkTrialTest.linear(dO, dU, 12),
                ObservationNormalizer.fit(observations, configuration), new double[] {1, 1, 1, 1, 1, 1, 1});
        double[][] noise = NetworkTrialTest.noise(task.horizon(), dU, 13);
        int condition = 2;
        Sample local = new SimAgent(task).sample(policy, condition, noise);
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            robot.reset(new PositionCommand(1, (byte) 1, (byte) 0, SimRobot.resetTarget(task, condition),
                    new double[0]));
            SampleResult result = robot.trial(NetworkTrialTest.command(task, condition, 2),
                    NetworkTrialTest.message(task, policy, noise, 2), false, null);
            Sample sample = SampleMessages.toSample(result, task.stateLayout(), task.stateLayout(), task.horizon(), dU,
                    noise);
            for (int t = 0; t < task.horizon(); t++) {
                assertArrayEquals(local.actions()[t], sample.actions()[t], 0.0, "action at t=" + t);
                assertArrayEquals(local.state(t), sample.state(t), 0.0, "state at t=" + t);
                assertArrayEquals(local.sensor(SensorType.END_EFFECTOR_POINTS_NO_TARGET)[t],
                        sample.sensor(SensorType.END_EFFECTOR_POINTS_NO_TARGET)[t], 0.0);
            }
            assertTrue(Math.abs(local.actions()[3][0]) > 1e-3, "the actions are not trivially zero");
        } finally {
            robot.close();
        }
    }

    /**
     * visual_reacher's conditions share the arm's start: the trial's ee_points_tgt tell the robot which target, so a
     * network trial on condition 3 after one on condition 0 equals SimAgent's samples of those conditions (the state's
     * fingertip − target shows the target used).
     */
    @Test
    void visualReacherTrialsUseTheTargetTheTrialNames() {
        SimTask task = SimTasks.create(SimTasks.VISUAL_REACHER, SimTaskOptions.defaults().withHorizon(6)
                .withImageSize(16));
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        int configuration = task.observationLayout().offsetOf(SensorType.RGB_IMAGE);
        SplitMix64 random = new SplitMix64(2);
        double[][] observations = new double[30][dO];
        for (double[] o : observations) {
            for (int j = 0; j < dO; j++) {
                o[j] = j < configuration ? random.nextNormal() : random.nextUniform();
            }
        }
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(NetworkTrialTest.linear(dO, dU, 3),
                ObservationNormalizer.fit(observations, configuration), new double[] {0.01, 0.01});
        double[][] noise = NetworkTrialTest.noise(task.horizon(), dU, 4);
        SimAgent agent = new SimAgent(task);
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            int id = 1;
            for (int condition : new int[] {0, 3}) {
                robot.reset(new PositionCommand(id++, (byte) 1, (byte) 0, SimRobot.resetTarget(task, condition),
                        new double[0]));
                SampleResult result = robot.trial(NetworkTrialTest.command(task, condition, id),
                        NetworkTrialTest.message(task, policy, noise, id), false, null);
                id++;
                assertEquals(condition, robot.environment());
                Sample sample = SampleMessages.toSample(result, task.stateLayout(), task.stateLayout(), task.horizon(),
                        dU, noise);
                Sample local = agent.sample(policy, condition, noise);
                for (int t = 0; t < task.horizon(); t++) {
                    assertArrayEquals(local.state(t), sample.state(t), 0.0, "condition " + condition + ", t=" + t);
                    assertArrayEquals(local.actions()[t], sample.actions()[t], 0.0);
                }
            }
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
