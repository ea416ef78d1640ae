package org.gpsros.ros.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gpsros.msg.gps_msgs.ControllerParams;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.LinGaussParams;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rostopic echo/pub/hz and rosbag record/play against our publishers and subscribers. */
class TopicInteropIT extends RosInteropTest {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTicker() {
        ticker.shutdownNow();
    }

    private <T extends org.gpsros.msg.runtime.Message> void publishEvery(Publisher<T> pub, T message, long ms) {
        ticker.scheduleAtFixedRate(() -> pub.publish(message), 0, ms, TimeUnit.MILLISECONDS);
    }

    private static TrialCommand trialCommand() {
        return TrialCommand.builder().id(7).T(100).frequency(20.0)
                .controller(ControllerParams.builder().controller_to_execute((byte) 1)
                        .lingauss(LinGaussParams.builder().dX(2).dU(1).K_t(new double[] {0.1, 0.2})
                                .k_t(new double[] {0.5}).build()).build())
                .state_datatypes(new byte[] {1, 2}).obs_datatypes(new byte[] {3})
                .ee_points(new double[] {0.0, 0.1, 0.2}).ee_points_tgt(new double[] {1.0, 1.1, 1.2}).build();
    }

    @Test
    void rostopicEchoDecodesFloat64() {
        AtomicReference<Publisher<Float64>> pub = new AtomicReference<>();
        startNode("echo_source", n -> pub.set(n.newPublisher("/probe_f64", Float64.TYPE)));
        publishEvery(pub.get(), new Float64(3.25), 50);
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rostopic", "echo", "-n", "1", "/probe_f64");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("data: 3.25"), r.all());
    }

    @Test
    void rostopicEchoDecodesANestedGpsMessage() {
        AtomicReference<Publisher<TrialCommand>> pub = new AtomicReference<>();
        startNode("trial_source", n -> pub.set(n.newPublisher("/gps_controller_trial_command", TrialCommand.TYPE)));
        publishEvery(pub.get(), trialCommand(), 50);
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rostopic", "echo", "-n", "1",
                "/gps_controller_trial_command");
        assertEquals(0, r.exitCode(), r.all());
        for (String line : List.of("id: 7", "controller_to_execute: 1", "dX: 2", "K_t: [0.1, 0.2]", "k_t: [0.5]",
                "T: 100", "frequency: 20.0", "state_datatypes: [1, 2]", "ee_points_tgt: [1.0, 1.1, 1.2]")) {
            assertTrue(r.stdout().contains(line), "missing '" + line + "' in\n" + r.all());
        }
    }

    @Test
    void rostopicPubReachesOurSubscriber() throws Exception {
        CompletableFuture<Float64> f64 = new CompletableFuture<>();
        CompletableFuture<TrialCommand> trial = new CompletableFuture<>();
        startNode("listener", n -> {
            n.newSubscriber("/probe_in", Float64.TYPE, f64::complete);
            n.newSubscriber("/trial_in", TrialCommand.TYPE, trial::complete);
        });
        try (RosTools.Running a = master.start("rostopic", "pub", "-r", "10", "/probe_in", "std_msgs/Float64",
                "data: 2.5");
                RosTools.Running b = master.start("rostopic", "pub", "-r", "10", "/trial_in",
                        "gps_msgs/TrialCommand", "{id: 7, controller: {controller_to_execute: 1, lingauss: {dX: 2,"
                                + " dU: 1, K_t: [0.1, 0.2], k_t: [0.5]}}, T: 100, frequency: 20.0, state_datatypes:"
                                + " [1, 2], obs_datatypes: [3], ee_points: [0.0, 0.1, 0.2], ee_points_tgt: [1.0, 1.1,"
                                + " 1.2]}")) {
            assertEquals(2.5, f64.get(20, TimeUnit.SECONDS).data(), a.stderr());
            assertEquals(trialCommand(), trial.get(20, TimeUnit.SECONDS), b.stderr());
        }
    }

    @Test
    void rostopicHzMeasuresOurPublisher() {
        AtomicReference<Publisher<Float64>> pub = new AtomicReference<>();
        startNode("hz_source", n -> pub.set(n.newPublisher("/probe_hz", Float64.TYPE)));
        publishEvery(pub.get(), new Float64(1.0), 50);
        try (RosTools.Running hz = master.start("rostopic", "hz", "/probe_hz")) {
            assertTrue(hz.awaitOutput("average rate:", Duration.ofSeconds(20)), hz.stdout() + hz.stderr());
            Matcher m = Pattern.compile("average rate: ([0-9.]+)").matcher(hz.stdout());
            assertTrue(m.find());
            double rate = Double.parseDouble(m.group(1));
            assertTrue(rate > 1 && rate < 100, "rate " + rate + " is not that of a 20 Hz publisher");
        }
    }

    @Test
    void lateRostopicEchoGetsTheLatchedMessage() {
        startNode("latcher", n -> n.newPublisher("/latched_f64", Float64.TYPE, true).publish(new Float64(-1.5)));
        RosTools.Result r = master.run(Duration.ofSeconds(20), "rostopic", "echo", "-n", "1", "/latched_f64");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stdout().contains("data: -1.5"), r.all());
    }

    @Test
    void rosbagRecordThenPlayIntoOurSubscriber() throws Exception {
        AtomicReference<Publisher<SampleResult>> pub = new AtomicReference<>();
        startNode("bag_source", n -> pub.set(n.newPublisher("/gps_sample_result", SampleResult.TYPE)));
        List<SampleResult> sent = List.of(sample(1), sample(2), sample(3));
        String bag = rosHome.resolve("samples.bag").toString();
        try (RosTools.Running record = master.start("rosbag", "record", "-O", bag, "-l", "3", "/gps_sample_result")) {
            await(Duration.ofSeconds(20), "rosbag record to subscribe", () -> pub.get().subscriberCount() == 1);
            for (SampleResult s : sent) {
                pub.get().publish(s);
            }
            RosTools.Result r = record.await(Duration.ofSeconds(20));
            assertEquals(0, r.exitCode(), r.all());
        }
        List<SampleResult> received = new CopyOnWriteArrayList<>();
        startNode("bag_sink", n -> n.newSubscriber("/gps_sample_result", SampleResult.TYPE, received::add));
        RosTools.Result play = master.run(Duration.ofSeconds(30), "rosbag", "play", "--wait-for-subscribers", bag);
        assertEquals(0, play.exitCode(), play.all());
        await(Duration.ofSeconds(10), "3 played messages", () -> received.size() == 3);
        assertEquals(sent, received);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(SampleResult.TYPE.serialize(sent.get(i)), SampleResult.TYPE.serialize(received.get(i)));
        }
    }

    private static SampleResult sample(int id) {
        return SampleResult.builder().id(id).sensor_data(List.of(
                DataType.builder().data_type((byte) 1).data(new double[] {id, id + 0.5, -id}).shape(new int[] {1, 3})
                        .build(),
                DataType.builder().data_type((byte) 19).data(new double[] {0.25 * id}).shape(new int[] {1, 1})
                        .build())).build();
    }

    @Test
    void slowListenerLosesTheOldestMessages() throws Exception {
        int n = 50;
        int queue = 5;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Double> received = new CopyOnWriteArrayList<>();
        AtomicReference<org.gpsros.ros.api.Subscriber<Float64>> sub = new AtomicReference<>();
        startNode("slow_sink", node -> sub.set(node.newSubscriber("/burst", Float64.TYPE, m -> {
            received.add(m.data());
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, queue)));
        AtomicReference<Publisher<Float64>> pub = new AtomicReference<>();
        startNode("burst_source", node -> pub.set(node.newPublisher("/burst", Float64.TYPE)));
        await(Duration.ofSeconds(10), "the subscriber to connect", () -> pub.get().subscriberCount() == 1);
        // a first message blocks the listener (so the burst below meets a busy listener however loaded the machine)
        pub.get().publish(new Float64(-1));
        await(Duration.ofSeconds(10), "the listener to hold the first message", () -> received.size() == 1);
        for (int i = 0; i < n; i++) {
            pub.get().publish(new Float64(i));
        }
        // the queue keeps the newest `queue` messages of the burst, the rest is dropped
        await(Duration.ofSeconds(10), "drops", () -> sub.get().droppedMessages() == n - queue);
        release.countDown();
        await(Duration.ofSeconds(10), "delivery", () -> received.size() == queue + 1);
        assertEquals(List.of(-1.0, 45.0, 46.0, 47.0, 48.0, 49.0), received);
    }
}
