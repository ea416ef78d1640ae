package org.gpsros.node.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gpsros.app.cli.GpsCommand;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.run.Experiment;
import org.gpsros.node.learner.LearnerNode;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.ros.testing.RosTools;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The robot: section of a config (config/pr2_example.yaml, reference study §4.7) and its validation, without ROS. */
class RobotDescriptionTest {
    private static final Path PR2 = RosTools.repositoryRoot().resolve("config/pr2_example.yaml");

    @Test
    void pr2ExampleHasTheReferenceSizesAndBuildsAnExperiment() {
        ExperimentConfig config = ConfigLoader.load(PR2);
        LearnerNode.checkConfig(PR2);
        RobotDescription robot = new RobotDescription(config.robot(), RobotTopics.DEFAULT, null);
        assertEquals(List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS,
                SensorType.END_EFFECTOR_POINT_VELOCITIES), robot.stateLayout().sensors());
        assertEquals(32, robot.stateLayout().dimension());
        assertEquals(7, robot.actionDim());
        assertEquals(100, robot.horizon());
        assertEquals(0.05, robot.timeStep(), 0.0);
        assertEquals(1, robot.conditionCount());
        RosAgentConfig agent = robot.agentConfig();
        assertEquals(20_000, agent.trialTimeout().toMillis());
        assertArrayEquals(new double[] {0.5, 0.0, 1.0, -1.2, 0.0, -0.5, 0.0}, agent.resetTargets().get(0), 0.0);
        assertEquals(9, agent.endEffectorPoints().length);
        assertEquals(9, agent.endEffectorTarget(0).length);

        Experiment experiment = Experiment.forAgent(config, PR2.toString(), robot, "robot pr2_example");
        LinearGaussianPolicy init = experiment.initialControllers().get(0);
        assertEquals(32, init.stateDim());
        assertEquals(7, init.actionDim());
        assertEquals(3, experiment.config().cost().size());

        // init_gains = 1/pd_gains (reference pr2_example): the LQR controller with explicit 1/PR2_GAINS is the same.
        String explicit = readPr2().replace("  init_acc: [0, 0, 0, 0, 0, 0, 0]\n", "  init_acc: [0, 0, 0, 0, 0, 0, 0]\n"
                + "  init_gains: [" + inverse(config.robot().pdGains()) + "]\n");
        ExperimentConfig withGains = ConfigLoader.parse(explicit, "explicit");
        LinearGaussianPolicy same = Experiment.forAgent(withGains, "explicit", robot, "robot").initialControllers()
                .get(0);
        for (int t = 0; t < 100; t += 33) {
            assertArrayEquals(same.feedbackGains()[t], init.feedbackGains()[t], 0.0);
        }

        // The resolved config (run folder config.yaml) reads back to the same robot.
        ExperimentConfig again = ConfigLoader.parse(ConfigLoader.toYaml(config), "config.yaml");
        assertEquals(config.robot().stateLayout(), again.robot().stateLayout());
        assertArrayEquals(config.robot().conditions().get(0).x0(), again.robot().conditions().get(0).x0(), 0.0);
        assertEquals(config.robot().trialTimeout(), again.robot().trialTimeout());
    }

    private static String inverse(double[] gains) {
        StringBuilder text = new StringBuilder();
        for (double g : gains) {
            text.append(text.length() == 0 ? "" : ", ").append(1.0 / g);
        }
        return text.toString();
    }

    private static String readPr2() {
        try {
            return Files.readString(PR2);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void gpsTrainRefusesARobotConfig() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, GpsCommand.commandLine().execute("train", PR2.toString(), "--no-progress"));
        } finally {
            System.setErr(original);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("describes a real robot") && message.contains("gps node learner"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }

    private static String badRobot(String from, String to) {
        String text = readPr2();
        assertTrue(text.contains(from), from);
        return text.replace(from, to);
    }

    private static String checkFails(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("robot.yaml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> LearnerNode.checkConfig(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badRobotSectionsFailWithOneLineNamingTheKey(@TempDir Path dir) throws IOException {
        assertTrue(checkFails(dir, badRobot("-0.5, 0.0,\n           0, 0, 0, 0, 0, 0, 0,",
                "-0.5,\n           0, 0, 0, 0, 0, 0, 0,")).contains("robot.conditions[0].x0: needs 32 values"));
        assertTrue(checkFails(dir, badRobot("pd_gains: [3.09, 1.08, ", "pd_gains: [")).contains(
                "robot.pd_gains: needs 7 values"));
        assertTrue(checkFails(dir, badRobot("  horizon: 100", "  horizon: 100\n  speed: 3")).contains(
                "robot.speed: unknown key"));
        assertTrue(checkFails(dir, badRobot("  trial_timeout: 20", "  trial_timeout: 20\n  distance_sensor: rgb_image"))
                .contains("robot.distance_sensor: rgb_image is not in robot.state"));
        assertTrue(checkFails(dir, badRobot("{sensor: joint_velocities, dim: 7}", "{sensor: joint_angles, dim: 7}"))
                .contains("robot.state: joint_angles is listed twice"));
        assertTrue(checkFails(dir, badRobot("      end_effector_targets: [0.72, 0.175, -0.05,  ",
                "      end_effector_targets: [")).contains("robot.conditions[0].end_effector_targets: needs 9 values"));
        assertTrue(checkFails(dir, badRobot("  action_dim: 7", "  action_dim: 6").replace("pd_gains: [3.09, ",
                "pd_gains: [")).contains("cost[0].wu: needs 6 values"));
    }
}
