package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.PngFiles;
import org.gpsros.image.RgbFrame;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.reacher.ReacherArm;
import org.gpsros.sim.reacher.ReacherCamera;
import org.junit.jupiter.api.Test;

class VisualReacherTaskTest {

    /** Set -Dgps.camera.frames=DIR to write the frames this test renders as PNGs (to look at them). */
    private static final String FRAMES_PROPERTY = "gps.camera.frames";

    private static VisualReacherTask task(int imageSize) {
        return (VisualReacherTask) SimTasks.create(SimTasks.VISUAL_REACHER,
                SimTaskOptions.defaults().withImageSize(imageSize));
    }

    /** Constant commands (0.4, −0.6) with unit noise covariance: the arm swings across the arena. */
    private static LinearGaussianPolicy swing(int horizon) {
        double[][] gains = new double[horizon][2 * 10];
        double[][] feedforward = new double[horizon][];
        double[][] covariance = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            feedforward[t] = new double[] {0.4, -0.6};
            covariance[t] = new double[] {1, 0, 0, 1};
        }
        return LinearGaussianPolicy.of(gains, feedforward, covariance);
    }

    private static void maybeWrite(RgbFrame frame, String name) throws IOException {
        String dir = System.getProperty(FRAMES_PROPERTY);
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            PngFiles.write(frame, Path.of(dir, name));
        }
    }

    @Test
    void layoutsConditionsAndDefaults() {
        VisualReacherTask task = task(SimTaskOptions.DEFAULT_IMAGE_SIZE);
        assertEquals(50, task.horizon());
        assertEquals(0.05, task.timeStep());
        assertEquals(2, task.actionDim());
        assertEquals(10, task.stateLayout().dimension());
        assertEquals(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.RGB_IMAGE),
                task.observationLayout().sensors());
        assertEquals(4 + 3 * 64 * 64, task.observationLayout().dimension());
        assertEquals(14, task.conditionCount());
        assertEquals(0.03, task.successDistance(), 1e-12);
        assertArrayEquals(new double[] {0.13, 0.13, 0}, task.targetPosition(0));
        assertArrayEquals(new double[] {0.13, -0.13, 0}, task.targetPosition(3));
        for (int c = 0; c < task.conditionCount(); c++) {
            double[] target = task.targetPosition(c);
            double radius = Math.hypot(target[0], target[1]);
            assertTrue(radius >= VisualReacherTask.MIN_TARGET_RADIUS && radius < 0.2, "target " + c + " reachable");
            assertTrue(Math.abs(target[0]) <= 0.13 && Math.abs(target[1]) <= 0.13);
            for (int d = 0; d < c; d++) {
                double[] other = task.targetPosition(d);
                assertTrue(Math.hypot(target[0] - other[0], target[1] - other[1]) > 1e-3, "targets " + c + ", " + d);
            }
            // At rest at the common start, the end-effector point is fingertip − target.
            double[] x0 = task.initialState(c);
            double[] tip = ReacherArm.fingertip(VisualReacherTask.START_SHOULDER, VisualReacherTask.START_ELBOW);
            assertArrayEquals(new double[] {VisualReacherTask.START_SHOULDER, VisualReacherTask.START_ELBOW, 0, 0,
                tip[0] - target[0], tip[1] - target[1], 0, 0, 0, 0}, x0, 1e-15);
            assertTrue(Math.hypot(x0[4], x0[5]) > 0.079, "condition " + c + " starts away from its target");
            assertTrue(Math.hypot(x0[4], x0[5]) >= VisualReacherTask.MIN_START_DISTANCE);
        }
        assertEquals(120 * 120 * 3 + 4, task(120).observationLayout().dimension());
        assertThrows(IllegalArgumentException.class, () -> task(15));
        assertThrows(IllegalArgumentException.class, () -> task(241));
        assertThrows(IllegalArgumentException.class, () -> SimTasks.create(SimTasks.VISUAL_REACHER,
                SimTaskOptions.defaults().withInitialStates(List.of(new double[10]))));
        assertEquals(20, SimTasks.create(SimTasks.VISUAL_REACHER, SimTaskOptions.defaults().withHorizon(20)).horizon());
    }

    @Test
    void optionsFromConfigMap() {
        SimTaskOptions options = SimTaskOptions.fromMap(Map.of("image_size", 32, "distractor", true));
        assertEquals(32, options.imageSize());
        assertTrue(options.distractor());
        assertEquals(SimTaskOptions.TASK_HORIZON, options.horizon());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> SimTaskOptions.fromMap(Map.of("image_size", 300)));
        assertTrue(range.getMessage().contains("image_size"), range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SimTaskOptions.fromMap(Map.of("imagesize", 32)));
        assertTrue(unknown.getMessage().contains("imagesize"), unknown.getMessage());
    }

    /**
     * The agent's sample: states follow the arm (end-effector velocity = finite difference of the points, Jacobians
     * match), and each step's RGB_IMAGE is the camera's frame of that step's state through the preprocessor.
     */
    @Test
    void sampleRecordsStateJacobiansAndTheCameraFrameOfEveryStep() throws IOException {
        int horizon = 12;
        VisualReacherTask shortTask = (VisualReacherTask) SimTasks.create(SimTasks.VISUAL_REACHER,
                SimTaskOptions.defaults().withImageSize(48).withHorizon(horizon));
        SimAgent agent = new SimAgent(shortTask);
        int condition = 1;
        Sample sample = agent.sample(swing(horizon), condition, new double[horizon][2]);
        double[][] images = sample.sensor(SensorType.RGB_IMAGE);
        double[][] sizes = sample.sensor(SensorType.RGB_IMAGE_SIZE);
        double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
        double[][] velocities = sample.sensor(SensorType.END_EFFECTOR_POINT_VELOCITIES);
        double[][] jacobians = sample.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS);
        double[] target = shortTask.targetPosition(condition);
        ReacherCamera camera = new ReacherCamera();
        for (int t = 0; t < horizon; t++) {
            double[] x = sample.state(t);
            assertArrayEquals(new double[] {3, 48, 48}, sizes[t]);
            assertEquals(3 * 48 * 48, images[t].length);
            RgbFrame expected = camera.render(x[0], x[1], target[0], target[1], 48, 48);
            assertEquals(expected, ImagePreprocessor.frame(images[t], 0, 48, 48), "frame at t=" + t);
            double[] observation = sample.observation(t);
            assertArrayEquals(new double[] {x[0], x[1], x[2], x[3]}, java.util.Arrays.copyOf(observation, 4));
            double[] tip = ReacherArm.fingertip(x[0], x[1]);
            assertEquals(tip[0] - target[0], points[t][0], 1e-15);
            assertEquals(tip[1] - target[1], points[t][1], 1e-15);
            double[] jacobian = new double[6];
            ReacherArm.fingertipJacobian(x[0], x[1], jacobian);
            assertArrayEquals(jacobian, jacobians[t]);
            assertEquals(jacobian[0] * x[2] + jacobian[1] * x[3], velocities[t][0], 1e-15);
            assertEquals(jacobian[2] * x[2] + jacobian[3] * x[3], velocities[t][1], 1e-15);
        }
        assertTrue(Math.abs(sample.state(horizon - 1)[0] - sample.state(0)[0]) > 0.3, "the arm swung");
        maybeWrite(ImagePreprocessor.frame(images[0], 0, 48, 48), "visual_reacher_c1_t0_48.png");
        maybeWrite(ImagePreprocessor.frame(images[horizon - 1], 0, 48, 48), "visual_reacher_c1_t11_48.png");
    }

    /** The top-down view: the target's projected centre is red, the fingertip's cyan-green, the floor light grey. */
    @Test
    void cameraShowsTargetFingertipAndFloorWhereTheyAre() throws IOException {
        VisualReacherTask task = task(64);
        for (int c = 0; c < task.conditionCount(); c++) {
            try (SimWorld world = task.newWorld(c)) {
                RgbFrame frame = world.renderCamera(64, 64);
                ReacherCamera camera = new ReacherCamera();
                double[] target = task.targetPosition(c);
                double[] pixel = camera.camera().project(new double[] {target[0], target[1], 0.002}, 64, 64);
                int[] rgb = frame.pixel((int) pixel[0], (int) pixel[1]);
                assertTrue(rgb[0] > 150 && rgb[1] < 90 && rgb[2] < 90, "condition " + c + " target pixel "
                        + java.util.Arrays.toString(rgb));
                double[] tip = ReacherArm.fingertip(VisualReacherTask.START_SHOULDER, VisualReacherTask.START_ELBOW);
                double[] tipPixel = camera.camera().project(new double[] {tip[0], tip[1], 0.03}, 64, 64);
                int[] tipRgb = frame.pixel((int) tipPixel[0], (int) tipPixel[1]);
                assertTrue(tipRgb[1] > 120 && tipRgb[0] < 60, "fingertip pixel " + java.util.Arrays.toString(tipRgb));
                // image up = world +y: the fingertip (y ≈ 0) is below a target at y = +0.13
                if (target[1] > 0.05) {
                    assertTrue(pixel[1] < tipPixel[1]);
                }
                int[] wall = frame.pixel(62, 32); // x ≈ +0.285 m: the right wall
                assertTrue(wall[0] < 140, "wall " + java.util.Arrays.toString(wall));
                int[] open = frame.pixel(10, 32); // x ≈ −0.2, y = 0: open floor for every start
                assertTrue(open[0] > 170 && Math.abs(open[0] - open[2]) < 12, "floor " + java.util.Arrays.toString(open));
                if (c == 0 || c == 5) {
                    maybeWrite(frame, "visual_reacher_c" + c + "_start_64.png");
                    maybeWrite(world.renderCamera(240, 240), "visual_reacher_c" + c + "_start_240.png");
                }
            }
        }
    }

    @Test
    void poseExamplesAreDeterministicAndShowTheTarget() throws IOException {
        VisualReacherTask task = task(64);
        assertEquals(3, task.poseDim());
        PoseExample first = task.poseExample(7, 3, 64);
        PoseExample again = task.poseExample(7, 3, 64);
        assertEquals(first.frame(), again.frame());
        assertArrayEquals(first.pose(), again.pose());
        assertNotEquals(first.pose()[0], task.poseExample(7, 4, 64).pose()[0]);
        assertNotEquals(first.pose()[0], task.poseExample(8, 3, 64).pose()[0]);
        ReacherCamera camera = new ReacherCamera();
        int visible = 0;
        for (int i = 0; i < 20; i++) {
            PoseExample example = task.poseExample(11, i, 64);
            double[] pose = example.pose();
            assertEquals(0, pose[2]);
            assertTrue(Math.abs(pose[0]) <= 0.13 && Math.abs(pose[1]) <= 0.13
                    && Math.hypot(pose[0], pose[1]) >= VisualReacherTask.MIN_TARGET_RADIUS);
            double[] pixel = camera.camera().project(new double[] {pose[0], pose[1], 0.002}, 64, 64);
            int[] rgb = example.frame().pixel((int) pixel[0], (int) pixel[1]);
            if (rgb[0] > 150 && rgb[1] < 90) {
                visible++;
            }
            if (i < 3) {
                maybeWrite(example.frame(), "visual_reacher_pose_" + i + "_64.png");
            }
        }
        assertTrue(visible >= 15, "the target's centre shows in " + visible + " of 20 examples (the arm may hide it)");
        assertThrows(IllegalArgumentException.class, () -> task.poseExample(1, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> task.poseExample(1, -1, 64));
    }
}
