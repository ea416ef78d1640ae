package org.gpsros.ros.api;

import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.ros.names.GraphName;

/**
 * Publishes messages of one type on one topic. {@link #publish} never blocks on the network.
 *
 * @param <T> message class
 */
public interface Publisher<T extends Message> extends AutoCloseable {
    /** @return the resolved topic */
    GraphName topic();

    /** @return the message type */
    MessageType<T> type();

    /**
     * Queues the message for every connected subscriber (and latches it when latching).
     *
     * @param message the message
     * @throws IllegalStateException if this publisher or its node is closed
     */
    void publish(T message);

    /** @return whether the last message goes to each new subscriber */
    boolean latching();

    /** @return the number of subscriber connections right now */
    int subscriberCount();

    /** Stops this publisher; the last one of a topic unregisters it from the master. Idempotent. */
    @Override
    void close();
}
