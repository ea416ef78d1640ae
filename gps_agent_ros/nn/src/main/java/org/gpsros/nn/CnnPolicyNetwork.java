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
import java.util.Map;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.FeaturePointNetwork;
import org.gpsros.policy.MinibatchOrder;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;
import org.gpsros.policy.PolicyTrainingSummary;

/**
 * The visuomotor policy of Levine et al. 2016 (§5.1, Fig. 2): μ_θ(o) for o = [robot configuration | RGB image
 * planar in [0, 1]] (the image is the last {@link CnnConfig#imageDim()} values, reshaped to NCHW without copying):
 * convolutions with ReLU ({@link ConvolutionStack}) → spatial softmax with learnable temperature → feature points
 * ({@link SpatialSoftmax}) → [feature points | robot configuration] → fully connected ReLU layers → linear torques
 * ({@link DenseLayers}). Trained by the S-step's weighted precision loss with Adam and weight decay over all
 * parameters (reference study §3.10 step 3), the same semantics as {@link MlpPolicyNetwork}.
 *
 * <p>Parameters θ, flat: the convolutions' kernels and biases ({@link ConvolutionStack}), the temperature α, then
 * the fully connected layers ({@link DenseLayers}). θ and Adam's moments are float64 Java arrays; the convolutions
 * run in float32 (default) or float64 ({@link CnnConfig#doublePrecision()}). {@link #save()} holds the config, θ and
 * both Adam states (whole network and fully-connected-only), so a restored network continues training bit for bit.
 *
 * <p>Initial weights: kernels N(0, 2/(k²·inC)) (He et al. 2015), fully connected N(0, 2/(in + out)) (Glorot, as
 * {@link MlpConfig#defaults()}), biases 0, α = 1.
 *
 * <p>Mutable and not thread-safe; {@link #predict(double[], double[])} may be called from another thread than the
 * one that created the network, but not concurrently.
 */
public final class CnnPolicyNetwork implements FeaturePointNetwork {
    /** {@link #format()}: the {@link CnnPolicyNetworkFactory#TYPE} that restores it (gps_msgs/NetworkPolicy). */
    public static final String FORMAT = CnnPolicyNetworkFactory.TYPE;
    private static final String MAGIC = "gps-nn-spatial-softmax-cnn";
    private static final int FORMAT_VERSION = 1;
    private static final long INITIAL_WEIGHTS_STREAM = 0x434E4E57L;
    /** Images per forward pass when whole sets are evaluated. */
    private static final int EVALUATION_CHUNK = 32;

    private final CnnConfig config;
    private final int inputDim;
    private final int outputDim;
    private final int robotDim;
    private final ConvolutionStack stack;
    private final SpatialSoftmax softmax;
    private final DenseLayers dense;
    private final int temperatureIndex;
    private final int denseOffset;
    private final double[] parameters;
    private final AdamOptimizer adam;
    private final AdamOptimizer fullyConnectedAdam;
    private final double[] gradient;
    private final double[] denseGradient;
    private final long[] stageNanos = new long[5];

    private final Workspace single;
    private Workspace training;
    private Workspace evaluation;

    /** The arrays of passes over a fixed number of rows. */
    private final class Workspace {
        final int rows;
        final ConvolutionStack.Pass pass;
        final double[] activations;
        final double[] activationGradient;
        final double[][] fullyConnectedInputs;
        final double[][] pointGradients;
        final double[][] means;
        final double[][] meanGradients;

        Workspace(int rows, boolean withBackward) {
            this.rows = rows;
            pass = stack.pass(rows, withBackward);
            activations = new double[rows * stack.outputDim()];
            activationGradient = withBackward ? new double[rows * stack.outputDim()] : null;
            fullyConnectedInputs = new double[rows][dense.inputDim()];
            pointGradients = withBackward ? new double[rows][dense.inputDim()] : null;
            means = new double[rows][outputDim];
            meanGradients = new double[rows][outputDim];
        }

        /** Convolutions and spatial softmax of {@code observations[index(i)]}, i < count: fills the FC inputs. */
        void features(double[][] observations, int[] rows, int from, int count) {
            for (int i = 0; i < count; i++) {
                double[] o = observations[rows == null ? from + i : rows[from + i]];
                pass.setImage(i, o, robotDim);
                System.arraycopy(o, 0, fullyConnectedInputs[i], softmax.outputDim(), robotDim);
            }
            pass.forward();
            pass.output(activations);
            softmax.forward(activations, count, parameters[temperatureIndex], fullyConnectedInputs, 0);
        }
    }

    private CnnPolicyNetwork(CnnConfig config, int inputDim, int outputDim, double[] parameters, AdamOptimizer adam,
                             AdamOptimizer fullyConnectedAdam) {
        checkDims(config, inputDim, outputDim);
        this.config = config;
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.robotDim = inputDim - config.imageDim();
        this.stack = new ConvolutionStack(config.imageHeight(), config.imageWidth(), config.imageChannels(),
                config.convolutions(), false, config.doublePrecision());
        this.softmax = new SpatialSoftmax(stack.outputChannels(), stack.outputHeight(), stack.outputWidth(),
                stack.columnCentres(), stack.rowCentres());
        int[] sizes = new int[config.hiddenWidths().size() + 2];
        sizes[0] = softmax.outputDim() + robotDim;
        for (int i = 0; i < config.hiddenWidths().size(); i++) {
            sizes[i + 1] = config.hiddenWidths().get(i);
        }
        sizes[sizes.length - 1] = outputDim;
        this.dense = new DenseLayers(sizes);
        this.temperatureIndex = stack.parameterCount();
        this.denseOffset = temperatureIndex + 1;
        int count = denseOffset + dense.parameterCount();
        if (parameters.length != count || adam.firstMoment().length != count
                || fullyConnectedAdam.firstMoment().length != dense.parameterCount()) {
            throw new IllegalArgumentException("a CNN " + describe(config, inputDim, outputDim) + " has " + count
                    + " parameters (" + dense.parameterCount() + " fully connected), got " + parameters.length
                    + " and Adam states of " + adam.firstMoment().length + " and "
                    + fullyConnectedAdam.firstMoment().length);
        }
        this.parameters = parameters;
        this.adam = adam;
        this.fullyConnectedAdam = fullyConnectedAdam;
        this.gradient = new double[count];
        this.denseGradient = new double[dense.parameterCount()];
        stack.setParameters(parameters, 0);
        single = new Workspace(1, false);
    }

    /**
     * A freshly initialised network (see the class comment), weights from the SplitMix64 stream
     * {@code derive(seed, INITIAL_WEIGHTS_STREAM)} in flat order.
     *
     * @param inputDim robot configuration dimension + {@link CnnConfig#imageDim()}
     * @throws IllegalArgumentException if {@code inputDim} is smaller than the image or {@code outputDim} < 1
     */
    public static CnnPolicyNetwork create(CnnConfig config, int inputDim, int outputDim, long seed) {
        checkDims(config, inputDim, outputDim);
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, INITIAL_WEIGHTS_STREAM));
        List<Double> values = new ArrayList<>();
        int channels = config.imageChannels();
        for (ConvLayer layer : config.convolutions()) {
            int fanIn = layer.kernel() * layer.kernel() * channels;
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < fanIn * layer.filters(); i++) {
                values.add(std * random.nextNormal());
            }
            for (int i = 0; i < layer.filters(); i++) {
                values.add(0.0);
            }
            channels = layer.filters();
        }
        values.add(1.0);
        List<Integer> sizes = new ArrayList<>();
        sizes.add(2 * config.featurePointCount() + inputDim - config.imageDim());
        sizes.addAll(config.hiddenWidths());
        sizes.add(outputDim);
        int denseCount = 0;
        for (int l = 0; l + 1 < sizes.size(); l++) {
            int in = sizes.get(l);
            int out = sizes.get(l + 1);
            double std = Math.sqrt(2.0 / (in + out));
            for (int i = 0; i < in * out; i++) {
                values.add(std * random.nextNormal());
            }
            for (int i = 0; i < out; i++) {
                values.add(0.0);
            }
            denseCount += in * out + out;
        }
        double[] theta = new double[values.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = values.get(i);
        }
        return new CnnPolicyNetwork(config, inputDim, outputDim, theta, new AdamOptimizer(theta.length),
                new AdamOptimizer(denseCount));
    }

    /**
     * A network from {@link #save()}'s bytes, with its config, weights and both Adam states.
     *
     * @throws IllegalArgumentException if the bytes are not a complete saved CNN, naming what is wrong
     */
    public static CnnPolicyNetwork restore(byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("not a saved " + FORMAT + " network: header '" + magic + "'");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(FORMAT + " network version " + version + " is not supported (this "
                        + "build reads version " + FORMAT_VERSION + ")");
            }
            int width = in.readInt();
            int height = in.readInt();
            int channels = in.readInt();
            int convolutions = in.readInt();
            if (convolutions < 1 || convolutions > 64) {
                throw new IllegalArgumentException(FORMAT + ": bad convolution count " + convolutions);
            }
            List<ConvLayer> layers = new ArrayList<>();
            for (int i = 0; i < convolutions; i++) {
                layers.add(new ConvLayer(in.readInt(), in.readInt(), in.readInt()));
            }
            int hidden = in.readInt();
            if (hidden < 0 || hidden > 1024) {
                throw new IllegalArgumentException(FORMAT + ": bad hidden layer count " + hidden);
            }
            List<Integer> widths = new ArrayList<>();
            for (int i = 0; i < hidden; i++) {
                widths.add(in.readInt());
            }
            CnnConfig config = new CnnConfig(width, height, channels, layers, widths, in.readBoolean());
            int inputDim = in.readInt();
            int outputDim = in.readInt();
            checkDims(config, inputDim, outputDim);
            AdamState whole = readAdam(in);
            AdamState fullyConnected = readAdam(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException(FORMAT + ": " + in.available() + " unexpected trailing bytes");
            }
            return new CnnPolicyNetwork(config, inputDim, outputDim, whole.parameters,
                    new AdamOptimizer(whole.first, whole.second, whole.step),
                    new AdamOptimizer(fullyConnected.first, fullyConnected.second, fullyConnected.step));
        } catch (EOFException e) {
            throw new IllegalArgumentException(FORMAT + ": the saved network is truncated (" + saved.length
                    + " bytes)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(FORMAT + ": unreadable saved network: " + e.getMessage(), e);
        }
    }

    public CnnConfig config() {
        return config;
    }

    /** Values of the robot configuration at the start of an observation (inputDim − imageDim). */
    public int robotConfigurationDim() {
        return robotDim;
    }

    /** Adam steps of the whole network so far. */
    public long optimizerSteps() {
        return adam.step();
    }

    /** Adam steps of {@link #trainFullyConnected} so far. */
    public long fullyConnectedOptimizerSteps() {
        return fullyConnectedAdam.step();
    }

    /** The spatial softmax's temperature α. */
    public double temperature() {
        return parameters[temperatureIndex];
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

    @Override
    public int featurePointCount() {
        return config.featurePointCount();
    }

    /** @throws IllegalArgumentException on wrong lengths or a non-finite observation value */
    @Override
    public void predict(double[] normalizedObservation, double[] mean) {
        if (normalizedObservation.length != inputDim || mean.length != outputDim) {
            throw new IllegalArgumentException("predict: observation length " + normalizedObservation.length
                    + " and mean length " + mean.length + ", the network maps " + inputDim + " -> " + outputDim);
        }
        checkFinite(normalizedObservation, "observation");
        single.features(new double[][] {normalizedObservation}, null, 0, 1);
        dense.forward(parameters, denseOffset, single.fullyConnectedInputs, 1, single.means);
        System.arraycopy(single.means[0], 0, mean, 0, outputDim);
    }

    /** @throws IllegalArgumentException if a row has the wrong length or a non-finite value */
    @Override
    public double[][] predict(double[][] normalizedObservations) {
        checkRows(normalizedObservations);
        double[][] means = new double[normalizedObservations.length][];
        for (int from = 0; from < means.length; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, means.length - from);
            Workspace w = evaluation(count);
            w.features(normalizedObservations, null, from, count);
            dense.forward(parameters, denseOffset, w.fullyConnectedInputs, count, w.means);
            for (int i = 0; i < count; i++) {
                means[from + i] = w.means[i].clone();
            }
        }
        return means;
    }

    /** {@inheritDoc} Coordinates of receptive-field centres, so within [-1, 1]. */
    @Override
    public double[] featurePoints(double[] normalizedObservation) {
        return featurePoints(new double[][] {normalizedObservation})[0];
    }

    /** {@link #featurePoints(double[])} for each row: {@code [n][2·featurePointCount()]}. */
    public double[][] featurePoints(double[][] normalizedObservations) {
        checkRows(normalizedObservations);
        int points = 2 * featurePointCount();
        double[][] result = new double[normalizedObservations.length][];
        for (int from = 0; from < result.length; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, result.length - from);
            Workspace w = evaluation(count);
            w.features(normalizedObservations, null, from, count);
            for (int i = 0; i < count; i++) {
                result[from + i] = java.util.Arrays.copyOf(w.fullyConnectedInputs[i], points);
            }
        }
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Minibatches in the order of {@link MinibatchOrder}; Adam and weight decay over all parameters (kernels,
     * biases, temperature, fully connected), as {@link MlpPolicyNetwork#train}.
     *
     * @throws IllegalArgumentException if the set's dimensions differ from the network's, a value is not finite or
     *                                  a precision is indefinite (naming the row)
     */
    @Override
    public PolicyTrainingSummary train(PolicyTrainingSet set, PolicyTrainingConfig config, SplitMix64 random) {
        long start = System.nanoTime();
        checkTrainingSet(set);
        PrecisionFactors factors = PrecisionFactors.of(set);
        double initialLoss = dataLoss(set);
        MinibatchOrder order = new MinibatchOrder(set.rows(), config.batchSize(), random);
        int[] rows = new int[order.batchSize()];
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            order.next(rows);
            step(set, factors, rows, rows.length, config);
        }
        double finalLoss = dataLoss(set);
        return new PolicyTrainingSummary(initialLoss, finalLoss, config.iterations(),
                (System.nanoTime() - start) * 1e-9);
    }

    /**
     * The S-step with the vision layers frozen (Levine et al. 2016, §5.2; reference {@code fc_only_iterations}): the
     * feature points of every row are computed once, then {@code config.iterations()} minibatch Adam steps
     * ({@link MinibatchOrder}) train only the fully connected layers, with their own Adam state and weight decay on
     * their parameters.
     */
    public PolicyTrainingSummary trainFullyConnected(PolicyTrainingSet set, PolicyTrainingConfig config,
                                                     SplitMix64 random) {
        long start = System.nanoTime();
        checkTrainingSet(set);
        PrecisionFactors factors = PrecisionFactors.of(set);
        int n = set.rows();
        double[][] inputs = new double[n][];
        for (int from = 0; from < n; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, n - from);
            Workspace w = evaluation(count);
            w.features(set.observations(), null, from, count);
            for (int i = 0; i < count; i++) {
                inputs[from + i] = w.fullyConnectedInputs[i].clone();
            }
        }
        double initialLoss = cachedLoss(set, inputs);
        MinibatchOrder order = new MinibatchOrder(n, config.batchSize(), random);
        int batch = order.batchSize();
        int[] rows = new int[batch];
        double[][] batchInputs = new double[batch][];
        double[][] means = new double[batch][outputDim];
        double[][] meanGradients = new double[batch][outputDim];
        double[] denseParameters = new double[dense.parameterCount()];
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            order.next(rows);
            for (int i = 0; i < batch; i++) {
                batchInputs[i] = inputs[rows[i]];
            }
            dense.forward(parameters, denseOffset, batchInputs, batch, means);
            meanGradients(factors, rows, batch, means, meanGradients);
            dense.backward(parameters, denseOffset, meanGradients, gradient, null);
            System.arraycopy(gradient, denseOffset, denseGradient, 0, denseGradient.length);
            System.arraycopy(parameters, denseOffset, denseParameters, 0, denseParameters.length);
            for (int i = 0; i < denseGradient.length; i++) {
                denseGradient[i] += config.weightDecay() * denseParameters[i];
            }
            fullyConnectedAdam.update(denseParameters, denseGradient, config.learningRate());
            System.arraycopy(denseParameters, 0, parameters, denseOffset, denseParameters.length);
        }
        double finalLoss = cachedLoss(set, inputs);
        return new PolicyTrainingSummary(initialLoss, finalLoss, config.iterations(),
                (System.nanoTime() - start) * 1e-9);
    }

    /** The vision layers' weights and the temperature (copies). */
    public ConvolutionWeights convolutionWeights() {
        return extractConvolutionWeights(config, parameters, temperatureIndex);
    }

    /**
     * Replaces the vision layers' weights and the temperature (e.g. from pose pretraining); the fully connected layers
     * and the Adam states are kept.
     *
     * @throws IllegalArgumentException if the weights belong to other convolutions
     */
    public void loadConvolutionWeights(ConvolutionWeights weights) {
        if (!weights.fits(config)) {
            throw new IllegalArgumentException("convolution weights of " + weights.layers() + " on "
                    + weights.imageChannels() + " channels do not fit this network's " + config.convolutions()
                    + " on " + config.imageChannels());
        }
        int offset = 0;
        for (int l = 0; l < weights.layers().size(); l++) {
            double[] k = weights.kernels()[l];
            double[] b = weights.biases()[l];
            System.arraycopy(k, 0, parameters, offset, k.length);
            offset += k.length;
            System.arraycopy(b, 0, parameters, offset, b.length);
            offset += b.length;
        }
        parameters[temperatureIndex] = weights.temperature();
        stack.setParameters(parameters, 0);
    }

    /**
     * Layout (big-endian, {@link DataOutputStream}): UTF header, int version 1, int image width, height, channels,
     * int convolution count and (filters, kernel, stride) each, int hidden count and widths, boolean double precision,
     * int inputDim, int outputDim, then for the whole-network Adam and the fully-connected-only Adam: long step, int
     * n, n doubles of θ (whole: all parameters in flat order; fully connected: the dense slice, for checking), of m
     * and of v.
     */
    @Override
    public byte[] save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 24 * parameters.length
                + 24 * dense.parameterCount());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(config.imageWidth());
            out.writeInt(config.imageHeight());
            out.writeInt(config.imageChannels());
            out.writeInt(config.convolutions().size());
            for (ConvLayer layer : config.convolutions()) {
                out.writeInt(layer.filters());
                out.writeInt(layer.kernel());
                out.writeInt(layer.stride());
            }
            out.writeInt(config.hiddenWidths().size());
            for (int width : config.hiddenWidths()) {
                out.writeInt(width);
            }
            out.writeBoolean(config.doublePrecision());
            out.writeInt(inputDim);
            out.writeInt(outputDim);
            writeAdam(out, adam, parameters);
            double[] denseParameters = java.util.Arrays.copyOfRange(parameters, denseOffset, parameters.length);
            writeAdam(out, fullyConnectedAdam, denseParameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One Adam step on {@code rows[0 .. count)}: gradient of data loss + weightDecay·½‖θ‖². */
    void step(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int count, PolicyTrainingConfig config) {
        dataLossGradient(set, factors, rows, count, gradient);
        double weightDecay = config.weightDecay();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += weightDecay * parameters[i];
        }
        adam.update(parameters, gradient, config.learningRate());
        stack.setParameters(parameters, 0);
    }

    /**
     * ∂/∂θ of the data loss (1/(2B)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) on {@code rows[0 .. count)} (B = count) into
     * {@code out} (overwritten): convolutions forward, spatial softmax, fully connected forward, ∂L/∂μ_i =
     * (1/B)·L_iL_iᵀ(μ_i − u*_i) ({@link PrecisionFactors}), and back.
     */
    void dataLossGradient(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int count, double[] out) {
        Workspace w = training(count);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            double[] o = set.observations()[rows[i]];
            w.pass.setImage(i, o, robotDim);
            System.arraycopy(o, 0, w.fullyConnectedInputs[i], softmax.outputDim(), robotDim);
        }
        long t1 = System.nanoTime();
        w.pass.forward();
        long t2 = System.nanoTime();
        w.pass.output(w.activations);
        long t3 = System.nanoTime();
        softmax.forward(w.activations, count, parameters[temperatureIndex], w.fullyConnectedInputs, 0);
        long t4 = System.nanoTime();
        dense.forward(parameters, denseOffset, w.fullyConnectedInputs, count, w.means);
        meanGradients(factors, rows, count, w.means, w.meanGradients);
        dense.backward(parameters, denseOffset, w.meanGradients, out, w.pointGradients);
        long t5 = System.nanoTime();
        out[temperatureIndex] = softmax.backward(w.activations, count, parameters[temperatureIndex],
                w.fullyConnectedInputs, w.pointGradients, 0, w.activationGradient);
        long t6 = System.nanoTime();
        w.pass.backward(w.activationGradient);
        long t7 = System.nanoTime();
        stack.gradient(out, 0);
        long t8 = System.nanoTime();
        stageNanos[0] += t1 - t0;
        stageNanos[1] += (t3 - t2) + (t8 - t7);
        stageNanos[2] += t4 - t3;
        stageNanos[3] += t5 - t4;
        stageNanos[4] += t6 - t5;
    }

    /**
     * Java-side time of the training steps since the last call, milliseconds: image copy into the input array,
     * activation/gradient copies between ND4J and Java, spatial softmax forward, fully connected forward + loss +
     * backward, spatial softmax backward (then reset). The native ops are in {@link #trainingProfile()}.
     */
    Map<String, Double> trainingJavaProfile() {
        String[] names = {"image copy in", "activation/gradient copies", "spatial softmax forward",
                "fully connected + loss", "spatial softmax backward"};
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            result.put(names[i], stageNanos[i] * 1e-6);
            stageNanos[i] = 0;
        }
        return result;
    }

    /** Turns per-op timing of the training pass on or off (for the benchmarks' breakdown). */
    void profileTraining(boolean value) {
        if (training != null) {
            training.pass.profile(value);
        }
    }

    /** {milliseconds, runs} per op of the training pass since the last call (then reset). */
    Map<String, double[]> trainingProfile() {
        return training == null ? Map.of() : training.pass.profileMillis();
    }

    void profileSingle(boolean value) {
        single.pass.profile(value);
    }

    Map<String, double[]> singleProfile() {
        return single.pass.profileMillis();
    }

    /** ∂/∂θ of {@link #objective}: data-loss gradient plus weightDecay·θ (for the gradient check). */
    void objectiveGradient(PolicyTrainingSet set, int[] rows, double weightDecay, double[] out) {
        dataLossGradient(set, PrecisionFactors.of(set), rows, rows.length, out);
        for (int i = 0; i < out.length; i++) {
            out[i] += weightDecay * parameters[i];
        }
    }

    /** (1/(2B)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) + weightDecay·½‖θ‖² over {@code rows}. */
    double objective(PolicyTrainingSet set, int[] rows, double weightDecay) {
        double[][] observations = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            observations[i] = set.observations()[rows[i]];
        }
        double[][] means = predict(observations);
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

    double[] parameters() {
        return parameters.clone();
    }

    void setParameters(double[] theta) {
        System.arraycopy(theta, 0, parameters, 0, parameters.length);
        stack.setParameters(parameters, 0);
    }

    int temperatureIndex() {
        return temperatureIndex;
    }

    /** The data loss over the whole set (no weight decay). */
    double dataLoss(PolicyTrainingSet set) {
        double[][] means = predict(set.observations());
        double sum = 0;
        for (int i = 0; i < set.rows(); i++) {
            sum += weightedSquaredError(set, i, means[i]);
        }
        return 0.5 * sum / set.rows();
    }

    private double cachedLoss(PolicyTrainingSet set, double[][] inputs) {
        int n = set.rows();
        double sum = 0;
        double[][] means = new double[EVALUATION_CHUNK][outputDim];
        double[][] chunk = new double[EVALUATION_CHUNK][];
        for (int from = 0; from < n; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, n - from);
            System.arraycopy(inputs, from, chunk, 0, count);
            dense.forward(parameters, denseOffset, chunk, count, means);
            for (int i = 0; i < count; i++) {
                sum += weightedSquaredError(set, from + i, means[i]);
            }
        }
        return 0.5 * sum / n;
    }

    /** ∂L/∂μ_i = 2·F_i(F_iᵀμ_i − t_i) with F_i = s·L_i, t_i = s·L_iᵀu*_i, s = √(1/(2B)) (as the MLP). */
    private void meanGradients(PrecisionFactors factors, int[] rows, int count, double[][] means, double[][] out) {
        int dU = outputDim;
        double scale = Math.sqrt(0.5 / count);
        double[] residual = new double[dU];
        for (int i = 0; i < count; i++) {
            double[] f = factors.factor(rows[i]);
            double[] target = factors.whitenedTarget(rows[i]);
            for (int j = 0; j < dU; j++) {
                double whitened = 0;
                for (int k = 0; k < dU; k++) {
                    whitened += means[i][k] * (scale * f[k * dU + j]);
                }
                residual[j] = whitened - scale * target[j];
            }
            for (int k = 0; k < dU; k++) {
                double sum = 0;
                for (int j = 0; j < dU; j++) {
                    sum += (scale * f[k * dU + j]) * residual[j];
                }
                out[i][k] = 2.0 * sum;
            }
        }
    }

    private Workspace training(int rows) {
        if (training == null || training.rows != rows) {
            training = new Workspace(rows, true);
        }
        return training;
    }

    private Workspace evaluation(int rows) {
        if (rows == 1) {
            return single;
        }
        if (evaluation == null || evaluation.rows != rows) {
            evaluation = new Workspace(rows, false);
        }
        return evaluation;
    }

    static ConvolutionWeights extractConvolutionWeights(CnnConfig config, double[] theta, int temperatureIndex) {
        int layers = config.convolutions().size();
        double[][] kernels = new double[layers][];
        double[][] biases = new double[layers][];
        int offset = 0;
        int channels = config.imageChannels();
        for (int l = 0; l < layers; l++) {
            ConvLayer layer = config.convolutions().get(l);
            int k = layer.kernel() * layer.kernel() * channels * layer.filters();
            kernels[l] = java.util.Arrays.copyOfRange(theta, offset, offset + k);
            offset += k;
            biases[l] = java.util.Arrays.copyOfRange(theta, offset, offset + layer.filters());
            offset += layer.filters();
            channels = layer.filters();
        }
        return new ConvolutionWeights(config.imageChannels(), config.convolutions(), kernels, biases,
                temperatureIndex < 0 ? 1.0 : theta[temperatureIndex]);
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

    private void checkRows(double[][] observations) {
        for (int i = 0; i < observations.length; i++) {
            if (observations[i].length != inputDim) {
                throw new IllegalArgumentException("observation row " + i + " has length " + observations[i].length
                        + ", expected " + inputDim);
            }
            checkFinite(observations[i], "observation row " + i);
        }
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

    private static void checkDims(CnnConfig config, int inputDim, int outputDim) {
        if (inputDim < config.imageDim() || outputDim < 1) {
            throw new IllegalArgumentException("a CNN policy on " + config.imageWidth() + "x" + config.imageHeight()
                    + "x" + config.imageChannels() + " images needs inputDim >= " + config.imageDim()
                    + " (robot configuration + image) and outputDim >= 1, got " + inputDim + " and " + outputDim);
        }
    }

    private static String describe(CnnConfig config, int inputDim, int outputDim) {
        return config.convolutions() + " on " + config.imageWidth() + "x" + config.imageHeight() + ", fc "
                + config.hiddenWidths() + ", " + inputDim + " -> " + outputDim;
    }

    private record AdamState(long step, double[] parameters, double[] first, double[] second) {
    }

    private static void writeAdam(DataOutputStream out, AdamOptimizer optimizer, double[] theta) throws IOException {
        out.writeLong(optimizer.step());
        out.writeInt(theta.length);
        for (double[] values : new double[][] {theta, optimizer.firstMoment(), optimizer.secondMoment()}) {
            for (double v : values) {
                out.writeDouble(v);
            }
        }
    }

    private static AdamState readAdam(DataInputStream in) throws IOException {
        long step = in.readLong();
        int n = in.readInt();
        if (step < 0 || n < 0 || n > 1 << 27) {
            throw new IllegalArgumentException(FORMAT + ": bad Adam state (step " + step + ", " + n + " values)");
        }
        double[][] values = new double[3][n];
        for (double[] array : values) {
            for (int i = 0; i < n; i++) {
                array[i] = in.readDouble();
            }
        }
        return new AdamState(step, values[0], values[1], values[2]);
    }
}
