package org.gpsros.ros.api;

import java.net.URI;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.names.GraphName;

/**
 * A service provided by this node.
 *
 * @param <Q> request class
 * @param <R> response class
 */
public interface ServiceServer<Q, R> extends AutoCloseable {
    /** @return the resolved service name */
    GraphName name();

    /** @return the service type */
    ServiceType<?, ?> type();

    /** @return the {@code rosrpc://host:port} registered with the master */
    URI uri();

    /** Unregisters the service and closes its connections. Idempotent. */
    @Override
    void close();
}
