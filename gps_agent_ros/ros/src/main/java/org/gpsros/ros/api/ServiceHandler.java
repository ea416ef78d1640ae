package org.gpsros.ros.api;

/**
 * Answers a service's requests.
 *
 * @param <Q> request class
 * @param <R> response class
 */
@FunctionalInterface
public interface ServiceHandler<Q, R> {
    /**
     * @param request the request
     * @return the response
     * @throws ServiceException to send an error reply (ok byte 0) with the exception's message; any other
     *                          exception sends "error processing request: ..." the same way
     */
    R handle(Q request) throws ServiceException;
}
