package org.gpsros.cost;

/**
 * One time step of a {@link PenaltyNorm} penalty and its derivatives with respect to the distance d
 * (reference {@code evall1l2term} / {@code evallogl2term} before the chain rule, study §3.14). A mutable
 * workspace, reused over the time steps of one evaluation; not thread-safe.
 *
 * <p>After {@link #evaluate} the second derivative is {@code d2 = diag(curvatureDiagonal) − rankOneCoefficient · v vᵀ}
 * with {@code v = rankOneVector = w²∘d}; callers map it through the Jacobian J of d as Jᵀ d2 J without
 * forming d2 (the reference's Jdd term is zero for every cost here).
 */
final class PenaltyTerm {
    /** d, filled by the caller. */
    final double[] distance;
    /** w, the ramped weights of this step, filled by the caller. */
    final double[] weights;
    /** d1 = ∂l/∂d. */
    final double[] gradient;
    /** Diagonal part of ∂²l/∂d². */
    final double[] curvatureDiagonal;
    /** v = w²∘d, the direction of the rank-one part of ∂²l/∂d². */
    final double[] rankOneVector;
    /** β in ∂²l/∂d² = diag(·) − β v vᵀ. */
    double rankOneCoefficient;
    /** l at this step. */
    double value;

    PenaltyTerm(int dimension) {
        distance = new double[dimension];
        weights = new double[dimension];
        gradient = new double[dimension];
        curvatureDiagonal = new double[dimension];
        rankOneVector = new double[dimension];
    }

    /**
     * Evaluates the penalty on {@link #distance} with {@link #weights}. With s = Σ (w d)²: L1_L2 uses
     * a = √(α + s), d1 = l2 w∘d + l1 w²∘d / a, d2 = l2 diag(w) + l1 (diag(w²)/a − v vᵀ/a³); the log forms
     * use a = α + s, the same d1 and d2 = l2 diag(w) + l1 (diag(w²)/a − c v vᵀ/a²) with c = 2 (exact) or 1
     * (reference). The l1 parts are skipped when l1 = 0, so α = 0 is allowed for a pure l2 cost.
     */
    void evaluate(PenaltyNorm norm, double l1, double l2, double alpha) {
        int n = distance.length;
        double squaredWeighted = 0;
        double l2Part = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            double d = distance[i];
            squaredWeighted += (w * d) * (w * d);
            l2Part += w * d * d;
            gradient[i] = l2 * w * d;
            curvatureDiagonal[i] = l2 * w;
            rankOneVector[i] = w * w * d;
        }
        value = 0.5 * l2 * l2Part;
        rankOneCoefficient = 0;
        if (l1 == 0) {
            return;
        }
        double a;
        switch (norm) {
            case L1_L2 -> {
                a = Math.sqrt(alpha + squaredWeighted);
                value += l1 * a;
                rankOneCoefficient = l1 / (a * a * a);
            }
            case LOG_L2 -> {
                a = alpha + squaredWeighted;
                value += 0.5 * l1 * Math.log(a);
                rankOneCoefficient = 2.0 * l1 / (a * a);
            }
            case LOG_L2_REFERENCE_HESSIAN -> {
                a = alpha + squaredWeighted;
                value += 0.5 * l1 * Math.log(a);
                rankOneCoefficient = l1 / (a * a);
            }
            default -> throw new AssertionError(norm);
        }
        double scale = l1 / a;
        for (int i = 0; i < n; i++) {
            gradient[i] += scale * rankOneVector[i];
            curvatureDiagonal[i] += scale * weights[i] * weights[i];
        }
    }
}
