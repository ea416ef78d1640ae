package org.gpsros.sim;

/**
 * A task that can show its target object at random known positions, for pose pretraining (Levine et al. 2016, §5.2:
 * the convolutional layers first learn to regress the target's position from images). Implemented by the visual tasks.
 */
public interface PoseImageSource {

    /** Length of {@link PoseExample#pose()}: 3 (a point in metres, world frame). */
    int poseDim();

    /**
     * Example {@code index} of the stream {@code seed}: the target object at a random position drawn like the task's
     * test conditions, the arm in a random configuration, rendered by the task's camera at {@code imageSize}². The same
     * (seed, index, imageSize) always gives the same example.
     *
     * @throws IllegalArgumentException if imageSize is outside the task's allowed range or index is negative
     */
    PoseExample poseExample(long seed, int index, int imageSize);
}
