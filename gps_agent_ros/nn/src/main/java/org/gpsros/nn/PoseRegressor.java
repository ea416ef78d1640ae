package org.gpsros.nn;

import java.util.Arrays;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.MinibatchOrder;

/**
 * Pose pretraining of the vision layers (Levine et al. 2016, §5.2) and the architectures of the paper's Table 3
 * (§6.3): the convolutions of a {@link CnnConfig} followed by one of three heads, trained by mean squared error with
 * Adam to regress a target pose (e.g. 3 points in metres) from an image.
 * <ul>
 *   <li>{@link Head#SPATIAL_SOFTMAX}: spatial softmax with learnable temperature → feature points → linear (the
 *       paper's "softmax + feature points (ours)"; its convolution weights are what the policy starts from);</li>
 *   <li>{@link Head#FULLY_CONNECTED}: the last convolution's response maps, flattened → linear ("fully connected
 *       layer": softmax and expectation replaced by a learned fully connected layer);</li>
 *   <li>{@link Head#MAX_POOL_FULLY_CONNECTED}: the same with 3×3/2 max pooling after the first two convolutions
 *       ("max-pooling + fully connected").</li>
 * </ul>
 * Images are planar [0, 1] rows of {@link CnnConfig#imageDim()} values. Weights: kernels N(0, 2/(k²·inC)), linear
 * head N(0, 2/(in + out)), biases 0, α = 1, from {@code SplitMix64.derive(seed, ...)}. Not thread-safe.
 */
public final class PoseRegressor {
    /** The head behind the convolutions (paper Table 3). */
    public enum Head {
        SPATIAL_SOFTMAX,
        FULLY_CONNECTED,
        MAX_POOL_FULLY_CONNECTED
    }

    private static final long INITIAL_WEIGHTS_STREAM = 0x504F5345L;
    private static final int EVALUATION_CHUNK = 32;

    private final CnnConfig config;
    private final Head head;
    private final int outputDim;
    private final ConvolutionStack stack;
    private final SpatialSoftmax softmax;
    private final DenseLayers linear;
    /** Index of α in θ, or −1 without a spatial softmax. */
    private final int temperatureIndex;
    private final int linearOffset;
    private final double[] parameters;
    private final double[] gradient;
    private final AdamOptimizer adam;

    private int workspaceRows = -1;
    private ConvolutionStack.Pass trainingPass;
    private ConvolutionStack.Pass evaluationPass;
    private int evaluationRows = -1;
    private double[] activations = new double[0];
    private double[] activationGradient = new double[0];
    private double[][] headInputs = new double[0][];
    private double[][] headInputGradients = new double[0][];

    private PoseRegressor(CnnConfig config, Head head, int outputDim, long seed) {
        if (outputDim < 1) {
            throw new IllegalArgumentException("PoseRegressor: outputDim must be >= 1, got " + outputDim);
        }
        this.config = config;
        this.head = head;
        this.outputDim = outputDim;
        this.stack = new ConvolutionStack(config.imageHeight(), config.imageWidth(), config.imageChannels(),
                config.convolutions(), head == Head.MAX_POOL_FULLY_CONNECTED, config.doublePrecision());
        int headInput;
        if (head == Head.SPATIAL_SOFTMAX) {
            softmax = new SpatialSoftmax(stack.outputChannels(), stack.outputHeight(), stack.outputWidth(),
                    stack.columnCentres(), stack.rowCentres());
            headInput = softmax.outputDim();
            temperatureIndex = stack.parameterCount();
            linearOffset = temperatureIndex + 1;
        } else {
            softmax = null;
            headInput = stack.outputDim();
            temperatureIndex = -1;
            linearOffset = stack.parameterCount();
        }
        linear = new DenseLayers(headInput, outputDim);
        parameters = new double[linearOffset + linear.parameterCount()];
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, INITIAL_WEIGHTS_STREAM));
        int offset = 0;
        int channels = config.imageChannels();
        for (ConvLayer layer : config.convolutions()) {
            int fanIn = layer.kernel() * layer.kernel() * channels;
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < fanIn * layer.filters(); i++) {
                parameters[offset++] = std * random.nextNormal();
            }
            offset += layer.filters();
            channels = layer.filters();
        }
        if (temperatureIndex >= 0) {
            parameters[offset++] = 1.0;
        }
        double std = Math.sqrt(2.0 / (headInput + outputDim));
        for (int i = 0; i < headInput * outputDim; i++) {
            parameters[offset++] = std * random.nextNormal();
        }
        gradient = new double[parameters.length];
        adam = new AdamOptimizer(parameters.length);
        stack.setParameters(parameters, 0);
    }

    /**
     * A freshly initialised regressor.
     *
     * @throws IllegalArgumentException if {@code outputDim} < 1 or (max pooling) a layer leaves no output
     */
    public static PoseRegressor create(CnnConfig config, Head head, int outputDim, long seed) {
        return new PoseRegressor(config, head, outputDim, seed);
    }

    public Head head() {
        return head;
    }

    public CnnConfig config() {
        return config;
    }

    public int outputDim() {
        return outputDim;
    }

    public long parameterCount() {
        return parameters.length;
    }

    /**
     * {@code iterations} Adam steps (β1 0.9, β2 0.999, ε 1e-8, no weight decay) on minibatches in the order of
     * {@link MinibatchOrder} of the loss L = (1/(B·d)) Σ_i ‖ŷ_i − y_i‖² (d = outputDim).
     *
     * @return the same mean squared error over all {@code images} after training
     * @throws IllegalArgumentException on mismatched lengths or non-finite values, naming the row
     */
    public double train(double[][] images, double[][] targets, int iterations, int batchSize, double learningRate,
                        SplitMix64 random) {
        checkImages(images);
        if (targets.length != images.length) {
            throw new IllegalArgumentException("PoseRegressor.train: " + images.length + " images but "
                    + targets.length + " targets");
        }
        for (int i = 0; i < targets.length; i++) {
            if (targets[i].length != outputDim) {
                throw new IllegalArgumentException("target row " + i + " has " + targets[i].length
                        + " values, expected " + outputDim);
            }
            checkFinite(targets[i], "target row " + i);
        }
        if (iterations < 0 || !(learningRate > 0)) {
            throw new IllegalArgumentException("PoseRegressor.train: need iterations >= 0 and learningRate > 0, got "
                    + iterations + " and " + learningRate);
        }
        MinibatchOrder order = new MinibatchOrder(images.length, batchSize, random);
        int batch = order.batchSize();
        int[] rows = new int[batch];
        double[][] outputs = new double[batch][outputDim];
        double[][] outputGradients = new double[batch][outputDim];
        for (int iteration = 0; iteration < iterations; iteration++) {
            order.next(rows);
            lossGradient(images, targets, rows, batch, outputs, outputGradients);
            adam.update(parameters, gradient, learningRate);
            stack.setParameters(parameters, 0);
        }
        return meanSquaredError(images, targets);
    }

    /** ŷ for each image, {@code [n][outputDim]}. */
    public double[][] predict(double[][] images) {
        checkImages(images);
        double[][] result = new double[images.length][];
        double[][] outputs = new double[EVALUATION_CHUNK][outputDim];
        for (int from = 0; from < images.length; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, images.length - from);
            forward(evaluation(count), images, null, from, count, outputs);
            for (int i = 0; i < count; i++) {
                result[from + i] = outputs[i].clone();
            }
        }
        return result;
    }

    /**
     * The feature points (x0, y0, x1, y1, ... in [-1, 1]) of each image.
     *
     * @throws IllegalStateException unless the head is {@link Head#SPATIAL_SOFTMAX}
     */
    public double[][] featurePoints(double[][] images) {
        if (softmax == null) {
            throw new IllegalStateException("a " + head + " head has no feature points");
        }
        checkImages(images);
        double[][] result = new double[images.length][];
        double[][] outputs = new double[EVALUATION_CHUNK][outputDim];
        for (int from = 0; from < images.length; from += EVALUATION_CHUNK) {
            int count = Math.min(EVALUATION_CHUNK, images.length - from);
            forward(evaluation(count), images, null, from, count, outputs);
            for (int i = 0; i < count; i++) {
                result[from + i] = headInputs[i].clone();
            }
        }
        return result;
    }

    /** The convolution weights (for the policy: {@link CnnPolicyNetwork#loadConvolutionWeights}); α = 1 without a
     * spatial softmax. */
    public ConvolutionWeights convolutionWeights() {
        return CnnPolicyNetwork.extractConvolutionWeights(config, parameters, temperatureIndex);
    }

    /** Mean squared error (1/(n·d)) Σ ‖ŷ_i − y_i‖² over all images. */
    public double meanSquaredError(double[][] images, double[][] targets) {
        double[][] predictions = predict(images);
        double sum = 0;
        for (int i = 0; i < images.length; i++) {
            for (int j = 0; j < outputDim; j++) {
                double d = predictions[i][j] - targets[i][j];
                sum += d * d;
            }
        }
        return sum / ((double) images.length * outputDim);
    }

    /** ∂L/∂θ on {@code rows[0..count)} into {@link #gradient}. */
    private void lossGradient(double[][] images, double[][] targets, int[] rows, int count, double[][] outputs,
                              double[][] outputGradients) {
        ConvolutionStack.Pass pass = training(count);
        forward(pass, images, rows, 0, count, outputs);
        double scale = 2.0 / ((double) count * outputDim);
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < outputDim; j++) {
                outputGradients[i][j] = scale * (outputs[i][j] - targets[rows[i]][j]);
            }
        }
        linear.backward(parameters, linearOffset, outputGradients, gradient, headInputGradients);
        if (softmax != null) {
            gradient[temperatureIndex] = softmax.backward(activations, count, parameters[temperatureIndex],
                    headInputs, headInputGradients, 0, activationGradient);
        } else {
            int dim = stack.outputDim();
            for (int i = 0; i < count; i++) {
                System.arraycopy(headInputGradients[i], 0, activationGradient, i * dim, dim);
            }
        }
        pass.backward(activationGradient);
        stack.gradient(gradient, 0);
    }

    private void forward(ConvolutionStack.Pass pass, double[][] images, int[] rows, int from, int count,
                         double[][] outputs) {
        for (int i = 0; i < count; i++) {
            pass.setImage(i, images[rows == null ? from + i : rows[from + i]], 0);
        }
        pass.forward();
        pass.output(activations);
        if (softmax != null) {
            softmax.forward(activations, count, parameters[temperatureIndex], headInputs, 0);
        } else {
            int dim = stack.outputDim();
            for (int i = 0; i < count; i++) {
                System.arraycopy(activations, i * dim, headInputs[i], 0, dim);
            }
        }
        linear.forward(parameters, linearOffset, headInputs, count, outputs);
    }

    private ConvolutionStack.Pass training(int rows) {
        if (trainingPass == null || workspaceRows != rows) {
            trainingPass = stack.pass(rows, true);
            workspaceRows = rows;
        }
        ensureBuffers(rows);
        return trainingPass;
    }

    private ConvolutionStack.Pass evaluation(int rows) {
        if (evaluationPass == null || evaluationRows != rows) {
            evaluationPass = stack.pass(rows, false);
            evaluationRows = rows;
        }
        ensureBuffers(rows);
        return evaluationPass;
    }

    private void ensureBuffers(int rows) {
        int dim = stack.outputDim();
        if (activations.length < rows * dim) {
            activations = new double[rows * dim];
            activationGradient = new double[rows * dim];
        }
        if (headInputs.length < rows) {
            headInputs = new double[rows][linear.inputDim()];
            headInputGradients = new double[rows][linear.inputDim()];
        }
    }

    private void checkImages(double[][] images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("PoseRegressor: no images");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != config.imageDim()) {
                throw new IllegalArgumentException("image row " + i + " has " + images[i].length + " values, a "
                        + config.imageWidth() + "x" + config.imageHeight() + "x" + config.imageChannels()
                        + " image has " + config.imageDim());
            }
            checkFinite(images[i], "image row " + i);
        }
    }

    private static void checkFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " has a non-finite value " + values[i] + " at index " + i);
            }
        }
    }

    @Override
    public String toString() {
        return "PoseRegressor[" + head + ", " + config.convolutions() + ", " + parameters.length + " parameters, "
                + Arrays.toString(new int[] {stack.outputChannels(), stack.outputHeight(), stack.outputWidth()})
                + "]";
    }
}
