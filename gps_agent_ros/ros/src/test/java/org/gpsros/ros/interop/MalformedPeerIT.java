package org.gpsros.ros.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gpsros.msg.gps_msgs.ResetCondition;
import org.gpsros.msg.gps_msgs.ResetConditionResponse;
import org.gpsros.msg.std_msgs.Float64;
import org.gpsros.ros.internal.master.ApiReplies;
import org.gpsros.ros.internal.tcpros.ConnectionHeader;
import org.gpsros.ros.internal.tcpros.Frames;
import org.gpsros.ros.internal.xmlrpc.XmlRpcServer;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.ros.testing.RosTools;
import org.junit.jupiter.api.Test;

/**
 * Malformed, oversized and wrong-md5 headers and frames from raw sockets: each is answered with a ROS error header
 * (or an error reply), and the node keeps serving real tools afterwards. Also a misbehaving publisher: oversized and
 * undecodable frames, drops (reconnect), and an error header (no reconnect storm).
 */
class MalformedPeerIT extends RosInteropTest {
    private static final String F64_MD5 = "fdb28210bfa9d7c91146260178d9a584";

    private int startTarget() throws Exception {
        startNode(config().maxMessageBytes(1 << 20).headerTimeout(Duration.ofSeconds(1)), "raw_target", n -> {
            n.newPublisher("/raw_topic", Float64.TYPE, true).publish(new Float64(2.0));
            n.newServiceServer("/raw_srv", ResetCondition.TYPE, req -> new ResetConditionResponse(true,
                    "condition " + req.condition()));
        });
        return master.client().lookupService("/raw_srv").getPort();
    }

    private static ByteBuffer le(int... ints) {
        ByteBuffer b = ByteBuffer.allocate(4 * ints.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : ints) {
            b.putInt(i);
        }
        return b.flip();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes, reads the reply header and checks that the node then closes the connection. */
    private static ConnectionHeader exchange(int port, ByteBuffer... raw) throws IOException {
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            Frames.writeFully(ch, raw);
            ConnectionHeader reply = ConnectionHeader.read(ch, 1 << 20);
            assertClosed(ch);
            return reply;
        }
    }

    private static void assertClosed(SocketChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        try {
            assertEquals(-1, ch.read(one), "the node should close the connection");
        } catch (IOException e) {
            // a reset is a close too
        }
    }

    private static void assertError(ConnectionHeader h, String expected) {
        assertTrue(h.get("error").orElse("").contains(expected), "expected an error containing '" + expected
                + "', got " + h);
        assertEquals(1, h.fields().size(), "an error header has only the error field: " + h);
    }

    @Test
    void badHeadersGetErrorHeadersAndTheNodeKeepsServing() throws Exception {
        int port = startTarget();
        assertError(exchange(port, le(Integer.MAX_VALUE)), "exceeds the limit of 1048576 bytes");
        assertError(exchange(port, le(10, 100), bytes("abcdef")), "declares 100 bytes but only 6 remain");
        assertError(exchange(port, le(7, 3), bytes("abc")), "is not key=value");
        assertError(exchange(port, ConnectionHeader.of("callerid", "/raw", "topic", "/raw_topic", "md5sum",
                "0123456789abcdef0123456789abcdef", "type", "std_msgs/Float32").encode()),
                "wants topic [/raw_topic] to have datatype/md5sum [std_msgs/Float32/0123456789abcdef0123456789abcdef],"
                        + " but our version has [std_msgs/Float64/" + F64_MD5 + "]");
        assertError(exchange(port, ConnectionHeader.of("callerid", "/raw", "topic", "/raw_topic").encode()),
                "did not have the required elements");
        assertError(exchange(port, ConnectionHeader.of("callerid", "/raw", "topic", "/nope", "md5sum", "*")
                .encode()), "nonexistent topic [/nope]");
        assertError(exchange(port, ConnectionHeader.of("callerid", "/raw", "service", "/raw_srv", "md5sum",
                F64_MD5).encode()), "md5sums do not match: [" + F64_MD5 + "] vs. [" + ResetCondition.TYPE.md5()
                        + "]");
        assertError(exchange(port, ConnectionHeader.of("callerid", "/raw", "what", "ever").encode()),
                "neither a topic nor a service");
        // a header that never completes is closed after the header timeout
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            Frames.writeFully(ch, le(100), bytes("only a part"));
            ch.socket().setSoTimeout(5000);
            assertClosed(ch);
        }
        // still serving real tools
        RosTools.Result echo = master.run(Duration.ofSeconds(20), "rostopic", "echo", "-n", "1", "/raw_topic");
        assertTrue(echo.stdout().contains("data: 2.0"), echo.all());
        RosTools.Result call = master.run(Duration.ofSeconds(20), "rosservice", "call", "/raw_srv", "condition: 4");
        assertTrue(call.stdout().contains("message: \"condition 4\""), call.all());
    }

    private static ByteBuffer readServiceReply(SocketChannel ch, boolean[] ok) throws IOException {
        ByteBuffer okByte = ByteBuffer.allocate(1);
        Frames.readFully(ch, okByte);
        ok[0] = okByte.get(0) == 1;
        return Frames.readFrame(ch, 1 << 20);
    }

    @Test
    void badServiceFramesGetErrorReplies() throws Exception {
        int port = startTarget();
        ConnectionHeader hello = ConnectionHeader.of("callerid", "/raw", "service", "/raw_srv", "md5sum",
                ResetCondition.TYPE.md5(), "persistent", "1");
        boolean[] ok = new boolean[1];
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            Frames.writeFully(ch, hello.encode());
            ConnectionHeader reply = ConnectionHeader.read(ch, 1 << 20);
            assertEquals("gps_msgs/ResetCondition", reply.get("type").orElseThrow());
            // a 2-byte request where an int32 is needed: error reply, connection stays
            Frames.writeFully(ch, le(2), ByteBuffer.wrap(new byte[] {1, 2}));
            String text = StandardCharsets.UTF_8.decode(readServiceReply(ch, ok)).toString();
            assertEquals(false, ok[0]);
            assertTrue(text.startsWith("malformed request: "), text);
            // then a good request on the same connection
            Frames.writeFully(ch, le(4, 9));
            ByteBuffer body = readServiceReply(ch, ok);
            assertEquals(true, ok[0]);
            assertEquals(new ResetConditionResponse(true, "condition 9"), ResetCondition.TYPE.response()
                    .deserialize(body));
            // an oversized frame: error reply, then the connection is closed
            Frames.writeFully(ch, le(100 << 20));
            text = StandardCharsets.UTF_8.decode(readServiceReply(ch, ok)).toString();
            assertEquals(false, ok[0]);
            assertEquals("frame of 104857600 bytes exceeds the limit of 1048576 bytes", text);
            assertClosed(ch);
        }
        RosTools.Result call = master.run(Duration.ofSeconds(20), "rosservice", "call", "/raw_srv", "condition: 5");
        assertTrue(call.stdout().contains("message: \"condition 5\""), call.all());
    }

    @Test
    void misbehavingPublisherIsSurvivedAndReconnected() throws Exception {
        BlockingQueue<Float64> received = new LinkedBlockingQueue<>();
        BlockingQueue<SocketChannel> connections = new LinkedBlockingQueue<>();
        try (ServerSocketChannel tcp = ServerSocketChannel.open().bind(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0));
                XmlRpcServer slave = new XmlRpcServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        (method, params) -> method.equals("requestTopic") ? ApiReplies.reply(1, "ready",
                                List.of("TCPROS", "127.0.0.1", ((InetSocketAddress) localAddress(tcp)).getPort()))
                                : ApiReplies.reply(1, "", 0), 2, 1 << 20, "fake-slave")) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        connections.add(tcp.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI fakeUri = URI.create("http://127.0.0.1:" + slave.address().getPort() + "/");
            master.client().registerPublisher("/fake_topic", "std_msgs/Float64", fakeUri);
            startNode(config().maxMessageBytes(1 << 20), "fake_listener",
                    n -> n.newSubscriber("/fake_topic", Float64.TYPE, received::add));
            ConnectionHeader good = ConnectionHeader.of("callerid", "/gps_ros_test", "topic", "/fake_topic",
                    "md5sum", F64_MD5, "type", "std_msgs/Float64", "message_definition", "float64 data\n",
                    "latching", "0");

            // 1: an oversized frame -> our subscriber drops the connection
            SocketChannel c1 = next(connections);
            ConnectionHeader sub = ConnectionHeader.read(c1, 1 << 20);
            assertEquals("/fake_listener", sub.get("callerid").orElseThrow());
            assertEquals(F64_MD5, sub.get("md5sum").orElseThrow());
            Frames.writeFully(c1, good.encode(), le(Integer.MAX_VALUE));
            assertClosed(c1);
            c1.close();
            // 2: it reconnects; an undecodable frame is dropped, the next one delivered; then we drop it
            SocketChannel c2 = next(connections);
            ConnectionHeader.read(c2, 1 << 20);
            Frames.writeFully(c2, good.encode(), le(3), ByteBuffer.wrap(new byte[] {1, 2, 3}),
                    Frames.frame(Float64.TYPE.serialize(new Float64(6.0))));
            assertEquals(6.0, received.poll(10, TimeUnit.SECONDS).data());
            c2.close();
            // 3: reconnects after the publisher dropped
            SocketChannel c3 = next(connections);
            ConnectionHeader.read(c3, 1 << 20);
            Frames.writeFully(c3, good.encode(), Frames.frame(Float64.TYPE.serialize(new Float64(7.0))));
            assertEquals(7.0, received.poll(10, TimeUnit.SECONDS).data());
            c3.close();
            // 4: an error header (e.g. md5 mismatch) stops the link: no further attempts
            SocketChannel c4 = next(connections);
            ConnectionHeader.read(c4, 1 << 20);
            Frames.writeFully(c4, ConnectionHeader.error("md5 mismatch").encode());
            c4.close();
            assertEquals(null, connections.poll(1500, TimeUnit.MILLISECONDS), "no reconnection after a refusal");
            assertTrue(received.isEmpty(), "nothing else delivered: " + received);
            master.client().unregisterPublisher("/fake_topic", fakeUri);
        }
    }

    private static java.net.SocketAddress localAddress(ServerSocketChannel tcp) {
        try {
            return tcp.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SocketChannel next(BlockingQueue<SocketChannel> connections) throws Exception {
        SocketChannel c = connections.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new EOFException("the subscriber did not (re)connect within 10 s");
        }
        return c;
    }
}
