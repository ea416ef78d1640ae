package org.gpsros.trajopt;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * A controller from one LQR backward pass and the dual variable(s) it was computed with, which exceed the
 * requested ones when Q_uu was not positive definite and η had to be raised (study §3.6). The record owns its
 * arrays.
 *
 * @param policy the new controller
 * @param eta one value (global constraint) or one per time step
 * @param nonPositiveDefiniteRetries how often the pass was re-run with a larger η
 */
public record BackwardPassResult(LinearGaussianPolicy policy, double[] eta, int nonPositiveDefiniteRetries) {
}
