package org.gpsros.ros.api;

import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.msg.runtime.ServiceType;
import org.gpsros.msg.runtime.Time;

/**
 * A running node: creates publishers, subscribers, service servers and clients (names resolved and remapped as by
 * {@link #resolveName}), reads and writes parameters and tells the time. Thread-safe.
 */
public interface ConnectedNode extends Node {
    /** Default per-subscriber queue of a publisher and per-subscriber dispatch queue (messages). */
    int DEFAULT_QUEUE_SIZE = 100;

    /**
     * A non-latching publisher with the default queue.
     *
     * @param topic topic name
     * @param type  message type
     * @param <T>   message class
     * @return the publisher, registered with the master
     */
    default <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type) {
        return newPublisher(topic, type, false, DEFAULT_QUEUE_SIZE);
    }

    /**
     * @param topic topic name
     * @param type  message type
     * @param latch send the last message to every new subscriber
     * @param <T>   message class
     * @return the publisher, registered with the master
     */
    default <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type, boolean latch) {
        return newPublisher(topic, type, latch, DEFAULT_QUEUE_SIZE);
    }

    /**
     * Publishers of the same topic in one node share one TCPROS publication (the type must agree; latching if any
     * asks for it).
     *
     * @param topic     topic name
     * @param type      message type
     * @param latch     send the last message to every new subscriber
     * @param queueSize messages queued per subscriber connection; when full the OLDEST is dropped
     * @param <T>       message class
     * @return the publisher, registered with the master (or registered when the master comes back)
     * @throws IllegalArgumentException if the topic is already published here with another type
     * @throws IllegalStateException    if the node is shut down
     */
    <T extends Message> Publisher<T> newPublisher(String topic, MessageType<T> type, boolean latch, int queueSize);

    /**
     * A subscriber with the default queue.
     *
     * @param topic    topic name
     * @param type     message type
     * @param listener called for each message, on this subscriber's dispatcher thread, in arrival order
     * @param <T>      message class
     * @return the subscriber, registered with the master
     */
    default <T extends Message> Subscriber<T> newSubscriber(String topic, MessageType<T> type,
            MessageListener<T> listener) {
        return newSubscriber(topic, type, listener, DEFAULT_QUEUE_SIZE);
    }

    /**
     * Subscribers of the same topic in one node share the TCPROS connections; each has its own queue and
     * dispatcher.
     *
     * @param topic     topic name
     * @param type      message type
     * @param listener  called for each message, on this subscriber's dispatcher thread, in arrival order
     * @param queueSize messages waiting for the listener; when full the OLDEST is dropped
     * @param <T>       message class
     * @return the subscriber, registered with the master
     * @throws IllegalArgumentException if the topic is already subscribed here with another type
     * @throws IllegalStateException    if the node is shut down or its thread limit is reached
     */
    <T extends Message> Subscriber<T> newSubscriber(String topic, MessageType<T> type, MessageListener<T> listener,
            int queueSize);

    /**
     * @param service service name
     * @param type    service type
     * @param handler answers requests; called for one request at a time
     * @param <Q>     request class
     * @param <R>     response class
     * @return the server, registered with the master
     * @throws IllegalArgumentException if this node already provides the service
     */
    <Q extends Message, R extends Message> ServiceServer<Q, R> newServiceServer(String service,
            ServiceType<Q, R> type, ServiceHandler<Q, R> handler);

    /**
     * A non-persistent client: each call looks the service up and opens a new connection.
     *
     * @param service service name
     * @param type    service type
     * @param <Q>     request class
     * @param <R>     response class
     * @return the client
     */
    default <Q extends Message, R extends Message> ServiceClient<Q, R> newServiceClient(String service,
            ServiceType<Q, R> type) {
        return newServiceClient(service, type, false);
    }

    /**
     * @param service    service name
     * @param type       service type
     * @param persistent keep one connection for all calls (reopened after a failure)
     * @param <Q>        request class
     * @param <R>        response class
     * @return the client
     */
    <Q extends Message, R extends Message> ServiceClient<Q, R> newServiceClient(String service,
            ServiceType<Q, R> type, boolean persistent);

    /** @return the parameter server, with names resolved by this node */
    ParameterTree parameters();

    /**
     * @return ROS time: the wall clock, or the last {@code /clock} message when the parameter {@code /use_sim_time}
     *         was true at start-up ({@link Time#ZERO} until the first one arrives)
     */
    Time now();

    /** Starts shutting the node down (asynchronously); see {@link RosNode#shutdown()}. */
    void shutdown();

    /** @return whether shutdown has started */
    boolean isShuttingDown();
}
