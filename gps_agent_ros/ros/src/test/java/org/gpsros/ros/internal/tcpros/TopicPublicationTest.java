package org.gpsros.ros.internal.tcpros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.msg.std_msgs.Float64MultiArray;
import org.gpsros.ros.internal.xmlrpc.XmlRpcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A publication behind a TCPROS server, with raw-socket subscribers; no master needed. */
class TopicPublicationTest {
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 16, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>());
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final XmlRpcClient xmlRpc = new XmlRpcClient(Duration.ofSeconds(2), 1, "test-http");
    private final TcpRosContext context = new TcpRosContext("/test_pub", pool, timer, xmlRpc, 1 << 20, 64 << 20,
            Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        pool.shutdownNow();
        timer.shutdownNow();
        xmlRpc.close();
    }

    private int serve(TopicPublication publication) throws Exception {
        TcpRosServer server = new TcpRosServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), context,
                new TcpRosServer.Router() {
                    @Override
                    public Optional<TopicPublication> publication(String topic) {
                        return topic.equals(publication.topic()) ? Optional.of(publication) : Optional.empty();
                    }

                    @Override
                    public Optional<ServiceEndpoint<?, ?>> service(String service) {
                        return Optional.empty();
                    }
                });
        closeables.add(server);
        closeables.add(publication::close);
        return server.port();
    }

    private static SocketChannel subscribe(int port, String topic, String md5, int receiveBuffer) throws Exception {
        SocketChannel ch = SocketChannel.open();
        if (receiveBuffer > 0) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        }
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        Frames.writeFully(ch, ConnectionHeader.of("callerid", "/raw_sub", "topic", topic, "md5sum", md5, "type", "*")
                .encode());
        return ch;
    }

    @Test
    void latchedMessageGoesToEachNewSubscriberAfterTheHeader() throws Exception {
        TopicPublication p = new TopicPublication("/latched", Float64.TYPE, true, 10, context);
        int port = serve(p);
        p.publish(new Float64(1.0));
        p.publish(new Float64(2.0));
        for (int i = 0; i < 2; i++) {
            try (SocketChannel ch = subscribe(port, "/latched", "*", 0)) {
                ConnectionHeader reply = ConnectionHeader.read(ch, 1 << 20);
                assertEquals("1", reply.get("latching").orElseThrow());
                assertEquals(Float64.TYPE.md5(), reply.get("md5sum").orElseThrow());
                assertEquals("std_msgs/Float64", reply.get("type").orElseThrow());
                assertEquals("float64 data\n", reply.get("message_definition").orElseThrow());
                assertEquals("/test_pub", reply.get("callerid").orElseThrow());
                assertEquals(new Float64(2.0), Float64.TYPE.deserialize(Frames.readFrame(ch, 1 << 20)));
            }
        }
    }

    @Test
    void fullSubscriberQueueDropsTheOldestFrames() throws Exception {
        int queue = 2;
        int count = 20;
        TopicPublication p = new TopicPublication("/big", Float64MultiArray.TYPE, false, queue, context);
        int port = serve(p);
        try (SocketChannel ch = subscribe(port, "/big", Float64MultiArray.TYPE.md5(), 4096)) {
            ConnectionHeader.read(ch, 1 << 20);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (p.subscriberCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // 4 MB messages to a subscriber that does not read: socket buffers fill, the queue overflows
            for (int i = 0; i < count; i++) {
                double[] data = new double[1 << 19];
                data[0] = i;
                p.publish(Float64MultiArray.builder().data(data).build());
            }
            long dropped = p.droppedFrames();
            assertTrue(dropped > 0, "a non-reading subscriber must lose frames");
            List<Integer> got = new ArrayList<>();
            while (got.isEmpty() || got.get(got.size() - 1) != count - 1) {
                ByteBuffer frame = Frames.readFrame(ch, 64 << 20);
                got.add((int) Float64MultiArray.TYPE.deserialize(frame).data()[0]);
            }
            for (int i = 1; i < got.size(); i++) {
                assertTrue(got.get(i) > got.get(i - 1), "frames out of order: " + got);
            }
            assertEquals(count, got.size() + dropped, "received " + got + ", dropped " + dropped);
            // the newest frames survive: the last `queue` published are the last received
            assertEquals(List.of(count - 2, count - 1), got.subList(got.size() - queue, got.size()));
        }
    }

    @Test
    void wrongMd5IsRefusedAndStarIsAccepted() throws Exception {
        TopicPublication p = new TopicPublication("/t", Float64.TYPE, false, 10, context);
        int port = serve(p);
        try (SocketChannel ch = subscribe(port, "/t", "0123456789abcdef0123456789abcdef", 0)) {
            assertTrue(ConnectionHeader.read(ch, 1 << 20).get("error").orElseThrow().contains("Dropping connection"));
        }
        try (SocketChannel ch = subscribe(port, "/t", "*", 0)) {
            assertEquals(Float64.TYPE.md5(), ConnectionHeader.read(ch, 1 << 20).get("md5sum").orElseThrow());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (p.subscriberCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            p.publish(new Float64(5.0));
            assertEquals(new Float64(5.0), Float64.TYPE.deserialize(Frames.readFrame(ch, 1 << 20)));
        }
        // a subscriber that leaves is noticed without publishing (idle check)
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (p.subscriberCount() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, p.subscriberCount());
    }
}
