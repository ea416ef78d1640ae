package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.box2d.ObstacleWorld;
import org.junit.jupiter.api.Test;

class ObstacleNavTaskTest {

    private static final SimTask TASK = SimTasks.create(SimTasks.OBSTACLE_NAV);
    private static final double CONTACT = ObstacleWorld.BALL_RADIUS + 0.05;

    /** u = clamp(−kp·(position − target) − kd·velocity), plus sigma·ε; the state is already target-relative. */
    private static Policy pd(double kp, double kd, double sigma) {
        return new Policy() {
            @Override
            public int actionDim() {
                return 2;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                for (int i = 0; i < 2; i++) {
                    action[i] = -kp * state[i] - kd * state[3 + i] + sigma * noise[i];
                }
            }
        };
    }

    private static double[][] noise(long stream) {
        SplitMix64 random = new SplitMix64(SplitMix64.derive(7, stream));
        double[][] noise = new double[TASK.horizon()][2];
        for (double[] row : noise) {
            random.fillNormal(row);
        }
        return noise;
    }

    private static double[][] allStarts() {
        double[][] starts = new double[10][];
        for (int c = 0; c < 10; c++) {
            starts[c] = c < 5 ? ObstacleNavTask.TRAIN_STARTS[c] : ObstacleNavTask.TEST_STARTS[c - 5];
        }
        return starts;
    }

    @Test
    void isRegisteredWithTheMdgpsTaskShape() {
        assertTrue(SimTasks.names().contains("obstacle_nav"));
        assertEquals("obstacle_nav", TASK.name());
        assertEquals(100, TASK.horizon());
        assertEquals(0.05, TASK.timeStep());
        assertEquals(ObstacleWorld.CONTROL_STEP, TASK.timeStep(), 1e-15);
        assertEquals(2, TASK.actionDim());
        assertEquals(new SensorLayout(List.of(SensorType.END_EFFECTOR_POINTS, SensorType.END_EFFECTOR_POINT_VELOCITIES),
                List.of(3, 3)), TASK.stateLayout());
        assertEquals(TASK.stateLayout(), TASK.observationLayout());
        assertEquals(SensorType.END_EFFECTOR_POINTS, TASK.targetSensor());
        assertArrayEquals(new double[] {0, 0, 0}, TASK.target());
        assertEquals(10, TASK.conditionCount(), "5 training then 5 test starts");
        assertEquals(5, ObstacleNavTask.TRAIN_CONDITIONS);
    }

    @Test
    void initialStatesAreTheStartsRelativeToTheTargetAtRest() {
        double[][] starts = allStarts();
        for (int c = 0; c < 10; c++) {
            double[] x0 = TASK.initialState(c);
            double[] expected = {starts[c][0] - 2.5, starts[c][1], 0, 0, 0, 0};
            assertArrayEquals(expected, x0, 1e-7, "condition " + c);
            Sample sample = new SimAgent(TASK).sample(pd(1, 1, 0), c, new double[100][2]);
            assertArrayEquals(x0, sample.state(0), 0.0, "the first state is x0 bit for bit");
        }
        assertArrayEquals(new double[] {0.5 - 2.5, -0.4, 0, 0, 0, 0}, TASK.initialState(0), 1e-7);
        assertArrayEquals(new double[] {0.5 - 2.5, 0.4, 0, 0, 0, 0}, TASK.initialState(4), 1e-7);
    }

    @Test
    void testStartsAreTheDocumentedDrawFromTheStartRegion() {
        SplitMix64 random = new SplitMix64(ObstacleNavTask.TEST_SEED);
        double[] xs = ObstacleNavTask.START_REGION_X;
        double[] ys = ObstacleNavTask.START_REGION_Y;
        for (double[] start : ObstacleNavTask.TEST_STARTS) {
            double x = xs[0] + (xs[1] - xs[0]) * random.nextUniform();
            double y = ys[0] + (ys[1] - ys[0]) * random.nextUniform();
            assertEquals(Math.round(x * 1000) / 1000.0, start[0], 1e-12);
            assertEquals(Math.round(y * 1000) / 1000.0, start[1], 1e-12);
        }
        for (double[] start : ObstacleNavTask.TRAIN_STARTS) {
            assertTrue(start[0] >= xs[0] && start[0] <= xs[1] && start[1] >= ys[0] && start[1] <= ys[1]);
        }
    }

    @Test
    void theObstaclesBlockTheStraightLineFromEveryStart() {
        for (double[] start : allStarts()) {
            assertTrue(ObstacleWorld.clearance(start[0], start[1]) > 0.3, "start " + start[0] + ", " + start[1]);
            double[] closest = new double[2];
            for (int i = 0; i <= 1000; i++) {
                double s = i / 1000.0;
                double x = start[0] + s * (ObstacleWorld.TARGET_X - start[0]);
                double y = start[1] + s * (ObstacleWorld.TARGET_Y - start[1]);
                for (int k = 0; k < 2; k++) {
                    closest[k] = Math.min(i == 0 ? Double.POSITIVE_INFINITY : closest[k],
                            ObstacleWorld.OBSTACLES.get(k).segmentDistance(x, y));
                }
            }
            String where = "start (" + start[0] + ", " + start[1] + ")";
            assertTrue(closest[1] < CONTACT, where + ": obstacle 2 blocks the straight line");
            if (start[1] >= 0.15) {
                assertTrue(closest[0] < CONTACT, where + ": obstacle 1 blocks the upper starts too");
            }
        }
    }

    @Test
    void pressingTowardTheTargetGoesAroundTheObstaclesAndArrivesWithinTheHorizon() {
        // A saturated PD controller: no path planning, it slides along the faces and around the ends.
        SimAgent agent = new SimAgent(TASK);
        for (int c = 0; c < TASK.conditionCount(); c++) {
            Sample sample = agent.sample(pd(4, 1, 0), c, new double[100][2]);
            double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
            double[] x0 = points[0];
            double offLine = 0;
            for (double[] p : points) {
                // Distance from the straight start-target line (in target-relative coordinates, through the origin).
                offLine = Math.max(offLine, Math.abs(p[0] * x0[1] - p[1] * x0[0]) / Math.hypot(x0[0], x0[1]));
            }
            assertTrue(TASK.finalDistance(sample, c) < 0.05, "condition " + c + ": " + TASK.finalDistance(sample, c));
            assertTrue(offLine > 0.1, "condition " + c + ": the path leaves the straight line by " + offLine);
        }
    }

    @Test
    void finalDistanceIsTheDistanceToTheTargetAtTheLastStep() {
        SimAgent agent = new SimAgent(TASK);
        Sample sample = agent.sample(pd(0.5, 0.2, 0.3), 2, noise(1));
        double[] last = sample.sensor(SensorType.END_EFFECTOR_POINTS)[99];
        assertEquals(Math.hypot(last[0], last[1]), TASK.finalDistance(sample, 2), 0.0);
        assertTrue(TASK.finalDistance(sample, 2) > 0.1, "a weak controller does not arrive");

        // The same rollout, replayed on the world directly.
        double[] start = ObstacleNavTask.TRAIN_STARTS[2];
        ObstacleWorld world = new ObstacleWorld(start[0], start[1], 0, 0);
        for (int t = 0; t < 99; t++) {
            world.setForce(sample.actions()[t][0], sample.actions()[t][1]);
            world.step();
        }
        assertEquals(Math.hypot(world.x() - 2.5, world.y()), TASK.finalDistance(sample, 2), 1e-12);
    }

    @Test
    void samplesRecordTheChosenActionWhileTheWorldAppliesTheClampedOne() {
        SimAgent agent = new SimAgent(TASK);
        Sample strong = agent.sample(pd(40, 0, 0), 5, new double[100][2]);
        Sample unit = agent.sample(new Policy() {
            @Override
            public int actionDim() {
                return 2;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                for (int i = 0; i < 2; i++) {
                    action[i] = ObstacleWorld.clampForce(-40 * state[i]);
                }
            }
        }, 5, new double[100][2]);
        assertTrue(Math.abs(strong.actions()[0][0]) > 50, "recorded unclamped: " + strong.actions()[0][0]);
        for (int t = 0; t < 100; t++) {
            assertArrayEquals(unit.state(t), strong.state(t), 0.0, "t=" + t);
        }
    }

    @Test
    void rolloutsAreBitIdenticalAndVelocitiesAreTheBodyVelocity() {
        SimAgent agent = new SimAgent(TASK);
        Sample first = agent.sample(pd(2, 1, 0.5), 7, noise(3));
        Sample again = agent.sample(pd(2, 1, 0.5), 7, noise(3));
        for (int t = 0; t < 100; t++) {
            assertArrayEquals(first.state(t), again.state(t), 0.0, "t=" + t);
            assertEquals(0.0, first.state(t)[2]);
            assertEquals(0.0, first.state(t)[5]);
        }
        // Away from contacts the position changes by about dt times the velocity.
        double[][] p = first.sensor(SensorType.END_EFFECTOR_POINTS);
        double[][] v = first.sensor(SensorType.END_EFFECTOR_POINT_VELOCITIES);
        assertEquals(v[1][0] * 0.05, p[1][0] - p[0][0], 0.01);
    }

    @Test
    void aNonFiniteActionIsReportedAsDivergence() {
        Policy broken = new Policy() {
            @Override
            public int actionDim() {
                return 2;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                action[0] = t == 7 ? Double.NaN : 0.5;
                action[1] = 0;
            }
        };
        SimulationDivergedException error = assertThrows(SimulationDivergedException.class,
                () -> new SimAgent(TASK).sample(broken, 3, new double[100][2]));
        assertEquals("obstacle_nav", error.taskName());
        assertEquals(3, error.condition());
        assertEquals(7, error.step());
    }

    @Test
    void optionsMayGiveOtherStartsButNotInsideAnObstacleOrOffThePlane() {
        SimTask custom = SimTasks.create("obstacle_nav", SimTaskOptions.defaults().withHorizon(30)
                .withInitialStates(List.of(new double[] {-2.2, 0.6, 0, 0.2, -0.1, 0})));
        assertEquals(1, custom.conditionCount());
        assertEquals(30, custom.horizon());
        assertArrayEquals(new double[] {-2.2, 0.6, 0, 0.2, -0.1, 0}, custom.initialState(0), 1e-7);

        IllegalArgumentException inside = assertThrows(IllegalArgumentException.class,
                () -> SimTasks.create("obstacle_nav", SimTaskOptions.defaults().withInitialStates(
                        List.of(new double[] {2.0 - 2.5, 0.0, 0, 0, 0, 0}))));
        assertTrue(inside.getMessage().contains("initialStates[0]") && inside.getMessage().contains("obstacle"),
                inside.getMessage());
        IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
                () -> SimTasks.create("obstacle_nav", SimTaskOptions.defaults().withInitialStates(
                        List.of(new double[] {-2, 0, 0.1, 0, 0, 0}))));
        assertTrue(z.getMessage().contains("initialStates[0][2]"), z.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimTasks.create("obstacle_nav",
                SimTaskOptions.defaults().withInitialStates(List.of(new double[] {-2, 0, 0, 0}))));
    }
}
