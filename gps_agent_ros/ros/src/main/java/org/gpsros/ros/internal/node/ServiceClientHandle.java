package org.gpsros.ros.internal.node;

import java.net.URI;
import java.time.Duration;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.api.ServiceClient;
import org.gpsros.ros.api.ServiceException;
import org.gpsros.ros.api.ServiceException.Reason;
import org.gpsros.ros.internal.master.ApiCallException;
import org.gpsros.ros.internal.tcpros.ServiceConnection;
import org.gpsros.ros.internal.tcpros.TcpRosContext;
import org.gpsros.ros.internal.xmlrpc.XmlRpcException;
import org.gpsros.ros.names.GraphName;

/**
 * One {@link ServiceClient}: looks the provider up with the master ({@code lookupService}) and calls it over a
 * {@link ServiceConnection}.
 *
 * @param <Q> request class
 * @param <R> response class
 */
final class ServiceClientHandle<Q extends Message, R extends Message> implements ServiceClient<Q, R> {
    private final DefaultNode node;
    private final GraphName name;
    private final ServiceType<Q, R> type;
    private final boolean persistent;
    private final Duration defaultTimeout;
    private final ServiceConnection<Q, R> connection;

    ServiceClientHandle(DefaultNode node, GraphName name, ServiceType<Q, R> type, boolean persistent,
            TcpRosContext context, Duration defaultTimeout) {
        this.node = node;
        this.name = name;
        this.type = type;
        this.persistent = persistent;
        this.defaultTimeout = defaultTimeout;
        this.connection = new ServiceConnection<>(name.toString(), type, persistent, this::lookup, context);
    }

    private URI lookup() throws ServiceException {
        try {
            return node.master().lookupService(name.toString());
        } catch (ApiCallException e) {
            throw new ServiceException(Reason.NOT_FOUND, "service " + name + " is not provided by any node: "
                    + e.statusMessage(), e);
        } catch (XmlRpcException e) {
            throw new ServiceException(Reason.CONNECTION_FAILED, "cannot look up service " + name + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public GraphName name() {
        return name;
    }

    @Override
    public ServiceType<Q, R> type() {
        return type;
    }

    @Override
    public boolean persistent() {
        return persistent;
    }

    @Override
    public R call(Q request) throws ServiceException {
        return call(request, defaultTimeout);
    }

    @Override
    public R call(Q request, Duration timeout) throws ServiceException {
        if (node.isShuttingDown()) {
            throw new ServiceException(Reason.CLOSED, "node " + node.name() + " is shut down", null);
        }
        return connection.call(request, timeout);
    }

    @Override
    public void close() {
        connection.close();
        node.release(this);
    }
}
