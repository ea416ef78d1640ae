package org.gpsros.nn;

import java.util.List;

/**
 * Shape and numerics of a spatial-softmax CNN policy (Levine et al. 2016, §5.1, Fig. 2): an image
 * {@code [imageChannels, imageHeight, imageWidth]} → "valid" convolutions with ReLU, no pooling → a spatial softmax
 * per channel of the last convolution with a learnable temperature α → the expected image coordinates of each
 * channel (2 feature points per channel) → concatenated with the robot configuration → fully connected ReLU layers
 * → linear output.
 *
 * <p>The compact constructor checks that every convolution leaves an output of at least 1×1, because a zero-size
 * convolution output makes the native library kill the JVM with SIGFPE (java-dependencies.md §1).
 *
 * @param imageWidth input image width in pixels
 * @param imageHeight input image height in pixels
 * @param imageChannels image channels (3 for RGB)
 * @param convolutions the convolutions in order (at least one)
 * @param hiddenWidths units of the fully connected ReLU layers after the feature points (may be empty)
 * @param doublePrecision run the convolutions in float64 (for gradient checks) instead of float32 (the default:
 *                        oneDNN's fast path); the parameters and Adam's moments are float64 either way
 */
public record CnnConfig(int imageWidth, int imageHeight, int imageChannels, List<ConvLayer> convolutions,
                        List<Integer> hiddenWidths, boolean doublePrecision) {

    public CnnConfig {
        if (imageWidth < 1 || imageHeight < 1 || imageChannels < 1) {
            throw new IllegalArgumentException("CnnConfig: image width, height and channels must be >= 1, got "
                    + imageWidth + ", " + imageHeight + ", " + imageChannels);
        }
        if (convolutions == null || convolutions.isEmpty()) {
            throw new IllegalArgumentException("CnnConfig: at least one convolution is needed");
        }
        if (hiddenWidths == null) {
            throw new IllegalArgumentException("CnnConfig: hiddenWidths must be given (may be empty)");
        }
        convolutions = List.copyOf(convolutions);
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int i = 0; i < hiddenWidths.size(); i++) {
            if (hiddenWidths.get(i) < 1) {
                throw new IllegalArgumentException("CnnConfig: hiddenWidths[" + i + "] must be >= 1, got "
                        + hiddenWidths.get(i));
            }
        }
        if ((long) imageWidth * imageHeight * imageChannels > Integer.MAX_VALUE / 64) {
            throw new IllegalArgumentException("CnnConfig: image " + imageWidth + "x" + imageHeight + "x"
                    + imageChannels + " is too large");
        }
        spatialSizes(imageHeight, imageWidth, convolutions, false);
    }

    /**
     * The paper's network for a {@code width}×{@code height} RGB image: conv 64@7×7/2, 32@5×5/1, 32@5×5/1, fully
     * connected [40, 40], float32. About 92,000 parameters at 240×240 with a 32-dimensional robot configuration and
     * 7 torques (86,336 in the convolutions, 1 temperature, 5,807 fully connected: 92,144).
     */
    public static CnnConfig defaults(int imageWidth, int imageHeight) {
        return new CnnConfig(imageWidth, imageHeight, 3,
                List.of(new ConvLayer(64, 7, 2), new ConvLayer(32, 5, 1), new ConvLayer(32, 5, 1)),
                List.of(40, 40), false);
    }

    public CnnConfig withConvolutions(List<ConvLayer> value) {
        return new CnnConfig(imageWidth, imageHeight, imageChannels, value, hiddenWidths, doublePrecision);
    }

    public CnnConfig withHiddenWidths(List<Integer> value) {
        return new CnnConfig(imageWidth, imageHeight, imageChannels, convolutions, value, doublePrecision);
    }

    public CnnConfig withDoublePrecision(boolean value) {
        return new CnnConfig(imageWidth, imageHeight, imageChannels, convolutions, hiddenWidths, value);
    }

    public CnnConfig withImageSize(int width, int height) {
        return new CnnConfig(width, height, imageChannels, convolutions, hiddenWidths, doublePrecision);
    }

    /** Values of one image in an observation: channels·height·width (planar, NCHW). */
    public int imageDim() {
        return imageChannels * imageHeight * imageWidth;
    }

    /** Feature points: one per channel of the last convolution (2 coordinates each). */
    public int featurePointCount() {
        return convolutions.get(convolutions.size() - 1).filters();
    }

    /** Parameters of the convolutions (kernels and biases), without the temperature. */
    public long convolutionParameterCount() {
        long count = 0;
        int channels = imageChannels;
        for (ConvLayer layer : convolutions) {
            count += layer.parameterCount(channels);
            channels = layer.filters();
        }
        return count;
    }

    /** {height, width} of the output of each convolution (index 0 = the input image). */
    public int[][] convolutionOutputSizes() {
        return spatialSizes(imageHeight, imageWidth, convolutions, false);
    }

    /**
     * {height, width} of the image (row 0) and after each convolution and, with {@code pooled}, after a 3×3/2 max
     * pooling behind each of the first two convolutions (the paper's Table 3 comparison), in the order of the layers:
     * row l+1 is the output of convolution l (after its pooling, if any).
     *
     * @throws IllegalArgumentException naming the first layer that leaves no output
     */
    static int[][] spatialSizes(int height, int width, List<ConvLayer> convolutions, boolean pooled) {
        int[][] sizes = new int[convolutions.size() + 1][];
        sizes[0] = new int[] {height, width};
        int h = height;
        int w = width;
        for (int l = 0; l < convolutions.size(); l++) {
            ConvLayer layer = convolutions.get(l);
            int outH = layer.outputSize(h);
            int outW = layer.outputSize(w);
            if (outH < 1 || outW < 1) {
                throw new IllegalArgumentException("convolution " + (l + 1) + " (" + layer.kernel() + "×"
                        + layer.kernel() + ", stride " + layer.stride() + ") of a " + w + "×" + h
                        + " input leaves no output");
            }
            h = outH;
            w = outW;
            if (pooled && l < 2) {
                int poolH = h < 3 ? 0 : (h - 3) / 2 + 1;
                int poolW = w < 3 ? 0 : (w - 3) / 2 + 1;
                if (poolH < 1 || poolW < 1) {
                    throw new IllegalArgumentException("max pooling 3×3, stride 2 after convolution " + (l + 1)
                            + " of a " + w + "×" + h + " map leaves no output");
                }
                h = poolH;
                w = poolW;
            }
            sizes[l + 1] = new int[] {h, w};
        }
        return sizes;
    }
}
