package org.gpsros.node.agent;

import java.time.Duration;
import org.gpsros.image.ImageSpec;
import org.gpsros.node.protocol.ImageMessages;
import org.gpsros.sample.SensorLayout;

/**
 * How a {@link RosAgent} turns the camera topic into each sample's RGB_IMAGE (Levine et al. 2016, §5 and Appendix A).
 *
 * @param spec crop and network input size: the frame is decoded, cropped, resized to spec's size and normalised by
 *     {@link org.gpsros.image.ImagePreprocessor}; its size must be the observation's image size. A real camera's
 *     640×480 frame is typically cropped to the work area here ({@link ImageSpec#withCrop})
 * @param frameTimeout how long after the trial's result the learner waits for the camera frame of the last step
 * @param maxFrameAge the oldest a frame may be, against its step's time, to stand for that step (a camera slower than
 *     this, or one that stalls, leaves steps without a frame: the sample is refused)
 */
public record CameraConfig(ImageSpec spec, Duration frameTimeout, Duration maxFrameAge) {

    public CameraConfig {
        if (frameTimeout.isNegative() || maxFrameAge.isNegative()) {
            throw new IllegalArgumentException("frameTimeout and maxFrameAge must not be negative, got " + frameTimeout
                    + ", " + maxFrameAge);
        }
    }

    /**
     * The camera of an observation layout with RGB_IMAGE (s×s, no crop), waiting up to 2 s for the last frame and
     * taking frames up to two control periods old; null for a layout without an image.
     */
    public static CameraConfig forLayout(SensorLayout observationLayout, double timeStep) {
        int side = ImageMessages.imageSize(observationLayout);
        if (side == 0) {
            return null;
        }
        return new CameraConfig(ImageSpec.of(side, side), Duration.ofSeconds(2),
                Duration.ofNanos(Math.round(2 * timeStep * 1e9)));
    }

    /** The same camera with a crop of the source frame (before resizing). */
    public CameraConfig withCrop(int x, int y, int width, int height) {
        return new CameraConfig(spec.withCrop(x, y, width, height), frameTimeout, maxFrameAge);
    }
}
