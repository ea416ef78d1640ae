package org.gpsros.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.gpsros.math.SplitMix64;

/**
 * A linear policy mean μ_θ(o) = W o + b, trained exactly as the network policies are (the loss of
 * {@link PolicyNetwork#train}, the minibatch order of {@link MinibatchOrder}, Adam with
 * {@link PolicyTrainingConfig}'s constants): a fast baseline policy class, and the one the core tests use.
 *
 * <p>Adam (Kingma &amp; Ba 2015, in TensorFlow's and ND4J's form): m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g²,
 * θ ← θ − α·√(1−β2^s)/(1−β1^s) · m/(√v + ε) at step s. Gradients of one minibatch of B rows, with
 * r_i = u*_i − μ_i and P̃_i = ½(P_i + P_iᵀ): ∂L/∂μ_i = −P̃_i r_i / B, ∂L/∂W = Σ_i ∂L/∂μ_i o_iᵀ + λW,
 * ∂L/∂b = Σ_i ∂L/∂μ_i + λb with λ the weight decay. Not thread-safe.
 */
public final class LinearPolicyNetwork implements PolicyNetwork {
    /** {@link #format()} of the saved bytes. */
    public static final String FORMAT = "linear";
    private static final int MAGIC = 0x4C494E31; // "LIN1"

    private final int inputDim;
    private final int outputDim;
    /** W, row-major outputDim × inputDim. */
    private final double[] weights;
    private final double[] bias;
    private final double[] weightsFirstMoment;
    private final double[] biasFirstMoment;
    private final double[] weightsSecondMoment;
    private final double[] biasSecondMoment;
    private long adamSteps;

    private final double[] weightsGradient;
    private final double[] biasGradient;
    private final double[] residual;
    private final double[] meanGradient;

    private LinearPolicyNetwork(int inputDim, int outputDim) {
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("a linear policy needs inputDim ≥ 1 and outputDim ≥ 1, got " + inputDim
                    + " and " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        int n = inputDim * outputDim;
        weights = new double[n];
        bias = new double[outputDim];
        weightsFirstMoment = new double[n];
        biasFirstMoment = new double[outputDim];
        weightsSecondMoment = new double[n];
        biasSecondMoment = new double[outputDim];
        weightsGradient = new double[n];
        biasGradient = new double[outputDim];
        residual = new double[outputDim];
        meanGradient = new double[outputDim];
    }

    /**
     * A fresh network: W ~ N(0, 0.01²) (the reference's initial weight scale) drawn from {@code new SplitMix64(seed)}
     * row by row, b = 0.
     */
    public static LinearPolicyNetwork create(int inputDim, int outputDim, long seed) {
        LinearPolicyNetwork network = new LinearPolicyNetwork(inputDim, outputDim);
        SplitMix64 random = new SplitMix64(seed);
        for (int i = 0; i < network.weights.length; i++) {
            network.weights[i] = 0.01 * random.nextNormal();
        }
        return network;
    }

    /**
     * A network with given parameters and fresh optimiser moments.
     *
     * @param weights W, row-major outputDim × inputDim (copied)
     * @param bias b, length outputDim (copied)
     */
    public static LinearPolicyNetwork of(int inputDim, int outputDim, double[] weights, double[] bias) {
        LinearPolicyNetwork network = new LinearPolicyNetwork(inputDim, outputDim);
        if (weights.length != network.weights.length || bias.length != outputDim) {
            throw new IllegalArgumentException("weights need " + network.weights.length + " and bias " + outputDim
                    + " values, got " + weights.length + " and " + bias.length);
        }
        System.arraycopy(weights, 0, network.weights, 0, weights.length);
        System.arraycopy(bias, 0, network.bias, 0, outputDim);
        return network;
    }

    /** A network from {@link #save()}'s bytes. */
    public static LinearPolicyNetwork restore(byte[] saved) {
        if (saved == null) {
            throw new IllegalArgumentException("saved linear policy bytes must not be null");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            if (saved.length < 20 || in.readInt() != MAGIC) {
                throw new IllegalArgumentException("these bytes are not a saved linear policy (format '" + FORMAT + "')");
            }
            int inputDim = in.readInt();
            int outputDim = in.readInt();
            if (inputDim < 1 || outputDim < 1) {
                throw new IllegalArgumentException("saved linear policy has dimensions " + inputDim + " × " + outputDim);
            }
            long expected = 20L + 8L * 3 * ((long) inputDim * outputDim + outputDim);
            if (saved.length != expected) {
                throw new IllegalArgumentException("saved linear policy " + outputDim + " × " + inputDim + " should have "
                        + expected + " bytes, got " + saved.length);
            }
            LinearPolicyNetwork network = new LinearPolicyNetwork(inputDim, outputDim);
            network.adamSteps = in.readLong();
            for (double[] block : network.parameterBlocks()) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = in.readDouble();
                }
            }
            return network;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read a saved linear policy: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(inputDim);
            out.writeInt(outputDim);
            out.writeLong(adamSteps);
            for (double[] block : parameterBlocks()) {
                for (double v : block) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private double[][] parameterBlocks() {
        return new double[][] {weights, bias, weightsFirstMoment, biasFirstMoment, weightsSecondMoment, biasSecondMoment};
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    @Override
    public int outputDim() {
        return outputDim;
    }

    @Override
    public long parameterCount() {
        return (long) inputDim * outputDim + outputDim;
    }

    /** W, row-major outputDim × inputDim (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** b (a copy). */
    public double[] bias() {
        return bias.clone();
    }

    /** Adam steps taken so far. */
    public long adamSteps() {
        return adamSteps;
    }

    @Override
    public void predict(double[] normalizedObservation, double[] mean) {
        if (normalizedObservation.length != inputDim || mean.length != outputDim) {
            throw new IllegalArgumentException("observation has " + normalizedObservation.length + " values (expected "
                    + inputDim + "), output " + mean.length + " (expected " + outputDim + ")");
        }
        for (int a = 0; a < outputDim; a++) {
            double s = bias[a];
            int row = a * inputDim;
            for (int j = 0; j < inputDim; j++) {
                s += weights[row + j] * normalizedObservation[j];
            }
            mean[a] = s;
        }
    }

    @Override
    public double[][] predict(double[][] normalizedObservations) {
        double[][] out = new double[normalizedObservations.length][outputDim];
        for (int i = 0; i < out.length; i++) {
            predict(normalizedObservations[i], out[i]);
        }
        return out;
    }

    @Override
    public PolicyTrainingSummary train(PolicyTrainingSet set, PolicyTrainingConfig config, SplitMix64 random) {
        long start = System.nanoTime();
        checkSet(set);
        double initialLoss = PolicyLoss.mean(set, predict(set.observations()));
        MinibatchOrder order = new MinibatchOrder(set.rows(), config.batchSize(), random);
        int[] batch = new int[order.batchSize()];
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            order.next(batch);
            gradient(set, batch, config.weightDecay());
            adamStep(config.learningRate());
        }
        double finalLoss = PolicyLoss.mean(set, predict(set.observations()));
        return new PolicyTrainingSummary(initialLoss, finalLoss, config.iterations(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The gradient of the minibatch loss (1/(2B)) Σ_i r_iᵀ P_i r_i + weightDecay·½(‖W‖² + ‖b‖²) over the rows
     * {@code batch}, into {@link #weightsGradient} and {@link #biasGradient}. Package-private for the
     * finite-difference test.
     */
    void gradient(PolicyTrainingSet set, int[] batch, double weightDecay) {
        int dO = inputDim;
        int dU = outputDim;
        for (int i = 0; i < weights.length; i++) {
            weightsGradient[i] = weightDecay * weights[i];
        }
        for (int a = 0; a < dU; a++) {
            biasGradient[a] = weightDecay * bias[a];
        }
        double inverseBatch = 1.0 / batch.length;
        for (int row : batch) {
            double[] o = set.observations()[row];
            double[] target = set.targetMeans()[row];
            double[] p = set.precisions()[row];
            for (int a = 0; a < dU; a++) {
                double s = bias[a];
                int base = a * dO;
                for (int j = 0; j < dO; j++) {
                    s += weights[base + j] * o[j];
                }
                residual[a] = target[a] - s;
            }
            for (int a = 0; a < dU; a++) {
                double g = 0;
                for (int b = 0; b < dU; b++) {
                    g += 0.5 * (p[a * dU + b] + p[b * dU + a]) * residual[b];
                }
                meanGradient[a] = -g * inverseBatch;
            }
            for (int a = 0; a < dU; a++) {
                double g = meanGradient[a];
                int base = a * dO;
                for (int j = 0; j < dO; j++) {
                    weightsGradient[base + j] += g * o[j];
                }
                biasGradient[a] += g;
            }
        }
    }

    /** The last {@link #gradient} (copies, W's then b's), for tests. */
    double[][] lastGradient() {
        return new double[][] {weightsGradient.clone(), biasGradient.clone()};
    }

    private void adamStep(double learningRate) {
        adamSteps++;
        double b1 = PolicyTrainingConfig.ADAM_BETA1;
        double b2 = PolicyTrainingConfig.ADAM_BETA2;
        double step = learningRate * Math.sqrt(1.0 - Math.pow(b2, adamSteps)) / (1.0 - Math.pow(b1, adamSteps));
        adam(weights, weightsGradient, weightsFirstMoment, weightsSecondMoment, step);
        adam(bias, biasGradient, biasFirstMoment, biasSecondMoment, step);
    }

    private static void adam(double[] theta, double[] g, double[] m, double[] v, double step) {
        double b1 = PolicyTrainingConfig.ADAM_BETA1;
        double b2 = PolicyTrainingConfig.ADAM_BETA2;
        double eps = PolicyTrainingConfig.ADAM_EPSILON;
        for (int i = 0; i < theta.length; i++) {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            theta[i] -= step * m[i] / (Math.sqrt(v[i]) + eps);
        }
    }

    private void checkSet(PolicyTrainingSet set) {
        if (set.observationDim() != inputDim || set.actionDim() != outputDim) {
            throw new IllegalArgumentException("training set has observations of " + set.observationDim()
                    + " and actions of " + set.actionDim() + " values; the network is " + inputDim + " → " + outputDim);
        }
        for (int i = 0; i < set.rows(); i++) {
            checkFinite(set.observations()[i], "observation", i);
            checkFinite(set.targetMeans()[i], "target mean", i);
            checkFinite(set.precisions()[i], "precision", i);
        }
    }

    private static void checkFinite(double[] values, String what, int row) {
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException("training " + what + " of row " + row + ", entry " + j + " is "
                        + values[j]);
            }
        }
    }
}
