package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gpsros.cost.CostDerivatives;
import org.gpsros.cost.EndEffectorCost;
import org.gpsros.cost.EndEffectorCostConfig;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.bullet.ArmKinematics;
import org.junit.jupiter.api.Test;

class PegInsertionTaskTest {

    private static final int HORIZON = 20;
    private static final double[] X0 = {0.1, 0.1, -1.54, -1.7, 1.54, -0.2, 0};

    private static SimTask task(String name) {
        return SimTasks.create(name, SimTaskOptions.defaults().withHorizon(HORIZON));
    }

    /** u_t = a fixed pattern of torques plus scaled noise, so samples differ with the noise. */
    private static Policy wigglingPolicy() {
        double[] scale = {3.09, 1.08, 0.393, 0.674, 0.111, 0.152, 0.098};
        return new Policy() {
            @Override
            public int actionDim() {
                return 7;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                for (int j = 0; j < 7; j++) {
                    action[j] = scale[j] * (2 * Math.sin(0.3 * t + j) + noise[j]);
                }
            }
        };
    }

    private static double[][] noise(long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] noise = new double[HORIZON][7];
        for (double[] row : noise) {
            random.fillNormal(row);
        }
        return noise;
    }

    @Test
    void layoutsFollowTheReferenceOrder() {
        SimTask peg = task(SimTasks.PEG_INSERTION);
        assertEquals("peg_insertion", peg.name());
        assertEquals(HORIZON, peg.horizon());
        assertEquals(0.05, peg.timeStep());
        assertEquals(7, peg.actionDim());
        SensorLayout state = new SensorLayout(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES,
                SensorType.END_EFFECTOR_POINTS, SensorType.END_EFFECTOR_POINT_VELOCITIES), List.of(7, 7, 6, 6));
        assertEquals(state, peg.stateLayout());
        assertEquals(26, peg.stateLayout().dimension());
        assertEquals(state, peg.observationLayout());
        assertEquals(new SensorLayout(List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS), List.of(42)),
                peg.extraSensorLayout());
        assertEquals(SensorType.END_EFFECTOR_POINTS, peg.targetSensor());
        assertArrayEquals(new double[6], peg.target());
        assertEquals(0.06, peg.successDistance());
        assertEquals(0.06, new SimAgent(peg).successDistance());

        SimTask blind = task(SimTasks.BLIND_PEG);
        assertEquals("blind_peg", blind.name());
        assertEquals(state, blind.stateLayout());
        assertEquals(new SensorLayout(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES), List.of(7, 7)),
                blind.observationLayout());
        assertEquals(100, SimTasks.create(SimTasks.PEG_INSERTION).horizon());
    }

    @Test
    void conditionsAreTheFourCornersThenNineHeldOutHolePositions() {
        PegInsertionTask peg = (PegInsertionTask) task(SimTasks.PEG_INSERTION);
        assertEquals(13, peg.conditionCount());
        assertArrayEquals(new double[] {0.08, 0.08, 0}, peg.holeOffset(0));
        assertArrayEquals(new double[] {0.08, -0.08, 0}, peg.holeOffset(1));
        assertArrayEquals(new double[] {-0.08, -0.08, 0}, peg.holeOffset(2));
        assertArrayEquals(new double[] {-0.08, 0.08, 0}, peg.holeOffset(3));
        PegInsertionTask again = (PegInsertionTask) task(SimTasks.BLIND_PEG);
        for (int c = 4; c < 13; c++) {
            double[] offset = peg.holeOffset(c);
            assertArrayEquals(offset, again.holeOffset(c), 0.0);
            assertTrue(Math.abs(offset[0]) <= 0.08 && Math.abs(offset[1]) <= 0.08 && offset[2] == 0,
                    "condition " + c);
            assertNotEquals(offset[0], peg.holeOffset(c == 4 ? 5 : 4)[0]);
        }
        assertArrayEquals(new double[] {-0.08, 0.38, -0.5, -0.08, 0.38, -0.2}, peg.targetPoints(3), 1e-15);
        assertThrows(IndexOutOfBoundsException.class, () -> peg.holeOffset(13));
        assertThrows(IndexOutOfBoundsException.class, () -> peg.newWorld(-1));
    }

    @Test
    void initialStateIsX0WithTargetRelativePegEnds() {
        PegInsertionTask peg = (PegInsertionTask) task(SimTasks.PEG_INSERTION);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        for (int c : new int[] {0, 2, 7}) {
            double[] x0 = peg.initialState(c);
            double[] angles = new double[7];
            for (int j = 0; j < 7; j++) {
                angles[j] = (float) X0[j];
                assertEquals(angles[j], x0[j], 0.0);
                assertEquals(0.0, x0[7 + j], 0.0);
            }
            kinematics.update(angles);
            double[] ends = new double[6];
            kinematics.pegEnds(ends);
            double[] targets = peg.targetPoints(c);
            for (int i = 0; i < 6; i++) {
                assertEquals(ends[i] - targets[i], x0[14 + i], 1e-15);
                assertEquals(0.0, x0[20 + i], 0.0);
            }
        }
    }

    @Test
    void samplesRecordFiniteDifferenceVelocitiesAndKinematicJacobians() {
        PegInsertionTask peg = (PegInsertionTask) task(SimTasks.PEG_INSERTION);
        SimAgent agent = new SimAgent(peg);
        Sample sample = agent.sample(wigglingPolicy(), 1, noise(3));
        assertArrayEquals(peg.initialState(1), sample.state(0), 0.0);
        double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
        double[][] velocities = sample.sensor(SensorType.END_EFFECTOR_POINT_VELOCITIES);
        double[][] jacobians = sample.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS);
        double[][] angles = sample.sensor(SensorType.JOINT_ANGLES);
        assertArrayEquals(new double[6], velocities[0], 0.0);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        double[] expected = new double[42];
        double moved = 0;
        for (int t = 0; t < HORIZON; t++) {
            if (t > 0) {
                for (int i = 0; i < 6; i++) {
                    assertEquals((points[t][i] - points[t - 1][i]) / 0.05, velocities[t][i], 1e-12);
                }
            }
            kinematics.update(angles[t]);
            kinematics.pegEndJacobians(expected);
            assertArrayEquals(expected, jacobians[t], 0.0, "step " + t);
            moved = Math.max(moved, Math.abs(angles[t][6] - angles[0][6]));
        }
        assertTrue(moved > 0.01, "the arm did not move");
        double[] last = points[HORIZON - 1];
        assertEquals(Math.sqrt(last[0] * last[0] + last[1] * last[1] + last[2] * last[2]),
                peg.finalDistance(sample, 1), 0.0);
    }

    @Test
    void rolloutsAreBitIdenticalAndDependOnTheNoise() {
        SimAgent agent = new SimAgent(task(SimTasks.PEG_INSERTION));
        Sample first = agent.sample(wigglingPolicy(), 0, noise(5));
        Sample second = agent.sample(wigglingPolicy(), 0, noise(5));
        Sample other = agent.sample(wigglingPolicy(), 0, noise(6));
        for (int t = 0; t < HORIZON; t++) {
            assertArrayEquals(first.state(t), second.state(t), 0.0);
            assertArrayEquals(first.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[t],
                    second.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[t], 0.0);
        }
        assertNotEquals(first.state(HORIZON - 1)[0], other.state(HORIZON - 1)[0]);
    }

    @Test
    void concurrentRolloutsEqualSequentialOnes() throws Exception {
        SimAgent agent = new SimAgent(task(SimTasks.PEG_INSERTION));
        Sample[] sequential = new Sample[4];
        for (int i = 0; i < sequential.length; i++) {
            sequential[i] = agent.sample(wigglingPolicy(), i, noise(20 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < sequential.length; i++) {
                int index = i;
                futures.add(pool.submit(() -> agent.sample(wigglingPolicy(), index, noise(20 + index))));
            }
            for (int i = 0; i < sequential.length; i++) {
                Sample parallel = futures.get(i).get();
                for (int t = 0; t < HORIZON; t++) {
                    assertArrayEquals(sequential[i].state(t), parallel.state(t), 0.0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBlindPolicySeesJointStateOnly() {
        SimAgent agent = new SimAgent(task(SimTasks.BLIND_PEG));
        Sample sample = agent.sample(wigglingPolicy(), 2, noise(7));
        for (int t = 0; t < HORIZON; t++) {
            double[] state = sample.state(t);
            double[] observation = sample.observation(t);
            assertEquals(14, observation.length);
            for (int i = 0; i < 14; i++) {
                assertEquals(state[i], observation[i], 0.0);
            }
        }
    }

    @Test
    void theFkCostEvaluatesOnPegSamples() {
        SimAgent agent = new SimAgent(task(SimTasks.PEG_INSERTION));
        Sample sample = agent.sample(wigglingPolicy(), 3, noise(9));
        EndEffectorCost cost = new EndEffectorCost(EndEffectorCostConfig.of(new double[6],
                new double[] {2, 2, 1, 2, 2, 1}).withL1(0.1).withL2(10));
        CostDerivatives derivatives = cost.evaluate(sample);
        double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
        double[][] jacobians = sample.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS);
        for (int t = 0; t < HORIZON; t++) {
            // The joint-angle gradient is Jᵀ ∂ℓ/∂d; check its l2 part's sign structure through a directional
            // derivative: moving the joints along −gradient must reduce ½·l2·Σ wp d² to first order.
            double[] gradient = derivatives.stateGradient()[t];
            double slope = 0;
            for (int i = 0; i < 6; i++) {
                double ddot = 0;
                for (int j = 0; j < 7; j++) {
                    ddot += jacobians[t][i * 7 + j] * -gradient[j];
                }
                slope += new double[] {2, 2, 1, 2, 2, 1}[i] * points[t][i] * ddot;
            }
            assertTrue(slope < 0, "step " + t);
            assertTrue(Double.isFinite(derivatives.value()[t]));
        }
    }

    @Test
    void aNonFiniteActionIsReportedWithConditionAndStep() {
        SimAgent agent = new SimAgent(task(SimTasks.PEG_INSERTION));
        Policy bad = new Policy() {
            @Override
            public int actionDim() {
                return 7;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                java.util.Arrays.fill(action, t == 4 ? Double.NaN : 0.0);
            }
        };
        SimulationDivergedException error = assertThrows(SimulationDivergedException.class,
                () -> agent.sample(bad, 5, noise(1)));
        assertEquals(5, error.condition());
        assertEquals(4, error.step());
        assertEquals("peg_insertion", error.taskName());
    }

    @Test
    void initialStatesCannotBeGivenAndForeignSamplesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SimTasks.create(SimTasks.PEG_INSERTION, SimTaskOptions.defaults()
                        .withInitialStates(List.of(new double[26]))));
        assertTrue(error.getMessage().contains("hole positions"), error.getMessage());
        SimTask longer = SimTasks.create(SimTasks.PEG_INSERTION, SimTaskOptions.defaults().withHorizon(21));
        Sample sample = new SimAgent(task(SimTasks.PEG_INSERTION)).sample(wigglingPolicy(), 0, noise(2));
        assertThrows(IllegalArgumentException.class, () -> longer.finalDistance(sample, 0));
    }
}
