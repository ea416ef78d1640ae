package org.gpsros.sim;

/**
 * One rollout's simulated world, seen through the task's packed state: a mutable handle that a
 * {@link SimTask} creates fresh for every rollout. Not thread-safe.
 */
public interface SimWorld {

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
}
