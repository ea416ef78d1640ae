package org.gpsros.ros.internal.xmlrpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An XML-RPC server on the JDK {@link HttpServer}: answers HTTP POSTs on any path (rospy posts to {@code /RPC2} or
 * {@code /}, roscpp to {@code /}) with {@code text/xml} responses.
 *
 * <p>Threads: a bounded pool of {@code threads} workers with a queue of {@value #QUEUE} requests; when both are
 * full the JDK server drops the request (logged). A request body over {@code maxRequestBytes} is answered {@code 413}; a
 * malformed document gets an XML-RPC fault. A handler exception becomes a fault, never a dropped connection.
 */
public final class XmlRpcServer implements AutoCloseable {
    /** Requests waiting for a worker before new ones are dropped. */
    public static final int QUEUE = 1024;
    private static final System.Logger LOG = System.getLogger(XmlRpcServer.class.getName());

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final XmlRpcHandler handler;
    private final int maxRequestBytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Binds and starts the server.
     *
     * @param bind            address and port to bind (port 0: any free port)
     * @param handler         answers the calls
     * @param threads         worker threads (at least 1)
     * @param maxRequestBytes the largest request body accepted
     * @param threadName      prefix of the worker thread names
     * @throws IOException if the address cannot be bound
     */
    public XmlRpcServer(InetSocketAddress bind, XmlRpcHandler handler, int threads, int maxRequestBytes,
            String threadName) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.handler = handler;
        this.maxRequestBytes = maxRequestBytes;
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), NamedThreads.daemon(threadName),
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
        this.server = HttpServer.create(bind, 64);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(command -> {
            try {
                executor.execute(command);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "XML-RPC server busy, dropping a request");
                throw e;
            }
        });
        this.server.start();
    }

    /** @return the bound address (with the actual port) */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] reply;
            try {
                XmlRpcCall call = XmlRpcCodec.decodeCall(body);
                reply = XmlRpcCodec.encodeResponse(handler.call(call.method(), call.params()));
            } catch (XmlRpcFaultException e) {
                reply = XmlRpcCodec.encodeFault(e.faultCode(), e.faultString());
            } catch (XmlRpcException e) {
                reply = XmlRpcCodec.encodeFault(-1, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "XML-RPC handler failed", e);
                reply = XmlRpcCodec.encodeFault(-1, "internal error: " + e);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxRequestBytes + 1);
        return body.length > maxRequestBytes ? null : body;
    }

    /** Stops accepting, waits up to one second for running exchanges, stops the workers. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
