package org.gpsros.ros.api;

/**
 * Receives a subscriber's messages.
 *
 * @param <T> message class
 */
@FunctionalInterface
public interface MessageListener<T> {
    /**
     * Called on the subscriber's dispatcher thread, one message at a time; an exception is logged and delivery
     * goes on.
     *
     * @param message the message
     */
    void onNewMessage(T message);
}
