package org.gpsros.trajopt;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * Outcome of one KL-constrained LQR update (reference {@code TrajOptLQRPython.update}, study §3.6).
 *
 * <p>{@code eta} has one value under a global constraint and {@code horizon} values under per-time-step
 * constraints; it is what the reference stores in {@code cur[m].eta} and should start the next update. As in the
 * reference, when the search ran out of iterations it is the next η the search would have tried, not the η that
 * produced {@code policy}. The record owns its arrays; nobody writes to them after construction.
 *
 * @param policy the new controller (from the last backward pass)
 * @param eta the dual variable(s) to carry over
 * @param klDivergence Σ_t KL_t of {@code policy} against the KL reference controller
 * @param klDivergencePerStep KL_t
 * @param klBound the total bound Σ_t ε_t (ε·horizon under a global constraint)
 * @param backwardPasses backward passes run by the dual search (each may contain non-PD retries)
 * @param nonPositiveDefiniteRetries backward passes re-run because Q_uu was not positive definite
 * @param converged whether |KL − ε| &lt; 0.1 ε was reached (for every t under per-step constraints)
 */
public record TrajectoryUpdate(LinearGaussianPolicy policy, double[] eta, double klDivergence, double[] klDivergencePerStep,
                               double klBound, int backwardPasses, int nonPositiveDefiniteRetries, boolean converged) {

    public TrajectoryUpdate {
        if (eta.length != 1 && eta.length != policy.horizon()) {
            throw new IllegalArgumentException("eta must have 1 or " + policy.horizon() + " values, got " + eta.length);
        }
        if (klDivergencePerStep.length != policy.horizon()) {
            throw new IllegalArgumentException("klDivergencePerStep must have " + policy.horizon() + " values");
        }
    }

    /** True when the constraint was per time step (one η per step). */
    public boolean perTimeStep() {
        return eta.length != 1;
    }

    /** The single η of a global constraint. */
    public double globalEta() {
        if (perTimeStep()) {
            throw new IllegalStateException("this update used one η per time step; read eta()");
        }
        return eta[0];
    }

    /**
     * The reference's warning "Final KL divergence after DGD convergence is too high": the search did not
     * converge and the KL is above its bound (a KL below the bound after non-convergence is not flagged).
     */
    public boolean klTooHigh() {
        return !converged && klDivergence > klBound;
    }
}
