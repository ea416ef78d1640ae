package org.gpsros.dynamics;

/**
 * A prior over the joint Gaussian of [x_t; u_t; x_t+1] used to regularise the per-time-step dynamics fit, and
 * over the initial state (Levine et al. 2016 Appendix A.3; reference {@code DynamicsPriorGMM}; study §3.4).
 */
public interface DynamicsPrior {

    /**
     * Adds trajectories to the prior's data and refits it.
     *
     * @param states  N × T × stateDim (copied; not modified)
     * @param actions N × T × actionDim (copied; not modified)
     */
    void update(double[][][] states, double[][][] actions);

    /**
     * The normal-inverse-Wishart prior for the joint Gaussian of the given points.
     *
     * @param points N × (2·stateDim + actionDim) points [x_t, u_t, x_t+1]
     */
    NormalInverseWishart eval(int stateDim, int actionDim, double[][] points);

    /**
     * {@link #eval} for several point sets (one per time step); implementations may batch the work, results are
     * the same as separate calls.
     */
    default NormalInverseWishart[] evalBatch(int stateDim, int actionDim, double[][][] pointSets) {
        NormalInverseWishart[] out = new NormalInverseWishart[pointSets.length];
        for (int s = 0; s < pointSets.length; s++) {
            out[s] = eval(stateDim, actionDim, pointSets[s]);
        }
        return out;
    }

    /**
     * The priors for the per-time-step fits of the given trajectories: element t is
     * {@code eval(stateDim, actionDim, points_t)} with points_t the N points [x_t, u_t, x_t+1], t = 0..T−2.
     * Implementations may reuse work done for trajectories they were updated with; results are the same.
     *
     * @param states  N × T × stateDim
     * @param actions N × T × actionDim
     */
    default NormalInverseWishart[] evalTrajectories(double[][][] states, double[][][] actions) {
        int[] dims = DynamicsPriorGmm.checkTrajectories(states, actions);
        return evalBatch(dims[1], dims[2], DynamicsPriorGmm.transitionPoints(states, actions));
    }

    /** The prior over the initial state x_0. */
    NormalInverseWishart initialState();
}
