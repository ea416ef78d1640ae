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
 * by a ReLU, optionally a 3×3/2 max pooling behind the first two (the paper's Table 3 baseline),
 * executed as libnd4j ops (oneDNN's conv2d / conv2d_bp in float32) bound once to preallocated arrays
 * ({@link NativeOp}).
 *
 * <p>Forward, per layer l: {@code conv2d(in_l, K_l, b_l) → z_l}, {@code relu(z_l) → a_l} (in place),
 * [{@code maxpool2d(a_l) → p_l}]; the last layer's ReLU is applied in Java as its output is copied out. Backward from
 * ∂L/∂a_L (masked by z_L > 0 as it is copied in): {@code conv2d_bp(in_l, K_l, b_l, ∂z_l) → (∂in_l, ∂K_l, ∂b_l)},
 * [{@code maxpool2d_bp(a_{l−1}, ∂p_{l−1}) → ∂a_{l−1}}], {@code relu_bp(a_{l−1}, ∂a_{l−1}) → ∂z_{l−1}} (in place); for
 * the first layer, whose input is the image, {@code im2col} + batched {@code matmul} + {@code reduce_sum} give ∂K_0
 * and ∂b_0 without the image gradient. These are the ops SameDiff's gradient function uses for {@code sd.cnn.conv2d},
 * {@code sd.nn.relu} and {@code sd.cnn.maxPooling2d}. Activations are NHWC by default ({@link #channelsLast()}); the
 * images in and the last activations out are planar NCHW rows as everywhere else.
 *
 * <p>Parameters, flat: per layer the kernel {@code [k, k, inC, outC]} row-major (ND4J's YXIO weight format) then its
 * {@code outC} biases. Not thread-safe.
 */
final class ConvolutionStack {
    private final List<ConvLayer> layers;
    private final int imageChannels;
    private final boolean pooled;
    private final DataType dataType;
    /** Activations in NHWC (oneDNN's preferred layout for these convolutions: no reorders around every op). */
    private final boolean channelsLast;
    /** {height, width} of the image and of the output of each layer (after its pooling, if any). */
    private final int[][] sizes;
    /** {height, width} of each convolution's own output (before pooling). */
    private final int[][] convolutionSizes;
    private final INDArray[] kernels;
    private final INDArray[] biases;
    private final INDArray[] kernelGradients;
    /** ∂K_0 as {@code [inC·k·k, outC]} (im2col order c, y, x), permuted into the YXIO layout by {@link #gradient}. */
    private final INDArray firstKernelGradient;
    private final HostView firstKernelGradientView;
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
        this.channelsLast = channelsLast();
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
        ConvLayer first = layers.get(0);
        firstKernelGradient = Nd4j.zeros(dataType, (long) imageChannels * first.kernel() * first.kernel(),
                first.filters());
        firstKernelGradientView = HostView.of(firstKernelGradient);
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
        ConvLayer first = layers.get(0);
        int k = first.kernel();
        int filters = first.filters();
        for (int c = 0; c < imageChannels; c++) {
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    int from = ((c * k + y) * k + x) * filters;
                    int to = offset + ((y * k + x) * imageChannels + c) * filters;
                    firstKernelGradientView.get(from, gradient, to, filters);
                }
            }
        }
        offset += gradientViews[0].length();
        for (int p = 1; p < gradientViews.length; p++) {
            HostView view = gradientViews[p];
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
        /** The images again in NCHW, for im2col in the first layer's kernel gradient (NHWC passes with backward). */
        private HostView planarInputView;
        private final HostView outputView;
        /** {channels, height·width} of the input and of the output. */
        private final int inputChannels;
        private final int inputArea;
        private final int outputChannels;
        private final int outputArea;
        private HostView outputGradientView;
        private final List<NativeOp> forward = new ArrayList<>();
        private final List<NativeOp> backward = new ArrayList<>();
        private final Map<NativeOp, String> labels = new LinkedHashMap<>();
        private boolean profile;
        private int threads;

        private Pass(int rows, boolean withBackward) {
            this.rows = rows;
            int count = layers.size();
            threads = rows == 1 ? inferenceThreads() : forwardMultiplyAdds(rows) >= MULTI_THREAD_WORK
                    ? defaultThreads() : 1;
            INDArray input = activationArray(rows, imageChannels, sizes[0][0], sizes[0][1]);
            inputView = HostView.of(input);
            inputChannels = imageChannels;
            inputArea = sizes[0][0] * sizes[0][1];
            outputChannels = outputChannels();
            outputArea = outputHeight() * outputWidth();
            INDArray[] layerInputs = new INDArray[count];
            // z_l; for l < L the ReLU runs in place, so the array then holds a_l (a_l > 0 exactly where z_l > 0).
            INDArray[] activations = new INDArray[count];
            INDArray in = input;
            for (int l = 0; l < count; l++) {
                ConvLayer layer = layers.get(l);
                layerInputs[l] = in;
                int[] c = convolutionSizes[l];
                activations[l] = activationArray(rows, layer.filters(), c[0], c[1]);
                add(forward, "conv2d L" + (l + 1), new NativeOp("conv2d", new INDArray[] {in, kernels[l], biases[l]},
                        new INDArray[] {activations[l]}, convolutionArguments(layer), new double[0]));
                in = activations[l];
                if (l == count - 1) {
                    // The last ReLU is applied in Java while copying out (output()); max-pooling commutes with it.
                    if (pooled && l < 2) {
                        INDArray pool = activationArray(rows, layer.filters(), sizes[l + 1][0], sizes[l + 1][1]);
                        add(forward, "maxpool2d L" + (l + 1), new NativeOp("maxpool2d", new INDArray[] {
                                activations[l]}, new INDArray[] {pool}, poolArguments(), new double[0]));
                        in = pool;
                    }
                    break;
                }
                add(forward, "relu L" + (l + 1), new NativeOp("relu", new INDArray[] {activations[l]},
                        new INDArray[] {activations[l]}, new long[0], new double[] {0.0}));
                if (pooled && l < 2) {
                    INDArray pool = activationArray(rows, layer.filters(), sizes[l + 1][0], sizes[l + 1][1]);
                    add(forward, "maxpool2d L" + (l + 1), new NativeOp("maxpool2d", new INDArray[] {activations[l]},
                            new INDArray[] {pool}, poolArguments(), new double[0]));
                    in = pool;
                }
            }
            outputView = HostView.of(in);
            if (withBackward) {
                // ∂L/∂z_L (after the pooling of a pooled last convolution), masked by the last ReLU in Java (backward()).
                INDArray preGradient = Nd4j.zeros(dataType, in.shape());
                outputGradientView = HostView.of(preGradient);
                if (pooled && count - 1 < 2) { // the last convolution is pooled too (one or two convolutions)
                    INDArray unpooled = Nd4j.zeros(dataType, activations[count - 1].shape());
                    add(backward, "maxpool2d_bp L" + count, new NativeOp("maxpool2d_bp", new INDArray[] {
                            activations[count - 1], preGradient}, new INDArray[] {unpooled}, poolArguments(),
                            new double[0]));
                    preGradient = unpooled;
                }
                for (int l = count - 1; l >= 0; l--) {
                    ConvLayer layer = layers.get(l);
                    if (l < count - 1) {
                        // ∂z_l = relu_bp(a_l, ∂a_l), in place in ∂a_l.
                        add(backward, "relu_bp L" + (l + 1), new NativeOp("relu_bp", new INDArray[] {activations[l],
                                preGradient}, new INDArray[] {preGradient}, new long[0], new double[0]));
                    }
                    if (l == 0) {
                        // The image needs no gradient, which conv2d_bp would compute anyway (as much work as the
                        // weight gradient): ∂K_0 = Σ_n im2col(x_n)·∂z_nᵀ and ∂b_0 = Σ_{n,i,j} ∂z_n instead.
                        int[] c = convolutionSizes[0];
                        int patch = imageChannels * layer.kernel() * layer.kernel();
                        INDArray columns = Nd4j.zeros(dataType, rows, imageChannels, layer.kernel(), layer.kernel(),
                                c[0], c[1]);
                        INDArray perImage = Nd4j.zeros(dataType, rows, patch, layer.filters());
                        INDArray planar = input;
                        if (channelsLast) {
                            planar = Nd4j.zeros(dataType, rows, imageChannels, sizes[0][0], sizes[0][1]);
                            planarInputView = HostView.of(planar);
                        }
                        String label = " L1 (∂K_0)";
                        add(backward, "im2col" + label, new NativeOp("im2col", new INDArray[] {planar},
                                new INDArray[] {columns}, new long[] {layer.kernel(), layer.kernel(), layer.stride(),
                                        layer.stride(), 0, 0, 1, 1, 0}, new double[] {0.0}));
                        // ∂z_n is [F, H·W] in NCHW (multiply by its transpose), [H·W, F] in NHWC.
                        long area = (long) c[0] * c[1];
                        add(backward, "matmul" + label, new NativeOp("matmul", new INDArray[] {
                                columns.reshape('c', rows, patch, area), channelsLast
                                ? preGradient.reshape('c', rows, area, layer.filters())
                                : preGradient.reshape('c', rows, layer.filters(), area)},
                                new INDArray[] {perImage}, new long[] {0, channelsLast ? 0 : 1, 0},
                                new double[] {1.0, 0.0}));
                        add(backward, "reduce_sum" + label, new NativeOp("reduce_sum", new INDArray[] {perImage},
                                new INDArray[] {firstKernelGradient}, new long[] {0}, new double[0]));
                        add(backward, "reduce_sum L1 (∂b_0)", new NativeOp("reduce_sum",
                                new INDArray[] {preGradient}, new INDArray[] {biasGradients[0]},
                                channelsLast ? new long[] {0, 1, 2} : new long[] {0, 2, 3}, new double[0]));
                        break;
                    }
                    INDArray inputGradient = Nd4j.zeros(dataType, layerInputs[l].shape());
                    add(backward, "conv2d_bp L" + (l + 1), new NativeOp("conv2d_bp", new INDArray[] {layerInputs[l],
                            kernels[l], biases[l], preGradient}, new INDArray[] {inputGradient, kernelGradients[l],
                            biasGradients[l]}, convolutionArguments(layer), new double[0]));
                    if (pooled && l - 1 < 2) {
                        INDArray below = Nd4j.zeros(dataType, activations[l - 1].shape());
                        add(backward, "maxpool2d_bp L" + l, new NativeOp("maxpool2d_bp", new INDArray[] {
                                activations[l - 1], inputGradient}, new INDArray[] {below}, poolArguments(),
                                new double[0]));
                        preGradient = below;
                    } else {
                        preGradient = inputGradient;
                    }
                }
            }
        }

        private void add(List<NativeOp> ops, String label, NativeOp op) {
            ops.add(op);
            labels.put(op, label);
        }

        /** Copies {@code source[from .. from + C·H·W)} (one planar image) into image {@code row} of the input. */
        void setImage(int row, double[] source, int from) {
            int dim = inputChannels * inputArea;
            if (!channelsLast) {
                inputView.put(row * dim, source, from, dim);
                return;
            }
            inputView.putTransposed(row * dim, source, from, inputChannels, inputArea);
            if (planarInputView != null) {
                planarInputView.put(row * dim, source, from, dim);
            }
        }

        void forward() {
            Nd4jRuntime.useThreads(threads);
            for (NativeOp op : forward) {
                op.run(profile);
            }
        }

        /** The last layer's activations, {@code [rows, C, H, W]} flattened, into {@code out}. */
        void output(double[] out) {
            int dim = outputChannels * outputArea;
            for (int row = 0; row < rows; row++) {
                outputView.getRectified(row * dim, out, row * dim, layoutChannels(), dim / layoutChannels());
            }
        }

        /**
         * Backward from ∂L/∂(last activations) ({@code [rows, C, H, W]} flattened); the parameter gradients are then
         * in {@link ConvolutionStack#gradient}. Needs a pass made with backward ops and a forward pass first.
         */
        void backward(double[] outputGradient) {
            int dim = outputChannels * outputArea;
            for (int row = 0; row < rows; row++) {
                outputGradientView.putMasked(row * dim, outputGradient, row * dim, layoutChannels(),
                        dim / layoutChannels(), outputView);
            }
            Nd4jRuntime.useThreads(threads);
            for (NativeOp op : backward) {
                op.run(profile);
            }
        }

        /** Channels interleaved in a row of the output: C in NHWC, 1 in NCHW (the row is then one plane). */
        private int layoutChannels() {
            return channelsLast ? outputChannels : 1;
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

    /**
     * Threads for single-image passes (the 20 Hz control path): system property {@code gps.cnn.inferenceThreads},
     * default 1. Two OpenMP threads halve the median on an idle 2-core machine but wreck the tail when the cores are
     * shared (measured at 64×64 with load ≈ 7: median 13 ms, p90 285 ms, p99 442 ms), since every op ends in a
     * barrier that waits for a descheduled thread.
     */
    static int inferenceThreads() {
        return Math.max(1, Integer.getInteger("gps.cnn.inferenceThreads", 1));
    }

    /**
     * Activation layout: system property {@code gps.cnn.layout} = {@code nhwc} (default) or {@code nchw}. With NCHW
     * arrays, oneDNN 2.3 (which picks NHWC "brgconv" kernels for these shapes on AVX-512) reorders the input and the
     * output around every convolution, about a third of a train step's native time (DNNL_VERBOSE at 120×120).
     */
    static boolean channelsLast() {
        String layout = System.getProperty("gps.cnn.layout", "nhwc");
        if (!layout.equals("nhwc") && !layout.equals("nchw")) {
            throw new IllegalArgumentException("gps.cnn.layout must be nhwc or nchw, got " + layout);
        }
        return layout.equals("nhwc");
    }

    /** {@code [rows, channels, height, width]} in NCHW, {@code [rows, height, width, channels]} in NHWC. */
    private INDArray activationArray(int rows, int channels, int height, int width) {
        return channelsLast ? Nd4j.zeros(dataType, rows, height, width, channels)
                : Nd4j.zeros(dataType, rows, channels, height, width);
    }

    /** 3×3 window, stride 2, no padding, dilation 1, "valid", extra parameter 0, data format (0 NCHW, 1 NHWC). */
    private long[] poolArguments() {
        return new long[] {3, 3, 2, 2, 0, 0, 1, 1, 0, 0, channelsLast ? 1 : 0};
    }

    /**
     * kH, kW, sH, sW, pH, pW, dH, dW, same-mode 0 ("valid"), data format (0 NCHW, 1 NHWC), weight format 0 (YXIO:
     * {@code [kH, kW, inC, outC]} in both layouts).
     */
    private long[] convolutionArguments(ConvLayer layer) {
        return new long[] {layer.kernel(), layer.kernel(), layer.stride(), layer.stride(), 0, 0, 1, 1, 0,
                channelsLast ? 1 : 0, 0};
    }
}
