package org.gpsros.policyprior;

import org.gpsros.dynamics.GmmState;

/**
 * The complete state of a {@link PolicyPriorGmm}, for checkpoints. The record owns its arrays.
 *
 * @param states buffered trajectories' states, N × T × stateDim (N = 0 before the first update)
 * @param observations buffered trajectories' observations, N × T × observationDim
 * @param gmm the fitted mixture, or null before the first update
 * @param randomState the state of the generator of initial cluster labels
 */
public record PolicyPriorState(double[][][] states, double[][][] observations, GmmState gmm, long randomState) {

    public PolicyPriorState {
        if (states == null || observations == null) {
            throw new IllegalArgumentException("policy prior state buffers must not be null (use empty arrays)");
        }
        if (states.length != observations.length) {
            throw new IllegalArgumentException("policy prior state has " + states.length + " state and "
                    + observations.length + " observation trajectories");
        }
        if ((states.length == 0) != (gmm == null)) {
            throw new IllegalArgumentException("policy prior state must have both a buffer and a GMM, or neither");
        }
    }
}
