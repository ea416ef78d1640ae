package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gpsros.msg.gps_msgs.ControllerParams;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;

/**
 * The simulated robot node driven with ROS's own tools, as one would poke gps_agent_pkg's plugin by hand:
 * {@code rostopic pub -1 /gps_controller_trial_command gps_msgs/TrialCommand '{...}'} gets a SampleResult echoing the
 * id ({@code rostopic echo -n 1 /gps_controller_report} and our subscriber), with the same data as the in-process
 * robot for that command; {@code rostopic echo -n 1 /joint_states} decodes the robot's sensor_msgs/JointState.
 */
class SimRobotToolsIT extends RosInteropTest {
    private static final int ID = 4242;
    private static final int T = 5;
    private static final int DX = 7;
    private static final int DU = 2;

    private static String trialCommandYaml() {
        String gains = IntStream.range(0, T * DU * DX).mapToObj(i -> i % (DX + 1) == 0 ? "-0.5" : "0.0")
                .collect(Collectors.joining(", "));
        String feedforward = IntStream.range(0, T * DU).mapToObj(i -> i % 2 == 0 ? "0.25" : "-0.125")
                .collect(Collectors.joining(", "));
        return "{id: " + ID + ", controller: {controller_to_execute: 0, lingauss: {dX: " + DX + ", dU: " + DU
                + ", K_t: [" + gains + "], k_t: [" + feedforward + "]}}, T: " + T + ", frequency: 20.0,"
                + " state_datatypes: [1, 2, 3], obs_datatypes: [1, 2, 3], ee_points: [], ee_points_tgt: []}";
    }

    @Test
    void rostopicPubTrialIsAnsweredWithItsIdAndJointStatesDecode() {
        List<SampleResult> results = new CopyOnWriteArrayList<>();
        startNode("report_watcher", n -> n.newSubscriber(RobotTopics.DEFAULT.report(), SampleResult.TYPE,
                results::add));
        var robot = RosNodeRunner.start(new SimRobotNode(SimTasks.BOX2D_ARM, false, RobotTopics.DEFAULT),
                config().build());
        Map<String, String> env = master.env();
        try (RosTools.Running report = RosTools.start(env, List.of("rostopic", "echo", "-n", "1",
                "/gps_controller_report"));
             RosTools.Running joints = RosTools.start(env, List.of("rostopic", "echo", "-n", "1", "/joint_states"))) {
            try {
                await(Duration.ofSeconds(30), "rostopic echo subscribed to the report and joint_states", () -> {
                    var subscribers = master.state().subscribers();
                    return subscribers.getOrDefault("/gps_controller_report", List.of()).size() >= 2
                            && !subscribers.getOrDefault("/joint_states", List.of()).isEmpty();
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; master: " + master.state() + "; echo: " + report.stdout()
                        + report.stderr() + "; joints: " + joints.stdout() + joints.stderr(), e);
            }
            // The subscription is registered before its TCPROS link is up; a lost first answer is sent again.
            for (int attempt = 0; attempt < 3 && !report.stdout().contains("id: " + ID); attempt++) {
                RosTools.Result pub = RosTools.run(env, Duration.ofSeconds(30), List.of("rostopic", "pub", "-1",
                        "/gps_controller_trial_command", "gps_msgs/TrialCommand", trialCommandYaml()));
                assertEquals(0, pub.exitCode(), pub.all());
                report.awaitOutput("id: " + ID, Duration.ofSeconds(5));
            }
            RosTools.Result echoed = report.await(Duration.ofSeconds(10));
            assertTrue(echoed.stdout().contains("id: " + ID) && echoed.stdout().contains("data_type: 1")
                    && echoed.stdout().contains("shape: [" + T + ", 2]"), echoed.all());

            await(Duration.ofSeconds(10), "our subscriber's SampleResult", () -> !results.isEmpty());
            SampleResult answer = results.get(0);
            assertEquals(ID, answer.id());
            SimRobot local = new SimRobot(SimTasks.create(SimTasks.BOX2D_ARM), SimRobot.Limits.defaults());
            SampleResult expected = local.trial(command(), false, null);
            assertEquals(expected.sensor_data().size(), answer.sensor_data().size());
            for (int i = 0; i < expected.sensor_data().size(); i++) {
                DataType e = expected.sensor_data().get(i);
                DataType a = answer.sensor_data().get(i);
                assertEquals(e.data_type(), a.data_type());
                assertArrayEquals(e.shape(), a.shape());
                assertArrayEquals(e.data(), a.data(), 0.0, "data_type " + e.data_type());
            }

            RosTools.Result jointState = joints.await(Duration.ofSeconds(10));
            assertEquals(0, jointState.exitCode(), jointState.all());
            // The first step of the trial: box2d_arm's x0 (0.75π, 0.5π) at rest.
            assertTrue(jointState.stdout().contains("  - joint_0\n  - joint_1\n")
                    && jointState.stdout().contains("position: [2.356194") && jointState.stdout().contains(", 1.570796")
                    && jointState.stdout().contains("velocity: [0.0, 0.0]"), jointState.all());
        } finally {
            robot.shutdown();
        }
    }

    /** The same command as {@link #trialCommandYaml()}, built in Java. */
    private static TrialCommand command() {
        double[] gains = new double[T * DU * DX];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = i % (DX + 1) == 0 ? -0.5 : 0.0;
        }
        double[] feedforward = new double[T * DU];
        for (int i = 0; i < feedforward.length; i++) {
            feedforward[i] = i % 2 == 0 ? 0.25 : -0.125;
        }
        return TrialCommand.builder().id(ID).controller(ControllerParams.builder().controller_to_execute((byte) 0)
                .lingauss(new LinGaussParams(DX, DU, gains, feedforward)).build()).T(T).frequency(20.0)
                .state_datatypes(new byte[] {1, 2, 3}).obs_datatypes(new byte[] {1, 2, 3}).build();
    }
}
