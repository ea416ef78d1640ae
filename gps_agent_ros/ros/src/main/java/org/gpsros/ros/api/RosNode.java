package org.gpsros.ros.api;

import java.time.Duration;

/** A started node: its {@link ConnectedNode} and its life cycle. */
public interface RosNode extends AutoCloseable {
    /** @return the connected node */
    ConnectedNode node();

    /**
     * Shuts down and waits (up to the configured shutdown timeout): calls {@link NodeMain#onShutdown}, unregisters
     * every publisher, subscriber, service and parameter subscription from the master, closes all connections and
     * stops the node's threads. Idempotent; safe from any thread, including the node's own.
     */
    void shutdown();

    /**
     * @param timeout the longest wait
     * @return whether the node has finished shutting down (by any cause)
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitShutdown(Duration timeout) throws InterruptedException;

    /** @return whether the node has finished shutting down */
    boolean isShutdown();

    /** Same as {@link #shutdown()}. */
    @Override
    default void close() {
        shutdown();
    }
}
