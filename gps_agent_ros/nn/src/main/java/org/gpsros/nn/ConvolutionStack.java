package org.gpsros.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The vision layers of the spatial-softmax CNN (Levine et al. 2016, §5.1, Fig. 2): "valid" convolutions, each followed
 * by a ReLU, optionally a 3×3/2 max pooling behind the first two (the paper's Table 3 baseline), on NCHW arrays,
 * executed as libnd4j ops (oneDNN's conv2d / conv2d_bp in float32) bound once to preallocated arrays
 * ({@link NativeOp}).
 *
 * <p>Forward, per layer l: {@code conv2d(in_l, K_l, b_l) → z_l}, {@code relu(z_l) → a_l}, [{@code maxpool2d(a_l) →
 * p_l}]. Backward from ∂L/∂a_L: {@code relu_bp(z_l, ∂a_l) → ∂z_l}, {@code conv2d_bp(in_l, K_l, b_l, ∂z_l) →
 * (∂in_l, ∂K_l, ∂b_l)}, [{@code maxpool2d_bp(a_{l−1}, ∂p_{l−1}) → ∂a_{l−1}}]: the ops SameDiff's gradient function
 * uses for {@code sd.cnn.conv2d}, {@code sd.nn.relu} and {@code sd.cnn.maxPooling2d}.
 *
 * <p>Parameters, flat: per layer the kernel {@code [k, k, inC, outC]} row-major (ND4J's YXIO weight format) then its
 * {@code outC} biases. Not thread-safe.
 */
final class ConvolutionStack {
    private final List<ConvLayer> layers;
    private final int imageChannels;
    private final boolean pooled;
    private final DataType dataType;
    /** {height, width} of the image and of the output of each layer (after its pooling, if any). */
    private final int[][] sizes;
    /** {height, width} of each convolution's own output (before pooling). */
    private final int[][] convolutionSizes;
    private final INDArray[] kernels;
    private final INDArray[] biases;
    private final INDArray[] kernelGradients;
    private final INDArray[] biasGradients;
    private final HostView[] parameterViews;
    private final HostView[] gradientViews;
    private final int parameterCount;
    private final double[] columnCentres;
    private final double[] rowCentres;

    ConvolutionStack(int imageHeight, int imageWidth, int imageChannels, List<ConvLayer> layers, boolean pooled,
                     boolean doublePrecision) {
        this.sizes = CnnConfig.spatialSizes(imageHeight, imageWidth, layers, pooled);
        Nd4jRuntime.initialise();
        this.layers = List.copyOf(layers);
        this.imageChannels = imageChannels;
        this.pooled = pooled;
        this.dataType = doublePrecision ? DataType.DOUBLE : DataType.FLOAT;
        int count = layers.size();
        convolutionSizes = new int[count][];
        kernels = new INDArray[count];
        biases = new INDArray[count];
        kernelGradients = new INDArray[count];
        biasGradients = new INDArray[count];
        parameterViews = new HostView[2 * count];
        gradientViews = new HostView[2 * count];
        int channels = imageChannels;
        int total = 0;
        int h = imageHeight;
        int w = imageWidth;
        for (int l = 0; l < count; l++) {
            ConvLayer layer = layers.get(l);
            h = layer.outputSize(h);
            w = layer.outputSize(w);
            convolutionSizes[l] = new int[] {h, w};
            h = sizes[l + 1][0];
            w = sizes[l + 1][1];
            kernels[l] = Nd4j.zeros(dataType, layer.kernel(), layer.kernel(), channels, layer.filters());
            biases[l] = Nd4j.zeros(dataType, layer.filters());
            kernelGradients[l] = Nd4j.zeros(dataType, layer.kernel(), layer.kernel(), channels, layer.filters());
            biasGradients[l] = Nd4j.zeros(dataType, layer.filters());
            parameterViews[2 * l] = HostView.of(kernels[l]);
            parameterViews[2 * l + 1] = HostView.of(biases[l]);
            gradientViews[2 * l] = HostView.of(kernelGradients[l]);
            gradientViews[2 * l + 1] = HostView.of(biasGradients[l]);
            total += parameterViews[2 * l].length() + parameterViews[2 * l + 1].length();
            channels = layer.filters();
        }
        parameterCount = total;
        // Receptive-field centre of output index j in input pixels: offset + j·stride (composed over the layers).
        double offset = 0;
        double stride = 1;
        for (int l = 0; l < count; l++) {
            ConvLayer layer = layers.get(l);
            offset += stride * (layer.kernel() - 1) / 2.0;
            stride *= layer.stride();
            if (pooled && l < 2) {
                offset += stride;
                stride *= 2;
            }
        }
        int[] out = sizes[count];
        rowCentres = new double[out[0]];
        columnCentres = new double[out[1]];
        for (int i = 0; i < out[0]; i++) {
            rowCentres[i] = (2.0 * (offset + i * stride) + 1.0) / imageHeight - 1.0;
        }
        for (int j = 0; j < out[1]; j++) {
            columnCentres[j] = (2.0 * (offset + j * stride) + 1.0) / imageWidth - 1.0;
        }
    }

    int parameterCount() {
        return parameterCount;
    }

    int outputChannels() {
        return layers.get(layers.size() - 1).filters();
    }

    int outputHeight() {
        return sizes[layers.size()][0];
    }

    int outputWidth() {
        return sizes[layers.size()][1];
    }

    /** Values per row of the output: channels·height·width of the last layer. */
    int outputDim() {
        return outputChannels() * outputHeight() * outputWidth();
    }

    int inputDim() {
        return imageChannels * sizes[0][0] * sizes[0][1];
    }

    /**
     * x of each output column in [-1, 1] image coordinates: the centre of its receptive field in the input image,
     * (2·(pixel + ½) / width) − 1, so −1 is the left edge of the image and +1 the right edge.
     */
    double[] columnCentres() {
        return columnCentres.clone();
    }

    /** y of each output row, as {@link #columnCentres()} (−1 the top edge). */
    double[] rowCentres() {
        return rowCentres.clone();
    }

    /** Writes θ_conv (flat layout of the class comment) from {@code theta[offset..]} into the kernels and biases. */
    void setParameters(double[] theta, int offset) {
        for (HostView view : parameterViews) {
            view.put(0, theta, offset, view.length());
            offset += view.length();
        }
    }

    /** Copies the parameter gradients of the last backward pass into {@code gradient[offset..]} (flat layout). */
    void gradient(double[] gradient, int offset) {
        for (HostView view : gradientViews) {
            view.get(0, gradient, offset, view.length());
            offset += view.length();
        }
    }

    Pass pass(int rows, boolean withBackward) {
        return new Pass(rows, withBackward);
    }

    /** The arrays and bound ops of forward (and backward) passes over a fixed number of images. */
    final class Pass {
        final int rows;
        private final HostView inputView;
        private final HostView outputView;
        private HostView outputGradientView;
        private final List<NativeOp> forward = new ArrayList<>();
        private final List<NativeOp> backward = new ArrayList<>();
        private final Map<NativeOp, String> labels = new LinkedHashMap<>();
        private boolean profile;
        private int threads;

        private Pass(int rows, boolean withBackward) {
            this.rows = rows;
            int count = layers.size();
            threads = forwardMultiplyAdds(rows) >= MULTI_THREAD_WORK ? defaultThreads() : 1;
            INDArray input = Nd4j.zeros(dataType, rows, imageChannels, sizes[0][0], sizes[0][1]);
            inputView = HostView.of(input);
            INDArray[] layerInputs = new INDArray[count];
            INDArray[] preActivations = new INDArray[count];
            INDArray[] activations = new INDArray[count];
            INDArray in = input;
            for (int l = 0; l < count; l++) {
                ConvLayer layer = layers.get(l);
                layerInputs[l] = in;
                int[] c = convolutionSizes[l];
                preActivations[l] = Nd4j.zeros(dataType, rows, layer.filters(), c[0], c[1]);
                activations[l] = Nd4j.zeros(dataType, rows, layer.filters(), c[0], c[1]);
                forward.add(new NativeOp("conv2d", new INDArray[] {in, kernels[l], biases[l]},
                        new INDArray[] {preActivations[l]}, convolutionArguments(layer), new double[0]));
                forward.add(new NativeOp("relu", new INDArray[] {preActivations[l]}, new INDArray[] {activations[l]},
                        new long[0], new double[] {0.0}));
                in = activations[l];
                if (pooled && l < 2) {
                    INDArray pool = Nd4j.zeros(dataType, rows, layer.filters(), sizes[l + 1][0], sizes[l + 1][1]);
                    forward.add(new NativeOp("maxpool2d", new INDArray[] {activations[l]}, new INDArray[] {pool},
                            POOL_ARGUMENTS, new double[0]));
                    in = pool;
                }
            }
            outputView = HostView.of(in);
            label(forward);
            if (withBackward) {
                INDArray outputGradient = Nd4j.zeros(dataType, in.shape());
                outputGradientView = HostView.of(outputGradient);
                INDArray activationGradient = outputGradient;
                if (pooled && count - 1 < 2) { // the last convolution is pooled too (one or two convolutions)
                    INDArray unpooled = Nd4j.zeros(dataType, activations[count - 1].shape());
                    backward.add(new NativeOp("maxpool2d_bp", new INDArray[] {activations[count - 1], outputGradient},
                            new INDArray[] {unpooled}, POOL_ARGUMENTS, new double[0]));
                    activationGradient = unpooled;
                }
                for (int l = count - 1; l >= 0; l--) {
                    ConvLayer layer = layers.get(l);
                    INDArray preGradient = Nd4j.zeros(dataType, preActivations[l].shape());
                    backward.add(new NativeOp("relu_bp", new INDArray[] {preActivations[l],
                            activationGradient}, new INDArray[] {preGradient}, new long[0], new double[0]));
                    INDArray inputGradient = Nd4j.zeros(dataType, layerInputs[l].shape());
                    backward.add(new NativeOp("conv2d_bp", new INDArray[] {layerInputs[l], kernels[l], biases[l],
                            preGradient}, new INDArray[] {inputGradient, kernelGradients[l], biasGradients[l]},
                            convolutionArguments(layer), new double[0]));
                    if (l > 0 && pooled && l - 1 < 2) {
                        INDArray below = Nd4j.zeros(dataType, activations[l - 1].shape());
                        backward.add(new NativeOp("maxpool2d_bp", new INDArray[] {activations[l - 1], inputGradient},
                                new INDArray[] {below}, POOL_ARGUMENTS, new double[0]));
                        activationGradient = below;
                    } else {
                        activationGradient = inputGradient;
                    }
                }
                label(backward);
            }
        }

        /** "conv2d L1" for the first layer's conv2d, and so on. */
        private void label(List<NativeOp> ops) {
            for (NativeOp op : ops) {
                int layer = 0;
                for (NativeOp other : ops) {
                    if (other.name().equals(op.name())) {
                        layer++;
                    }
                    if (other == op) {
                        break;
                    }
                }
                int total = (int) ops.stream().filter(o -> o.name().equals(op.name())).count();
                boolean reversed = ops == backward;
                labels.put(op, op.name() + " L" + (reversed ? (pooled && op.name().startsWith("maxpool")
                        ? total - layer + 1 : layers.size() - layer + 1) : layer));
            }
        }

        /** Copies {@code source[from .. from + C·H·W)} (one planar image) into image {@code row} of the input. */
        void setImage(int row, double[] source, int from) {
            int dim = inputView.length() / rows;
            inputView.put(row * dim, source, from, dim);
        }

        void forward() {
            Nd4jRuntime.useThreads(threads);
            for (NativeOp op : forward) {
                op.run(profile);
            }
        }

        /** The last layer's activations, {@code [rows, C, H, W]} flattened, into {@code out}. */
        void output(double[] out) {
            outputView.get(0, out, 0, outputView.length());
        }

        /**
         * Backward from ∂L/∂(last activations) ({@code [rows, C, H, W]} flattened); the parameter gradients are then
         * in {@link ConvolutionStack#gradient}. Needs a pass made with backward ops and a forward pass first.
         */
        void backward(double[] outputGradient) {
            outputGradientView.put(0, outputGradient, 0, outputGradientView.length());
            Nd4jRuntime.useThreads(threads);
            for (NativeOp op : backward) {
                op.run(profile);
            }
        }

        /** Native threads for this pass's ops (default {@link #defaultThreads()}). */
        void threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + count);
            }
            threads = count;
        }

        void profile(boolean value) {
            profile = value;
        }

        /** Accumulated {milliseconds, runs} per op while profiling, by label ("conv2d L1", ...); resets them. */
        Map<String, double[]> profileMillis() {
            Map<String, double[]> result = new LinkedHashMap<>();
            for (Map.Entry<NativeOp, String> entry : labels.entrySet()) {
                NativeOp op = entry.getKey();
                result.put(entry.getValue(), new double[] {op.nanos() * 1e-6, op.runs()});
                op.resetProfile();
            }
            return result;
        }
    }

    /** Passes with fewer multiply-adds than this run on one thread (thread hand-over would cost more). */
    private static final double MULTI_THREAD_WORK = 2e7;

    /** Multiply-adds of the convolutions of a forward pass over {@code rows} images. */
    double forwardMultiplyAdds(int rows) {
        double total = 0;
        int channels = imageChannels;
        for (int l = 0; l < layers.size(); l++) {
            ConvLayer layer = layers.get(l);
            total += (double) rows * convolutionSizes[l][0] * convolutionSizes[l][1] * layer.filters()
                    * layer.kernel() * layer.kernel() * channels;
            channels = layer.filters();
        }
        return total;
    }

    /**
     * Threads for the convolution ops of passes with at least {@value #MULTI_THREAD_WORK} multiply-adds: system property {@code gps.cnn.threads}, else all available processors (on the
     * 2-core machine: train step ≈ 0.4 s instead of ≈ 0.7 s, single-image inference at 120×120 ≈ 6 ms instead of
     * ≈ 11 ms). {@code OMP_NUM_THREADS} in the environment overrides both.
     */
    static int defaultThreads() {
        return Math.max(1, Integer.getInteger("gps.cnn.threads", Runtime.getRuntime().availableProcessors()));
    }

    private static final long[] POOL_ARGUMENTS = {3, 3, 2, 2, 0, 0, 1, 1, 0, 0, 0};

    /** kH, kW, sH, sW, pH, pW, dH, dW, same-mode 0 ("valid"), data format 0 (NCHW), weight format 0 (YXIO). */
    private static long[] convolutionArguments(ConvLayer layer) {
        return new long[] {layer.kernel(), layer.kernel(), layer.stride(), layer.stride(), 0, 0, 1, 1, 0, 0, 0};
    }
}
