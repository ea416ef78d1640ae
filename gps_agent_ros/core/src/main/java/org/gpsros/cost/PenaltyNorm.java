package org.gpsros.cost;

/**
 * The penalty a state or end-effector cost applies to a weighted distance d with weights w (study §3.14).
 * With s = Σ_i (w_i d_i)², every form is ½ l2 Σ_i w_i d_i² plus an l1 term:
 * <ul>
 *   <li>{@link #L1_L2}: l1 √(α + s) (reference {@code evall1l2term}), a smoothed L1 norm;</li>
 *   <li>{@link #LOG_L2}: ½ l1 log(α + s) (reference {@code evallogl2term}) with its exact Hessian;</li>
 *   <li>{@link #LOG_L2_REFERENCE_HESSIAN}: the same value and gradient with the reference's Hessian.</li>
 * </ul>
 * For the log term the exact Hessian of ½ l1 log(a), a = α + s, is
 * l1 (diag(w²)/a − 2 (w²∘d)(w²∘d)ᵀ/a²). The reference drops the factor 2 in the rank-one part (its
 * source says "TODO: Need * 2.0 somewhere"); that matrix is always positive semi-definite (by
 * Cauchy–Schwarz, since s ≤ a), so it acts as a Gauss–Newton-like curvature that keeps the LQR backward pass
 * well conditioned. {@code LOG_L2} is the default because it agrees with finite differences; choose
 * {@code LOG_L2_REFERENCE_HESSIAN} to reproduce the reference or to get a PSD curvature on purpose.
 */
public enum PenaltyNorm {
    /** l1 √(α + s) + ½ l2 Σ w d² with its exact Hessian (reference {@code evall1l2term}). */
    L1_L2,
    /** ½ l1 log(α + s) + ½ l2 Σ w d² with its exact Hessian (reference {@code evallogl2term}, Hessian fixed). */
    LOG_L2,
    /** As {@link #LOG_L2}, but the Hessian's rank-one term lacks the factor 2, exactly as the reference. */
    LOG_L2_REFERENCE_HESSIAN
}
