package org.gpsros.node.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.runtime.Time;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.node.protocol.RobotProtocolException;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Subscriber;

/**
 * The learner's side of the camera topic: keeps the most recent {@code sensor_msgs/Image} messages (undecoded, by
 * header.stamp) and lines them up with a trial's control steps.
 *
 * <p>Alignment rule: step t's frame is the newest frame whose stamp is not after the step's time τ_t, and no older
 * than {@link CameraConfig#maxFrameAge()}. For the simulated robot, which stamps the frame of x_t with τ_t and reports
 * the τ_t in its SampleResult, this is exactly the render of x_t. A camera at its own rate gives the last frame taken
 * before the step began. Frames are decoded ({@link ImageMessages#toFrame}, every ROS colour encoding) and
 * preprocessed ({@link ImagePreprocessor}: crop, resize, planar [0, 1]) only when aligned. Thread-safe (the
 * subscriber thread adds, the agent's thread aligns).
 */
final class CameraFrames implements AutoCloseable {

    private record Received(Time stamp, Image image) {
    }

    private final CameraConfig config;
    private final Subscriber<Image> subscriber;
    private final ArrayDeque<Received> frames = new ArrayDeque<>();
    private final int capacity;
    private final ImagePreprocessor preprocessor;
    private long received;

    CameraFrames(ConnectedNode node, String topic, CameraConfig config, int horizon) {
        this.config = config;
        this.capacity = Math.max(64, 4 * horizon);
        this.preprocessor = new ImagePreprocessor(config.spec());
        this.subscriber = node.newSubscriber(topic, Image.TYPE, this::onImage, capacity);
    }

    String topic() {
        return subscriber.topic().toString();
    }

    int connectedPublisherCount() {
        return subscriber.connectedPublisherCount();
    }

    /** Frames received since the start. */
    synchronized long received() {
        return received;
    }

    private synchronized void onImage(Image image) {
        frames.addLast(new Received(image.header().stamp(), image));
        received++;
        while (frames.size() > capacity) {
            frames.removeFirst();
        }
        notifyAll();
    }

    /**
     * The RGB_IMAGE of every step, {@code stepTimes.length × 3·H·W}, waiting up to the frame timeout for a frame
     * stamped at or after the last step's time.
     *
     * @throws RobotProtocolException naming the topic and how many frames arrived, if a step has no frame
     */
    double[][] align(Time[] stepTimes, int id) {
        Time last = stepTimes[stepTimes.length - 1];
        long maxAge = config.maxFrameAge().toNanos();
        List<Received> window;
        synchronized (this) {
            long deadline = System.nanoTime() + config.frameTimeout().toNanos();
            while (!hasFrameFrom(last)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RobotProtocolException("interrupted while waiting for camera frames on " + topic());
                }
            }
            window = new ArrayList<>(frames);
        }
        window.sort((a, b) -> a.stamp().compareTo(b.stamp()));
        long first = stepTimes[0].toNanos() - maxAge;
        long trialFrames = window.stream().filter(f -> f.stamp().toNanos() >= first
                && f.stamp().compareTo(last) <= 0).count();
        double[][] images = new double[stepTimes.length][];
        Map<Received, double[]> decoded = new IdentityHashMap<>();
        int at = -1;
        for (int t = 0; t < stepTimes.length; t++) {
            while (at + 1 < window.size() && window.get(at + 1).stamp().compareTo(stepTimes[t]) <= 0) {
                at++;
            }
            Received frame = at >= 0 ? window.get(at) : null;
            if (frame == null || stepTimes[t].toNanos() - frame.stamp().toNanos() > maxAge) {
                throw new RobotProtocolException(String.format(Locale.ROOT, "trial id %d: no camera frame for step %d "
                        + "of %d (time %s) on %s: %d frame(s) arrived for the trial's steps %s to %s, %s; a frame may "
                        + "be at most %.3f s older than its step", id, t, stepTimes.length, stepTimes[t], topic(),
                        trialFrames, stepTimes[0], last, frame == null ? "none at or before that step"
                        : "the newest before it is from " + frame.stamp(), maxAge / 1e9));
            }
            images[t] = decoded.computeIfAbsent(frame, f -> observation(f, id, topic()));
        }
        return images;
    }

    private boolean hasFrameFrom(Time time) {
        for (var it = frames.descendingIterator(); it.hasNext(); ) {
            if (it.next().stamp().compareTo(time) >= 0) {
                return true;
            }
        }
        return false;
    }

    private double[] observation(Received received, int id, String topic) {
        RgbFrame frame;
        try {
            frame = ImageMessages.toFrame(received.image());
            return preprocessor.toObservation(frame);
        } catch (IllegalArgumentException e) {
            throw new RobotProtocolException("trial id " + id + ": the camera frame stamped " + received.stamp()
                    + " on " + topic + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        subscriber.close();
        preprocessor.close();
    }
}
