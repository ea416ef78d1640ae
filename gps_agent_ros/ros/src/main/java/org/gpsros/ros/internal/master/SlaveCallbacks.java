package org.gpsros.ros.internal.master;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What the {@link SlaveApi} needs from its node. Called on XML-RPC worker threads; must not block for long. */
public interface SlaveCallbacks {
    /** @return the master URI the node uses */
    URI masterUri();

    /** @return the process id */
    long pid();

    /** @return {@code [[topic, type], ...]} of the node's subscriptions */
    List<List<String>> subscriptions();

    /** @return {@code [[topic, type], ...]} of the node's publications */
    List<List<String>> publications();

    /** @return {@code getBusStats} value: {@code [publishStats, subscribeStats, serviceStats]} */
    List<Object> busStats();

    /** @return {@code getBusInfo} value: {@code [[id, peer, direction, transport, topic, connected, info], ...]} */
    List<Object> busInfo();

    /**
     * @param topic resolved topic name
     * @return the TCPROS address to advertise for it, or empty if the node does not publish it
     */
    Optional<InetSocketAddress> tcpRosEndpoint(String topic);

    /**
     * The complete current publisher list of a topic the node subscribes to. Must return quickly (connect
     * asynchronously).
     *
     * @param topic      resolved topic name
     * @param publishers publisher slave URIs
     */
    void publisherUpdate(String topic, List<String> publishers);

    /**
     * A subscribed parameter changed (or was deleted: value is an empty map).
     *
     * @param key   the parameter key as the master sends it (global, with a trailing {@code /})
     * @param value the new value
     */
    void paramUpdate(String key, Object value);

    /**
     * Asks the node to shut down; must return at once and shut down asynchronously.
     *
     * @param callerId who asked
     * @param reason   the message given
     */
    void shutdownRequested(String callerId, String reason);
}
