package org.gpsros.ros.api;

import java.time.Duration;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.ros.names.GraphName;

/**
 * Calls a service. Calls on one client are serialised (one request on the wire at a time).
 *
 * @param <Q> request class
 * @param <R> response class
 */
public interface ServiceClient<Q, R> extends AutoCloseable {
    /** @return the resolved service name */
    GraphName name();

    /** @return the service type */
    ServiceType<?, ?> type();

    /** @return whether one connection is kept for all calls */
    boolean persistent();

    /**
     * Calls with the node's default service timeout.
     *
     * @param request the request
     * @return the response
     * @throws ServiceException with a {@link ServiceException.Reason} saying what failed
     */
    R call(Q request) throws ServiceException;

    /**
     * @param request the request
     * @param timeout the longest wait for connection and response
     * @return the response
     * @throws ServiceException with a {@link ServiceException.Reason} saying what failed
     */
    R call(Q request, Duration timeout) throws ServiceException;

    /** Closes a persistent connection. Idempotent. */
    @Override
    void close();
}
