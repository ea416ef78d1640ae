package org.gpsros.sim;

import org.gpsros.image.RgbFrame;

/**
 * One rollout's simulated world, seen through the task's packed state: a mutable handle that a
 * {@link SimTask} creates fresh for every rollout. Not thread-safe. Close it when the rollout is done: worlds
 * backed by native physics (Bullet) release their native objects there; the others do nothing.
 */
public interface SimWorld extends AutoCloseable {

    /**
     * Writes the current packed state, laid out as the task's {@link SimTask#stateLayout()}.
     *
     * @param state output, length stateDim (modified)
     */
    void readState(double[] state);

    /**
     * Applies {@code action} and advances the physics by one control step of the task's time step.
     *
     * @param action length actionDim, finite (not modified)
     */
    void step(double[] action);

    /**
     * Writes the sensors recorded beside the state, laid out as the task's {@link SimTask#extraSensorLayout()}
     * (e.g. the end-effector point Jacobians), for the current state. Writes nothing by default.
     *
     * @param values output, length of the extra layout's dimension (modified)
     */
    default void readExtraSensors(double[] values) {
    }

    /**
     * Renders the task's camera view of the current state as an RGB frame of the given size (tasks with a camera:
     * those whose {@link SimTask#observationLayout()} holds {@code RGB_IMAGE}). The frame goes through
     * {@link org.gpsros.image.ImagePreprocessor} like a real camera's.
     *
     * @throws UnsupportedOperationException if the task has no camera (the default)
     */
    default RgbFrame renderCamera(int width, int height) {
        throw new UnsupportedOperationException("this simulated world has no camera");
    }

    /** Releases the world's resources; it must not be used afterwards. Idempotent; nothing by default. */
    @Override
    default void close() {
    }
}
