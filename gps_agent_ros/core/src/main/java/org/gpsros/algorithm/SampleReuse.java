package org.gpsros.algorithm;

/**
 * Reuse of earlier iterations' samples in the S-step (Levine et al. 2016, §4.3: "we found it beneficial to include
 * sampled observations from previous iterations into the policy optimization, evaluating the action μ^p_ti(x_t) at
 * their corresponding states using the current trajectory distributions ... we use importance sampling and weight
 * them according to the ratio of their probability under the current distribution p(x_t) and the one they were
 * sampled from ... under the estimated linear-Gaussian dynamics"). The reference implementation (study §3.10) trains
 * on the current samples only: {@link #none()}.
 *
 * <p>Per reused sample n and step t the weight is w_nt = min(p_k(x_nt) / q_j(x_nt), maxWeight), where p_k is the
 * Gaussian state marginal of this iteration's sampling distribution under this iteration's dynamics fit and q_j that
 * of iteration j, which drew the sample, under iteration j's fit ({@link ImportanceWeights}). This iteration's samples
 * have ratio 1. The paper does not say how it bounds the ratio; the cap (truncated importance sampling) keeps one
 * reused sample from dominating an S-step, before the reference's robust weight normalisation.
 *
 * @param iterations how many earlier iterations' samples the S-step adds (0 = the reference: current samples only)
 * @param maxWeight upper bound of an importance ratio, ≥ 1
 */
public record SampleReuse(int iterations, double maxWeight) {
    /** Default cap of the importance ratio. */
    public static final double DEFAULT_MAX_WEIGHT = 10.0;

    public SampleReuse {
        if (iterations < 0) {
            throw new IllegalArgumentException("sample reuse iterations must be ≥ 0, got " + iterations);
        }
        if (!(maxWeight >= 1) || Double.isInfinite(maxWeight)) {
            throw new IllegalArgumentException("sample reuse maxWeight must be finite and ≥ 1, got " + maxWeight);
        }
    }

    /** The reference: no reuse. */
    public static SampleReuse none() {
        return new SampleReuse(0, DEFAULT_MAX_WEIGHT);
    }

    public boolean enabled() {
        return iterations > 0;
    }
}
