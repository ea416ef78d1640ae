package org.gpsros.ros.internal.node;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.api.ServiceServer;
import org.gpsros.ros.internal.tcpros.ServiceEndpoint;
import org.gpsros.ros.names.GraphName;

/**
 * One {@link ServiceServer}.
 *
 * @param <Q> request class
 * @param <R> response class
 */
final class ServiceServerHandle<Q extends Message, R extends Message> implements ServiceServer<Q, R> {
    private final DefaultNode node;
    private final GraphName name;
    private final ServiceEndpoint<Q, R> endpoint;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    ServiceServerHandle(DefaultNode node, GraphName name, ServiceEndpoint<Q, R> endpoint, URI uri) {
        this.node = node;
        this.name = name;
        this.endpoint = endpoint;
        this.uri = uri;
    }

    ServiceEndpoint<Q, R> endpoint() {
        return endpoint;
    }

    @Override
    public GraphName name() {
        return name;
    }

    @Override
    public ServiceType<Q, R> type() {
        return endpoint.type();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            node.release(this);
        }
    }
}
