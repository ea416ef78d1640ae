package org.gpsros.ros.api;

import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.ros.names.GraphName;

/**
 * Receives messages of one topic and hands them to its listener on its own dispatcher thread.
 *
 * @param <T> message class
 */
public interface Subscriber<T extends Message> extends AutoCloseable {
    /** @return the resolved topic */
    GraphName topic();

    /** @return the message type */
    MessageType<T> type();

    /** @return the number of publishers this node is connected to for the topic */
    int connectedPublisherCount();

    /** @return messages dropped because this subscriber's queue was full */
    long droppedMessages();

    /** Stops delivery; the last subscriber of a topic unregisters it from the master. Idempotent. */
    @Override
    void close();
}
