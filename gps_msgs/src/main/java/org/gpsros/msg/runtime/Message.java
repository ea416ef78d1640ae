package org.gpsros.msg.runtime;

/** A ROS message value; every generated message record implements it. */
public interface Message {
    /** @return the descriptor of this message's type (ROS name, md5 sum, definition, codec) */
    MessageType<? extends Message> messageType();
}
