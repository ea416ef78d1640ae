package org.gpsros.policy;

/**
 * A policy network whose image pathway ends in a spatial softmax, so it can say where in the image each learned feature
 * is (Levine et al. 2016, §5.1 and Figure 4): used for the feature-point overlays written during training.
 */
public interface FeaturePointNetwork extends PolicyNetwork {

    /** Number of feature points (channels of the last convolution). */
    int featurePointCount();

    /**
     * The expected image coordinates of each feature for one normalised observation: x0, y0, x1, y1, … in [-1, 1],
     * x to the right, y down, (-1, -1) the top-left corner of the network's input image.
     */
    double[] featurePoints(double[] normalizedObservation);
}
