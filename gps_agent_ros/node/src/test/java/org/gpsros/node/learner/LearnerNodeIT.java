package org.gpsros.node.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner and the simulated robot over TCPROS on a real rosmaster, driven and watched with ROS's tools. */
class LearnerNodeIT extends RosInteropTest {
    @TempDir
    Path runs;

    private static List<MetricsRow> inProcess(int iterations, Path folder) {
        Experiment experiment = Experiment.build(ConfigLoader.load(NodeFixtures.armConfig()).withIterations(iterations),
                "box2d_arm");
        RunDirectory run = new RunDirectory(folder);
        run.create(ConfigLoader.toYaml(experiment.config()));
        new Trainer(experiment, run, new PrintStream(new ByteArrayOutputStream()), false).train();
        return run.metrics().read();
    }

    private RosNode startRobot(boolean realTime) {
        return RosNodeRunner.start(new SimRobotNode("box2d_arm", realTime, RobotTopics.DEFAULT), config().build());
    }

    private static void assertSameLearning(List<MetricsRow> expected, List<MetricsRow> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            MetricsRow e = expected.get(i);
            MetricsRow a = actual.get(i);
            assertEquals(e.iteration(), a.iteration());
            // The robot folds the noise into k_t (u = (k + Lε) + Kx instead of k + Kx + Lε): rounding only.
            assertEquals(e.meanCost(), a.meanCost(), 1e-6 * Math.abs(e.meanCost()), "mean cost, row " + i);
            assertEquals(e.finalDistance(), a.finalDistance(), 1e-6, "final distance, row " + i);
            assertEquals(e.eta(), a.eta(), 1e-4 * Math.abs(e.eta()), "eta, row " + i);
        }
    }

    @Test
    void threeIterationsOverTcprosLearnAsInProcessAndTheServicesAndTopicsWork() throws Exception {
        RosNode robot = startRobot(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LearnerNode learner = new LearnerNode(new LearnerNode.Options(NodeFixtures.armConfig(), 3, null,
                runs.resolve("ros"), Duration.ofSeconds(20), false), RobotTopics.DEFAULT,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        RosNode learnerNode = RosNodeRunner.start(learner, config().build());
        try {
            RosTools.Result status = master.run(Duration.ofSeconds(60), "rostopic", "echo", "-n", "1",
                    "/gps_learner/status");
            assertTrue(status.stdout().contains("phase: \"sampling\"") || status.stdout().contains("phase: \"trajectory_optimization\"")
                    || status.stdout().contains("phase: \"done\""), status.all());
            assertTrue(learner.awaitTraining(Duration.ofSeconds(100)), "training did not finish");
            assertNull(learner.failure(), () -> "training failed: " + learner.failure() + "\n" + out);
            List<MetricsRow> ros = learner.run().metrics().read();
            assertSameLearning(inProcess(3, runs.resolve("in-process")), ros);

            RosTools.Result done = master.run(Duration.ofSeconds(30), "rostopic", "echo", "-n", "1",
                    "/gps_learner/status");
            assertTrue(done.stdout().contains("iteration: 2") && done.stdout().contains("phase: \"done\""), done.all());
            RosTools.Result cost = master.run(Duration.ofSeconds(30), "rostopic", "echo", "-n", "1", "-p",
                    "/gps_learner/cost/condition_0");
            assertTrue(cost.stdout().contains(Double.toString(ros.get(2).meanCost()).substring(0, 6)), cost.all());

            RosTools.Result checkpoint = master.run(Duration.ofSeconds(30), "rosservice", "call",
                    "/gps_learner/checkpoint");
            assertTrue(checkpoint.stdout().contains("success: True") && checkpoint.stdout().contains("itr_002"),
                    checkpoint.all());
            RosTools.Result reset = master.run(Duration.ofSeconds(30), "rosservice", "call",
                    "/gps_learner/reset_condition", "{condition: 0}");
            assertTrue(reset.stdout().contains("success: True"), reset.all());
            RosTools.Result badReset = master.run(Duration.ofSeconds(30), "rosservice", "call",
                    "/gps_learner/reset_condition", "{condition: 5}");
            assertTrue(badReset.stdout().contains("success: False"), badReset.all());
            RosTools.Result runCondition = master.run(Duration.ofSeconds(30), "rosservice", "call",
                    "/gps_learner/run_condition", "{condition: 0, sample_count: 2, use_global_policy: false, noisy: false}");
            assertTrue(runCondition.stdout().contains("success: True"), runCondition.all());
            for (String service : List.of("pause", "resume", "stop")) {
                RosTools.Result r = master.run(Duration.ofSeconds(30), "rosservice", "call", "/gps_learner/" + service);
                assertTrue(r.stdout().contains("success: True"), service + ": " + r.all());
            }
            assertEquals(0, learner.agent().unmatchedResults());
        } finally {
            learnerNode.shutdown();
            robot.shutdown();
        }
    }

    @Test
    void robotKilledMidTrialPausesTheLearnerWhichKeepsItsSamplesAndResumes() throws Exception {
        RosNode robot = startRobot(true); // 20 Hz: a trial takes 5 s
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LearnerNode learner = new LearnerNode(new LearnerNode.Options(NodeFixtures.armConfig(), 1, null,
                runs.resolve("killed"), Duration.ofSeconds(7), false), RobotTopics.DEFAULT,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        RosNode learnerNode = RosNodeRunner.start(learner, config().build());
        try {
            // reset 0, trial 0, reset 1 answered: trial 1 (5 s at 20 Hz) is under way; kill the robot 1 s into it
            await(Duration.ofSeconds(60), "the second trial under way",
                    () -> learner.agent() != null && learner.agent().answeredResults() >= 3);
            RosTools.sleep(1000);
            robot.shutdown();
            await(Duration.ofSeconds(30), "the learner to pause", learner::paused);
            String log = out.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("no SampleResult with id") && log.contains("/gps_controller_report")
                    && log.contains("training paused"), log);
            RosTools.Result paused = master.run(Duration.ofSeconds(30), "rostopic", "echo", "-n", "1",
                    "/gps_learner/status");
            assertTrue(paused.stdout().contains("phase: \"paused\""), paused.all());

            robot = startRobot(false);
            RosTools.Result resume = master.run(Duration.ofSeconds(30), "rosservice", "call", "/gps_learner/resume");
            assertTrue(resume.stdout().contains("success: True"), resume.all());
            assertTrue(learner.awaitTraining(Duration.ofSeconds(60)), "training did not finish after resume");
            assertNull(learner.failure(), () -> "training failed: " + learner.failure() + "\n" + out);
            assertSameLearning(inProcess(1, runs.resolve("in-process-1")), learner.run().metrics().read());
        } finally {
            learnerNode.shutdown();
            robot.shutdown();
        }
    }
}
