package org.gpsros.ros.api;

/** Talking to the master or another node failed (unreachable, refused, malformed reply). */
public class RosException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public RosException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause   the underlying failure
     */
    public RosException(String message, Throwable cause) {
        super(message, cause);
    }
}
