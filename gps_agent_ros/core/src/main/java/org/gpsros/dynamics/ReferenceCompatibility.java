package org.gpsros.dynamics;

/**
 * Whether a dynamics fit reproduces the reference implementation's known quirks (reference study §8.2) or
 * corrects them. {@link #CORRECTED} is the default everywhere; {@link #REFERENCE} exists for parity tests
 * against {@code cbfinn/gps} outputs and for comparing runs with the reference.
 *
 * <p>The quirks, each documented where it applies:
 * <ul>
 *   <li>{@link Gmm}: the convergence test {@code |ll − prev| < 1e-5·prev} never fires for a negative
 *       log-likelihood (corrected: {@code 1e-5·|prev|}); the initial cluster covariances are scaled by 1/K
 *       instead of 1/N_k (corrected: 1/N_k, the empirical covariance of the cluster's points).</li>
 *   <li>{@link DynamicsPriorGmm}: the sample buffer keeps {@code maxSamples − 1} trajectories (corrected:
 *       {@code maxSamples}).</li>
 *   <li>{@link DynamicsFitter}: the regularisation is added to every entry of the [x, u] block of the joint
 *       covariance, a rank-one term that does not make the block positive definite (corrected: added to its
 *       diagonal); the initial-state prior adds the scatter Φ₀ un-normalised (corrected: the normal-inverse-Wishart
 *       MAP estimate).</li>
 * </ul>
 */
public enum ReferenceCompatibility {
    /** Fix the reference's known bugs (default). */
    CORRECTED,
    /** Reproduce the reference implementation exactly, bugs included. */
    REFERENCE
}
