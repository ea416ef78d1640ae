package org.gpsros.node.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.gpsros.app.run.Experiment;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.node.NodeFixtures;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sample.Sample;
import org.gpsros.sim.SimAgent;
import org.junit.jupiter.api.Test;

/**
 * RosAgent against the simulated robot node over loopback TCPROS: samples equal the in-process robot's, and the
 * TrialCommand→SampleResult round trip (T = 100) and the 20 Hz loop's jitter are measured and printed (no timing
 * assertions; the numbers go to BENCHMARKS.md by hand).
 */
class RoundTripIT extends RosInteropTest {

    @Test
    void samplesOverTcprosEqualTheRobotsInProcessAndTheRoundTripIsMeasured() {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        LinearGaussianPolicy controller = experiment.initialControllers().get(0);
        SimRobotNode robotMain = new SimRobotNode("box2d_arm", false, RobotTopics.DEFAULT);
        RosNode robot = RosNodeRunner.start(robotMain, config().build());
        RosNode learner = startNode("rt_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), sim.task(), RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            double[][] noise = experiment.explorationNoise(0, 0, 1);
            Sample ros = agent.sample(controller, 0, noise);
            Sample local = sim.sample(controller, 0, noise);
            for (int t = 0; t < sim.horizon(); t++) {
                assertArrayEquals(local.state(t), ros.state(t), 1e-9, "state at t=" + t);
            }
            assertArrayEquals(noise[10], ros.noise()[10], 0.0);

            // Round trip of one TrialCommand (T = 100, dX 7, dU 2) to its SampleResult, robot running flat out.
            agent.reset(0);
            int repeats = 30;
            double[] ms = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                int id = agent.nextId();
                TrialCommand command = SampleMessages.trialCommand(id, controller, noise, 20.0, sim.stateLayout(),
                        sim.observationLayout());
                long start = System.nanoTime();
                SampleResult result = agent.trial(command);
                ms[i] = (System.nanoTime() - start) / 1e6;
                assertEquals(id, result.id());
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "BENCH trial_round_trip_T100_loopback: median %.2f ms, p90 %.2f ms, "
                    + "min %.2f ms over %d%n", ms[repeats / 2], ms[(int) (0.9 * repeats)], ms[0], repeats);
            assertEquals(0, agent.unmatchedResults());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }

    @Test
    void realTimeLoopJitterAt20Hz() {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        SimRobotNode robotMain = new SimRobotNode("box2d_arm", true, RobotTopics.DEFAULT);
        RosNode robot = RosNodeRunner.start(robotMain, config().build());
        RosNode learner = startNode("jitter_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), sim.task(), RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            long start = System.nanoTime();
            agent.sample(experiment.initialControllers().get(0), 0, experiment.explorationNoise(0, 0, 0));
            double seconds = (System.nanoTime() - start) * 1e-9;
            assertNotNull(robotMain.lastTiming());
            var timing = robotMain.lastTiming();
            System.out.printf(Locale.ROOT, "BENCH sim_robot_20Hz_jitter: %d steps, period %.3f ± %.3f ms (target %.1f),"
                    + " start lateness mean %.3f ms, p99 %.3f ms, max %.3f ms; whole sample %.2f s%n", timing.steps(),
                    timing.meanPeriodMs(), timing.stdPeriodMs(), timing.periodMs(), timing.meanLatenessMs(),
                    timing.p99LatenessMs(), timing.maxLatenessMs(), seconds);
            assertEquals(100, timing.steps());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }
}
