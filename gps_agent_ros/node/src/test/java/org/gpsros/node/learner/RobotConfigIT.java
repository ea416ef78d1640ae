package org.gpsros.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.monitor.MetricsRow;
import org.gpsros.app.run.Experiment;
import org.gpsros.app.run.RunDirectory;
import org.gpsros.app.run.Trainer;
import org.gpsros.node.NodeFixtures;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTasks;
import org.gpsros.sim.box2d.ArmWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-robot config path over TCPROS: a config whose {@code robot:} section describes box2d_arm's layouts, x0 and
 * success target (as one would describe the PR2) trains against our simulated robot node standing in for
 * gps_agent_pkg's plugin, and learns as the simulated task does in-process.
 */
class RobotConfigIT extends RosInteropTest {
    @TempDir
    Path work;

    /** config/box2d_arm.yaml with a robot: section describing the arm, exactly (Double.toString round-trips). */
    static String armAsRobot() throws java.io.IOException {
        SimTask arm = SimTasks.create(SimTasks.BOX2D_ARM);
        double[] x0 = arm.initialState(0);
        double[] goal = ArmWorld.endEffectorPoint(0, 0);
        StringBuilder state = new StringBuilder();
        for (double v : x0) {
            state.append(state.length() == 0 ? "" : ", ").append(v);
        }
        return Files.readString(NodeFixtures.armConfig()).replace("task: box2d_arm", "task: arm_robot") + """
                robot:
                  state:
                    - {sensor: joint_angles, dim: 2}
                    - {sensor: joint_velocities, dim: 2}
                    - {sensor: end_effector_points, dim: 3}
                  action_dim: 2
                  horizon: %d
                  frequency: %s
                  trial_timeout: 20
                  conditions:
                    - x0: [%s]
                      distance_target: [%s, %s, 0]
                """.formatted(arm.horizon(), 1.0 / arm.timeStep(), state, goal[0], goal[1]);
    }

    @Test
    void aRobotSectionDescribingTheArmTrainsOverTcprosAsTheSimulatedTaskInProcess() throws Exception {
        Path config = work.resolve("arm_robot.yaml");
        Files.writeString(config, armAsRobot());
        RosNode robot = RosNodeRunner.start(new SimRobotNode(SimTasks.BOX2D_ARM, false, RobotTopics.DEFAULT),
                config().build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LearnerNode learner = new LearnerNode(new LearnerNode.Options(config, 2, null, work.resolve("ros"), null, false),
                RobotTopics.DEFAULT, new PrintStream(out, true, StandardCharsets.UTF_8));
        RosNode learnerNode = RosNodeRunner.start(learner, config().build());
        try {
            assertTrue(learner.awaitTraining(Duration.ofSeconds(100)), "training did not finish");
            assertNull(learner.failure(), () -> "training failed: " + learner.failure() + "\n" + out);
            assertEquals(Duration.ofSeconds(20), learner.agent().config().trialTimeout());
            List<MetricsRow> ros = learner.run().metrics().read();
            assertTrue(Files.readString(learner.run().root().resolve("config.yaml")).contains("robot:"));

            Experiment sim = Experiment.build(ConfigLoader.load(NodeFixtures.armConfig()).withIterations(2), "arm");
            RunDirectory run = new RunDirectory(work.resolve("in-process"));
            run.create(ConfigLoader.toYaml(sim.config()));
            new Trainer(sim, run, new PrintStream(new ByteArrayOutputStream()), false).train();
            List<MetricsRow> expected = run.metrics().read();
            assertEquals(expected.size(), ros.size());
            for (int i = 0; i < expected.size(); i++) {
                MetricsRow e = expected.get(i);
                MetricsRow a = ros.get(i);
                // Noise folded into k_t on the robot: rounding only (as LearnerNodeIT).
                assertEquals(e.meanCost(), a.meanCost(), 1e-6 * Math.abs(e.meanCost()), "mean cost, row " + i);
                assertEquals(e.finalDistance(), a.finalDistance(), 1e-6, "final distance, row " + i);
                assertEquals(e.eta(), a.eta(), 1e-4 * Math.abs(e.eta()), "eta, row " + i);
            }
            assertEquals(0, learner.agent().unmatchedResults());
        } finally {
            learnerNode.shutdown();
            robot.shutdown();
        }
    }
}
