package org.gpsros.ros.internal.tcpros;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node's one TCPROS listening socket, shared by all its publications and services. Each accepted connection is
 * handed to the node's bounded pool; there its header is read (within the header timeout and size limit) and routed
 * by its {@code topic} or {@code service} field. Malformed, oversized or unroutable headers are answered with an
 * {@code error=...} header and the connection is closed; nothing a peer sends stops the server.
 */
public final class TcpRosServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TcpRosServer.class.getName());

    /** Finds the endpoint for an incoming header. */
    public interface Router {
        /**
         * @param topic resolved topic name from the header
         * @return the publication, if this node publishes it
         */
        Optional<TopicPublication> publication(String topic);

        /**
         * @param service resolved service name from the header
         * @return the service, if this node provides it
         */
        Optional<ServiceEndpoint<?, ?>> service(String service);
    }

    private final ServerSocketChannel server;
    private final TcpRosContext context;
    private final Router router;
    private final Thread acceptor;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Binds and starts accepting.
     *
     * @param bind    address and port (0: any)
     * @param context the node's shared TCPROS resources
     * @param router  routes headers to endpoints
     * @throws IOException if binding fails
     */
    public TcpRosServer(InetSocketAddress bind, TcpRosContext context, Router router) throws IOException {
        this.context = context;
        this.router = router;
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(bind, 64);
        this.acceptor = new Thread(this::acceptLoop, "tcpros-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the bound port */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("TCPROS server socket is closed", e);
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "TCPROS accept failed: " + e);
                continue;
            }
            try {
                context.pool().execute(() -> handle(channel));
            } catch (RejectedExecutionException e) {
                refuse(channel, "node is at its connection limit");
            }
        }
    }

    private void refuse(SocketChannel channel, String reason) {
        refuse(channel, reason, context);
    }

    /**
     * Answers {@code error=reason} and closes gracefully: output is shut down first and unread input drained for a
     * moment, so that the peer reads the error header instead of a TCP reset.
     *
     * @param channel the connection
     * @param reason  the error text
     * @param context for the drain timeout
     */
    static void refuse(SocketChannel channel, String reason, TcpRosContext context) {
        ScheduledFuture<?> deadline = context.closeAfter(channel, java.time.Duration.ofSeconds(1));
        try {
            Frames.writeFully(channel, ConnectionHeader.error(reason).encode());
            channel.shutdownOutput();
            java.nio.ByteBuffer sink = java.nio.ByteBuffer.allocate(8192);
            long drained = 0;
            while (drained < (1 << 20)) {
                int n = channel.read(sink.clear());
                if (n < 0) {
                    break;
                }
                drained += n;
            }
        } catch (IOException ignored) {
            // peer gone or deadline reached
        } finally {
            deadline.cancel(false);
            TcpRosContext.closeQuietly(channel);
        }
    }

    private void handle(SocketChannel channel) {
        ConnectionHeader header;
        ScheduledFuture<?> timeout = context.closeAfter(channel, context.headerTimeout());
        try {
            header = ConnectionHeader.read(channel, context.maxHeaderBytes());
        } catch (TcpRosException e) {
            timeout.cancel(false);
            LOG.log(System.Logger.Level.WARNING, "rejected a TCPROS connection from " + peer(channel) + ": "
                    + e.getMessage());
            refuse(channel, e.getMessage());
            return;
        } catch (IOException e) {
            timeout.cancel(false);
            LOG.log(System.Logger.Level.DEBUG, "TCPROS connection from " + peer(channel) + " ended before its header: "
                    + e);
            TcpRosContext.closeQuietly(channel);
            return;
        }
        timeout.cancel(false);
        try {
            if (header.has("topic")) {
                Optional<TopicPublication> publication = router.publication(header.get("topic").orElseThrow());
                if (publication.isEmpty()) {
                    refuse(channel, "received a connection for a nonexistent topic [" + header.get("topic").get()
                            + "] from [" + header.get("callerid").orElse("") + "]");
                    return;
                }
                publication.get().serve(channel, header);
            } else if (header.has("service")) {
                Optional<ServiceEndpoint<?, ?>> service = router.service(header.get("service").orElseThrow());
                if (service.isEmpty()) {
                    refuse(channel, "received a connection for a nonexistent service [" + header.get("service").get()
                            + "] from [" + header.get("callerid").orElse("") + "]");
                    return;
                }
                service.get().serve(channel, header);
            } else {
                refuse(channel, "connection header has neither a topic nor a service field");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "TCPROS connection handler failed", e);
            TcpRosContext.closeQuietly(channel);
        }
    }

    static String peer(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    /** Stops accepting; open connections are closed by their endpoints. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            TcpRosContext.closeQuietly(server);
            try {
                acceptor.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
