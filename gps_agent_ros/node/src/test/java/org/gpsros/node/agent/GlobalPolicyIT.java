package org.gpsros.node.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.gpsros.math.SplitMix64;
import org.gpsros.msg.gps_msgs.NetworkPolicy;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.nn.MlpConfig;
import org.gpsros.nn.MlpPolicyNetwork;
import org.gpsros.node.protocol.NetworkPolicyMessages;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobot;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.ObservationNormalizer;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;

/**
 * Global policies over TCPROS: a RosAgent sampling a {@link GaussianGlobalPolicy} (NetworkPolicy + TrialCommand with
 * controller_to_execute 2) on the simulated robot node gives SimAgent's sample bit for bit (linear network on
 * obstacle_nav, MLP 2×40 on peg_insertion), a malformed NetworkPolicy fails at once with the robot's reason, and the
 * network's time per step inside the robot's loop is printed for BENCHMARKS.md (no timing assertions).
 */
class GlobalPolicyIT extends RosInteropTest {

    private static GaussianGlobalPolicy policy(PolicyNetwork network, long seed) {
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

    private static double[][] noise(int horizon, int dU, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] noise = new double[horizon][dU];
        for (double[] row : noise) {
            for (int i = 0; i < dU; i++) {
                row[i] = random.nextNormal();
            }
        }
        return noise;
    }

    private static void assertSameSample(Sample expected, Sample actual) {
        for (int t = 0; t < expected.horizon(); t++) {
            assertArrayEquals(expected.state(t), actual.state(t), 0.0, "state at t=" + t);
            assertArrayEquals(expected.actions()[t], actual.actions()[t], 0.0, "action at t=" + t);
            assertArrayEquals(expected.noise()[t], actual.noise()[t], 0.0, "noise at t=" + t);
        }
    }

    @Test
    void linearPolicyOverRosEqualsSimAgentAndMalformedPoliciesFailWithTheRobotsReason() {
        SimTask task = SimTasks.create(SimTasks.OBSTACLE_NAV);
        SimAgent sim = new SimAgent(task);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        RosNode robot = RosNodeRunner.start(new SimRobotNode(SimTasks.OBSTACLE_NAV, false, RobotTopics.DEFAULT),
                config().build());
        RosNode learner = startNode("gp_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            GaussianGlobalPolicy linear = policy(LinearPolicyNetwork.create(dO, dU, 1), 2);
            double[][] noise = noise(task.horizon(), dU, 3);
            assertSameSample(sim.sample(linear, 3, noise), agent.sample(linear, 3, noise));
            double[][] zero = new double[task.horizon()][dU];
            assertSameSample(sim.sample(linear, 6, zero), agent.sample(linear, 6, zero));

            // A NetworkPolicy whose network does not fit: the learner fails at once, naming the robot's reason.
            agent.reset(0);
            int id = agent.nextId();
            NetworkPolicy wrong = NetworkPolicyMessages.networkPolicy(id, 0, linear, noise, task.observationLayout())
                    .toBuilder().network(LinearPolicyNetwork.create(dO + 3, dU, 1).save()).build();
            TrialCommand command = NetworkPolicyMessages.trialCommand(id, task.horizon(), 20.0, task.stateLayout(),
                    task.observationLayout(), new double[0], new double[0]);
            long start = System.nanoTime();
            var refused = assertThrows(RobotCommandRefusedException.class, () -> agent.trial(wrong, command));
            assertTrue(refused.getMessage().contains("TrialCommand id " + id)
                    && refused.getMessage().contains("maps " + (dO + 3) + " → " + dU), refused.getMessage());
            assertTrue((System.nanoTime() - start) / 1e9 < 15, "answered before the trial timeout");

            int other = agent.nextId();
            NetworkPolicy unknown = NetworkPolicyMessages.networkPolicy(other, 0, linear, noise,
                    task.observationLayout()).toBuilder().network_format("caffe").build();
            TrialCommand second = command.toBuilder().id(other).build();
            refused = assertThrows(RobotCommandRefusedException.class, () -> agent.trial(unknown, second));
            assertTrue(refused.getMessage().contains("network_format 'caffe'"), refused.getMessage());

            // And sampling goes on.
            assertSameSample(sim.sample(linear, 1, noise), agent.sample(linear, 1, noise));
            assertEquals(0, agent.unmatchedResults());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }

    @Test
    void mlpPolicyOnThePegOverRosEqualsSimAgentAndItsInLoopInferenceIsMeasured() {
        SimTask task = SimTasks.create(SimTasks.PEG_INSERTION);
        SimAgent sim = new SimAgent(task);
        int dO = task.observationLayout().dimension();
        int dU = task.actionDim();
        SimRobotNode robotMain = new SimRobotNode(SimTasks.PEG_INSERTION, false, RobotTopics.DEFAULT);
        RosNode robot = RosNodeRunner.start(robotMain, config().build());
        RosNode learner = startNode("peg_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        try {
            GaussianGlobalPolicy mlp = policy(MlpPolicyNetwork.create(MlpConfig.defaults()
                    .withHiddenWidths(List.of(40, 40)), dO, dU, 4), 5);
            double[][] noise = noise(task.horizon(), dU, 6);
            Sample ros = agent.sample(mlp, 2, noise);
            Sample local = sim.sample(mlp, 2, noise);
            assertSameSample(local, ros);
            assertArrayEquals(local.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[50],
                    ros.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[50], 0.0);
            assertEquals(task.finalDistance(local, 2), agent.finalDistance(ros, 2), 0.0);
            SimRobot.InferenceTiming first = robotMain.lastInference();
            assertNotNull(first);
            assertTrue(first.restored());
            // More samples of the same network: restored once, then reused (and warm).
            for (int condition : new int[] {0, 3}) {
                assertSameSample(sim.sample(mlp, condition, noise), agent.sample(mlp, condition, noise));
                assertTrue(!robotMain.lastInference().restored());
                SimRobot.InferenceTiming timing = robotMain.lastInference();
                System.out.printf(Locale.ROOT, "BENCH sim_robot_inference_mlp_2x40_peg (dO %d, dU %d, T %d, "
                        + "condition %d): p50 %.1f us, p99 %.1f us, max %.1f us, mean %.1f us per 20 Hz step%n", dO,
                        dU, timing.steps(), condition, timing.p50Micros(), timing.p99Micros(), timing.maxMicros(),
                        timing.meanMicros());
            }
            System.out.printf(Locale.ROOT, "BENCH sim_robot_inference_mlp_2x40_peg first trial (network restored): "
                    + "p50 %.1f us, p99 %.1f us, max %.1f us%n", first.p50Micros(), first.p99Micros(),
                    first.maxMicros());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }
}
