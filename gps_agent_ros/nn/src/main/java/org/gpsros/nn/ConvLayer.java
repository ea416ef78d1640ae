package org.gpsros.nn;

/**
 * One "valid" (unpadded) convolution of a {@link CnnConfig}, followed by a ReLU (Levine et al. 2016, §5.1, Fig. 2).
 *
 * @param filters output channels, ≥ 1
 * @param kernel square kernel side in pixels, ≥ 1
 * @param stride step in pixels in both directions, ≥ 1
 */
public record ConvLayer(int filters, int kernel, int stride) {

    public ConvLayer {
        if (filters < 1 || kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("a convolution needs filters, kernel and stride >= 1, got " + filters
                    + ", " + kernel + ", " + stride);
        }
    }

    /** Output size of this convolution along one axis of {@code input} pixels; ≤ 0 when the kernel does not fit. */
    int outputSize(int input) {
        return input < kernel ? 0 : (input - kernel) / stride + 1;
    }

    /** Weights of the kernel, {@code kernel·kernel·inputChannels·filters}, plus one bias per filter. */
    long parameterCount(int inputChannels) {
        return (long) kernel * kernel * inputChannels * filters + filters;
    }

    @Override
    public String toString() {
        return filters + "@" + kernel + "x" + kernel + "/" + stride;
    }
}
