package org.gpsros.node.agent;

import org.gpsros.node.protocol.RobotProtocolException;

/** The robot refused a command and said why on its error topic ({@code gps_msgs/CommandError}). */
public final class RobotCommandRefusedException extends RobotProtocolException {
    private final int commandId;
    private final String reason;

    public RobotCommandRefusedException(int commandId, String command, String reason, String topic) {
        super("the robot refused " + command + " id " + commandId + " (" + topic + "): " + reason);
        this.commandId = commandId;
        this.reason = reason;
    }

    /** The id of the refused command. */
    public int commandId() {
        return commandId;
    }

    /** The robot's reason, as it sent it. */
    public String reason() {
        return reason;
    }
}
