package org.gpsros.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** PoseRegressor: the spatial softmax finds a bright dot; the three heads of the paper's Table 3 train. */
class PoseRegressorTest {
    /** 32×32 RGB → 8@5×5/2 (14×14) → 8@3×3 (12×12) → 8@3×3 (10×10). */
    private static final CnnConfig DOT = new CnnConfig(32, 32, 3,
            List.of(new ConvLayer(8, 5, 2), new ConvLayer(8, 3, 1), new ConvLayer(8, 3, 1)), List.of(), false);

    @Test
    void spatialSoftmaxFeaturePointsFollowABrightDot() {
        SplitMix64 random = new SplitMix64(21);
        int n = 240;
        double[][] images = new double[n][];
        double[][] targets = new double[n][];
        for (int i = 0; i < n; i++) {
            targets[i] = new double[2];
            images[i] = dotImage(random, targets[i], 32);
        }
        PoseRegressor regressor = PoseRegressor.create(DOT, PoseRegressor.Head.SPATIAL_SOFTMAX, 2, 3);
        double trainLoss = regressor.train(java.util.Arrays.copyOf(images, 200),
                java.util.Arrays.copyOf(targets, 200), 250, 16, 1e-2, new SplitMix64(4));
        double[][] testImages = java.util.Arrays.copyOfRange(images, 200, n);
        double[][] testTargets = java.util.Arrays.copyOfRange(targets, 200, n);
        double[][] predicted = regressor.predict(testImages);
        double error = 0;
        for (int i = 0; i < predicted.length; i++) {
            error += Math.hypot(predicted[i][0] - testTargets[i][0], predicted[i][1] - testTargets[i][1]);
        }
        error /= predicted.length;
        // The dot lies anywhere in [-0.75, 0.75]²: guessing the centre is off by ≈ 0.43 on average.
        assertTrue(error < 0.08, "mean held-out position error " + error + " (train MSE " + trainLoss + ")");
        // Some feature point tracks the dot itself: its x correlates with the dot's x across held-out images.
        double[][] points = regressor.featurePoints(testImages);
        double best = 0;
        for (int c = 0; c < points[0].length; c += 2) {
            best = Math.max(best, Math.abs(correlation(points, c, testTargets, 0)));
        }
        assertTrue(best > 0.9, "best |correlation| of a feature point's x with the dot's x: " + best);
    }

    @Test
    void theThreeHeadsOfTable3TrainAndDifferInSize() {
        SplitMix64 random = new SplitMix64(22);
        int n = 20;
        double[][] images = new double[n][];
        double[][] targets = new double[n][];
        for (int i = 0; i < n; i++) {
            targets[i] = new double[2];
            images[i] = dotImage(random, targets[i], 48);
        }
        CnnConfig config = DOT.withImageSize(48, 48);
        long[] sizes = new long[3];
        for (PoseRegressor.Head head : PoseRegressor.Head.values()) {
            PoseRegressor regressor = PoseRegressor.create(config, head, 2, 5);
            double before = regressor.meanSquaredError(images, targets);
            double after = regressor.train(images, targets, 15, 10, 1e-3, new SplitMix64(6));
            assertTrue(after < before, head + ": MSE " + before + " -> " + after);
            sizes[head.ordinal()] = regressor.parameterCount();
            assertEquals(DOT.convolutions(), regressor.convolutionWeights().layers());
        }
        long conv = DOT.convolutionParameterCount();
        assertEquals(conv + 1 + 16 * 2 + 2, sizes[0], "softmax head: α and a 16→2 linear layer");
        assertEquals(conv + 8 * 18 * 18 * 2 + 2, sizes[1], "fully connected head on 8×18×18 maps (48 → 22 → 20 → 18)");
        // Max pooling 3×3/2 after convolutions 1 and 2: 48 → 22 → pool 10 → 8 → pool 3 → 1.
        assertEquals(conv + 8 * 2 + 2, sizes[2], "max-pool head on 8×1×1 maps");
        assertThrows(IllegalStateException.class, () -> PoseRegressor.create(config,
                PoseRegressor.Head.FULLY_CONNECTED, 2, 1).featurePoints(images));
    }

    @Test
    void maxPoolingAfterTheLastOfTwoConvolutionsTrains() {
        // 32 → 14 → pool 6 → 4 → pool 1: the backward pass starts by un-pooling the last convolution's gradient.
        CnnConfig twoLayers = new CnnConfig(32, 32, 3, List.of(new ConvLayer(4, 5, 2), new ConvLayer(4, 3, 1)),
                List.of(8), true);
        SplitMix64 random = new SplitMix64(23);
        double[][] images = new double[10][];
        double[][] targets = new double[10][];
        for (int i = 0; i < images.length; i++) {
            targets[i] = new double[2];
            images[i] = dotImage(random, targets[i], 32);
        }
        PoseRegressor regressor = PoseRegressor.create(twoLayers, PoseRegressor.Head.MAX_POOL_FULLY_CONNECTED, 2, 3);
        double before = regressor.meanSquaredError(images, targets);
        double after = regressor.train(images, targets, 20, 10, 1e-2, new SplitMix64(4));
        assertTrue(after < before, "MSE " + before + " -> " + after);
    }

    @Test
    void maxPoolingShapesAreValidated() {
        CnnConfig tight = CnnConfig.defaults(40, 40);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoseRegressor.create(tight, PoseRegressor.Head.MAX_POOL_FULLY_CONNECTED, 3, 1));
        // 40 → 17 → pool 8 → 4 → pool 1: the third convolution (5×5) has no room.
        assertEquals("convolution 3 (5×5, stride 1) of a 1×1 input leaves no output", e.getMessage());
    }

    /** A black image with a white 3×3 dot at a random place; {@code position} gets its centre in [-1, 1]. */
    private static double[] dotImage(SplitMix64 random, double[] position, int size) {
        int row = 4 + random.nextInt(size - 8);
        int column = 4 + random.nextInt(size - 8);
        double[] image = new double[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int i = row - 1; i <= row + 1; i++) {
                for (int j = column - 1; j <= column + 1; j++) {
                    image[(c * size + i) * size + j] = 1.0;
                }
            }
        }
        position[0] = (2.0 * column + 1.0) / size - 1.0;
        position[1] = (2.0 * row + 1.0) / size - 1.0;
        return image;
    }

    private static double correlation(double[][] a, int ia, double[][] b, int ib) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i][ia] / n;
            mb += b[i][ib] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i][ia] - ma) * (b[i][ib] - mb);
            saa += (a[i][ia] - ma) * (a[i][ia] - ma);
            sbb += (b[i][ib] - mb) * (b[i][ib] - mb);
        }
        return sab / Math.sqrt(saa * sbb + 1e-300);
    }
}
