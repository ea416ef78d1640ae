package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.PngFiles;
import org.gpsros.image.RgbFrame;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.bullet.ArmKinematics;
import org.gpsros.sim.bullet.PegCamera;
import org.gpsros.sim.bullet.PegWorld;
import org.junit.jupiter.api.Test;

class VisualPegTaskTest {

    /** Set -Dgps.camera.frames=DIR to write the frames this test renders as PNGs. */
    private static final String FRAMES_PROPERTY = "gps.camera.frames";

    private static VisualPegTask task(int horizon, int imageSize, boolean distractor) {
        return (VisualPegTask) SimTasks.create(SimTasks.VISUAL_PEG, SimTaskOptions.defaults().withHorizon(horizon)
                .withImageSize(imageSize).withDistractor(distractor));
    }

    private static void maybeWrite(RgbFrame frame, String name) throws IOException {
        String dir = System.getProperty(FRAMES_PROPERTY);
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            PngFiles.write(frame, Path.of(dir, name));
        }
    }

    /** The rim's colour family: strong red, medium green, little blue. */
    private static boolean orange(int[] rgb) {
        return rgb[0] > 150 && rgb[1] > 40 && rgb[1] < 140 && rgb[2] < 60;
    }

    private static boolean blue(int[] rgb) {
        return rgb[2] > 120 && rgb[0] < 80;
    }

    /** A pixel of the rim's +x side (between the opening and the rim's outer edge) for a hole at {@code offset}. */
    private static int[] rimPixel(RgbFrame frame, PegCamera camera, double[] offset) {
        double[] center = PegWorld.holeCenter();
        double[] point = {center[0] + offset[0] + 0.0575, center[1] + offset[1], PegWorld.TABLE_TOP + offset[2]};
        double[] pixel = camera.camera().project(point, frame.width(), frame.height());
        return frame.pixel((int) pixel[0], (int) pixel[1]);
    }

    @Test
    void layoutsAreThePegTasksWithAnImageAndNoTargetObservation() {
        VisualPegTask task = task(10, 64, false);
        SimTask peg = SimTasks.create(SimTasks.PEG_INSERTION, SimTaskOptions.defaults().withHorizon(10));
        assertEquals(peg.stateLayout(), task.stateLayout());
        assertEquals(peg.conditionCount(), task.conditionCount());
        assertEquals(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES,
                SensorType.END_EFFECTOR_POINTS_NO_TARGET, SensorType.END_EFFECTOR_POINT_VELOCITIES_NO_TARGET,
                SensorType.RGB_IMAGE), task.observationLayout().sensors());
        assertEquals(26 + 3 * 64 * 64, task.observationLayout().dimension());
        assertEquals(List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS, SensorType.END_EFFECTOR_POINTS_NO_TARGET,
                SensorType.END_EFFECTOR_POINT_VELOCITIES_NO_TARGET), task.extraSensorLayout().sensors());
        assertEquals(0.06, task.successDistance());
        for (int c = 0; c < task.conditionCount(); c++) {
            assertArrayEquals(((PegInsertionTask) peg).holeOffset(c), task.holeOffset(c));
        }
        assertEquals(100, SimTasks.create(SimTasks.VISUAL_PEG).horizon());
        assertEquals(3 * 120 * 120, task(10, 120, false).observationLayout().dimensionOf(SensorType.RGB_IMAGE));
        // peg_insertion and blind_peg keep their layouts and have no camera.
        assertEquals(List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS), peg.extraSensorLayout().sensors());
        try (SimWorld world = peg.newWorld(0)) {
            assertThrows(UnsupportedOperationException.class, () -> world.renderCamera(64, 64));
        }
    }

    /**
     * A short sample: the world-frame peg ends are the target-relative state plus the condition's targets, the
     * observation takes them from the extra sensors, and each step's image is the camera's frame of that step.
     */
    @Test
    void sampleRecordsWorldFramePegEndsAndFrames() throws IOException {
        int horizon = 6;
        VisualPegTask task = task(horizon, 32, false);
        Policy push = new Policy() {
            @Override
            public int actionDim() {
                return 7;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                Arrays.fill(action, 0);
                action[0] = 20;
                action[1] = -20;
            }
        };
        int condition = 2;
        Sample sample = new SimAgent(task).sample(push, condition, new double[horizon][7]);
        double[] targets = task.targetPoints(condition);
        double[][] worldEnds = sample.sensor(SensorType.END_EFFECTOR_POINTS_NO_TARGET);
        double[][] worldVelocities = sample.sensor(SensorType.END_EFFECTOR_POINT_VELOCITIES_NO_TARGET);
        double[][] images = sample.sensor(SensorType.RGB_IMAGE);
        PegCamera camera = new PegCamera(task.holeOffset(condition), false);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        for (int t = 0; t < horizon; t++) {
            double[] x = sample.state(t);
            double[] o = sample.observation(t);
            for (int i = 0; i < 6; i++) {
                assertEquals(x[14 + i] + targets[i], worldEnds[t][i], 1e-12);
                assertEquals(x[20 + i], worldVelocities[t][i], 1e-12);
                assertEquals(worldEnds[t][i], o[14 + i]);
                assertEquals(worldVelocities[t][i], o[20 + i]);
            }
            assertArrayEquals(Arrays.copyOf(x, 14), Arrays.copyOf(o, 14));
            kinematics.update(Arrays.copyOf(x, 7));
            assertEquals(camera.render(kinematics, 32, 32), ImagePreprocessor.frame(images[t], 0, 32, 32),
                    "frame at t=" + t);
            assertArrayEquals(new double[] {3, 32, 32}, sample.sensor(SensorType.RGB_IMAGE_SIZE)[t]);
        }
        assertNotEquals(sample.state(horizon - 1)[0], sample.state(0)[0], "the arm moved");
        maybeWrite(ImagePreprocessor.frame(images[horizon - 1], 0, 32, 32), "visual_peg_c2_t5_32.png");
    }

    /** Each training hole shows its orange rim where the camera projects it; the distractor shows only when asked. */
    @Test
    void cameraShowsTheHoleWhereItIsAndTheDistractorOnRequest() throws IOException {
        VisualPegTask plain = task(10, 120, false);
        VisualPegTask cluttered = task(10, 120, true);
        assertTrue(cluttered.distractor());
        PegCamera projector = new PegCamera(new double[3], false);
        double h = PegCamera.DISTRACTOR_HALF_SIZE;
        double[] box = {PegCamera.DISTRACTOR_POSITION[0], PegCamera.DISTRACTOR_POSITION[1],
            PegCamera.DISTRACTOR_POSITION[2] + 2 * h};
        double[] boxPixel = projector.camera().project(box, 120, 120);
        RgbFrame previous = null;
        for (int c = 0; c < PegInsertionTask.TRAIN_CONDITIONS; c++) {
            try (SimWorld a = plain.newWorld(c); SimWorld b = cluttered.newWorld(c)) {
                RgbFrame frame = a.renderCamera(120, 120);
                RgbFrame withBox = b.renderCamera(120, 120);
                int[] rim = rimPixel(frame, projector, plain.holeOffset(c));
                assertTrue(orange(rim), "condition " + c + ": rim pixel " + Arrays.toString(rim));
                int[] boxTop = withBox.pixel((int) boxPixel[0], (int) boxPixel[1] + 1);
                assertTrue(blue(boxTop), "distractor pixel " + Arrays.toString(boxTop));
                assertTrue(!blue(frame.pixel((int) boxPixel[0], (int) boxPixel[1] + 1)), "no distractor");
                assertNotEquals(previous, frame, "the hole moves between conditions");
                previous = frame;
                maybeWrite(frame, "visual_peg_c" + c + "_start_120.png");
                if (c == 0) {
                    maybeWrite(withBox, "visual_peg_c0_distractor_120.png");
                    maybeWrite(b.renderCamera(64, 64), "visual_peg_c0_distractor_64.png");
                    maybeWrite(a.renderCamera(240, 240), "visual_peg_c0_start_240.png");
                }
            }
        }
    }

    @Test
    void poseExamplesAreDeterministicAndShowTheHole() throws IOException {
        VisualPegTask task = task(10, 64, false);
        assertEquals(3, task.poseDim());
        PoseExample first = task.poseExample(5, 2, 96);
        PoseExample again = task.poseExample(5, 2, 96);
        assertEquals(first.frame(), again.frame());
        assertArrayEquals(first.pose(), again.pose());
        assertNotEquals(first.pose()[0], task.poseExample(5, 3, 96).pose()[0]);
        PegCamera projector = new PegCamera(new double[3], false);
        int visible = 0;
        for (int i = 0; i < 12; i++) {
            PoseExample example = task.poseExample(9, i, 96);
            double[] pose = example.pose();
            double[] offset = {pose[0], pose[1] - 0.3, pose[2] + 0.5};
            assertTrue(Math.abs(offset[0]) <= 0.08 && Math.abs(offset[1]) <= 0.08, Arrays.toString(pose));
            assertEquals(0, offset[2], 1e-12);
            if (orange(rimPixel(example.frame(), projector, offset))) {
                visible++;
            }
            if (i < 2) {
                maybeWrite(example.frame(), "visual_peg_pose_" + i + "_96.png");
            }
        }
        assertTrue(visible >= 9, "the rim shows in " + visible + " of 12 examples (the arm may hide it)");
        assertThrows(IllegalArgumentException.class, () -> task.poseExample(1, 0, 300));
    }
}
