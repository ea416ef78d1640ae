package org.gpsros.policy;

/**
 * The global policy π(u|o) = N(μ_θ(o'), diag(v)) with o' the normalised observation (reference {@code TfPolicy},
 * study §6; Montgomery &amp; Levine 2016 §3.1): a {@link PolicyNetwork} for the mean, the {@link ObservationNormalizer}
 * fitted on the first S-step, and a state-independent diagonal variance v (study §3.10 step 4).
 *
 * <p>The network is shared with the {@link GlobalPolicyOptimizer} that trains it: an instance always acts with the
 * network's current weights, while its normaliser and variance are fixed (the optimizer hands out a new instance
 * after each S-step). Not thread-safe: {@link #act} reuses one buffer.
 */
public final class GaussianGlobalPolicy implements Policy {
    private final PolicyNetwork network;
    private final ObservationNormalizer normalizer;
    private final double[] variance;
    private final double[] standardDeviation;
    private final double[] normalized;

    /**
     * @param network the mean μ_θ on normalised observations
     * @param normalizer applied before the network; its observationDim must be the network's inputDim
     * @param variance v, the diagonal of Σ_π, length = the network's outputDim, every entry finite and &gt; 0 (copied)
     */
    public GaussianGlobalPolicy(PolicyNetwork network, ObservationNormalizer normalizer, double[] variance) {
        if (network == null || normalizer == null || variance == null) {
            throw new IllegalArgumentException("network, normalizer and variance must not be null");
        }
        if (normalizer.observationDim() != network.inputDim()) {
            throw new IllegalArgumentException("the normaliser is for " + normalizer.observationDim()
                    + " observation entries, the network takes " + network.inputDim());
        }
        if (variance.length != network.outputDim()) {
            throw new IllegalArgumentException("variance has " + variance.length + " entries, the network outputs "
                    + network.outputDim());
        }
        this.network = network;
        this.normalizer = normalizer;
        this.variance = variance.clone();
        this.standardDeviation = new double[variance.length];
        for (int i = 0; i < variance.length; i++) {
            if (!(variance[i] > 0) || Double.isInfinite(variance[i])) {
                throw new IllegalArgumentException("policy variance entry " + i + " must be finite and > 0, got "
                        + variance[i]);
            }
            standardDeviation[i] = Math.sqrt(variance[i]);
        }
        this.normalized = new double[network.inputDim()];
    }

    /** The policy before any S-step: the identity normaliser and variance {@code initialVariance} on every action. */
    public static GaussianGlobalPolicy initial(PolicyNetwork network, double initialVariance) {
        double[] variance = new double[network.outputDim()];
        java.util.Arrays.fill(variance, initialVariance);
        return new GaussianGlobalPolicy(network, ObservationNormalizer.identity(network.inputDim()), variance);
    }

    public PolicyNetwork network() {
        return network;
    }

    public ObservationNormalizer normalizer() {
        return normalizer;
    }

    /** dO. */
    public int observationDim() {
        return network.inputDim();
    }

    @Override
    public int actionDim() {
        return network.outputDim();
    }

    /** v, the diagonal of Σ_π (a copy). */
    public double[] variance() {
        return variance.clone();
    }

    /** Σ_π = diag(v), row-major actionDim × actionDim (a fresh array). */
    public double[] covariance() {
        int n = variance.length;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = variance[i];
        }
        return out;
    }

    /** Σ_π⁻¹ = diag(1/v), row-major actionDim × actionDim (a fresh array). */
    public double[] precision() {
        int n = variance.length;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1.0 / variance[i];
        }
        return out;
    }

    /**
     * u = μ_θ(normalised o) + √v ⊙ ε (reference {@code TfPolicy.act}: {@code chol_pol_covar.T · noise} with a
     * diagonal factor); the state and the time step are not used.
     */
    @Override
    public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
        normalizer.apply(observation, normalized);
        network.predict(normalized, action);
        for (int i = 0; i < standardDeviation.length; i++) {
            action[i] += standardDeviation[i] * noise[i];
        }
    }

    /**
     * μ_π(o) for every sample and step (reference {@code PolicyOpt.prob}, one batched forward pass).
     *
     * @param observations N × T × dO (not modified)
     * @return N × T × dU, fresh arrays
     */
    public double[][][] mean(double[][][] observations) {
        int samples = observations.length;
        if (samples == 0) {
            return new double[0][][];
        }
        int horizon = observations[0].length;
        double[][] rows = new double[samples * horizon][];
        for (int n = 0; n < samples; n++) {
            if (observations[n].length != horizon) {
                throw new IllegalArgumentException("observations of sample " + n + " have " + observations[n].length
                        + " steps, sample 0 has " + horizon);
            }
            for (int t = 0; t < horizon; t++) {
                rows[n * horizon + t] = normalizer.apply(observations[n][t]);
            }
        }
        double[][] means = network.predict(rows);
        double[][][] out = new double[samples][horizon][];
        for (int n = 0; n < samples; n++) {
            for (int t = 0; t < horizon; t++) {
                out[n][t] = means[n * horizon + t];
            }
        }
        return out;
    }
}
