package org.gpsros.node.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.gpsros.image.FeaturePointOverlay;
import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.msg.sensor_msgs.Image;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.policy.FeaturePointNetwork;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;
import org.gpsros.policy.PolicyTrainingSummary;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

/**
 * {@code /gps_learner/feature_points}: the overlay of a FeaturePointNetwork's points on the frame the network saw
 * arrives as a sensor_msgs/Image with the points' colours where the contract's coordinates put them.
 */
class FeaturePointTopicIT extends RosInteropTest {
    private static final int SIDE = 16;

    /** A network that reports two fixed feature points. */
    private record StubNetwork(int inputDim, int outputDim) implements FeaturePointNetwork {
        @Override
        public int featurePointCount() {
            return 2;
        }

        @Override
        public double[] featurePoints(double[] normalizedObservation) {
            return new double[] {0, 0, 0.5, -0.5};
        }

        @Override
        public void predict(double[] normalizedObservation, double[] mean) {
        }

        @Override
        public double[][] predict(double[][] normalizedObservations) {
            return new double[normalizedObservations.length][outputDim];
        }

        @Override
        public PolicyTrainingSummary train(PolicyTrainingSet set, PolicyTrainingConfig config, SplitMix64 random) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] save() {
            return new byte[0];
        }

        @Override
        public String format() {
            return "stub";
        }

        @Override
        public long parameterCount() {
            return 0;
        }
    }

    private static Sample sampleWithGreyFrames() {
        SensorLayout state = new SensorLayout(List.of(SensorType.JOINT_ANGLES), List.of(2));
        SensorLayout observation = new SensorLayout(List.of(SensorType.JOINT_ANGLES, SensorType.RGB_IMAGE),
                List.of(2, 3 * SIDE * SIDE));
        double[][] image = new double[3][3 * SIDE * SIDE];
        for (double[] row : image) {
            java.util.Arrays.fill(row, 51 / 255.0);
        }
        return new Sample(state, observation, Map.of(SensorType.JOINT_ANGLES, new double[3][2],
                SensorType.RGB_IMAGE, image), new double[3][2], new double[3][2]);
    }

    @Test
    void overlaysArriveOnTheLearnersTopic() {
        Sample sample = sampleWithGreyFrames();
        int dO = sample.observationLayout().dimension();
        GaussianGlobalPolicy policy = GaussianGlobalPolicy.initial(new StubNetwork(dO, 2), 0.1);
        List<Image> received = new CopyOnWriteArrayList<>();
        startNode("overlay_watcher", n -> n.newSubscriber("/gps_learner/feature_points", Image.TYPE, received::add));
        AtomicReference<FeaturePointTopic> topic = new AtomicReference<>();
        RosNode learner = startNode("gps_learner", n -> topic.set(new FeaturePointTopic(n)));
        try {
            await(Duration.ofSeconds(10), "the watcher's subscription", () -> master.state().subscribers()
                    .getOrDefault("/gps_learner/feature_points", List.of()).size() == 1);
            // Latched: a late link still gets the newest overlay; publish until one arrives.
            for (int i = 0; i < 20 && received.isEmpty(); i++) {
                assertEquals(1, topic.get().publish(7, policy, List.of(sample), 99));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            await(Duration.ofSeconds(10), "an overlay", () -> !received.isEmpty());
            Image image = received.get(0);
            assertEquals("rgb8", image.encoding());
            assertEquals(256, image.width());
            assertEquals(256, image.height());
            assertEquals(7, image.header().seq());
            RgbFrame frame = ImageMessages.toFrame(image);
            assertArrayEquals(FeaturePointOverlay.colour(0, 2), frame.pixel(127, 127));
            assertArrayEquals(FeaturePointOverlay.colour(1, 2), frame.pixel(191, 63));
            assertArrayEquals(new int[] {51, 51, 51}, frame.pixel(10, 240));
        } finally {
            learner.shutdown();
        }
        GaussianGlobalPolicy plain = GaussianGlobalPolicy.initial(LinearPolicyNetwork.of(dO, 2, new double[dO * 2],
                new double[2]), 0.1);
        assertNull(FeaturePointTopic.overlay(plain, sample, 0));
    }
}
