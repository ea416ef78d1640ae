package org.gpsros.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.gpsros.msg.gps_msgs.DataType;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.api.Subscriber;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

/**
 * Message throughput over loopback TCPROS, our publisher to our subscriber in one JVM (two nodes, real rosmaster):
 * messages/s (received, over the time from the first publish to the last arrival) and MB/s (payload bytes, the serialised message without the 4-byte length prefix) for std_msgs/Float64
 * and T = 100 SampleResults of box2d_arm's size (states 100 × 7, actions 100 × 2) and of the peg's (states 100 × 26,
 * actions 100 × 7). Each case runs twice for about 2 s: flat out (publish in a loop, queues 100 on both sides; the
 * drops are counted) and windowed (at most 50 messages published and not yet received, queues 100: lossless, the
 * sustained rate). Prints BENCH lines; asserts only that messages arrive and that the windowed runs lose none.
 */
class ThroughputIT extends RosInteropTest {

    private static final int QUEUE = 100;
    private static final int WINDOW = 50;
    private static final long RUN_NANOS = 2_000_000_000L;

    @Test
    void float64() {
        Float64 message = new Float64(Math.PI);
        measure("float64", Float64.TYPE, message);
    }

    @Test
    void sampleResultBox2dArmSized() {
        measure("sample_result_arm_T100_7x2", SampleResult.TYPE, sampleResult(new int[] {2, 2, 3}, 2));
    }

    @Test
    void sampleResultPegSized() {
        measure("sample_result_peg_T100_26x7", SampleResult.TYPE, sampleResult(new int[] {7, 7, 6, 6}, 7));
    }

    private static SampleResult sampleResult(int[] stateDims, int actionDim) {
        SensorType[] sensors = {SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS,
            SensorType.END_EFFECTOR_POINT_VELOCITIES};
        int horizon = 100;
        List<DataType> entries = new ArrayList<>();
        for (int s = 0; s < stateDims.length; s++) {
            entries.add(SampleMessages.dataType(sensors[s], values(horizon, stateDims[s], s), horizon));
        }
        entries.add(SampleMessages.dataType(SensorType.ACTION, values(horizon, actionDim, 9), horizon));
        return new SampleResult(7, entries);
    }

    private static double[][] values(int horizon, int dim, int salt) {
        double[][] v = new double[horizon][dim];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < dim; i++) {
                v[t][i] = Math.sin(0.1 * t + i + salt);
            }
        }
        return v;
    }

    private <T extends Message> void measure(String name, MessageType<T> type, T message) {
        String topic = "/throughput_" + name;
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        Subscriber<?>[] subscriber = new Subscriber<?>[1];
        startNode("tp_sub_" + name, n -> subscriber[0] = n.newSubscriber(topic, type, m -> {
            received.incrementAndGet();
            lastArrival.set(System.nanoTime());
        }, QUEUE));
        @SuppressWarnings("unchecked")
        Publisher<T>[] publisher = new Publisher[1];
        startNode("tp_pub_" + name, n -> publisher[0] = n.newPublisher(topic, type, false, QUEUE));
        await(Duration.ofSeconds(20), "the subscriber to connect", () -> publisher[0] != null
                && publisher[0].subscriberCount() == 1 && subscriber[0] != null
                && subscriber[0].connectedPublisherCount() == 1);
        int bytes = type.serializedSize(message);

        // Flat out: publish as fast as the loop goes; drops happen in the publisher's or the subscriber's queue.
        long published = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < RUN_NANOS) {
            publisher[0].publish(message);
            published++;
        }
        long publishedCount = published;
        // Wait until nothing more arrives (the queues drain).
        long last = -1;
        while (received.get() != last) {
            last = received.get();
            RosTools.sleep(300);
        }
        double seconds = (lastArrival.get() - start) * 1e-9;
        long got = received.get();
        long subscriberDropped = subscriber[0].droppedMessages();
        report(name, "flat_out", bytes, publishedCount, got, subscriberDropped, seconds);
        assertTrue(got > 0, "no message arrived");

        // Windowed: at most WINDOW messages in flight, so no queue overflows.
        received.set(0);
        long droppedBefore = subscriber[0].droppedMessages();
        published = 0;
        start = System.nanoTime();
        while (System.nanoTime() - start < RUN_NANOS) {
            if (published - received.get() < WINDOW) {
                publisher[0].publish(message);
                published++;
            } else {
                Thread.onSpinWait();
            }
        }
        long windowed = published;
        await(Duration.ofSeconds(20), "the windowed messages to arrive", () -> received.get() == windowed);
        seconds = (lastArrival.get() - start) * 1e-9;
        report(name, "windowed", bytes, windowed, received.get(), subscriber[0].droppedMessages() - droppedBefore,
                seconds);
        assertEquals(windowed, received.get());
    }

    private static void report(String name, String mode, int bytes, long published, long received,
            long subscriberDropped, double seconds) {
        double rate = received / seconds;
        System.out.printf(Locale.ROOT, "BENCH tcpros_throughput_%s_%s: %d B/msg, queues %d/%d%s: published %d, "
                + "received %d in %.2f s = %.0f msg/s, %.2f MB/s; dropped %d (subscriber queue %d, publisher queue "
                + "%d)%n", name, mode, bytes, QUEUE, QUEUE, mode.equals("windowed") ? ", window " + WINDOW : "",
                published, received, seconds, rate, rate * bytes / 1e6, published - received, subscriberDropped,
                published - received - subscriberDropped);
    }
}
