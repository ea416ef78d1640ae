package org.gpsros.ros.internal.tcpros;

import java.io.IOException;
import java.nio.channels.Channel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gpsros.msg.runtime.DecodeLimits;
import org.gpsros.ros.internal.xmlrpc.XmlRpcClient;

/**
 * What the TCPROS endpoints of one node share: its caller id, its bounded connection pool (every long-lived
 * connection task runs there), a timer for timeouts and retries, the XML-RPC client (for requestTopic), limits and
 * timeouts.
 *
 * @param callerId        the node's global name, sent as {@code callerid}
 * @param pool            the node's bounded pool for connection tasks; rejects when full
 * @param timer           timeouts and retry delays
 * @param xmlRpc          the node's XML-RPC client
 * @param maxHeaderBytes  largest connection header accepted
 * @param maxMessageBytes largest message frame accepted (and decoding limit)
 * @param headerTimeout   how long a peer may take to send its header
 * @param connectTimeout  TCP connect timeout
 */
public record TcpRosContext(String callerId, ExecutorService pool, ScheduledExecutorService timer,
        XmlRpcClient xmlRpc, int maxHeaderBytes, int maxMessageBytes, Duration headerTimeout,
        Duration connectTimeout) {
    private static final AtomicInteger CONNECTION_IDS = new AtomicInteger();

    /** @return the decoding limits for incoming messages */
    public DecodeLimits decodeLimits() {
        return new DecodeLimits(maxMessageBytes);
    }

    /** @return a new connection id, unique in this JVM (getBusInfo/getBusStats) */
    public static int nextConnectionId() {
        return CONNECTION_IDS.incrementAndGet();
    }

    /**
     * Closes a channel after a delay unless the returned future is cancelled first.
     *
     * @param channel the channel
     * @param delay   the delay
     * @return the scheduled close
     */
    public ScheduledFuture<?> closeAfter(Channel channel, Duration delay) {
        return timer.schedule(() -> closeQuietly(channel), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @param channel closed, ignoring failures; may be null */
    public static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
