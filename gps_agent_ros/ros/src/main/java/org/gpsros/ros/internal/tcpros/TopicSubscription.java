package org.gpsros.ros.internal.tcpros;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageDecodingException;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.ros.internal.master.ApiCallException;
import org.gpsros.ros.internal.master.ApiReplies;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;

/**
 * The subscribing side of one topic in one node: one link per publisher, kept in step with the master's publisher
 * list ({@code registerSubscriber}'s reply and every {@code publisherUpdate}).
 *
 * <p>Each link is a task on the node's pool: {@code requestTopic} on the publisher's slave API, TCP connect, header
 * exchange ({@code callerid, topic, md5sum, type, message_definition, tcp_nodelay}), then one frame per message.
 * Each message is decoded once and handed to every sink (the subscriber handles with their own queues). A frame
 * that does not decode is dropped and logged; a frame over the size limit ends the connection. <b>Reconnect:</b>
 * when a connection drops or cannot be made while the publisher is still in the master's list, the link retries
 * after 100 ms, doubling up to {@value #MAX_BACKOFF_MS} ms; an {@code error} header from the publisher (e.g. md5
 * mismatch) stops the link until the publisher leaves and rejoins the list.
 *
 * @param <T> the message class
 */
public final class TopicSubscription<T extends Message> {
    /** Longest delay between reconnection attempts. */
    public static final int MAX_BACKOFF_MS = 5000;
    private static final int FIRST_BACKOFF_MS = 100;
    private static final System.Logger LOG = System.getLogger(TopicSubscription.class.getName());

    private final String topic;
    private final MessageType<T> type;
    private final TcpRosContext context;
    private final boolean tcpNoDelay;
    private final Map<String, Link> links = new LinkedHashMap<>(); // guarded by this
    private final List<Consumer<T>> sinks = new CopyOnWriteArrayList<>();
    private boolean closed; // guarded by this

    /**
     * @param topic      resolved topic name
     * @param type       message type
     * @param tcpNoDelay ask publishers for TCP_NODELAY
     * @param context    the node's TCPROS resources
     */
    public TopicSubscription(String topic, MessageType<T> type, boolean tcpNoDelay, TcpRosContext context) {
        this.topic = topic;
        this.type = type;
        this.tcpNoDelay = tcpNoDelay;
        this.context = context;
    }

    /** @return the resolved topic name */
    public String topic() {
        return topic;
    }

    /** @return the message type */
    public MessageType<T> type() {
        return type;
    }

    /** @param sink receives every decoded message, on a link's thread; must not block */
    public void addSink(Consumer<T> sink) {
        sinks.add(sink);
    }

    /**
     * @param sink a sink added before
     * @return the number of sinks left
     */
    public int removeSink(Consumer<T> sink) {
        sinks.remove(sink);
        return sinks.size();
    }

    /**
     * Makes the links match the master's complete publisher list: new publishers are connected (asynchronously),
     * vanished ones disconnected.
     *
     * @param publisherUris publisher slave URIs
     */
    public synchronized void updatePublishers(Collection<String> publisherUris) {
        if (closed) {
            return;
        }
        List<String> wanted = new ArrayList<>(publisherUris);
        for (var it = links.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (!wanted.contains(e.getKey())) {
                e.getValue().close();
                it.remove();
            }
        }
        for (String uri : wanted) {
            if (!links.containsKey(uri)) {
                Link link = new Link(uri);
                links.put(uri, link);
                link.start(0);
            }
        }
    }

    /**
     * Connects to publishers not linked yet, keeping every existing link (used after a master restart, when the new
     * master may not know all live publishers).
     *
     * @param publisherUris publisher slave URIs
     */
    public synchronized void addPublishers(Collection<String> publisherUris) {
        if (closed) {
            return;
        }
        for (String uri : publisherUris) {
            if (!links.containsKey(uri)) {
                Link link = new Link(uri);
                links.put(uri, link);
                link.start(0);
            }
        }
    }

    /** @return the number of publishers with a live connection */
    public synchronized int connectedPublisherCount() {
        int n = 0;
        for (Link l : links.values()) {
            if (l.channel != null && l.channel.isOpen() && l.connected) {
                n++;
            }
        }
        return n;
    }

    /** @return {@code getBusInfo} rows of this topic's connections */
    public synchronized List<Object> busInfo() {
        List<Object> out = new ArrayList<>();
        for (Link l : links.values()) {
            out.add(List.of(l.id, l.publisherUri, "i", "TCPROS", topic, l.connected,
                    "TCPROS connection to [" + l.publisherUri + "]"));
        }
        return out;
    }

    /** @return {@code getBusStats} subscribe entry {@code [topic, [[id, bytes, dropEstimate, connected]]]} */
    public synchronized List<Object> busStats() {
        List<Object> conns = new ArrayList<>();
        for (Link l : links.values()) {
            conns.add(List.of(l.id, (int) Math.min(Integer.MAX_VALUE, l.bytesReceived), -1, l.connected));
        }
        return List.of(topic, conns);
    }

    /** Closes every link. Idempotent. */
    public synchronized void close() {
        closed = true;
        for (Link l : links.values()) {
            l.close();
        }
        links.clear();
    }

    private void deliver(T message) {
        for (Consumer<T> sink : sinks) {
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "subscriber sink of " + topic + " failed", e);
            }
        }
    }

    /** The connection to one publisher, with reconnection. */
    private final class Link implements Runnable {
        final int id = TcpRosContext.nextConnectionId();
        final String publisherUri;
        volatile SocketChannel channel;
        volatile boolean connected;
        volatile boolean active = true;
        volatile long bytesReceived;
        int backoffMs = FIRST_BACKOFF_MS;
        ScheduledFuture<?> retry;

        Link(String publisherUri) {
            this.publisherUri = publisherUri;
        }

        void start(long delayMs) {
            if (!active) {
                return;
            }
            if (delayMs <= 0) {
                try {
                    context.pool().execute(this);
                } catch (RejectedExecutionException e) {
                    LOG.log(System.Logger.Level.WARNING, "no thread free to connect to " + publisherUri + " for "
                            + topic + "; retrying");
                    scheduleRetry();
                }
            } else {
                try {
                    retry = context.timer().schedule(() -> start(0), delayMs, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // node shutting down
                }
            }
        }

        private void scheduleRetry() {
            int delay = backoffMs;
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            start(delay);
        }

        @Override
        public void run() {
            boolean retryLater = true;
            try {
                connectAndRead();
            } catch (TcpRosException e) {
                LOG.log(System.Logger.Level.WARNING, "subscription to " + topic + " from " + publisherUri + ": "
                        + e.getMessage());
                retryLater = !e.refusedByPeer();
            } catch (ApiCallException e) {
                LOG.log(System.Logger.Level.INFO, "publisher " + publisherUri + " refused requestTopic for " + topic
                        + ": " + e.statusMessage());
            } catch (IOException | MessageDecodingException e) {
                if (active) {
                    LOG.log(System.Logger.Level.DEBUG, "connection to publisher " + publisherUri + " of " + topic
                            + " ended: " + e);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "subscription to " + topic + " from " + publisherUri
                        + " failed", e);
            } finally {
                connected = false;
                TcpRosContext.closeQuietly(channel);
            }
            if (active && retryLater) {
                scheduleRetry();
            }
        }

        private void connectAndRead() throws IOException {
            Object reply = context.xmlRpc().call(URI.create(publisherUri), "requestTopic",
                    List.of(context.callerId(), topic, List.of(List.of("TCPROS"))));
            List<?> protocol = ApiReplies.list("requestTopic", ApiReplies.value("requestTopic", reply));
            if (protocol.size() < 3 || !"TCPROS".equals(protocol.get(0)) || !(protocol.get(1) instanceof String host)
                    || !(protocol.get(2) instanceof Integer port)) {
                throw new XmlRpcException("requestTopic on " + publisherUri + " answered " + protocol
                        + ", expected [TCPROS, host, port]");
            }
            if (!active) {
                return;
            }
            SocketChannel ch = SocketChannel.open();
            channel = ch;
            if (!active) {
                TcpRosContext.closeQuietly(ch);
                return;
            }
            ch.socket().connect(new InetSocketAddress(host, port), (int) context.connectTimeout().toMillis());
            if (tcpNoDelay) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ConnectionHeader header = ConnectionHeader.of("callerid", context.callerId(), "topic", topic,
                    "md5sum", type.md5(), "type", type.name(), "message_definition", type.definition(),
                    "tcp_nodelay", tcpNoDelay ? "1" : "0");
            Frames.writeFully(ch, header.encode());
            ScheduledFuture<?> timeout = context.closeAfter(ch, context.headerTimeout());
            ConnectionHeader reply2;
            try {
                reply2 = ConnectionHeader.read(ch, context.maxHeaderBytes());
            } finally {
                timeout.cancel(false);
            }
            if (reply2.has("error")) {
                throw TcpRosException.refused("publisher refused: " + reply2.get("error").get());
            }
            String md5 = reply2.get("md5sum").orElse("");
            if (!md5.equals(type.md5()) && !md5.equals("*")) {
                throw TcpRosException.refused("publisher sends md5sum " + md5 + " ("
                        + reply2.get("type").orElse("?") + "), we expect " + type.md5() + " (" + type.name() + ")");
            }
            connected = true;
            backoffMs = FIRST_BACKOFF_MS;
            var limits = context.decodeLimits();
            while (active) {
                ByteBuffer frame = Frames.readFrame(ch, context.maxMessageBytes());
                bytesReceived += frame.remaining() + 4L;
                T message;
                try {
                    message = type.deserialize(frame, limits);
                } catch (MessageDecodingException e) {
                    LOG.log(System.Logger.Level.WARNING, "dropped an undecodable message on " + topic + " from "
                            + publisherUri + ": " + e.getMessage());
                    continue;
                }
                deliver(message);
            }
        }

        void close() {
            active = false;
            ScheduledFuture<?> r = retry;
            if (r != null) {
                r.cancel(false);
            }
            TcpRosContext.closeQuietly(channel);
        }
    }
}
