package org.gpsros.policy;

/**
 * Anything that maps a state (and observation) at a time step to an action: a local linear-Gaussian
 * controller or, later, a global neural-network policy.
 */
public interface Policy {

    int actionDim();

    /**
     * Writes the action for step {@code t} into {@code action}.
     *
     * @param t time step
     * @param state packed state x_t (not modified)
     * @param observation packed observation o_t (not modified)
     * @param noise standard-normal exploration noise ε_t, zeros for a noiseless action (not modified)
     * @param action output, length {@link #actionDim()} (modified)
     */
    void act(int t, double[] state, double[] observation, double[] noise, double[] action);
}
