package org.gpsros.nn;

/**
 * The spatial softmax and expected-position layer (Levine et al. 2016, §5.1): for each image and channel c of the
 * last convolution's activations a_cij, s_cij = exp(a_cij/α) / Σ_i'j' exp(a_ci'j'/α) over all H·W positions, and the
 * feature point f_c = (Σ_ij s_cij x_j, Σ_ij s_cij y_i), with x_j, y_i the image coordinates in [-1, 1] of the
 * receptive-field centre of column j and row i ({@link ConvolutionStack#columnCentres()}). The temperature α is
 * learned. Output per image: x0, y0, x1, y1, ... (2C values).
 *
 * <p>Runs in Java in float64 on host copies of the activations (H·W exps per channel; ~1/40 of a train step's time
 * at 120×120). Not thread-safe (the softmax of the last forward pass is kept for the backward pass).
 */
final class SpatialSoftmax {
    private final int channels;
    private final int height;
    private final int width;
    private final double[] columnCentres;
    private final double[] rowCentres;
    /** s of the last forward pass, {@code [rows, C, H·W]}. */
    private double[] softmax = new double[0];

    SpatialSoftmax(int channels, int height, int width, double[] columnCentres, double[] rowCentres) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.columnCentres = columnCentres.clone();
        this.rowCentres = rowCentres.clone();
    }

    int outputDim() {
        return 2 * channels;
    }

    /**
     * Feature points of {@code rows} images.
     *
     * @param activations {@code [rows, C, H, W]} flattened (not modified)
     * @param temperature α
     * @param points out: {@code points[r][offset + 2c]} = x of channel c of image r, {@code + 1} its y
     */
    void forward(double[] activations, int rows, double temperature, double[][] points, int offset) {
        int area = height * width;
        if (softmax.length < rows * channels * area) {
            softmax = new double[rows * channels * area];
        }
        double inverse = 1.0 / temperature;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int base = (r * channels + c) * area;
                double max = Double.NEGATIVE_INFINITY;
                for (int p = 0; p < area; p++) {
                    max = Math.max(max, activations[base + p] * inverse);
                }
                double sum = 0;
                for (int p = 0; p < area; p++) {
                    double e = Math.exp(activations[base + p] * inverse - max);
                    softmax[base + p] = e;
                    sum += e;
                }
                double normaliser = 1.0 / sum;
                double fx = 0;
                double fy = 0;
                for (int i = 0; i < height; i++) {
                    double rowSum = 0;
                    int rowBase = base + i * width;
                    for (int j = 0; j < width; j++) {
                        double s = softmax[rowBase + j] * normaliser;
                        softmax[rowBase + j] = s;
                        fx += s * columnCentres[j];
                        rowSum += s;
                    }
                    fy += rowSum * rowCentres[i];
                }
                points[r][offset + 2 * c] = fx;
                points[r][offset + 2 * c + 1] = fy;
            }
        }
    }

    /**
     * Backward of the last {@link #forward}: ∂L/∂a_cij = s_cij·(g_x x_j + g_y y_i − g_x f_x − g_y f_y)/α and
     * ∂L/∂α = −Σ s_cij·(g_x x_j + g_y y_i − g_x f_x − g_y f_y)·a_cij/α².
     *
     * @param pointGradients ∂L/∂f, {@code pointGradients[r][offset + 2c (+1)]}
     * @param points the forward pass's feature points, same layout
     * @param activationGradient out: ∂L/∂a, {@code [rows, C, H, W]} flattened (overwritten)
     * @return ∂L/∂α
     */
    double backward(double[] activations, int rows, double temperature, double[][] points,
                    double[][] pointGradients, int offset, double[] activationGradient) {
        int area = height * width;
        double inverse = 1.0 / temperature;
        double temperatureGradient = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int base = (r * channels + c) * area;
                double gx = pointGradients[r][offset + 2 * c];
                double gy = pointGradients[r][offset + 2 * c + 1];
                double mean = gx * points[r][offset + 2 * c] + gy * points[r][offset + 2 * c + 1];
                for (int i = 0; i < height; i++) {
                    int rowBase = base + i * width;
                    double rowTerm = gy * rowCentres[i] - mean;
                    for (int j = 0; j < width; j++) {
                        double logitGradient = softmax[rowBase + j] * (gx * columnCentres[j] + rowTerm);
                        activationGradient[rowBase + j] = logitGradient * inverse;
                        temperatureGradient -= logitGradient * activations[rowBase + j];
                    }
                }
            }
        }
        return temperatureGradient * inverse * inverse;
    }
}
