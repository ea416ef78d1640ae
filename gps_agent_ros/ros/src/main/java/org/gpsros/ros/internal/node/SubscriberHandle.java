package org.gpsros.ros.internal.node;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.gpsros.msg.runtime.Message;
import org.gpsros.msg.runtime.MessageType;
import org.gpsros.ros.api.MessageListener;
import org.gpsros.ros.api.Subscriber;
import org.gpsros.ros.internal.tcpros.TopicSubscription;
import org.gpsros.ros.names.GraphName;

/**
 * One {@link Subscriber}: a bounded queue of {@code queueSize} decoded messages (when full the OLDEST is dropped
 * and counted) and a dispatcher task on the node's pool that calls the listener in arrival order.
 *
 * @param <T> message class
 */
final class SubscriberHandle<T extends Message> implements Subscriber<T>, Consumer<T>, Runnable {
    private static final System.Logger LOG = System.getLogger(SubscriberHandle.class.getName());

    private final DefaultNode node;
    private final GraphName topic;
    private final TopicSubscription<T> subscription;
    private final MessageListener<T> listener;
    private final int capacity;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private long dropped; // guarded by lock
    private boolean closed; // guarded by lock

    SubscriberHandle(DefaultNode node, GraphName topic, TopicSubscription<T> subscription,
            MessageListener<T> listener, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queueSize must be >= 1, got " + capacity);
        }
        this.node = node;
        this.topic = topic;
        this.subscription = subscription;
        this.listener = listener;
        this.capacity = capacity;
    }

    @Override
    public void accept(T message) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(message);
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        while (true) {
            T message;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    nonEmpty.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                message = queue.pollFirst();
            } finally {
                lock.unlock();
            }
            try {
                listener.onNewMessage(message);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener of " + topic + " failed", e);
            }
        }
    }

    @Override
    public GraphName topic() {
        return topic;
    }

    @Override
    public MessageType<T> type() {
        return subscription.type();
    }

    @Override
    public int connectedPublisherCount() {
        return subscription.connectedPublisherCount();
    }

    @Override
    public long droppedMessages() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the dispatcher without telling the node (the node is closing everything). */
    void stop() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            nonEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        stop();
        node.release(this, subscription);
    }
}
