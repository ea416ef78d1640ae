package org.gpsros.node.protocol;

/** A robot answered with a message that does not fit the command (missing sensor, wrong shape, cut-short trial). */
public class RobotProtocolException extends RuntimeException {

    public RobotProtocolException(String message) {
        super(message);
    }

    public RobotProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
