package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.math.SplitMix64;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.nn.MlpConfig;
import org.gpsros.nn.MlpPolicyNetwork;
import org.gpsros.node.protocol.NetworkPolicyMessages;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.ObservationNormalizer;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.gpsros.sim.TargetConditions;
import org.junit.jupiter.api.Test;

/**
 * Network trials on the simulated robot without ROS: the robot's u_t = μ_θ(o_t·S + b) + √v ⊙ ε_t equals
 * {@code SimAgent.sample} of the same {@link GaussianGlobalPolicy} bit for bit (linear and MLP networks, an observation
 * that is the state and one that is part of it), malformed NetworkPolicies are refused with messages that name the
 * field, and the peg tasks' hole is chosen by the trial's ee_points_tgt.
 */
class NetworkTrialTest {

    /** A policy with a fitted (non-identity) normaliser and unequal variances. */
    static GaussianGlobalPolicy policy(PolicyNetwork network, long seed) {
        int dO = network.inputDim();
        SplitMix64 random = new SplitMix64(seed);
        double[][] observations = new double[40][dO];
        for (double[] o : observations) {
            for (int j = 0; j < dO; j++) {
                o[j] = 0.1 * j + 0.3 * (j % 3 + 1) * random.nextNormal();
            }
        }
        double[] variance = new double[network.outputDim()];
        for (int i = 0; i < variance.length; i++) {
            variance[i] = 0.02 * (i + 1);
        }
        return new GaussianGlobalPolicy(network, ObservationNormalizer.fit(observations, dO), variance);
    }

    /** A linear network with weights large enough to move the task. */
    static LinearPolicyNetwork linear(int dO, int dU, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[] weights = new double[dO * dU];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.2 * random.nextNormal();
        }
        double[] bias = new double[dU];
        for (int i = 0; i < dU; i++) {
            bias[i] = 0.1 * random.nextNormal();
        }
        return LinearPolicyNetwork.of(dO, dU, weights, bias);
    }

    static double[][] noise(int horizon, int dU, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] noise = new double[horizon][dU];
        for (double[] row : noise) {
            for (int i = 0; i < dU; i++) {
                row[i] = random.nextNormal();
            }
        }
        return noise;
    }

    private static Sample robotSample(SimRobot robot, SimTask task, GaussianGlobalPolicy policy, int condition,
                                      double[][] noise, int id) {
        robot.reset(new PositionCommand(id - 1, (byte) 1, (byte) 0, SimRobot.resetTarget(task, condition),
                new double[0]));
        SampleResult result = robot.trial(command(task, condition, id), message(task, policy, noise, id), false, null);
        assertEquals(id, result.id());
        return SampleMessages.toSample(result, task.stateLayout(), task.observationLayout(), task.horizon(),
                task.actionDim(), noise);
    }

    static TrialCommand command(SimTask task, int condition, int id) {
        double[] points = new double[0];
        double[] targets = new double[0];
        if (task instanceof TargetConditions shared) {
            points = shared.endEffectorPointsInToolFrame();
            targets = shared.targetPoints(condition);
        }
        return NetworkPolicyMessages.trialCommand(id, task.horizon(), 1.0 / task.timeStep(), task.stateLayout(),
                task.observationLayout(), points, targets);
    }

    static NetworkPolicy message(SimTask task, GaussianGlobalPolicy policy, double[][] noise, int id) {
        return NetworkPolicyMessages.networkPolicy(id, 3, policy, noise, task.observationLayout());
    }

    private static void assertSameSample(Sample expected, Sample actual) {
        for (int t = 0; t < expected.horizon(); t++) {
            assertArrayEquals(expected.state(t), actual.state(t), 0.0, "state at t=" + t);
            assertArrayEquals(expected.actions()[t], actual.actions()[t], 0.0, "action at t=" + t);
        }
        assertArrayEquals(expected.noise()[5], actual.noise()[5], 0.0);
    }

    @Test
    void linearAndMlpPoliciesOnTheRobotEqualSimAgentBitForBit() {
        SimTask task = SimTasks.create(SimTasks.OBSTACLE_NAV, SimTaskOptions.defaults().withHorizon(40));
        SimAgent sim = new SimAgent(task);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            GaussianGlobalPolicy linear = policy(linear(dO, dU, 1), 2);
            double[][] noise = noise(task.horizon(), dU, 3);
            assertSameSample(sim.sample(linear, 1, noise), robotSample(robot, task, linear, 1, noise, 11));
            assertTrue(robot.lastInference().restored());
            assertEquals(task.horizon(), robot.lastInference().steps());

            GaussianGlobalPolicy mlp = policy(MlpPolicyNetwork.create(MlpConfig.defaults()
                    .withHiddenWidths(List.of(40, 40)), dO, dU, 4), 5);
            double[][] other = noise(task.horizon(), dU, 6);
            assertSameSample(sim.sample(mlp, 2, other), robotSample(robot, task, mlp, 2, other, 21));
            assertTrue(robot.lastInference().restored());
            // The same network again is not restored again.
            assertSameSample(sim.sample(mlp, 0, noise), robotSample(robot, task, mlp, 0, noise, 31));
            assertFalse(robot.lastInference().restored());
        } finally {
            robot.close();
        }
    }

    @Test
    void malformedNetworkPoliciesAreRefusedNamingTheField() {
        SimTask task = SimTasks.create(SimTasks.BOX2D_POINTMASS, SimTaskOptions.defaults().withHorizon(10));
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            GaussianGlobalPolicy good = policy(linear(dO, dU, 1), 2);
            double[][] noise = noise(task.horizon(), dU, 3);
            NetworkPolicy base = message(task, good, noise, 5);
            TrialCommand command = command(task, 0, 5);

            NetworkPolicy unknown = base.toBuilder().network_format("transformer").build();
            var e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, unknown, false, null));
            assertTrue(e.getMessage().contains("network_format 'transformer'") && e.getMessage().contains("linear")
                    && e.getMessage().contains("mlp") && e.getMessage().contains("cnn"), e.getMessage());

            NetworkPolicy wrongNetwork = base.toBuilder().network(linear(dO + 1, dU, 1).save()).build();
            e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, wrongNetwork, false, null));
            assertTrue(e.getMessage().contains("maps " + (dO + 1) + " → " + dU), e.getMessage());

            NetworkPolicy wrongDim = base.toBuilder().observation_dim(dO + 2).build();
            e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, wrongDim, false, null));
            assertTrue(e.getMessage().contains("observation_dim " + (dO + 2)), e.getMessage());

            NetworkPolicy shortNoise = base.toBuilder().noise(new double[3]).build();
            e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, shortNoise, false, null));
            assertTrue(e.getMessage().contains("noise values"), e.getMessage());

            NetworkPolicy corrupt = base.toBuilder().network(new byte[] {1, 2, 3}).build();
            e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, corrupt, false, null));
            assertTrue(e.getMessage().contains("cannot be restored"), e.getMessage());

            NetworkPolicy otherId = base.toBuilder().id(6).build();
            e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command, otherId, false, null));
            assertTrue(e.getMessage().contains("has id 6"), e.getMessage());

            // The robot still runs a good one afterwards.
            assertEquals(5, robot.trial(command, base, false, null).id());
        } finally {
            robot.close();
        }
    }

    @Test
    void pegTrialsTakeTheHoleFromEePointsTgtAndEqualSimAgent() {
        SimTask task = SimTasks.create(SimTasks.BLIND_PEG, SimTaskOptions.defaults().withHorizon(20));
        SimAgent sim = new SimAgent(task);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        assertEquals(14, dO);
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        try {
            GaussianGlobalPolicy policy = policy(linear(dO, dU, 7), 8);
            double[][] noise = noise(task.horizon(), dU, 9);
            Sample ros = robotSample(robot, task, policy, 2, noise, 2);
            assertEquals(2, robot.environment());
            Sample local = sim.sample(policy, 2, noise);
            assertSameSample(local, ros);
            assertArrayEquals(local.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[7],
                    ros.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[7], 0.0);
            assertNotEquals(local.state(0)[14], sim.sample(policy, 1, noise).state(0)[14]);

            // Another hole after the arm moved, without a reset: refused.
            var e = assertThrows(IllegalArgumentException.class, () -> robot.trial(command(task, 1, 4),
                    message(task, policy, noise, 4), false, null));
            assertTrue(e.getMessage().contains("PositionCommand first"), e.getMessage());
            assertSameSample(sim.sample(policy, 1, noise), robotSample(robot, task, policy, 1, noise, 6));
            assertEquals(1, robot.environment());
        } finally {
            robot.close();
        }
        // A safety stop rebuilds the world at rest at the arm's last angles, keeping the hole; a reset then goes on.
        SimRobot strict = new SimRobot(task, new SimRobot.Limits(0.05, SimAgent.DIVERGENCE_LIMIT));
        try {
            GaussianGlobalPolicy policy = policy(linear(dO, dU, 7), 8);
            double[][] noise = noise(task.horizon(), dU, 9);
            strict.reset(new PositionCommand(1, (byte) 1, (byte) 0, SimRobot.resetTarget(task, 3), new double[0]));
            SampleResult cut = strict.trial(command(task, 3, 2), message(task, policy, noise, 2), false, null);
            assertTrue(strict.lastSafetyStop() != null && strict.lastSafetyStop().contains("limit ±0.05"),
                    strict.lastSafetyStop());
            assertEquals(3, strict.environment());
            double[] x = strict.state();
            for (int j = 7; j < 14; j++) {
                assertEquals(0.0, x[j], 1e-6, "joint speed " + j + " after the stop");
            }
            assertEquals(2, cut.id());
            strict.reset(new PositionCommand(3, (byte) 1, (byte) 0, SimRobot.resetTarget(task, 3), new double[0]));
            assertArrayEquals(task.initialState(3), strict.state(), 0.0);
        } finally {
            strict.close();
        }
    }
}
