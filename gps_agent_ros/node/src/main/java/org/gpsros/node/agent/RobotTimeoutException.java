package org.gpsros.node.agent;

import org.gpsros.node.protocol.RobotProtocolException;

/** No SampleResult with a command's id arrived in time: the robot node is down, stuck, or refused the command. */
public final class RobotTimeoutException extends RobotProtocolException {
    private final int commandId;

    public RobotTimeoutException(String message, int commandId) {
        super(message);
        this.commandId = commandId;
    }

    /** The id of the command that was not answered. */
    public int commandId() {
        return commandId;
    }
}
