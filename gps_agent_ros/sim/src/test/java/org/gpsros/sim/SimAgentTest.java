package org.gpsros.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class SimAgentTest {

    private static final long SEED = 20240611L;

    /** u = gain·(target − position) on the first two state entries, plus noise with standard deviation sigma. */
    private static LinearGaussianPolicy proportional(int horizon, int stateDim, double gain, double[] target,
                                                     double sigma) {
        double[][] gains = new double[horizon][2 * stateDim];
        double[][] offsets = new double[horizon][2];
        double[][] covariance = new double[horizon][4];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < 2; i++) {
                gains[t][i * stateDim + i] = -gain;
                offsets[t][i] = gain * target[i];
            }
            covariance[t][0] = sigma * sigma;
            covariance[t][3] = sigma * sigma;
        }
        return LinearGaussianPolicy.of(gains, offsets, covariance);
    }

    private static double[][] noise(long stream, int horizon) {
        SplitMix64 random = new SplitMix64(SplitMix64.derive(SEED, stream));
        double[][] noise = new double[horizon][2];
        for (double[] row : noise) {
            random.fillNormal(row);
        }
        return noise;
    }

    private static void assertSameSample(Sample expected, Sample actual) {
        for (SensorType sensor : expected.stateLayout().sensors()) {
            double[][] a = expected.sensor(sensor);
            double[][] b = actual.sensor(sensor);
            for (int t = 0; t < a.length; t++) {
                assertArrayEquals(a[t], b[t], sensor + " at t=" + t);
            }
        }
        for (int t = 0; t < expected.horizon(); t++) {
            assertArrayEquals(expected.actions()[t], actual.actions()[t], "action at t=" + t);
            assertArrayEquals(expected.noise()[t], actual.noise()[t], "noise at t=" + t);
        }
    }

    @Test
    void samePolicyAndNoiseGiveABitIdenticalSample() {
        for (String name : List.of(SimTasks.BOX2D_ARM, SimTasks.BOX2D_POINTMASS)) { // 2-action tasks
            SimAgent agent = new SimAgent(SimTasks.create(name));
            Policy policy = proportional(agent.horizon(), agent.stateLayout().dimension(), 1.5, new double[] {3, 12},
                    0.8);
            Sample first = agent.sample(policy, 0, noise(1, agent.horizon()));
            Sample other = agent.sample(policy, 0, noise(2, agent.horizon()));
            Sample again = agent.sample(policy, 0, noise(1, agent.horizon()));
            assertSameSample(first, again);
            assertNotEquals(first.actions()[5][0], other.actions()[5][0], name + ": different noise, different sample");
        }
    }

    @Test
    void concurrentRolloutsEqualSequentialOnes() throws Exception {
        SimAgent agent = new SimAgent(SimTasks.create("box2d_arm"));
        Policy policy = proportional(100, 7, 2, new double[] {0, 0}, 1.5);
        Sample[] sequential = new Sample[6];
        for (int i = 0; i < sequential.length; i++) {
            sequential[i] = agent.sample(policy, 0, noise(10 + i, 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Sample>> parallel = new ArrayList<>();
            for (int i = 0; i < sequential.length; i++) {
                long stream = 10 + i;
                parallel.add(pool.submit(() -> agent.sample(policy, 0, noise(stream, 100))));
            }
            for (int i = 0; i < sequential.length; i++) {
                assertSameSample(sequential[i], parallel.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstRecordedStateIsTheInitialStateExactly() {
        SimAgent pointMass = new SimAgent(SimTasks.create("box2d_pointmass"));
        Sample sample = pointMass.sample(proportional(100, 6, 1, new double[] {5, 20}, 1), 0, noise(3, 100));
        assertArrayEquals(new double[] {0, 5, 0, 0, 0, 0}, sample.state(0));

        SimAgent arm = new SimAgent(SimTasks.create("box2d_arm"));
        Sample armSample = arm.sample(proportional(100, 7, 1, new double[] {0, 0}, 0.3), 0, noise(4, 100));
        assertArrayEquals(arm.initialState(0), armSample.state(0));
        assertArrayEquals(new double[] {0.75 * Math.PI, 0.5 * Math.PI, 0, 0}, Arrays.copyOf(armSample.state(0), 4),
                1e-6);
    }

    @Test
    void recordsNoiseActionsAndEverySensorAsThePolicyAndPhysicsDictate() {
        SimAgent agent = new SimAgent(SimTasks.create("box2d_pointmass"));
        LinearGaussianPolicy policy = proportional(100, 6, 2, new double[] {5, 20}, 0.5);
        double[][] noise = noise(5, 100);
        Sample sample = agent.sample(policy, 0, noise);
        noise[0][0] = 99;
        assertArrayEquals(noise(5, 100)[0], sample.noise()[0], "the sample keeps its own copy of the noise");
        assertEquals(agent.stateLayout(), sample.stateLayout());
        assertEquals(agent.observationLayout(), sample.observationLayout());
        double dampedDt = 0.05 * (1 - 0.05 * 0.1);
        for (int t = 0; t < 100; t++) {
            double[] x = sample.state(t);
            double[] expected = new double[2];
            policy.act(t, x, x, sample.noise()[t], expected);
            assertArrayEquals(expected, sample.actions()[t], 0.0, "action = K x + k + L ε at t=" + t);
            assertArrayEquals(x, sample.observation(t), 0.0);
            if (t + 1 < 100) {
                double[] next = sample.state(t + 1);
                double[] u = sample.actions()[t];
                assertEquals(x[0] + u[0] * dampedDt, next[0], 1e-5, "x at t=" + (t + 1));
                assertEquals(x[1] + u[1] * dampedDt, next[1], 1e-5, "y at t=" + (t + 1));
                assertEquals(u[0] * (1 - 0.05 * 0.1), next[3], 1e-4, "vx at t=" + (t + 1));
            }
        }
    }

    @Test
    void finalDistanceIsZeroAtTheTarget() {
        SimTask pointMass = SimTasks.create("box2d_pointmass", SimTaskOptions.defaults()
                .withInitialStates(List.of(new double[] {5, 20, 0, 0, 0, 0})));
        SimAgent agent = new SimAgent(pointMass);
        Sample still = agent.sample(proportional(100, 6, 0, new double[] {0, 0}, 1), 0, new double[100][2]);
        assertEquals(0.0, agent.finalDistance(still, 0));

        SimTask arm = SimTasks.create("box2d_arm", SimTaskOptions.defaults()
                .withInitialStates(List.of(new double[] {0, 0, 0, 0, 0, 0, 0})));
        SimAgent armAgent = new SimAgent(arm);
        Sample armStill = armAgent.sample(proportional(100, 7, 0, new double[] {0, 0}, 1), 0, new double[100][2]);
        assertEquals(0.0, armAgent.finalDistance(armStill, 0), 1e-5);
    }

    @Test
    void aProportionalControllerDrivesThePointMassToItsTarget() {
        SimAgent agent = new SimAgent(SimTasks.create("box2d_pointmass"));
        Sample sample = agent.sample(proportional(100, 6, 2, new double[] {5, 20}, 1), 0, new double[100][2]);
        double start = Math.hypot(5 - 0, 20 - 5);
        double expected = start * Math.pow(1 - 2 * 0.05 * (1 - 0.05 * 0.1), 99);
        assertEquals(expected, agent.finalDistance(sample, 0), 1e-5);
    }

    @Test
    void finalDistanceRejectsASampleOfAnotherTask() {
        SimAgent pointMass = new SimAgent(SimTasks.create("box2d_pointmass"));
        SimAgent arm = new SimAgent(SimTasks.create("box2d_arm"));
        Sample armSample = arm.sample(proportional(100, 7, 0, new double[] {0, 0}, 1), 0, new double[100][2]);
        assertThrows(IllegalArgumentException.class, () -> pointMass.finalDistance(armSample, 0));
    }

    @Test
    void aNonFiniteActionIsReportedWithTaskConditionAndStep() {
        SimAgent agent = new SimAgent(SimTasks.create("box2d_arm"));
        Policy badAtSeven = new Policy() {
            @Override
            public int actionDim() {
                return 2;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                action[0] = t == 7 ? Double.NaN : 0.1;
                action[1] = 0;
            }
        };
        SimulationDivergedException error = assertThrows(SimulationDivergedException.class,
                () -> agent.sample(badAtSeven, 0, new double[100][2]));
        assertEquals("box2d_arm", error.taskName());
        assertEquals(0, error.condition());
        assertEquals(7, error.step());
        assertTrue(error.getMessage().contains("box2d_arm") && error.getMessage().contains("step 7"),
                error.getMessage());
    }

    @Test
    void divergingPhysicsIsReportedWithTaskConditionAndStep() {
        SimAgent agent = new SimAgent(new ExplodingTask());
        Policy zero = proportional(10, 1 + 1, 0, new double[] {0, 0}, 1);
        SimulationDivergedException error = assertThrows(SimulationDivergedException.class,
                () -> agent.sample(zero, 1, new double[10][2]));
        assertEquals("exploding", error.taskName());
        assertEquals(1, error.condition());
        assertEquals(4, error.step());
        assertTrue(error.getMessage().contains("JOINT_ANGLES[1]"), error.getMessage());
    }

    @Test
    void rejectsMisshapenNoiseAndPolicies() {
        SimAgent agent = new SimAgent(SimTasks.create("box2d_pointmass"));
        Policy policy = proportional(100, 6, 1, new double[] {0, 0}, 1);
        assertThrows(IllegalArgumentException.class, () -> agent.sample(policy, 0, new double[99][2]));
        assertThrows(IllegalArgumentException.class, () -> agent.sample(policy, 0, new double[100][3]));
        Policy threeActions = new Policy() {
            @Override
            public int actionDim() {
                return 3;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
            }
        };
        assertThrows(IllegalArgumentException.class, () -> agent.sample(threeActions, 0, new double[100][2]));
        assertThrows(IndexOutOfBoundsException.class, () -> agent.sample(policy, 1, new double[100][2]));
    }

    /** A fake world whose second state entry grows ×100 per step: 1e8 at step 4 passes the 1e6 limit. */
    private static final class ExplodingTask implements SimTask {
        private static final SensorLayout LAYOUT = new SensorLayout(List.of(SensorType.JOINT_ANGLES), List.of(2));

        @Override
        public String name() {
            return "exploding";
        }

        @Override
        public int horizon() {
            return 10;
        }

        @Override
        public double timeStep() {
            return 0.05;
        }

        @Override
        public int actionDim() {
            return 2;
        }

        @Override
        public SensorLayout stateLayout() {
            return LAYOUT;
        }

        @Override
        public SensorLayout observationLayout() {
            return LAYOUT;
        }

        @Override
        public int conditionCount() {
            return 2;
        }

        @Override
        public double[] initialState(int condition) {
            return new double[] {0, 1};
        }

        @Override
        public SensorType targetSensor() {
            return SensorType.JOINT_ANGLES;
        }

        @Override
        public double[] target() {
            return new double[2];
        }

        @Override
        public SimWorld newWorld(int condition) {
            return new SimWorld() {
                private double value = 1;

                @Override
                public void readState(double[] state) {
                    state[0] = 0;
                    state[1] = value;
                }

                @Override
                public void step(double[] action) {
                    value *= 100;
                }
            };
        }

        @Override
        public double finalDistance(Sample sample, int condition) {
            return 0;
        }
    }
}
