/**
 * The mathematics of constrained guided policy search under unknown dynamics as pure functions (Levine &amp;
 * Abbeel 2014 §4, Algorithm 1; the reference never implemented it): the dual update
 * λ_{i,t} ← λ_{i,t} + α·D_KL(p_i(x_t)π_θ(u_t|x_t) ‖ p_i(x_t,u_t)) ({@link org.gpsros.algorithm.cgps.ConstrainedGpsDuals})
 * and the policy step's λ-weighted targets and entropy-penalised covariance
 * ({@link org.gpsros.algorithm.cgps.ConstrainedGpsPolicyStep}). The trajectory step's cost is
 * {@link org.gpsros.trajopt.CostAugmentation#constrainedGps}, whose Javadoc derives the policy term; the per-step
 * divergences are {@link org.gpsros.algorithm.badmm.PolicyKl} in the direction
 * {@link org.gpsros.algorithm.badmm.PolicyKl.Direction#POLICY_TO_CONTROLLER}.
 *
 * <p>Algorithm 1 per iteration: (2) sample each p_i; (3) fit the dynamics; (4) minimise
 * Σ_{i,t} λ_{i,t} D_KL(p_i(x_t)π_θ(u_t|x_t) ‖ p_i(x_t,u_t)) over θ on the samples; (5) update each p_i under the
 * KL step bound with the cost plus the λ-weighted policy terms; (6) increment λ_{i,t} by α·KL with α = 10.
 */
package org.gpsros.algorithm.cgps;
