package org.gpsros.node.learner;

import java.util.List;
import org.gpsros.image.FeaturePointOverlay;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.RgbFrame;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.msg.std_msgs.Header;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.policy.FeaturePointNetwork;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.ros.api.ConnectedNode;
import org.gpsros.ros.api.Publisher;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;

/**
 * The learner's feature-point topic {@code ~feature_points} (sensor_msgs/Image, rgb8; {@code /gps_learner/
 * feature_points} for the default node name): after each iteration whose global policy network is a
 * {@link FeaturePointNetwork}, one picture per given sample: the camera frame the network saw at a step (the sample's
 * RGB_IMAGE), enlarged to about 256 pixels, with the network's feature points of that observation drawn on it
 * ({@link FeaturePointOverlay}; Levine et al. 2016, Figure 4). header.seq is the iteration, frame_id
 * {@value ImageMessages#CAMERA_FRAME}.
 */
public final class FeaturePointTopic implements AutoCloseable {

    /** The topic, private to the learner node. */
    public static final String TOPIC = "~feature_points";

    private final ConnectedNode node;
    private final Publisher<Image> publisher;

    public FeaturePointTopic(ConnectedNode node) {
        this.node = node;
        this.publisher = node.newPublisher(TOPIC, Image.TYPE, true, 16);
    }

    /** The overlay of step {@code t} of {@code sample} under {@code policy}'s network, or null if it has none. */
    public static RgbFrame overlay(GaussianGlobalPolicy policy, Sample sample, int t) {
        if (!(policy.network() instanceof FeaturePointNetwork network)
                || !sample.observationLayout().contains(SensorType.RGB_IMAGE)) {
            return null;
        }
        double[] observation = sample.observation(t);
        int offset = sample.observationLayout().offsetOf(SensorType.RGB_IMAGE);
        int side = ImageMessages.imageSize(sample.observationLayout());
        RgbFrame frame = ImagePreprocessor.frame(observation, offset, side, side);
        double[] points = network.featurePoints(policy.normalizer().apply(observation));
        return FeaturePointOverlay.draw(frame, points, Math.max(1, Math.min(16, 256 / side)));
    }

    /**
     * Publishes the overlay of step {@code t} of every sample (nothing if the network has no feature points).
     *
     * @return how many images were published
     */
    public int publish(int iteration, GaussianGlobalPolicy policy, List<Sample> samples, int t) {
        int published = 0;
        for (Sample sample : samples) {
            RgbFrame overlay = overlay(policy, sample, Math.min(t, sample.horizon() - 1));
            if (overlay != null) {
                publisher.publish(ImageMessages.toMessage(overlay, new Header(iteration, node.now(),
                        ImageMessages.CAMERA_FRAME)));
                published++;
            }
        }
        return published;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
