package org.gpsros.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.run.Experiment;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.policy.Policy;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner node on an MDGPS experiment (obstacle_nav_mdgps.yaml made small: 2 training conditions, 2 samples, one
 * iteration, a short S-step) against the simulated robot over ROS: training's policy evaluation samples the global
 * policy through the robot, and {@code ~run_condition} with {@code use_global_policy: true} returns the costs of
 * noiseless global-policy samples, equal to the in-process sample's cost of the same policy.
 */
class GlobalPolicyLearnerIT extends RosInteropTest {
    @TempDir
    Path runs;

    private Path smallMdgpsConfig() throws IOException {
        Path shipped = RosTools.repositoryRoot().resolve("config/obstacle_nav_mdgps.yaml");
        String yaml = Files.readString(shipped);
        String[][] edits = {{"iterations: 12", "iterations: 1"}, {"samples_per_condition: 5", "samples_per_condition: 2"},
                {"train_conditions: [0, 1, 2, 3, 4]", "train_conditions: [0, 1]"},
                {"test_conditions: [5, 6, 7, 8, 9]", "test_conditions: [5]"}, {"iterations: 2000", "iterations: 100"}};
        for (String[] edit : edits) {
            assertTrue(yaml.contains(edit[0]), "obstacle_nav_mdgps.yaml no longer has '" + edit[0] + "'");
            yaml = yaml.replace(edit[0], edit[1]);
        }
        Path config = runs.resolve("obstacle_nav_mdgps_small.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    @Test
    void runConditionWithTheGlobalPolicyReturnsTheCostsOfItsSamplesOverRos() throws Exception {
        Path config = smallMdgpsConfig();
        RosNode robot = RosNodeRunner.start(new SimRobotNode(SimTasks.OBSTACLE_NAV, false, RobotTopics.DEFAULT),
                config().build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LearnerNode learner = new LearnerNode(new LearnerNode.Options(config, null, null, runs.resolve("ros"),
                Duration.ofSeconds(20), false), RobotTopics.DEFAULT, new PrintStream(out, true, StandardCharsets.UTF_8));
        RosNode learnerNode = RosNodeRunner.start(learner, config().build());
        try {
            assertTrue(learner.awaitTraining(Duration.ofSeconds(150)), "training did not finish");
            assertNull(learner.failure(), () -> "training failed: " + learner.failure() + "\n" + out);
            GpsAlgorithm algorithm = learner.algorithm();
            assertTrue(algorithm.globalPolicy().isPresent(), "MDGPS has a global policy");

            RosTools.Result run = master.run(Duration.ofSeconds(60), "rosservice", "call",
                    "/gps_learner/run_condition", "{condition: 1, sample_count: 2, use_global_policy: true, noisy: false}");
            assertTrue(run.stdout().contains("success: True"), run.all());
            Matcher costs = Pattern.compile("sample_costs: \\[([^\\]]*)\\]").matcher(run.stdout());
            assertTrue(costs.find(), run.all());
            double[] values = Arrays.stream(costs.group(1).split(",")).map(String::trim).mapToDouble(Double::parseDouble)
                    .toArray();
            assertEquals(2, values.length);

            // The same global policy in process: the robot's sample is bit-identical, so is its cost.
            Experiment experiment = learner.experiment();
            SimAgent sim = new SimAgent(SimTasks.create(SimTasks.OBSTACLE_NAV));
            Policy policy = algorithm.globalPolicy().orElseThrow();
            double expected = experiment.cost().evaluate(sim.sample(policy, 1,
                    new double[sim.horizon()][sim.actionDim()])).total();
            assertEquals(expected, values[0], 0.0, run.all());
            assertEquals(expected, values[1], 0.0, run.all());

            RosTools.Result badCondition = master.run(Duration.ofSeconds(30), "rosservice", "call",
                    "/gps_learner/run_condition", "{condition: 7, sample_count: 1, use_global_policy: true, noisy: false}");
            assertTrue(badCondition.stdout().contains("success: False"), badCondition.all());
            assertEquals(0, learner.agent().unmatchedResults());
        } finally {
            learnerNode.shutdown();
            robot.shutdown();
        }
    }
}
