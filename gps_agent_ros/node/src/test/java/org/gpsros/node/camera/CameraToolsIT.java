package org.gpsros.node.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.node.CameraTestTask;
import org.gpsros.node.agent.RosAgent;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.gpsros.sample.Sample;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;

/**
 * The camera topic's bytes checked with ROS's own tools: {@code rostopic echo -n 1 --noarr} and a rospy node see our
 * rgb8 frames (encoding, size, step, data length, the first frame's pixels); a {@code rostopic pub} of a small
 * bgr8 image with row padding and of a UYVY (yuv422) image decode to the expected pixels in our subscriber;
 * {@code rostopic hz} measures the rate of a real-time trial's frames (printed; only a loose 10–30 Hz check).
 */
class CameraToolsIT extends RosInteropTest {
    private static final int SIZE = 16;
    private static final String TOPIC = "/" + RobotTopics.DEFAULT_IMAGE;

    private static CameraTestTask task(int horizon) {
        return new CameraTestTask(SimTasks.create(SimTasks.BOX2D_ARM, SimTaskOptions.defaults().withHorizon(horizon)),
                SIZE);
    }

    private static int subscribers(String topic) {
        return master.state().subscribers().getOrDefault(topic, List.of()).size();
    }

    @Test
    void rostopicEchoAndRospySeeOurFrames() {
        CameraTestTask task = task(10);
        RosNode robot = RosNodeRunner.start(new SimRobotNode(task, false, RobotTopics.DEFAULT), config().build());
        RosNode learner = startNode("tools_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        String probe = RosTools.repositoryRoot().resolve("gps_agent_ros/node/src/test/resources/camera_probe.py")
                .toString();
        Map<String, String> env = master.env();
        try (RosTools.Running echo = RosTools.start(env, List.of("rostopic", "echo", "-n", "1", "--noarr", TOPIC));
             RosTools.Running python = RosTools.start(env, List.of("/usr/bin/python3", probe, TOPIC))) {
            try {
                await(Duration.ofSeconds(30), "rostopic echo and the rospy probe subscribed", () -> subscribers(TOPIC) >= 3);
                // registered is not yet linked: give the TCPROS links a moment before the only trial
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; echo: " + echo.stdout() + echo.stderr() + "; probe: "
                        + python.stdout() + python.stderr(), e);
            }
            Sample sample = agent.sample(task.pushController(), 0, new double[task.horizon()][task.actionDim()]);
            RosTools.Result echoed = echo.await(Duration.ofSeconds(20));
            String out = echoed.stdout();
            assertEquals(0, echoed.exitCode(), echoed.all());
            assertTrue(out.contains("encoding: \"rgb8\"") && out.contains("height: " + SIZE)
                    && out.contains("width: " + SIZE) && out.contains("step: " + 3 * SIZE)
                    && out.contains("is_bigendian: 0") && out.contains("frame_id: \"gps_camera\"")
                    && out.contains("length: " + 3 * SIZE * SIZE), echoed.all());

            RosTools.Result probed = python.await(Duration.ofSeconds(30));
            assertEquals(0, probed.exitCode(), probed.all());
            RgbFrame first = CameraTestTask.render(sample.state(0), SIZE, SIZE);
            long sum = 0;
            for (byte b : first.rgb()) {
                sum += b & 0xff;
            }
            int[] p = first.pixel(0, 0);
            String expected = String.format(Locale.ROOT, "PROBE rgb8 %d %d %d 0 %d gps_camera %d,%d,%d %d", SIZE, SIZE,
                    3 * SIZE, 3 * SIZE * SIZE, p[0], p[1], p[2], sum);
            assertTrue(probed.stdout().contains(expected), "expected " + expected + "\n" + probed.all());
            System.out.println("rostopic echo -n 1 --noarr " + TOPIC + ":\n" + out + "rospy: " + probed.stdout());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }

    @Test
    void rostopicPubImagesDecodeInOurSubscriber() {
        List<Image> received = new CopyOnWriteArrayList<>();
        startNode("image_listener", n -> n.newSubscriber("/pub_camera/image_raw", Image.TYPE, received::add));
        await(Duration.ofSeconds(10), "our subscription", () -> subscribers("/pub_camera/image_raw") == 1);
        Map<String, String> env = master.env();
        // 2x2 bgr8, step 8: two padding bytes per row. Pixels: blue, green / red, (10, 20, 30) as r, g, b.
        String bgr = "{header: {frame_id: cam}, height: 2, width: 2, encoding: bgr8, is_bigendian: 0, step: 8, "
                + "data: [255, 0, 0, 0, 255, 0, 99, 99, 0, 0, 255, 30, 20, 10, 99, 99]}";
        Image bgrImage = publishUntilReceived(env, bgr, received, 0);
        RgbFrame frame = ImageMessages.toFrame(bgrImage);
        assertArrayEquals(new int[] {0, 0, 255}, frame.pixel(0, 0));
        assertArrayEquals(new int[] {0, 255, 0}, frame.pixel(1, 0));
        assertArrayEquals(new int[] {255, 0, 0}, frame.pixel(0, 1));
        assertArrayEquals(new int[] {10, 20, 30}, frame.pixel(1, 1));
        // 2x1 yuv422 (UYVY): U 128, Y0 235, V 128, Y1 16 -> white, black.
        String uyvy = "{header: {frame_id: kinect}, height: 1, width: 2, encoding: yuv422, is_bigendian: 0, "
                + "step: 4, data: [128, 235, 128, 16]}";
        Image uyvyImage = publishUntilReceived(env, uyvy, received, 1);
        RgbFrame kinect = ImageMessages.toFrame(uyvyImage);
        assertArrayEquals(new int[] {255, 255, 255}, kinect.pixel(0, 0));
        assertArrayEquals(new int[] {0, 0, 0}, kinect.pixel(1, 0));
    }

    private Image publishUntilReceived(Map<String, String> env, String yaml, List<Image> received, int index) {
        for (int attempt = 0; attempt < 3 && received.size() <= index; attempt++) {
            RosTools.Result pub = RosTools.run(env, Duration.ofSeconds(30), List.of("rostopic", "pub", "-1",
                    "/pub_camera/image_raw", "sensor_msgs/Image", yaml));
            assertEquals(0, pub.exitCode(), pub.all());
            try {
                await(Duration.ofSeconds(3), "the published image", () -> received.size() > index);
            } catch (AssertionError e) {
                // the link came up after rostopic pub's latch window: publish again
            }
        }
        assertTrue(received.size() > index, "no image from rostopic pub arrived");
        return received.get(index);
    }

    @Test
    void rostopicHzOfARealTimeTrial() {
        CameraTestTask task = task(60);
        RosNode robot = RosNodeRunner.start(new SimRobotNode(task, true, RobotTopics.DEFAULT), config().build());
        RosNode learner = startNode("hz_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), task, RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try (RosTools.Running hz = RosTools.start(master.env(), List.of("rostopic", "hz", TOPIC))) {
            await(Duration.ofSeconds(30), "rostopic hz subscribed", () -> subscribers(TOPIC) >= 2);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            agent.sample(task.pushController(), 0, new double[task.horizon()][task.actionDim()]);
            hz.awaitOutput("average rate", Duration.ofSeconds(5));
            hz.signal("INT");
            RosTools.Result result = hz.await(Duration.ofSeconds(10));
            Matcher m = Pattern.compile("average rate: ([0-9.]+)").matcher(result.stdout());
            List<Double> rates = new ArrayList<>();
            while (m.find()) {
                rates.add(Double.parseDouble(m.group(1)));
            }
            System.out.println("rostopic hz " + TOPIC + " during a 60-step real-time trial: " + rates);
            assertTrue(!rates.isEmpty(), result.all());
            double last = rates.get(rates.size() - 1);
            assertTrue(last > 10 && last < 30, "rate " + last + "\n" + result.all());
        } finally {
            agent.close();
            robot.shutdown();
        }
    }
}
