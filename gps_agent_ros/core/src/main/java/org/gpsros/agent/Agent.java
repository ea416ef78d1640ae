package org.gpsros.agent;

import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;

/**
 * Where samples come from: the embedded simulator, or a robot over ROS. Algorithms see robots only through
 * this interface.
 */
public interface Agent {

    /** Time steps per sample. */
    int horizon();

    /** Control period in seconds. */
    double timeStep();

    int actionDim();

    SensorLayout stateLayout();

    SensorLayout observationLayout();

    /** Number of conditions (initial states or task variants) this agent can run. */
    int conditionCount();

    /** The initial packed state of a condition. */
    double[] initialState(int condition);

    /**
     * Runs {@code policy} from {@code condition}'s initial state for {@link #horizon()} steps, applying the
     * given noise, and returns the recorded sample (with the noise stored as NOISE).
     *
     * @param noise {@code horizon × actionDim} standard-normal noise; all zeros for a noiseless run
     */
    Sample sample(Policy policy, int condition, double[][] noise);

    /**
     * The task's success distance at the last time step of a sample of {@code condition}: end effector (or
     * peg) to target.
     */
    double finalDistance(Sample sample, int condition);

    /**
     * The {@link #finalDistance} below which a sample counts as a success (peg in the hole, target reached), or NaN
     * where the task defines no success.
     */
    default double successDistance() {
        return Double.NaN;
    }
}
