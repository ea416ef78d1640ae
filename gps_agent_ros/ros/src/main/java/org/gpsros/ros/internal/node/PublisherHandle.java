package org.gpsros.ros.internal.node;

import java.util.concurrent.atomic.AtomicBoolean;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.ros.api.Publisher;
import org.gpsros.ros.internal.tcpros.TopicPublication;
import org.gpsros.ros.names.GraphName;

/**
 * One {@link Publisher}, sharing its topic's {@link TopicPublication} with the node's other publishers of it.
 *
 * @param <T> message class
 */
final class PublisherHandle<T extends Message> implements Publisher<T> {
    private final DefaultNode node;
    private final GraphName topic;
    private final MessageType<T> type;
    private final TopicPublication publication;
    private final AtomicBoolean closed = new AtomicBoolean();

    PublisherHandle(DefaultNode node, GraphName topic, MessageType<T> type, TopicPublication publication) {
        this.node = node;
        this.topic = topic;
        this.type = type;
        this.publication = publication;
    }

    @Override
    public GraphName topic() {
        return topic;
    }

    @Override
    public MessageType<T> type() {
        return type;
    }

    @Override
    public void publish(T message) {
        if (closed.get()) {
            throw new IllegalStateException("publish() on a closed publisher of " + topic);
        }
        publication.publish(message);
    }

    @Override
    public boolean latching() {
        return publication.latching();
    }

    @Override
    public int subscriberCount() {
        return publication.subscriberCount();
    }

    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    @Override
    public void close() {
        if (markClosed()) {
            node.release(this, publication);
        }
    }
}
