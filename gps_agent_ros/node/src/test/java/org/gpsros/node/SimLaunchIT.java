package org.gpsros.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gpsros.app.monitor.MetricsFile;
import org.gpsros.app.monitor.MetricsRow;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code roslaunch gps_agent_ros sim.launch} as a user runs it: roslaunch finds the package through ROS_PACKAGE_PATH
 * (a folder holding a symlink {@code gps_agent_ros} to the repository root, the catkin package), starts both nodes
 * through {@code scripts/gps} (on this JVM's test classpath via GPS_CLASSPATH, so nothing is built), and ends when the
 * required learner ends. Launch arguments reach the nodes as private parameters and as a remap.
 */
class SimLaunchIT extends RosInteropTest {
    @TempDir
    Path work;

    @Test
    void simLaunchTrainsTwoIterationsWithCommandLineParamsAndRemapReachingTheNodes() throws IOException {
        Path packages = Files.createDirectories(work.resolve("ros_packages"));
        Files.createSymbolicLink(packages.resolve("gps_agent_ros"), RosTools.repositoryRoot());
        Path output = work.resolve("run");
        Map<String, String> env = new HashMap<>(master.env());
        env.put("ROS_PACKAGE_PATH", packages + ":/usr/share");
        env.put("GPS_CLASSPATH", System.getProperty("java.class.path"));
        env.put("GPS_JAVA_OPTS", "-Xmx1g");

        // The report topic is remapped on the command line: only a robot and a learner that both got the remap
        // exchange SampleResults on it, and this echo sees the first one.
        String reportTopic = "/gps_launch_test_report";
        try (RosTools.Running echo = RosTools.start(env, List.of("rostopic", "echo", "-n", "1", "--noarr",
                reportTopic))) {
            RosTools.Result launch = RosTools.run(env, Duration.ofSeconds(100), List.of("roslaunch",
                    "-p", Integer.toString(master.uri().getPort()), "gps_agent_ros", "sim.launch", "task:=box2d_arm",
                    "iterations:=2", "output:=" + output, "report_topic:=" + reportTopic));
            assertEquals(0, launch.exitCode(), launch.all());
            assertTrue(launch.stdout().contains("REQUIRED process [gps_learner-2] has died")
                    || launch.stdout().contains("process[gps_learner-2]"), launch.all());

            assertTrue(Files.exists(output.resolve("config.yaml")), launch.all());
            assertTrue(Files.readString(output.resolve("config.yaml")).contains("iterations: 2"),
                    Files.readString(output.resolve("config.yaml")));
            List<MetricsRow> rows = new MetricsFile(output.resolve("metrics.csv")).read();
            assertEquals(2, rows.size(), launch.all());
            assertEquals(1, rows.get(1).iteration());
            assertTrue(Files.isDirectory(output.resolve("checkpoints/itr_000")), launch.all());
            assertTrue(Files.isDirectory(output.resolve("checkpoints/itr_001")), launch.all());

            assertTrue(echo.awaitOutput("id:", Duration.ofSeconds(10)),
                    () -> "no SampleResult on the remapped " + reportTopic + ": " + echo.stdout() + echo.stderr()
                            + "\n" + launch.all());
        }
        // roslaunch left its parameters on the (shared) master.
        RosTools.Result iterations = master.run(Duration.ofSeconds(30), "rosparam", "get", "/gps_learner/iterations");
        assertEquals("'2'", iterations.stdout().strip(), iterations.all());
        RosTools.Result realTime = master.run(Duration.ofSeconds(30), "rosparam", "get", "/gps_sim_robot/real_time");
        assertEquals("false", realTime.stdout().strip(), realTime.all());
    }
}
