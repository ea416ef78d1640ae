package org.gpsros.dynamics;

/**
 * The complete state of a {@link DynamicsPriorGmm}, for checkpoints. The record owns its arrays.
 *
 * @param states      buffered trajectories' states, N × T × stateDim (N = 0 before the first update)
 * @param actions     buffered trajectories' actions, N × T × actionDim
 * @param gmm         the fitted mixture, or null before the first update
 * @param randomState the state of the generator that draws initial cluster labels ({@link org.gpsros.math.SplitMix64#state()})
 */
public record DynamicsPriorState(double[][][] states, double[][][] actions, GmmState gmm, long randomState) {

    public DynamicsPriorState {
        if (states == null || actions == null) {
            throw new IllegalArgumentException("dynamics prior state buffers must not be null (use empty arrays)");
        }
        if (states.length != actions.length) {
            throw new IllegalArgumentException("dynamics prior state has " + states.length + " state and "
                    + actions.length + " action trajectories");
        }
        if ((states.length == 0) != (gmm == null)) {
            throw new IllegalArgumentException("dynamics prior state must have both a buffer and a GMM, or neither");
        }
    }
}
