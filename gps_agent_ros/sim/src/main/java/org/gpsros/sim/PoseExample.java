package org.gpsros.sim;

import org.gpsros.image.RgbFrame;

/**
 * One pose-pretraining example: a camera frame and the target object's position in it (world frame, metres).
 *
 * @param frame the rendered camera frame
 * @param pose {@link PoseImageSource#poseDim()} values
 */
public record PoseExample(RgbFrame frame, double[] pose) {

    public PoseExample {
        if (frame == null || pose == null) {
            throw new IllegalArgumentException("frame and pose must not be null");
        }
        pose = pose.clone();
    }

    @Override
    public double[] pose() {
        return pose.clone();
    }
}
