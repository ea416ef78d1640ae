package org.gpsros.dynamics;

/**
 * A normal-inverse-Wishart prior over a Gaussian's mean and covariance, in the reference's parameterisation
 * {@code (μ₀, Φ, m, n₀)} (Levine &amp; Abbeel 2014 §3.1; Levine et al. 2016 Appendix A.3; reference study §3.2).
 * The MAP covariance given N points with empirical mean μ̂ and covariance S is
 * {@code (N·S + Φ + N·m/(N+m)·(μ̂−μ₀)(μ̂−μ₀)ᵀ) / (N + n₀)}.
 *
 * <p>The record owns its arrays: nobody writes to them after construction.
 *
 * @param mean             μ₀, length D
 * @param scatter          Φ, row-major {@code D × D}, symmetric (the fits read its upper triangle)
 * @param meanPseudoCount  m, the number of pseudo-observations behind μ₀ (≥ 0)
 * @param degreesOfFreedom n₀, the pseudo-count behind Φ (may be negative for a weak prior, as in the
 *                         reference's normalised GMM prior when it has fewer than D + 2 points)
 */
public record NormalInverseWishart(double[] mean, double[] scatter, double meanPseudoCount, double degreesOfFreedom) {

    public NormalInverseWishart {
        if (mean == null || scatter == null) {
            throw new IllegalArgumentException("normal-inverse-Wishart mean and scatter must not be null");
        }
        if (scatter.length != mean.length * mean.length) {
            throw new IllegalArgumentException("normal-inverse-Wishart scatter has " + scatter.length
                    + " values, expected " + mean.length + "×" + mean.length);
        }
        if (!(meanPseudoCount >= 0.0) || Double.isInfinite(meanPseudoCount)) {
            throw new IllegalArgumentException("normal-inverse-Wishart meanPseudoCount must be finite and ≥ 0, got "
                    + meanPseudoCount);
        }
        if (!Double.isFinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("normal-inverse-Wishart degreesOfFreedom must be finite, got "
                    + degreesOfFreedom);
        }
    }

    /** The dimension D of the Gaussian. */
    public int dimension() {
        return mean.length;
    }

    /** True if every value differs from {@code other}'s by at most {@code tolerance} (absolute). */
    public boolean approxEquals(NormalInverseWishart other, double tolerance) {
        if (other.mean.length != mean.length
                || Math.abs(meanPseudoCount - other.meanPseudoCount) > tolerance
                || Math.abs(degreesOfFreedom - other.degreesOfFreedom) > tolerance) {
            return false;
        }
        for (int i = 0; i < mean.length; i++) {
            if (!(Math.abs(mean[i] - other.mean[i]) <= tolerance)) {
                return false;
            }
        }
        for (int i = 0; i < scatter.length; i++) {
            if (!(Math.abs(scatter[i] - other.scatter[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
