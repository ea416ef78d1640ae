/**
 * LQR-FLM: KL-constrained trajectory optimisation of time-varying linear-Gaussian controllers under fitted
 * linear-Gaussian dynamics (Levine &amp; Abbeel 2014, §3 "KL-Divergence Constraints"; Levine et al. 2016,
 * Appendix A; reference {@code traj_opt_lqr_python.py}, {@code traj_opt_utils.py}; study §3.1, §3.6, §3.8).
 *
 * <p>Pieces: the quadratic cost expansion around ξ = 0 ({@link org.gpsros.trajopt.QuadraticCost#expand}), the
 * KL-augmented cost of each algorithm ({@link org.gpsros.trajopt.CostAugmentation}: TrajOpt, MDGPS, and with a
 * per-step weighted policy KL term BADMM (Levine et al. 2016 Appendix A.4) and constrained GPS (Levine &amp;
 * Abbeel 2014 Algorithm 1)), the backward pass, the
 * forward pass to state-action marginals ({@link org.gpsros.trajopt.StateActionMarginals}), the KL divergence
 * between controllers ({@link org.gpsros.trajopt.KlDivergence}), the dual search on η
 * ({@link org.gpsros.trajopt.LqrTrajectoryOptimizer#update}), the Laplace cost estimate and the step-size rule
 * ({@link org.gpsros.trajopt.StepSizeRule}).
 *
 * <p>Layout: every per-time-step matrix that crosses the public API is one row-major {@code double[]}; the hot
 * loops run on a preallocated workspace of {@code double[][]} rows owned by one
 * {@link org.gpsros.trajopt.LqrTrajectoryOptimizer} (not thread-safe; use one per thread).
 */
package org.gpsros.trajopt;
