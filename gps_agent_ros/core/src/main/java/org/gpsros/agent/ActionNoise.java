package org.gpsros.agent;

import org.gpsros.math.SplitMix64;

/**
 * Exploration noise for one rollout (reference {@code generate_noise} in {@code agent_utils.py}, study §3.13):
 * standard normals, optionally smoothed over time per action dimension and renormalised to unit variance.
 * Smoothing makes the noise correlated in time, which breaks the controller's i.i.d. noise model, as the
 * reference admits; it gives smoother motions.
 */
public final class ActionNoise {
    /** scipy's default {@code truncate}: the kernel reaches 4 σ on each side. */
    private static final double TRUNCATE = 4.0;

    private ActionNoise() {
    }

    /**
     * Noise settings (reference agent keys, study §2.7).
     *
     * @param smooth smooth_noise (default true)
     * @param sigma smooth_noise_var ≥ 0, the Gaussian filter's standard deviation in time steps despite the
     *        reference's name (default 2)
     * @param renormalize smooth_noise_renormalize (default true); only applies when smoothing
     */
    public record Config(boolean smooth, double sigma, boolean renormalize) {

        public Config {
            checkSigma(sigma);
        }

        /** The reference defaults: smoothing with σ = 2 steps, then renormalising. */
        public static Config defaults() {
            return new Config(true, 2.0, true);
        }

        /** Noise for one rollout with these settings; see {@link ActionNoise#generate}. */
        public double[][] generate(SplitMix64 rng, int horizon, int actionDim) {
            return ActionNoise.generate(rng, horizon, actionDim, smooth, sigma, renormalize);
        }
    }

    /**
     * Draws {@code horizon × actionDim} standard normals from {@code rng}, row-major (t outer, action inner).
     * If {@code smooth}, each action dimension is filtered with {@link #gaussianFilter} (σ = {@code sigma}
     * steps) and then, if {@code renormalize}, divided by its empirical standard deviation (ddof 0). As in the
     * reference, {@code renormalize} has no effect without {@code smooth}.
     *
     * @throws IllegalArgumentException if sizes are not positive, sigma is negative or not finite, or
     *         renormalising is asked for a horizon of 1 (the standard deviation of one value is zero)
     * @throws IllegalStateException if a smoothed dimension came out constant, so it cannot be renormalised
     */
    public static double[][] generate(SplitMix64 rng, int horizon, int actionDim, boolean smooth, double sigma,
                                      boolean renormalize) {
        if (horizon < 1 || actionDim < 1) {
            throw new IllegalArgumentException("horizon and actionDim must be positive, got " + horizon + " and " + actionDim);
        }
        checkSigma(sigma);
        if (smooth && renormalize && horizon < 2) {
            throw new IllegalArgumentException("renormalising noise needs a horizon of at least 2 steps, got " + horizon);
        }
        double[][] noise = new double[horizon][actionDim];
        for (int t = 0; t < horizon; t++) {
            for (int j = 0; j < actionDim; j++) {
                noise[t][j] = rng.nextNormal();
            }
        }
        if (!smooth) {
            return noise;
        }
        double[] column = new double[horizon];
        for (int j = 0; j < actionDim; j++) {
            for (int t = 0; t < horizon; t++) {
                column[t] = noise[t][j];
            }
            double[] filtered = gaussianFilter(column, sigma);
            double std = 1.0;
            if (renormalize) {
                std = standardDeviation(filtered);
                if (!(std > 0)) {
                    throw new IllegalStateException("smoothed noise of action " + j + " is constant (σ = " + sigma
                            + " steps over " + horizon + " steps); it cannot be renormalised");
                }
            }
            for (int t = 0; t < horizon; t++) {
                noise[t][j] = filtered[t] / std;
            }
        }
        return noise;
    }

    /**
     * One-dimensional Gaussian filter with the semantics of scipy's {@code ndimage.gaussian_filter1d} (order 0,
     * truncate 4, mode 'reflect'): the kernel w_i ∝ exp(−i²/(2σ²)) for |i| ≤ r = (int) (4σ + 0.5), normalised
     * to sum 1, is correlated with the signal extended by half-sample symmetric reflection
     * (… c b a | a b c … | … c b a, repeated with period 2·length when r exceeds the length). As scipy's
     * {@code gaussian_filter} does, σ ≤ 1e-15 returns the signal unchanged.
     *
     * @param signal not modified
     * @param sigma ≥ 0, in samples
     * @return a fresh filtered array of the same length
     */
    public static double[] gaussianFilter(double[] signal, double sigma) {
        checkSigma(sigma);
        int length = signal.length;
        if (sigma <= 1e-15 || length == 0) {
            return signal.clone();
        }
        int radius = (int) (TRUNCATE * sigma + 0.5);
        double[] kernel = new double[2 * radius + 1];
        double sigma2 = sigma * sigma;
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double w = Math.exp(-0.5 / sigma2 * ((double) i * i));
            kernel[i + radius] = w;
            sum += w;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            double s = 0;
            for (int i = -radius; i <= radius; i++) {
                s += kernel[i + radius] * signal[reflectIndex(t + i, length)];
            }
            out[t] = s;
        }
        return out;
    }

    /** scipy's 'reflect' extension: index i outside [0, n) maps to i mod 2n, mirrored into [0, n). */
    static int reflectIndex(int index, int length) {
        int period = 2 * length;
        int j = Math.floorMod(index, period);
        return j < length ? j : period - 1 - j;
    }

    private static double standardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static void checkSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and ≥ 0, got " + sigma);
        }
    }
}
