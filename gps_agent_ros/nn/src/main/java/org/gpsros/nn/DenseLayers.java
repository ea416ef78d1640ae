package org.gpsros.nn;

/**
 * Fully connected layers in float64 Java: {@code h_{l+1} = relu(h_l·W_l + b_l)} for the hidden layers and a linear
 * last layer. Used behind the feature points (Levine et al. 2016, §5.1: two layers of 40 ReLU, then linear to the
 * torques) and as the heads of {@link PoseRegressor}. At these sizes (batch 25, ≤ 100 inputs, 40 units) a pass is a
 * few microseconds, far below a native op's call overhead.
 *
 * <p>Parameters, flat: per layer W_l {@code [in, out]} row-major, then b_l {@code [out]}. Keeps the activations of
 * the last forward pass for the backward pass; not thread-safe.
 */
final class DenseLayers {
    private final int[] sizes;
    private final int parameterCount;
    private int rows;
    /** activations[l] = h_l, {@code [rows·sizes[l]]}; h_0 is the input. */
    private double[][] activations = new double[0][];
    private double[] upstream = new double[0];
    private double[] downstream = new double[0];

    /** @param sizes input, hidden widths..., output */
    DenseLayers(int... sizes) {
        this.sizes = sizes.clone();
        long count = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        if (count > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("fully connected layers " + java.util.Arrays.toString(sizes)
                    + " have too many parameters: " + count);
        }
        parameterCount = (int) count;
    }

    int parameterCount() {
        return parameterCount;
    }

    int inputDim() {
        return sizes[0];
    }

    int outputDim() {
        return sizes[sizes.length - 1];
    }

    int layerCount() {
        return sizes.length - 1;
    }

    /** Input and output widths of layer l. */
    int in(int layer) {
        return sizes[layer];
    }

    int out(int layer) {
        return sizes[layer + 1];
    }

    /**
     * Forward pass over {@code inputs[0 .. count)} (each of length {@link #inputDim()}).
     *
     * @param theta parameters from {@code offset}
     * @param outputs out: {@code outputs[i]} (length {@link #outputDim()}) overwritten
     */
    void forward(double[] theta, int offset, double[][] inputs, int count, double[][] outputs) {
        prepare(count);
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs[i], 0, activations[0], i * sizes[0], sizes[0]);
        }
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int weights = offset;
            int bias = offset + in * out;
            double[] h = activations[l];
            double[] next = activations[l + 1];
            boolean relu = l < layers - 1;
            for (int i = 0; i < count; i++) {
                int rowOut = i * out;
                System.arraycopy(theta, bias, next, rowOut, out);
                for (int k = 0; k < in; k++) {
                    double x = h[i * in + k];
                    if (x == 0) {
                        continue;
                    }
                    int w = weights + k * out;
                    for (int j = 0; j < out; j++) {
                        next[rowOut + j] += x * theta[w + j];
                    }
                }
                if (relu) {
                    for (int j = 0; j < out; j++) {
                        next[rowOut + j] = Math.max(0.0, next[rowOut + j]);
                    }
                }
            }
            offset = bias + out;
        }
        double[] last = activations[layers];
        int dOut = sizes[layers];
        for (int i = 0; i < count; i++) {
            System.arraycopy(last, i * dOut, outputs[i], 0, dOut);
        }
    }

    /**
     * Backward of the last {@link #forward}: adds nothing, overwrites {@code gradient[offset .. offset +
     * parameterCount)} with ∂L/∂θ and, when {@code inputGradients} is not null, {@code inputGradients[i]} with ∂L/∂h_0.
     *
     * @param outputGradients ∂L/∂(outputs), {@code [count][outputDim]}
     */
    void backward(double[] theta, int offset, double[][] outputGradients, double[] gradient,
                  double[][] inputGradients) {
        int layers = sizes.length - 1;
        int count = rows;
        int dOut = sizes[layers];
        for (int i = 0; i < count; i++) {
            System.arraycopy(outputGradients[i], 0, upstream, i * dOut, dOut);
        }
        int[] layerOffsets = new int[layers];
        int o = offset;
        for (int l = 0; l < layers; l++) {
            layerOffsets[l] = o;
            o += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int weights = layerOffsets[l];
            int bias = weights + in * out;
            double[] h = activations[l];
            java.util.Arrays.fill(gradient, weights, bias + out, 0.0);
            for (int i = 0; i < count; i++) {
                int rowOut = i * out;
                for (int j = 0; j < out; j++) {
                    gradient[bias + j] += upstream[rowOut + j];
                }
                for (int k = 0; k < in; k++) {
                    double x = h[i * in + k];
                    if (x == 0) {
                        continue;
                    }
                    int w = weights + k * out;
                    for (int j = 0; j < out; j++) {
                        gradient[w + j] += x * upstream[rowOut + j];
                    }
                }
            }
            boolean needInput = l > 0 || inputGradients != null;
            if (needInput) {
                for (int i = 0; i < count; i++) {
                    int rowOut = i * out;
                    for (int k = 0; k < in; k++) {
                        int w = weights + k * out;
                        double sum = 0;
                        for (int j = 0; j < out; j++) {
                            sum += theta[w + j] * upstream[rowOut + j];
                        }
                        // ReLU of the layer below (h_l = relu(z_l) for l ≥ 1): pass where h_l > 0.
                        downstream[i * in + k] = l > 0 && h[i * in + k] <= 0 ? 0.0 : sum;
                    }
                }
                double[] swap = upstream;
                upstream = downstream;
                downstream = swap;
            }
        }
        if (inputGradients != null) {
            for (int i = 0; i < count; i++) {
                System.arraycopy(upstream, i * sizes[0], inputGradients[i], 0, sizes[0]);
            }
        }
    }

    private void prepare(int count) {
        if (count == rows && activations.length == sizes.length) {
            return;
        }
        rows = count;
        activations = new double[sizes.length][];
        int widest = 0;
        for (int l = 0; l < sizes.length; l++) {
            activations[l] = new double[count * sizes[l]];
            widest = Math.max(widest, sizes[l]);
        }
        upstream = new double[count * widest];
        downstream = new double[count * widest];
    }
}
