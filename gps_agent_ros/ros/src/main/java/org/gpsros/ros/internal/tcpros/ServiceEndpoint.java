package org.gpsros.ros.internal.tcpros;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageDecodingException;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.api.ServiceException;
import org.gpsros.ros.api.ServiceHandler;

/**
 * The server side of one service (ROS wiki "ROS/TCPROS" §Services). The client's header must have
 * {@code callerid}, {@code service} and {@code md5sum} (ours or {@code *}); we answer
 * {@code callerid, service, md5sum, type, request_type, response_type}. A {@code probe=1} connection
 * (rosservice info/type) is closed after the header. Then each request frame gets {@code uint8 ok} +
 * {@code uint32 length} + body: the response (ok 1) or a UTF-8 error text (ok 0) for a handler's
 * {@link ServiceException}, a handler failure or an undecodable request. A request frame over the size limit gets
 * an error reply and the connection is closed. With {@code persistent=1} the connection serves requests until the
 * client closes it; otherwise it is closed after one.
 *
 * <p>The handler is called for one request at a time (a lock per service), on the connection's pool thread.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public final class ServiceEndpoint<Q extends Message, R extends Message> {
    private static final System.Logger LOG = System.getLogger(ServiceEndpoint.class.getName());

    private final String service;
    private final ServiceType<Q, R> type;
    private final ServiceHandler<Q, R> handler;
    private final TcpRosContext context;
    private final ReentrantLock handlerLock = new ReentrantLock();
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param service resolved service name
     * @param type    service type
     * @param handler answers requests
     * @param context the node's TCPROS resources
     */
    public ServiceEndpoint(String service, ServiceType<Q, R> type, ServiceHandler<Q, R> handler,
            TcpRosContext context) {
        this.service = service;
        this.type = type;
        this.handler = handler;
        this.context = context;
    }

    /** @return the resolved service name */
    public String service() {
        return service;
    }

    /** @return the service type */
    public ServiceType<Q, R> type() {
        return type;
    }

    /** @return {@code [numRequests, bytesReceived, bytesSent]} */
    public List<Object> stats() {
        return List.of((int) requests.get(), (int) Math.min(Integer.MAX_VALUE, bytesIn.get()),
                (int) Math.min(Integer.MAX_VALUE, bytesOut.get()));
    }

    /**
     * Handles a client connection on the calling (pool) thread until it ends.
     *
     * @param channel the connection
     * @param header  the client's header
     */
    public void serve(SocketChannel channel, ConnectionHeader header) {
        String error = check(header);
        if (error != null) {
            LOG.log(System.Logger.Level.WARNING, error);
            TcpRosServer.refuse(channel, error, context);
            return;
        }
        if (closed) {
            TcpRosServer.refuse(channel, "service " + service + " is shutting down", context);
            return;
        }
        open.add(channel);
        try {
            ConnectionHeader reply = ConnectionHeader.of("callerid", context.callerId(), "service", service,
                    "md5sum", type.md5(), "type", type.name(), "request_type", type.request().name(),
                    "response_type", type.response().name());
            Frames.writeFully(channel, reply.encode());
            if (header.flag("probe")) {
                return;
            }
            boolean persistent = header.flag("persistent");
            do {
                ByteBuffer request;
                try {
                    request = Frames.readFrame(channel, context.maxMessageBytes());
                } catch (EOFException | AsynchronousCloseException e) {
                    return;
                } catch (TcpRosException e) {
                    LOG.log(System.Logger.Level.WARNING, "service " + service + ": " + e.getMessage());
                    writeError(channel, e.getMessage());
                    return;
                }
                requests.incrementAndGet();
                bytesIn.addAndGet(request.remaining() + 4L);
                respond(channel, request, header.get("callerid").get());
            } while (persistent && !closed);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "service " + service + " connection ended: " + e);
        } finally {
            open.remove(channel);
            TcpRosContext.closeQuietly(channel);
        }
    }

    private void respond(SocketChannel channel, ByteBuffer body, String caller) throws IOException {
        Q request;
        try {
            request = type.request().deserialize(body, context.decodeLimits());
        } catch (MessageDecodingException e) {
            writeError(channel, "malformed request: " + e.getMessage());
            return;
        }
        R response;
        handlerLock.lock();
        try {
            response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned null");
            }
        } catch (ServiceException e) {
            writeError(channel, e.getMessage() == null ? "" : e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "service " + service + " handler failed on a request from "
                    + caller, e);
            writeError(channel, "error processing request: " + e);
            return;
        } finally {
            handlerLock.unlock();
        }
        byte[] bytes = type.response().serialize(response);
        write(channel, (byte) 1, bytes);
    }

    private void writeError(SocketChannel channel, String message) throws IOException {
        write(channel, (byte) 0, message.getBytes(StandardCharsets.UTF_8));
    }

    private void write(SocketChannel channel, byte ok, byte[] body) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
        head.put(ok).putInt(body.length).flip();
        Frames.writeFully(channel, head, ByteBuffer.wrap(body));
        bytesOut.addAndGet(5L + body.length);
    }

    private String check(ConnectionHeader h) {
        for (String required : List.of("callerid", "service", "md5sum")) {
            if (!h.has(required)) {
                return "service connection header is missing the required field " + required;
            }
        }
        String md5 = h.get("md5sum").get();
        if (!md5.equals("*") && !md5.equals(type.md5())) {
            return "request from [" + h.get("callerid").get() + "]: md5sums do not match: [" + md5 + "] vs. ["
                    + type.md5() + "]";
        }
        return null;
    }

    /** Closes every open connection; new ones are refused. Idempotent. */
    public void close() {
        closed = true;
        for (SocketChannel c : open) {
            TcpRosContext.closeQuietly(c);
        }
    }
}
