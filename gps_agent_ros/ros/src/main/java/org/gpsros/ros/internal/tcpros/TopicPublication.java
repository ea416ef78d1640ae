package org.gpsros.ros.internal.tcpros;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;

/**
 * The publishing side of one topic in one node: the TCPROS connections of its subscribers.
 *
 * <p>Each message is serialised once and its frame is queued for every subscriber connection. Each connection has
 * its own bounded queue of {@code queueSize} frames and its own writer (a task on the node's pool), so a slow
 * subscriber never blocks {@link #publish} or the other subscribers. <b>Drop policy:</b> when a connection's queue
 * is full, its OLDEST queued frame is dropped (counted in getBusStats), as roscpp's publisher queue does.
 *
 * <p>Handshake (ROS wiki "ROS/TCPROS"): the subscriber's header must have {@code callerid}, {@code topic} and
 * {@code md5sum}; the md5 must equal ours or be {@code *} (rostopic hz, rosbag record). We answer
 * {@code callerid, topic, md5sum, type, message_definition, latching}; {@code tcp_nodelay=1} sets TCP_NODELAY. When
 * latching, the last message is sent to each new subscriber right after the header. A subscriber's disconnect is
 * noticed while writing or, when idle, by a non-blocking read every {@value #IDLE_CHECK_MS} ms.
 */
public final class TopicPublication {
    /** How often an idle writer checks whether its subscriber has gone. */
    public static final int IDLE_CHECK_MS = 500;
    private static final System.Logger LOG = System.getLogger(TopicPublication.class.getName());

    private final String topic;
    private final MessageType<?> type;
    private final TcpRosContext context;
    private final int queueSize;
    private final Object lock = new Object();
    private final List<Outgoing> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong messageBytes = new AtomicLong();
    private volatile boolean latch;
    private ByteBuffer latched; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * @param topic     resolved topic name
     * @param type      message type
     * @param latch     whether to latch the last message
     * @param queueSize frames queued per subscriber before the oldest is dropped (at least 1)
     * @param context   the node's TCPROS resources
     */
    public TopicPublication(String topic, MessageType<?> type, boolean latch, int queueSize, TcpRosContext context) {
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be >= 1, got " + queueSize);
        }
        this.topic = topic;
        this.type = type;
        this.latch = latch;
        this.queueSize = queueSize;
        this.context = context;
    }

    /** @return the resolved topic name */
    public String topic() {
        return topic;
    }

    /** @return the message type */
    public MessageType<?> type() {
        return type;
    }

    /** @return whether the last message is latched */
    public boolean latching() {
        return latch;
    }

    /** @param latch latch from now on (an earlier message is not latched retroactively) */
    public void setLatching(boolean latch) {
        this.latch = latch;
    }

    /** @return the number of connected subscribers */
    public int subscriberCount() {
        return connections.size();
    }

    /**
     * Serialises and queues a message for every connected subscriber (and latches it when latching).
     *
     * @param message the message; its type must be this topic's type
     * @param <T>     the message class
     * @throws IllegalStateException    if the publication is closed
     * @throws IllegalArgumentException if the message has another type
     */
    @SuppressWarnings("unchecked")
    public <T extends Message> void publish(T message) {
        if (message.messageType() != type && !message.messageType().name().equals(type.name())) {
            throw new IllegalArgumentException("cannot publish " + message.messageType().name() + " on topic "
                    + topic + " of type " + type.name());
        }
        ByteBuffer frame = Frames.frame(((MessageType<T>) type).serialize(message));
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("publish() on closed topic " + topic);
            }
            if (latch) {
                latched = frame;
            }
            for (Outgoing c : connections) {
                c.offer(frame);
            }
        }
        messageBytes.addAndGet(frame.remaining() - 4L);
    }

    /**
     * Handles a subscriber's connection on the calling (pool) thread until it ends.
     *
     * @param channel the connection
     * @param header  the subscriber's header
     */
    public void serve(SocketChannel channel, ConnectionHeader header) {
        String error = check(header);
        if (error != null) {
            LOG.log(System.Logger.Level.WARNING, error);
            TcpRosServer.refuse(channel, error, context);
            return;
        }
        String peer = header.get("callerid").orElseThrow();
        Outgoing connection = new Outgoing(TcpRosContext.nextConnectionId(), peer, channel, queueSize);
        synchronized (lock) {
            if (closed) {
                TcpRosServer.refuse(channel, "topic " + topic + " is shutting down", context);
                return;
            }
            if (latch && latched != null) {
                connection.offer(latched);
            }
            connections.add(connection);
        }
        try {
            if (header.flag("tcp_nodelay")) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ConnectionHeader reply = ConnectionHeader.of("callerid", context.callerId(), "topic", topic,
                    "md5sum", type.md5(), "type", type.name(), "message_definition", type.definition(),
                    "latching", latch ? "1" : "0");
            Frames.writeFully(channel, reply.encode());
            connection.writeLoop();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "subscriber " + peer + " of " + topic + " disconnected: " + e);
        } finally {
            connections.remove(connection);
            TcpRosContext.closeQuietly(channel);
        }
    }

    private String check(ConnectionHeader h) {
        for (String required : List.of("md5sum", "topic", "callerid")) {
            if (!h.has(required)) {
                return "header from subscriber did not have the required elements: md5sum, topic, callerid"
                        + " (missing " + required + ")";
            }
        }
        String md5 = h.get("md5sum").get();
        if (!md5.equals("*") && !md5.equals(type.md5())) {
            return "Client [" + h.get("callerid").get() + "] wants topic [" + topic + "] to have datatype/md5sum ["
                    + h.get("type").orElse("") + "/" + md5 + "], but our version has [" + type.name() + "/"
                    + type.md5() + "]. Dropping connection.";
        }
        return null;
    }

    /** @return {@code getBusInfo} rows of this topic's connections */
    public List<Object> busInfo() {
        List<Object> out = new ArrayList<>();
        for (Outgoing c : connections) {
            out.add(List.of(c.id, c.peer, "o", "TCPROS", topic, true,
                    "TCPROS connection on port " + localPort(c.channel) + " to [" + TcpRosServer.peer(c.channel)
                            + "]"));
        }
        return out;
    }

    /** @return {@code getBusStats} publish entry {@code [topic, messageDataSent, [[id, bytes, count, connected]]]} */
    public List<Object> busStats() {
        List<Object> conns = new ArrayList<>();
        for (Outgoing c : connections) {
            conns.add(List.of(c.id, (int) Math.min(Integer.MAX_VALUE, c.bytesSent), c.messagesSent, true));
        }
        return List.of(topic, (int) Math.min(Integer.MAX_VALUE, messageBytes.get()), conns);
    }

    /** @return frames dropped so far over all connections (queue overflow) */
    public long droppedFrames() {
        long total = 0;
        for (Outgoing c : connections) {
            total += c.dropped;
        }
        return total;
    }

    private static int localPort(SocketChannel channel) {
        try {
            return ((java.net.InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Closes every subscriber connection; later publishes throw. Idempotent. */
    public void close() {
        synchronized (lock) {
            closed = true;
            latched = null;
        }
        for (Outgoing c : connections) {
            c.close();
        }
    }

    /** One subscriber connection: its bounded frame queue (drop oldest) and its writer loop. */
    private static final class Outgoing {
        final int id;
        final String peer;
        final SocketChannel channel;
        final int capacity;
        final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        final ReentrantLock queueLock = new ReentrantLock();
        final Condition nonEmpty = queueLock.newCondition();
        volatile long bytesSent;
        volatile int messagesSent;
        volatile long dropped;
        volatile boolean closing;

        Outgoing(int id, String peer, SocketChannel channel, int capacity) {
            this.id = id;
            this.peer = peer;
            this.channel = channel;
            this.capacity = capacity;
        }

        void offer(ByteBuffer frame) {
            queueLock.lock();
            try {
                if (queue.size() >= capacity) {
                    queue.pollFirst();
                    dropped++;
                }
                queue.addLast(frame);
                nonEmpty.signal();
            } finally {
                queueLock.unlock();
            }
        }

        private ByteBuffer poll() throws InterruptedException {
            queueLock.lock();
            try {
                if (queue.isEmpty()) {
                    nonEmpty.await(IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
                }
                return queue.pollFirst();
            } finally {
                queueLock.unlock();
            }
        }

        void writeLoop() throws IOException {
            ByteBuffer probe = ByteBuffer.allocate(256);
            while (!closing) {
                ByteBuffer frame;
                try {
                    frame = poll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (frame == null) {
                    if (peerClosed(probe)) {
                        return;
                    }
                    continue;
                }
                ByteBuffer view = frame.duplicate();
                int size = view.remaining();
                Frames.writeFully(channel, view);
                bytesSent += size;
                messagesSent++;
            }
        }

        /** Non-blocking read: subscribers send nothing after their header, so EOF means they have gone. */
        private boolean peerClosed(ByteBuffer probe) throws IOException {
            channel.configureBlocking(false);
            try {
                int n = channel.read(probe.clear());
                return n < 0;
            } finally {
                channel.configureBlocking(true);
            }
        }

        void close() {
            closing = true;
            queueLock.lock();
            try {
                nonEmpty.signalAll();
            } finally {
                queueLock.unlock();
            }
            TcpRosContext.closeQuietly(channel);
        }
    }
}
