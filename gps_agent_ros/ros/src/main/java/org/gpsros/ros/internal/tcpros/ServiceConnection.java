package org.gpsros.ros.internal.tcpros;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageDecodingException;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.api.ServiceException;
import org.gpsros.ros.api.ServiceException.Reason;

/**
 * The client side of one service (ROS wiki "ROS/TCPROS" §Services): header
 * {@code callerid, service, md5sum, type, persistent}, then per call a request frame and the reply
 * {@code uint8 ok} + {@code uint32 length} + body (response, or error text when ok is 0). Non-persistent clients
 * look the service up and connect for every call; persistent ones keep the connection and reopen it after a
 * failure. Calls are serialised by a lock. A timeout closes the connection and fails the call with
 * {@link Reason#TIMEOUT}.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public final class ServiceConnection<Q extends Message, R extends Message> implements AutoCloseable {
    /** Looks the service's {@code rosrpc://} URI up with the master. */
    @FunctionalInterface
    public interface Lookup {
        /**
         * @return the provider's URI
         * @throws ServiceException with {@link Reason#NOT_FOUND} or {@link Reason#CONNECTION_FAILED}
         */
        URI lookup() throws ServiceException;
    }

    private final String service;
    private final ServiceType<Q, R> type;
    private final boolean persistent;
    private final Lookup lookup;
    private final TcpRosContext context;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SocketChannel channel; // written under lock (persistent only)

    /**
     * @param service    resolved service name
     * @param type       service type
     * @param persistent keep the connection between calls
     * @param lookup     finds the provider
     * @param context    the node's TCPROS resources
     */
    public ServiceConnection(String service, ServiceType<Q, R> type, boolean persistent, Lookup lookup,
            TcpRosContext context) {
        this.service = service;
        this.type = type;
        this.persistent = persistent;
        this.lookup = lookup;
        this.context = context;
    }

    /**
     * @param request the request
     * @param timeout for the whole call (look-up, connect, header, response)
     * @return the response
     * @throws ServiceException with the reason of the failure
     */
    public R call(Q request, Duration timeout) throws ServiceException {
        byte[] body = type.request().serialize(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!lock.tryLock(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw new ServiceException(Reason.TIMEOUT, "service " + service + ": another call did not finish"
                        + " within " + timeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(Reason.CLOSED, "interrupted while waiting to call " + service, e);
        }
        try {
            if (closed.get()) {
                throw new ServiceException(Reason.CLOSED, "service client for " + service + " is closed", null);
            }
            SocketChannel ch = channel;
            boolean reused = ch != null && ch.isOpen();
            if (!reused) {
                ch = connect(deadline);
            }
            try {
                return exchange(ch, body, deadline);
            } catch (ServiceException e) {
                if (e.reason() != Reason.ERROR_REPLY) {
                    TcpRosContext.closeQuietly(ch);
                    channel = null;
                }
                throw e;
            } finally {
                if (!persistent) {
                    TcpRosContext.closeQuietly(ch);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static Duration remaining(long deadline, String what, String service) throws ServiceException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ServiceException(Reason.TIMEOUT, "service " + service + ": timed out before " + what, null);
        }
        return Duration.ofNanos(left);
    }

    private SocketChannel connect(long deadline) throws ServiceException {
        URI uri = lookup.lookup();
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new ServiceException(Reason.CONNECTION_FAILED, "service " + service + " has a malformed URI " + uri,
                    null);
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            int connectMs = (int) Math.max(1, Math.min(remaining(deadline, "connecting", service).toMillis(),
                    context.connectTimeout().toMillis()));
            ch.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), connectMs);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ConnectionHeader header = ConnectionHeader.of("callerid", context.callerId(), "service", service,
                    "md5sum", type.md5(), "type", type.name(), "persistent", persistent ? "1" : "0");
            Frames.writeFully(ch, header.encode());
            SocketChannel opened = ch;
            ConnectionHeader reply = withDeadline(ch, deadline, "the header",
                    () -> ConnectionHeader.read(opened, context.maxHeaderBytes()));
            if (reply.has("error")) {
                throw new ServiceException(Reason.REJECTED, "service " + service + " refused the connection: "
                        + reply.get("error").get(), null);
            }
            if (persistent) {
                channel = ch;
            }
            return ch;
        } catch (ServiceException e) {
            TcpRosContext.closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            TcpRosContext.closeQuietly(ch);
            throw new ServiceException(Reason.CONNECTION_FAILED, "cannot connect to service " + service + " at "
                    + uri + ": " + e, e);
        }
    }

    /** An I/O step that may block. */
    private interface Step<V> {
        V run() throws IOException;
    }

    private <V> V withDeadline(SocketChannel ch, long deadline, String what, Step<V> step) throws ServiceException,
            IOException {
        Duration left = remaining(deadline, "reading " + what, service);
        ScheduledFuture<?> watchdog = context.closeAfter(ch, left);
        try {
            return step.run();
        } catch (ClosedChannelException e) {
            if (System.nanoTime() - deadline >= 0 || watchdog.isDone()) {
                throw new ServiceException(Reason.TIMEOUT, "service " + service + ": no reply within the timeout"
                        + " while reading " + what, e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    private R exchange(SocketChannel ch, byte[] body, long deadline) throws ServiceException {
        try {
            Frames.writeFully(ch, Frames.frame(body));
            return withDeadline(ch, deadline, "the response", () -> readReply(ch));
        } catch (ReplyException e) {
            throw e.serviceException;
        } catch (EOFException e) {
            throw new ServiceException(Reason.CONNECTION_FAILED, "service " + service + " closed the connection"
                    + " without a response", e);
        } catch (TcpRosException e) {
            throw new ServiceException(Reason.MALFORMED_RESPONSE, "service " + service + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ServiceException(Reason.CONNECTION_FAILED, "service " + service + " call failed: " + e, e);
        }
    }

    /** Carries a ServiceException through an I/O step. */
    private static final class ReplyException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient ServiceException serviceException;

        ReplyException(ServiceException e) {
            super(e.getMessage());
            this.serviceException = e;
        }
    }

    private R readReply(SocketChannel ch) throws IOException {
        ByteBuffer ok = ByteBuffer.allocate(1);
        Frames.readFully(ch, ok);
        ByteBuffer reply = Frames.readFrame(ch, context.maxMessageBytes());
        if (ok.get(0) == 0) {
            String text = StandardCharsets.UTF_8.decode(reply).toString();
            throw new ReplyException(new ServiceException(Reason.ERROR_REPLY, "service [" + service
                    + "] responded with an error: " + text, null));
        }
        try {
            return type.response().deserialize(reply.order(ByteOrder.LITTLE_ENDIAN), context.decodeLimits());
        } catch (MessageDecodingException e) {
            throw new ReplyException(new ServiceException(Reason.MALFORMED_RESPONSE, "service " + service
                    + ": undecodable response: " + e.getMessage(), e));
        }
    }

    /** Closes a persistent connection; later calls fail with {@link Reason#CLOSED}. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TcpRosContext.closeQuietly(channel);
        }
    }
}
