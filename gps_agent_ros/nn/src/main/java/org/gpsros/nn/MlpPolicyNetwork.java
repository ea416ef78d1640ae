package org.gpsros.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;
import org.gpsros.policy.PolicyTrainingSummary;

/**
 * A fully connected policy mean μ_θ(o) (reference {@code tf_network}, study §6) as a pure SameDiff graph, trained by
 * the S-step's weighted precision loss with Adam and weight decay (study §3.10 step 3).
 *
 * <p>The parameters θ and Adam's moments live in float64 Java arrays; Adam and the weight-decay gradient run in Java,
 * and θ is copied into the graph (as float32 or float64, {@link MlpConfig#dataType()}) after every step. μ_θ and
 * ∂L/∂θ of the data loss come from the graph's ops executed directly on preallocated arrays
 * ({@link MlpDirectExecution}, about 20x faster than a SameDiff session per step and tested equal to it). So {@link #save()} is exact and a restored network continues training bit
 * for bit, whatever the graph's data type.
 *
 * <p>Mutable and not thread-safe, like every {@link PolicyNetwork}; {@link #predict(double[], double[])} may be called
 * from another thread than the one that created the network, but not concurrently.
 */
public final class MlpPolicyNetwork implements PolicyNetwork {
    /** {@link #format()}: this class's own binary layout (see {@link #save()}). */
    public static final String FORMAT = "nd4j-samediff-mlp";
    private static final int FORMAT_VERSION = 1;
    /** SplitMix64.derive purpose of the initial weights. */
    private static final long INITIAL_WEIGHTS_STREAM = 0x4D4C5049L;
    /** Rows per graph execution when the loss is evaluated over a whole training set. */
    private static final int EVALUATION_CHUNK = 4096;

    private final MlpConfig config;
    private final int inputDim;
    private final int outputDim;
    private final List<Integer> layerSizes;
    private final MlpGraph graph;
    private final double[] parameters;
    private final AdamOptimizer adam;
    private final double[] gradient;

    private MlpPolicyNetwork(MlpConfig config, int inputDim, int outputDim, double[] parameters, AdamOptimizer adam) {
        this.config = config;
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.layerSizes = layerSizes(config, inputDim, outputDim);
        this.graph = new MlpGraph(config, inputDim, outputDim);
        if (parameters.length != graph.parameterCount()) {
            throw new IllegalArgumentException("an MLP " + layerSizes + " has " + graph.parameterCount()
                    + " parameters, got " + parameters.length);
        }
        this.parameters = parameters;
        this.adam = adam;
        this.gradient = new double[parameters.length];
        graph.setParameters(parameters);
    }

    /**
     * A freshly initialised network: weights drawn by {@code config.initialization()} from the SplitMix64 stream
     * {@code derive(seed, INITIAL_WEIGHTS_STREAM)}, layer by layer in the flat order of {@link MlpGraph}; biases 0.
     *
     * @throws IllegalArgumentException if {@code inputDim} or {@code outputDim} is not positive
     */
    public static MlpPolicyNetwork create(MlpConfig config, int inputDim, int outputDim, long seed) {
        checkDims(inputDim, outputDim);
        List<Integer> sizes = layerSizes(config, inputDim, outputDim);
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, INITIAL_WEIGHTS_STREAM));
        double[] theta = new double[parameterCount(sizes)];
        int offset = 0;
        for (int layer = 0; layer + 1 < sizes.size(); layer++) {
            int in = sizes.get(layer);
            int out = sizes.get(layer + 1);
            double std = switch (config.initialization()) {
                case REFERENCE_GAUSSIAN -> 0.01;
                case GLOROT_NORMAL -> Math.sqrt(2.0 / (in + out));
                case HE_NORMAL -> Math.sqrt(2.0 / in);
            };
            for (int i = 0; i < in * out; i++) {
                theta[offset + i] = std * random.nextNormal();
            }
            offset += in * out + out;
        }
        return new MlpPolicyNetwork(config, inputDim, outputDim, theta, new AdamOptimizer(theta.length));
    }

    /**
     * A network from {@link #save()}'s bytes, with its config, weights and Adam state.
     *
     * @throws IllegalArgumentException if the bytes are not a complete {@value #FORMAT} network, naming what is wrong
     */
    public static MlpPolicyNetwork restore(byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            String format = in.readUTF();
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("not an " + FORMAT + " network: format '" + format + "'");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(FORMAT + " version " + version + " is not supported (this build "
                        + "reads version " + FORMAT_VERSION + ")");
            }
            int inputDim = in.readInt();
            int outputDim = in.readInt();
            checkDims(inputDim, outputDim);
            int hiddenLayers = in.readInt();
            if (hiddenLayers < 0 || hiddenLayers > 1024) {
                throw new IllegalArgumentException(FORMAT + ": bad hidden layer count " + hiddenLayers);
            }
            List<Integer> widths = new ArrayList<>();
            for (int i = 0; i < hiddenLayers; i++) {
                widths.add(in.readInt());
            }
            MlpConfig config = new MlpConfig(widths, readEnum(in, MlpConfig.Activation.class),
                    readEnum(in, MlpConfig.DataType.class), readEnum(in, MlpConfig.Initialization.class));
            long step = in.readLong();
            int count = in.readInt();
            int expected = parameterCount(layerSizes(config, inputDim, outputDim));
            if (count != expected || step < 0) {
                throw new IllegalArgumentException(FORMAT + ": " + count + " parameters (step " + step + ") where the "
                        + "layers " + layerSizes(config, inputDim, outputDim) + " have " + expected);
            }
            double[] theta = readDoubles(in, count);
            double[] firstMoment = readDoubles(in, count);
            double[] secondMoment = readDoubles(in, count);
            if (in.available() > 0) {
                throw new IllegalArgumentException(FORMAT + ": " + in.available() + " unexpected trailing bytes");
            }
            return new MlpPolicyNetwork(config, inputDim, outputDim, theta,
                    new AdamOptimizer(firstMoment, secondMoment, step));
        } catch (EOFException e) {
            throw new IllegalArgumentException(FORMAT + ": the saved network is truncated (" + saved.length
                    + " bytes)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(FORMAT + ": unreadable saved network: " + e.getMessage(), e);
        }
    }

    public MlpConfig config() {
        return config;
    }

    /** Adam steps taken so far (over all S-steps). */
    public long optimizerSteps() {
        return adam.step();
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
        return parameters.length;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** @throws IllegalArgumentException on wrong lengths or a non-finite observation value */
    @Override
    public void predict(double[] normalizedObservation, double[] mean) {
        if (normalizedObservation.length != inputDim || mean.length != outputDim) {
            throw new IllegalArgumentException("predict: observation length " + normalizedObservation.length
                    + " and mean length " + mean.length + ", the network maps " + inputDim + " -> " + outputDim);
        }
        checkFinite(normalizedObservation, "observation");
        graph.predict(normalizedObservation, mean);
    }

    /** @throws IllegalArgumentException if a row has the wrong length or a non-finite value */
    @Override
    public double[][] predict(double[][] normalizedObservations) {
        for (int i = 0; i < normalizedObservations.length; i++) {
            if (normalizedObservations[i].length != inputDim) {
                throw new IllegalArgumentException("predict: observation row " + i + " has length "
                        + normalizedObservations[i].length + ", expected " + inputDim);
            }
            checkFinite(normalizedObservations[i], "observation row " + i);
        }
        double[][] means = new double[normalizedObservations.length][];
        for (int from = 0; from < means.length; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, means.length - from);
            System.arraycopy(graph.predict(normalizedObservations, from, count), 0, means, from, count);
        }
        return means;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Minibatches: B = min(batchSize, rows); a pass is ⌊rows/B⌋ batches taken in the order of a fresh
     * permutation of the rows (Fisher–Yates with {@code random}); iterations run pass after pass. The reference
     * draws one permutation per S-step and cycles through its batches (study §3.10 step 3); here every pass gets a
     * new one, so rows left over by ⌊rows/B⌋ are not always the same.
     *
     * @throws IllegalArgumentException if the set's dimensions differ from the network's or a value is not finite
     *                                  (naming the row)
     */
    @Override
    public PolicyTrainingSummary train(PolicyTrainingSet set, PolicyTrainingConfig config, SplitMix64 random) {
        long start = System.nanoTime();
        checkTrainingSet(set);
        int rows = set.rows();
        int batch = Math.min(config.batchSize(), rows);
        int batchesPerPass = rows / batch;
        int[] order = new int[rows];
        PrecisionFactors factors = PrecisionFactors.of(set);
        double initialLoss = dataLoss(set);
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            int batchInPass = iteration % batchesPerPass;
            if (batchInPass == 0) {
                shuffle(order, random);
            }
            step(set, factors, order, batchInPass * batch, batch, config);
        }
        double finalLoss = dataLoss(set);
        return new PolicyTrainingSummary(initialLoss, finalLoss, config.iterations(), (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Layout (big-endian, {@link DataOutputStream}): UTF {@value #FORMAT}, int version 1, int inputDim, int outputDim,
     * int hidden-layer count, that many int widths, UTF activation, UTF data type, UTF initialization, long Adam step,
     * int parameter count n, then n doubles each of θ, Adam's first and second moments (θ in the flat order of
     * {@link MlpGraph}).
     */
    @Override
    public byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 24 * parameters.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(inputDim);
            out.writeInt(outputDim);
            out.writeInt(config.hiddenWidths().size());
            for (int width : config.hiddenWidths()) {
                out.writeInt(width);
            }
            out.writeUTF(config.activation().name());
            out.writeUTF(config.dataType().name());
            out.writeUTF(config.initialization().name());
            out.writeLong(adam.step());
            out.writeInt(parameters.length);
            writeDoubles(out, parameters);
            writeDoubles(out, adam.firstMoment());
            writeDoubles(out, adam.secondMoment());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One Adam step on {@code rows[from .. from+count)}: gradient of data loss + weightDecay·½‖θ‖². */
    void step(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int from, int count,
              PolicyTrainingConfig config) {
        graph.dataLossGradient(set, factors, rows, from, count, gradient);
        double weightDecay = config.weightDecay();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += weightDecay * parameters[i];
        }
        adam.update(parameters, gradient, config.learningRate());
        graph.setParameters(parameters);
    }

    /**
     * ∂/∂θ of {@link #objective} on {@code rows} into {@code gradientOut}: the data-loss gradient of {@link MlpGraph} plus
     * weightDecay·θ (for the gradient check).
     */
    void objectiveGradient(PolicyTrainingSet set, int[] rows, double weightDecay, double[] gradientOut) {
        graph.dataLossGradient(set, PrecisionFactors.of(set), rows, 0, rows.length, gradientOut);
        for (int i = 0; i < gradientOut.length; i++) {
            gradientOut[i] += weightDecay * parameters[i];
        }
    }

    /** (1/(2B)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) + weightDecay·½‖θ‖² over {@code rows}, μ from a graph forward pass. */
    double objective(PolicyTrainingSet set, int[] rows, double weightDecay) {
        double[][] observations = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            observations[i] = set.observations()[rows[i]];
        }
        double[][] means = graph.predict(observations, 0, rows.length);
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += weightedSquaredError(set, rows[i], means[i]);
        }
        double squaredNorm = 0;
        for (double p : parameters) {
            squaredNorm += p * p;
        }
        return 0.5 * sum / rows.length + 0.5 * weightDecay * squaredNorm;
    }

    /** A copy of θ in the flat order of {@link MlpGraph}. */
    double[] parameters() {
        return parameters.clone();
    }

    /** Replaces θ (for the gradient check's perturbations). */
    void setParameters(double[] theta) {
        System.arraycopy(theta, 0, parameters, 0, parameters.length);
        graph.setParameters(parameters);
    }

    /** The data loss (1/(2N)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) over the whole set (no weight decay). */
    double dataLoss(PolicyTrainingSet set) {
        double sum = 0;
        int rows = set.rows();
        for (int from = 0; from < rows; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, rows - from);
            double[][] means = graph.predict(set.observations(), from, count);
            for (int i = 0; i < count; i++) {
                sum += weightedSquaredError(set, from + i, means[i]);
            }
        }
        return 0.5 * sum / rows;
    }

    private double weightedSquaredError(PolicyTrainingSet set, int row, double[] mean) {
        double[] target = set.targetMeans()[row];
        double[] precision = set.precisions()[row];
        double total = 0;
        for (int j = 0; j < outputDim; j++) {
            double weighted = 0;
            for (int k = 0; k < outputDim; k++) {
                weighted += precision[j * outputDim + k] * (target[k] - mean[k]);
            }
            total += (target[j] - mean[j]) * weighted;
        }
        return total;
    }

    private void checkTrainingSet(PolicyTrainingSet set) {
        if (set.observationDim() != inputDim || set.actionDim() != outputDim) {
            throw new IllegalArgumentException("training set has observations of " + set.observationDim()
                    + " and actions of " + set.actionDim() + " values; the network maps " + inputDim + " -> "
                    + outputDim);
        }
        for (int row = 0; row < set.rows(); row++) {
            checkFinite(set.observations()[row], "training set row " + row + " observation");
            checkFinite(set.targetMeans()[row], "training set row " + row + " target mean");
            checkFinite(set.precisions()[row], "training set row " + row + " precision");
        }
    }

    private static void checkFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " has a non-finite value " + values[i] + " at index " + i);
            }
        }
    }

    private static void shuffle(int[] order, SplitMix64 random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static void checkDims(int inputDim, int outputDim) {
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("an MLP policy needs inputDim > 0 and outputDim > 0, got " + inputDim
                    + " and " + outputDim);
        }
    }

    private static List<Integer> layerSizes(MlpConfig config, int inputDim, int outputDim) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputDim);
        sizes.addAll(config.hiddenWidths());
        sizes.add(outputDim);
        return List.copyOf(sizes);
    }

    private static int parameterCount(List<Integer> sizes) {
        long count = 0;
        for (int layer = 0; layer + 1 < sizes.size(); layer++) {
            count += (long) sizes.get(layer) * sizes.get(layer + 1) + sizes.get(layer + 1);
        }
        if (count > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("an MLP " + sizes + " has too many parameters: " + count);
        }
        return (int) count;
    }

    private static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = in.readUTF();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMAT + ": unknown " + type.getSimpleName() + " '" + name + "'", e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
