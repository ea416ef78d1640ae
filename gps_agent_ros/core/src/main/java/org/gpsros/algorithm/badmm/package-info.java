/**
 * The mathematics of BADMM guided policy search as pure functions (Levine et al. 2016 §4.1, Appendix A.1–A.2;
 * reference {@code AlgorithmBADMM}; study §1.3, §2.1 ALG_BADMM, §3.8, §3.9): the iteration schedules of the
 * entropy regulariser and the weight step ({@link org.gpsros.algorithm.badmm.Schedule}), the S-step targets
 * ({@link org.gpsros.algorithm.badmm.BadmmTargets}), the dual step on the action multipliers
 * ({@link org.gpsros.algorithm.badmm.BadmmDualStep}), the divergences between a local controller and the global
 * policy ({@link org.gpsros.algorithm.badmm.PolicyKl}), the per-step weight rules
 * ({@link org.gpsros.algorithm.badmm.PolicyWeightUpdate}) and the step-size improvement estimate
 * ({@link org.gpsros.algorithm.badmm.BadmmImprovement}). The trajectory step's augmented cost is
 * {@link org.gpsros.trajopt.CostAugmentation#badmm}.
 *
 * <p>Everything here takes and returns plain arrays and immutable value types: sample states are
 * {@code samples × horizon × stateDim}, policy means at the sample observations {@code samples × horizon ×
 * actionDim}, per-step matrices one row-major {@code double[]} each. The algorithm class that holds the state
 * between iterations is assembled from these.
 */
package org.gpsros.algorithm.badmm;
