package org.gpsros.policy;

import java.util.Arrays;

/**
 * The affine normalisation a global policy applies to its observation before the network: o' = o·scale + bias on
 * the first {@link #normalizedDim()} entries, the rest (image pixels, later) passed through unchanged
 * (reference {@code PolicyOptTf.update}, study §3.10 step 2: computed once, on the first S-step, and stored with
 * the policy). The record owns its arrays; nobody writes to them after construction.
 *
 * @param observationDim dO, the length of the observations it applies to
 * @param scale per normalised entry, 1/max(std, 1e-3); length normalizedDim ≤ observationDim
 * @param bias per normalised entry, −mean(o·scale)
 */
public record ObservationNormalizer(int observationDim, double[] scale, double[] bias) {
    /** Floor of the standard deviation (reference 1e-3, so a constant entry does not divide by zero; issue #24). */
    public static final double MIN_STANDARD_DEVIATION = 1e-3;

    public ObservationNormalizer {
        if (observationDim < 1) {
            throw new IllegalArgumentException("observationDim must be ≥ 1, got " + observationDim);
        }
        if (scale == null || bias == null || scale.length != bias.length || scale.length > observationDim) {
            throw new IllegalArgumentException("scale and bias need the same length ≤ observationDim " + observationDim
                    + ", got " + (scale == null ? "null" : scale.length) + " and " + (bias == null ? "null" : bias.length));
        }
        for (int i = 0; i < scale.length; i++) {
            if (!Double.isFinite(scale[i]) || !Double.isFinite(bias[i])) {
                throw new IllegalArgumentException("normaliser entry " + i + " is not finite: scale " + scale[i]
                        + ", bias " + bias[i]);
            }
        }
    }

    /** The identity on dO entries (what a policy uses before its first S-step). */
    public static ObservationNormalizer identity(int observationDim) {
        double[] scale = new double[observationDim];
        Arrays.fill(scale, 1.0);
        return new ObservationNormalizer(observationDim, scale, new double[observationDim]);
    }

    /**
     * The reference's normalisation of {@code observations} (study §3.10 step 2): over all rows, per entry j &lt;
     * normalizedDim, scale_j = 1/max(std_j, 1e-3) with the population standard deviation, and bias_j = −mean_i(o_ij ·
     * scale_j).
     *
     * @param observations rows × dO, at least one row (not modified)
     * @param normalizedDim how many leading entries are normalised (dO for state-like observations)
     */
    public static ObservationNormalizer fit(double[][] observations, int normalizedDim) {
        if (observations == null || observations.length == 0) {
            throw new IllegalArgumentException("the observation normaliser needs at least one observation");
        }
        int dim = observations[0].length;
        if (normalizedDim < 0 || normalizedDim > dim) {
            throw new IllegalArgumentException("normalizedDim must be in [0, " + dim + "], got " + normalizedDim);
        }
        int rows = observations.length;
        double[] mean = new double[normalizedDim];
        for (int i = 0; i < rows; i++) {
            double[] o = observations[i];
            if (o.length != dim) {
                throw new IllegalArgumentException("observation row " + i + " has " + o.length + " values, expected " + dim);
            }
            for (int j = 0; j < normalizedDim; j++) {
                if (!Double.isFinite(o[j])) {
                    throw new IllegalArgumentException("observation row " + i + ", entry " + j + " is " + o[j]);
                }
                mean[j] += o[j];
            }
        }
        for (int j = 0; j < normalizedDim; j++) {
            mean[j] /= rows;
        }
        double[] variance = new double[normalizedDim];
        for (double[] o : observations) {
            for (int j = 0; j < normalizedDim; j++) {
                double d = o[j] - mean[j];
                variance[j] += d * d;
            }
        }
        double[] scale = new double[normalizedDim];
        double[] bias = new double[normalizedDim];
        for (int j = 0; j < normalizedDim; j++) {
            scale[j] = 1.0 / Math.max(Math.sqrt(variance[j] / rows), MIN_STANDARD_DEVIATION);
        }
        for (double[] o : observations) {
            for (int j = 0; j < normalizedDim; j++) {
                bias[j] += o[j] * scale[j];
            }
        }
        for (int j = 0; j < normalizedDim; j++) {
            bias[j] = -bias[j] / rows;
        }
        return new ObservationNormalizer(dim, scale, bias);
    }

    /** Number of leading entries that are normalised. */
    public int normalizedDim() {
        return scale.length;
    }

    /**
     * Writes the normalised observation (allocation-free; {@code out} may be {@code observation} itself).
     *
     * @param observation length dO (not modified unless it is {@code out})
     * @param out length dO (modified)
     */
    public void apply(double[] observation, double[] out) {
        if (observation.length != observationDim || out.length != observationDim) {
            throw new IllegalArgumentException("observation has " + observation.length + " values (output "
                    + out.length + "), the normaliser expects " + observationDim);
        }
        int n = scale.length;
        for (int j = 0; j < n; j++) {
            out[j] = observation[j] * scale[j] + bias[j];
        }
        if (out != observation) {
            System.arraycopy(observation, n, out, n, observationDim - n);
        }
    }

    /** The normalised observation as a fresh array. */
    public double[] apply(double[] observation) {
        double[] out = new double[observationDim];
        apply(observation, out);
        return out;
    }

    /** True if every value differs from {@code other}'s by at most {@code tolerance}. */
    public boolean approxEquals(ObservationNormalizer other, double tolerance) {
        if (other.observationDim != observationDim || other.scale.length != scale.length) {
            return false;
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(Math.abs(scale[j] - other.scale[j]) <= tolerance) || !(Math.abs(bias[j] - other.bias[j]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
