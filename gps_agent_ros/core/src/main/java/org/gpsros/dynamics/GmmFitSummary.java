package org.gpsros.dynamics;

/**
 * What one {@link Gmm#update} call did.
 *
 * @param clusterCount  K
 * @param initialized   true if the clusters were (re)initialised from labels, false for a warm start
 * @param eSteps        E-step evaluations (the reference's loop iterations)
 * @param mSteps        M-steps performed
 * @param logLikelihood total log-likelihood of the data at the last E-step
 * @param stopReason    why EM stopped
 */
public record GmmFitSummary(int clusterCount, boolean initialized, int eSteps, int mSteps, double logLikelihood,
                            StopReason stopReason) {

    /** Why the EM loop ended. */
    public enum StopReason {
        /** The log-likelihood decreased (the last M-step is kept, as in the reference). */
        LIKELIHOOD_DECREASED,
        /** The change in log-likelihood fell below the relative threshold 1e-5. */
        CONVERGED,
        /** {@link GmmConfig#maxIterations()} were used up. */
        MAX_ITERATIONS
    }
}
