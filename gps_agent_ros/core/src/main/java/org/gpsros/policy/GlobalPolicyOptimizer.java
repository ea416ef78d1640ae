package org.gpsros.policy;

import java.util.Arrays;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * The S-step: supervised training of the global policy on the local controllers' actions (reference
 * {@code PolicyOptTf.update}, study §3.10; Montgomery &amp; Levine 2016 Algorithm 3 line 6). Given, for every
 * sample n and step t, the observation o_nt, the target action u*_nt, its precision P_nt and a weight w_nt:
 * <ol>
 *   <li>weights normalised robustly ({@link #normalizeWeights}) and folded into the precisions, P ← w·P;</li>
 *   <li>on the first update only, the {@link ObservationNormalizer} is fitted on all observations;</li>
 *   <li>the network is trained on the normalised observations ({@link PolicyNetwork#train});</li>
 *   <li>the diagonal variance becomes v = 1/diag(A) with A = (Σ_nt P_nt + 2·N·T·entReg·1)/Σ_nt w_nt (the
 *       unweighted precisions, the normalised weights).</li>
 * </ol>
 * Constrained GPS uses a variant ({@link #update(double[][][], double[][][], double[][][], double[][],
 * WeightNormalization, double[])}) that keeps the relative weights (no clip) and takes the variance from the caller.
 * Owns the network, the normaliser, the variance and the {@link SplitMix64} that orders the minibatches;
 * {@link #state()} exports all of it and {@link #restore} continues bit-identically. Not thread-safe.
 */
public final class GlobalPolicyOptimizer {
    /** How an S-step normalises the target weights ({@link #normalizeWeights(double[], boolean)}). */
    public enum WeightNormalization {
        /** The reference: mean 1, then clipped at twice the robust median and divided by it. */
        REFERENCE,
        /**
         * Mean 1, then divided by the robust median, without the clip: the relative weights are kept (constrained GPS,
         * whose weights λ_{i,t} are part of its objective).
         */
        NO_CLIP
    }

    /**
     * Training run on the network before its very first S-step's full training (Levine et al. 2016, §5.2: the fully
     * connected layers of a CNN whose convolutions were pretrained are trained alone first, with cached features).
     * Configuration, not state: whether it runs follows from {@link #updates()} = 0, which is checkpointed.
     */
    @FunctionalInterface
    public interface FirstUpdateWarmup {
        /**
         * @param network the optimizer's network
         * @param set the first S-step's normalised, weighted training set
         * @param random the optimizer's minibatch stream (continue drawing from it)
         */
        PolicyTrainingSummary train(PolicyNetwork network, PolicyTrainingSet set, SplitMix64 random);
    }

    /** Weights at or below this are left out of the robust median (reference 1e-2). */
    public static final double MEDIAN_WEIGHT_FLOOR = 1e-2;

    private final PolicyNetwork network;
    private final PolicyTrainingConfig config;
    private final int normalizedDim;
    private final SplitMix64 random;
    private ObservationNormalizer normalizer;
    private boolean normalizerFitted;
    private GaussianGlobalPolicy policy;
    private int updates;
    private FirstUpdateWarmup warmup;
    private PolicyTrainingSummary lastWarmup;

    /**
     * An optimizer for a fresh network whose normaliser will cover every observation entry.
     *
     * @param seed seed of the minibatch order (derive it from the run seed with {@link SplitMix64#derive})
     */
    public GlobalPolicyOptimizer(PolicyNetwork network, PolicyTrainingConfig config, long seed) {
        this(network, config, network.inputDim(), seed);
    }

    /**
     * @param normalizedDim how many leading observation entries the normaliser covers (the rest, e.g. image pixels,
     *                      pass through)
     * @param seed seed of the minibatch order
     */
    public GlobalPolicyOptimizer(PolicyNetwork network, PolicyTrainingConfig config, int normalizedDim, long seed) {
        if (network == null || config == null) {
            throw new IllegalArgumentException("network and config must not be null");
        }
        if (normalizedDim < 0 || normalizedDim > network.inputDim()) {
            throw new IllegalArgumentException("normalizedDim must be in [0, " + network.inputDim() + "], got "
                    + normalizedDim);
        }
        this.network = network;
        this.config = config;
        this.normalizedDim = normalizedDim;
        this.random = new SplitMix64(seed);
        this.normalizer = ObservationNormalizer.identity(network.inputDim());
        this.policy = GaussianGlobalPolicy.initial(network, config.initialVariance());
    }

    /**
     * Rebuilds an optimizer from {@link #state()}; it continues bit-identically.
     *
     * @param factory restores the network from its bytes; must produce the saved format
     */
    public static GlobalPolicyOptimizer restore(GlobalPolicyOptimizerState state, PolicyNetworkFactory factory,
                                                PolicyTrainingConfig config) {
        PolicyNetwork network = factory.restore(state.network());
        if (!network.format().equals(state.networkFormat())) {
            throw new IllegalArgumentException("the checkpoint's policy network has format '" + state.networkFormat()
                    + "', the '" + factory.type() + "' factory restored format '" + network.format() + "'");
        }
        if (state.normalizer().observationDim() != network.inputDim()
                || state.variance().length != network.outputDim()) {
            throw new IllegalArgumentException("the checkpoint's normaliser/variance (" + state.normalizer().observationDim()
                    + "/" + state.variance().length + ") do not fit its network (" + network.inputDim() + " → "
                    + network.outputDim() + ")");
        }
        // new SplitMix64(s) continues the stream whose state() was s.
        GlobalPolicyOptimizer optimizer = new GlobalPolicyOptimizer(network, config, state.normalizedDim(),
                state.randomState());
        optimizer.normalizer = state.normalizer();
        optimizer.normalizerFitted = state.normalizerFitted();
        optimizer.updates = state.updates();
        optimizer.policy = new GaussianGlobalPolicy(network, state.normalizer(), state.variance());
        return optimizer;
    }

    /**
     * How many leading entries of an observation with {@code layout} the normaliser covers: everything before
     * {@link SensorType#RGB_IMAGE} (the robot configuration), all of it without an image (issue 5 contract).
     */
    public static int normalizedDim(SensorLayout layout) {
        return layout.contains(SensorType.RGB_IMAGE) ? layout.offsetOf(SensorType.RGB_IMAGE) : layout.dimension();
    }

    /** How many leading observation entries the normaliser covers. */
    public int normalizedDim() {
        return normalizedDim;
    }

    /**
     * Sets (or, with null, clears) the training run before the first S-step's full training ({@link FirstUpdateWarmup});
     * it only runs while {@link #updates()} is 0.
     */
    public void setFirstUpdateWarmup(FirstUpdateWarmup value) {
        this.warmup = value;
    }

    /** What the warm-up of the last S-step did, or null if it ran none. */
    public PolicyTrainingSummary lastWarmup() {
        return lastWarmup;
    }

    /** The complete state, for checkpoints. */
    public GlobalPolicyOptimizerState state() {
        return new GlobalPolicyOptimizerState(network.format(), network.save(), normalizer, normalizerFitted,
                normalizedDim, policy.variance(), random.state(), updates);
    }

    /** The current global policy (a new instance after every {@link #update}; all share the network). */
    public GaussianGlobalPolicy policy() {
        return policy;
    }

    public PolicyNetwork network() {
        return network;
    }

    public PolicyTrainingConfig config() {
        return config;
    }

    /** S-steps done so far. */
    public int updates() {
        return updates;
    }

    /** {@link #update(double[][][], double[][][], double[][][], double[][], double)} with the config's ent_reg. */
    public PolicyTrainingSummary update(double[][][] observations, double[][][] targetMeans,
                                        double[][][] targetPrecisions, double[][] targetWeights) {
        return update(observations, targetMeans, targetPrecisions, targetWeights, config.entropyRegularization());
    }

    /**
     * One S-step (study §3.10, steps 1–4).
     *
     * @param observations o, N × T × dO (not modified)
     * @param targetMeans u*, N × T × dU (not modified)
     * @param targetPrecisions P, N × T × (dU·dU) row-major, symmetric positive definite (not modified)
     * @param targetWeights w, N × T, non-negative with a positive sum (not modified)
     * @param entropyRegularization ent_reg ≥ 0 (BADMM's schedule changes it per iteration)
     * @return what the network's training did
     * @throws IllegalArgumentException on inconsistent shapes, non-finite values or weights with no usable median
     * @throws IllegalStateException if the resulting variance is not finite and positive (precisions not PD)
     */
    public PolicyTrainingSummary update(double[][][] observations, double[][][] targetMeans,
                                        double[][][] targetPrecisions, double[][] targetWeights,
                                        double entropyRegularization) {
        if (!(entropyRegularization >= 0) || Double.isInfinite(entropyRegularization)) {
            throw new IllegalArgumentException("entropyRegularization must be finite and ≥ 0, got " + entropyRegularization);
        }
        return step(observations, targetMeans, targetPrecisions, targetWeights, WeightNormalization.REFERENCE,
                entropyRegularization, null);
    }

    /**
     * One S-step that trains the mean as {@link #update(double[][][], double[][][], double[][][], double[][], double)}
     * does, with a choice of weight normalisation, and sets the policy variance to values the caller computed (for
     * example constrained GPS's entropy-penalised, weight-averaged optimum,
     * {@code ConstrainedGpsPolicyStep.diagonalVariance}) instead of the reference's averaged precision.
     *
     * @param normalization {@link WeightNormalization#NO_CLIP} keeps the relative weights of the targets
     * @param variance the diagonal policy variance after the step, length actionDim, finite and positive (copied)
     * @throws IllegalArgumentException on inconsistent shapes, non-finite values, unusable weights or a variance that
     *                                  is not finite and positive
     */
    public PolicyTrainingSummary update(double[][][] observations, double[][][] targetMeans,
                                        double[][][] targetPrecisions, double[][] targetWeights,
                                        WeightNormalization normalization, double[] variance) {
        if (normalization == null || variance == null) {
            throw new IllegalArgumentException("normalization and variance must not be null");
        }
        if (variance.length != network.outputDim()) {
            throw new IllegalArgumentException("the policy variance needs " + network.outputDim() + " values, got "
                    + variance.length);
        }
        for (int a = 0; a < variance.length; a++) {
            if (!(variance[a] > 0) || Double.isInfinite(variance[a])) {
                throw new IllegalArgumentException("policy variance " + a + " must be finite and > 0, got " + variance[a]);
            }
        }
        return step(observations, targetMeans, targetPrecisions, targetWeights, normalization, 0.0, variance.clone());
    }

    private PolicyTrainingSummary step(double[][][] observations, double[][][] targetMeans,
                                       double[][][] targetPrecisions, double[][] targetWeights,
                                       WeightNormalization normalization, double entropyRegularization,
                                       double[] fixedVariance) {
        int samples = observations.length;
        if (samples == 0) {
            throw new IllegalArgumentException("an S-step needs at least one sample");
        }
        int horizon = observations[0].length;
        int dO = network.inputDim();
        int dU = network.outputDim();
        if (targetMeans.length != samples || targetPrecisions.length != samples || targetWeights.length != samples) {
            throw new IllegalArgumentException("S-step inputs disagree on the number of samples: " + samples
                    + " observations, " + targetMeans.length + " target means, " + targetPrecisions.length
                    + " precisions, " + targetWeights.length + " weights");
        }
        int rows = samples * horizon;
        double[] flatWeights = new double[rows];
        double[][] obsRows = new double[rows][];
        double[][] meanRows = new double[rows][];
        double[][] precisionRows = new double[rows][];
        for (int n = 0; n < samples; n++) {
            if (observations[n].length != horizon || targetMeans[n].length != horizon
                    || targetPrecisions[n].length != horizon || targetWeights[n].length != horizon) {
                throw new IllegalArgumentException("S-step inputs of sample " + n + " do not all have " + horizon + " steps");
            }
            for (int t = 0; t < horizon; t++) {
                int i = n * horizon + t;
                obsRows[i] = check(observations[n][t], dO, "observation", n, t);
                meanRows[i] = check(targetMeans[n][t], dU, "target mean", n, t);
                precisionRows[i] = check(targetPrecisions[n][t], dU * dU, "target precision", n, t);
                flatWeights[i] = targetWeights[n][t];
            }
        }
        double[] weights = normalizeWeights(flatWeights, normalization == WeightNormalization.REFERENCE);
        double weightSum = 0;
        double[] diagonal = new double[dU];
        double[][] weighted = new double[rows][dU * dU];
        for (int i = 0; i < rows; i++) {
            double w = weights[i];
            weightSum += w;
            double[] p = precisionRows[i];
            double[] out = weighted[i];
            for (int j = 0; j < p.length; j++) {
                out[j] = w * p[j];
            }
            for (int a = 0; a < dU; a++) {
                diagonal[a] += p[a * dU + a];
            }
        }
        if (!normalizerFitted) {
            normalizer = ObservationNormalizer.fit(obsRows, normalizedDim);
            normalizerFitted = true;
        }
        double[][] normalized = new double[rows][];
        for (int i = 0; i < rows; i++) {
            normalized[i] = normalizer.apply(obsRows[i]);
        }
        PolicyTrainingSet set = new PolicyTrainingSet(normalized, meanRows, weighted);
        lastWarmup = updates == 0 && warmup != null ? warmup.train(network, set, random) : null;
        PolicyTrainingSummary summary = network.train(set, config, random);

        double[] variance = fixedVariance;
        if (variance == null) {
            variance = new double[dU];
            for (int a = 0; a < dU; a++) {
                double precision = (diagonal[a] + 2.0 * rows * entropyRegularization) / weightSum;
                variance[a] = 1.0 / precision;
                if (!(variance[a] > 0) || Double.isInfinite(variance[a])) {
                    throw new IllegalStateException("S-step: the averaged target precision of action " + a + " is "
                            + precision + ", so the policy variance would be " + variance[a]
                            + " (are the target precisions positive definite?)");
                }
            }
        }
        policy = new GaussianGlobalPolicy(network, normalizer, variance);
        updates++;
        return summary;
    }

    private static double[] check(double[] values, int length, String what, int n, int t) {
        if (values.length != length) {
            throw new IllegalArgumentException("S-step " + what + " of sample " + n + ", step " + t + " has "
                    + values.length + " values, expected " + length);
        }
        for (int j = 0; j < length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException("S-step " + what + " of sample " + n + ", step " + t + ", entry " + j
                        + " is " + values[j]);
            }
        }
        return values;
    }

    /**
     * The reference's robust weight normalisation (study §3.10 step 1): w ← w·(n/Σw); mn = median of the w &gt; 1e-2;
     * w ← min(w, 2·mn); w ← w/mn. So the typical weight is 1 and none exceeds 2.
     *
     * @param weights n ≥ 1 finite, non-negative weights with a positive sum (not modified)
     * @return the normalised weights (a fresh array)
     * @throws IllegalArgumentException if a weight is negative or not finite, the sum is not positive, or no
     *                                  weight exceeds 1e-2 after the first rescaling
     */
    public static double[] normalizeWeights(double[] weights) {
        return normalizeWeights(weights, true);
    }

    /**
     * {@link #normalizeWeights(double[])} with or without the clip at twice the median: without it, w ← w·(n/Σw)/mn,
     * a common rescaling that keeps the relative weights (and so the weighted objective) unchanged.
     *
     * @param clip whether to clip at 2·mn (the reference)
     */
    public static double[] normalizeWeights(double[] weights, boolean clip) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("no weights to normalise");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("S-step weight " + i + " must be finite and ≥ 0, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("S-step weights must have a positive, finite sum, got " + sum);
        }
        double scale = n / sum;
        double[] out = new double[n];
        int above = 0;
        for (int i = 0; i < n; i++) {
            out[i] = weights[i] * scale;
            if (out[i] > MEDIAN_WEIGHT_FLOOR) {
                above++;
            }
        }
        if (above == 0) {
            throw new IllegalArgumentException("no S-step weight exceeds " + MEDIAN_WEIGHT_FLOOR
                    + " after normalising to mean 1: the robust median is undefined");
        }
        double[] kept = new double[above];
        int k = 0;
        for (double w : out) {
            if (w > MEDIAN_WEIGHT_FLOOR) {
                kept[k++] = w;
            }
        }
        Arrays.sort(kept);
        double median = above % 2 == 1 ? kept[above / 2] : 0.5 * (kept[above / 2 - 1] + kept[above / 2]);
        double cap = clip ? 2 * median : Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(out[i], cap) / median;
        }
        return out;
    }
}
