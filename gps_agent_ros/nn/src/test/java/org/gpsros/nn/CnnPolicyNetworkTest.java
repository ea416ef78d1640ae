package org.gpsros.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;
import org.gpsros.policy.PolicyTrainingSummary;
import org.junit.jupiter.api.Test;

/** CnnPolicyNetwork: gradients against finite differences, learning, precision, checkpoints, contracts. */
class CnnPolicyNetworkTest {
    /** 20×20 RGB → 4@3×3/2 (9×9) → 3@3×3 (7×7) → 3@3×3 (5×5) → 6 feature values + 3 robot values → fc 6 → 2. */
    static final CnnConfig SMALL = new CnnConfig(20, 20, 3,
            List.of(new ConvLayer(4, 3, 2), new ConvLayer(3, 3, 1), new ConvLayer(3, 3, 1)), List.of(6), true);
    static final int ROBOT = 3;
    static final int ACTIONS = 2;

    @Test
    void gradientOfTheWholeLossMatchesFiniteDifferencesInDoublePrecision() {
        CnnPolicyNetwork network = CnnPolicyNetwork.create(SMALL, ROBOT + SMALL.imageDim(), ACTIONS, 11);
        PolicyTrainingSet set = imageSet(SMALL, 4, 5);
        int[] rows = {0, 1, 2, 3};
        double weightDecay = 0.01;
        double[] theta = network.parameters();
        // A sharper softmax than the initial one, so the temperature's gradient is not tiny.
        theta[network.temperatureIndex()] = 0.7;
        network.setParameters(theta);
        double[] analytic = new double[theta.length];
        network.objectiveGradient(set, rows, weightDecay, analytic);
        double center = network.objective(set, rows, weightDecay);
        double step = 1e-6;
        double maxError = 0;
        int kinks = 0;
        for (int i = 0; i < theta.length; i++) {
            double[] perturbed = theta.clone();
            perturbed[i] = theta[i] + step;
            network.setParameters(perturbed);
            double plus = network.objective(set, rows, weightDecay);
            perturbed[i] = theta[i] - step;
            network.setParameters(perturbed);
            double minus = network.objective(set, rows, weightDecay);
            double forward = (plus - center) / step;
            double backward = (center - minus) / step;
            if (Math.abs(forward - backward) > 1e-3 * (Math.abs(forward) + Math.abs(backward)) + 1e-7) {
                kinks++;
                continue;
            }
            double numeric = (plus - minus) / (2 * step);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[i]));
            maxError = Math.max(maxError, error);
            if (i == network.temperatureIndex()) {
                assertEquals(numeric, analytic[i], 1e-6 * Math.max(1, Math.abs(numeric)), "temperature gradient");
                assertTrue(Math.abs(numeric) > 1e-6, "temperature gradient " + numeric + " should not vanish");
            }
        }
        network.setParameters(theta);
        assertTrue(kinks <= theta.length / 20, kinks + " of " + theta.length + " at ReLU kinks");
        assertTrue(maxError < 1e-5, "max relative error " + maxError + " over " + theta.length + " parameters");
    }

    @Test
    void nchwAndNhwcActivationLayoutsGiveTheSameGradient() {
        for (CnnConfig config : List.of(SMALL, SMALL.withDoublePrecision(false))) {
            PolicyTrainingSet set = imageSet(config, 4, 7);
            int[] rows = {0, 1, 2, 3};
            double[][] gradients = new double[2][];
            double[][][] points = new double[2][][];
            String[] layouts = {"nchw", "nhwc"};
            for (int k = 0; k < 2; k++) {
                String previous = System.getProperty("gps.cnn.layout");
                System.setProperty("gps.cnn.layout", layouts[k]);
                try {
                    CnnPolicyNetwork network = CnnPolicyNetwork.create(config, ROBOT + config.imageDim(), ACTIONS, 3);
                    gradients[k] = new double[(int) network.parameterCount()];
                    network.objectiveGradient(set, rows, 0.01, gradients[k]);
                    points[k] = network.featurePoints(set.observations());
                } finally {
                    if (previous == null) {
                        System.clearProperty("gps.cnn.layout");
                    } else {
                        System.setProperty("gps.cnn.layout", previous);
                    }
                }
            }
            double tolerance = config.doublePrecision() ? 1e-12 : 1e-5;
            double scale = 0;
            for (double g : gradients[0]) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 1e-6, "gradient " + scale + " should not vanish");
            assertArrayEquals(gradients[0], gradients[1], tolerance * scale, config.doublePrecision() ? "float64"
                    : "float32");
            for (int i = 0; i < points[0].length; i++) {
                assertArrayEquals(points[0][i], points[1][i], tolerance, "feature points of row " + i);
            }
        }
    }

    /** The float32 small network (the default precision). */
    static final CnnConfig SMALL32 = SMALL.withDoublePrecision(false);

    @Test
    void shapesAreValidatedBeforeAnyGraphIsBuilt() {
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class,
                () -> CnnConfig.defaults(13, 13));
        assertEquals("convolution 2 (5×5, stride 1) of a 4×4 input leaves no output", second.getMessage());
        IllegalArgumentException third = assertThrows(IllegalArgumentException.class,
                () -> CnnConfig.defaults(21, 30));
        assertEquals("convolution 3 (5×5, stride 1) of a 4×8 input leaves no output", third.getMessage());
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> CnnConfig.defaults(6, 64));
        assertEquals("convolution 1 (7×7, stride 2) of a 6×64 input leaves no output", first.getMessage());
        assertEquals(1, CnnConfig.defaults(23, 23).convolutionOutputSizes()[3][0], "23 → 9 → 5 → 1");
        assertThrows(IllegalArgumentException.class, () -> new ConvLayer(0, 3, 1));
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> CnnPolicyNetwork.create(SMALL, SMALL.imageDim() - 1, 2, 1));
        assertTrue(dims.getMessage().contains("inputDim >= 1200"), dims.getMessage());
    }

    @Test
    void thePapersNetworkHasAbout92000Parameters() {
        CnnConfig paper = CnnConfig.defaults(240, 240);
        assertEquals(9_472 + 51_232 + 25_632, paper.convolutionParameterCount());
        int[][] sizes = paper.convolutionOutputSizes();
        assertArrayEquals(new int[] {117, 117}, sizes[1]);
        assertArrayEquals(new int[] {109, 109}, sizes[3], "the paper's 109×109 response maps");
        // 32 robot configuration values, 7 torques: 86,336 conv + 1 temperature + (64+32)·40+40 + 40·40+40 + 40·7+7.
        CnnPolicyNetwork network = CnnPolicyNetwork.create(paper.withHiddenWidths(List.of(40, 40)),
                32 + paper.imageDim(), 7, 1);
        assertEquals(92_144, network.parameterCount());
        assertEquals(32, network.featurePointCount());
    }

    @Test
    void float32InferenceAgreesWithFloat64() {
        CnnPolicyNetwork wide = CnnPolicyNetwork.create(SMALL, ROBOT + SMALL.imageDim(), ACTIONS, 4);
        CnnPolicyNetwork narrow = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 4);
        PolicyTrainingSet set = imageSet(SMALL, 8, 9);
        double[][] m64 = wide.predict(set.observations());
        double[][] m32 = narrow.predict(set.observations());
        double[][] f64 = wide.featurePoints(set.observations());
        double[][] f32 = narrow.featurePoints(set.observations());
        for (int i = 0; i < m64.length; i++) {
            for (int j = 0; j < ACTIONS; j++) {
                assertEquals(m64[i][j], m32[i][j], 1e-4 * (1 + Math.abs(m64[i][j])), "row " + i + " action " + j);
            }
            for (int j = 0; j < f64[i].length; j++) {
                assertEquals(f64[i][j], f32[i][j], 1e-4, "row " + i + " feature " + j);
            }
        }
        double[] single = new double[ACTIONS];
        narrow.predict(set.observations()[3], single);
        assertArrayEquals(m32[3], single, 1e-6, "single-row path = batch path");
    }

    @Test
    void featurePointsAreImageCoordinatesInsideTheImage() {
        CnnPolicyNetwork network = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 5);
        PolicyTrainingSet set = imageSet(SMALL, 5, 6);
        double[][] points = network.featurePoints(set.observations());
        assertEquals(2 * network.featurePointCount(), points[0].length);
        for (double[] row : points) {
            for (double v : row) {
                assertTrue(v >= -1 && v <= 1, "feature coordinate " + v);
            }
        }
        assertArrayEquals(points[2], network.featurePoints(set.observations()[2]), 1e-12);
        // Receptive-field centres of the 5×5 output of 20 pixels (offset 1 + 2·(1 + 1) = 5, stride 2): x of
        // column 0 = (2·5 + 1)/20 − 1 = −0.45, of column 4 = (2·13 + 1)/20 − 1 = 0.35.
        ConvolutionStack stack = new ConvolutionStack(20, 20, 3, SMALL.convolutions(), false, true);
        assertArrayEquals(new double[] {-0.45, -0.25, -0.05, 0.15, 0.35}, stack.columnCentres(), 1e-12);
    }

    @Test
    void trainingLowersTheLossOnAFixedBatch() {
        CnnPolicyNetwork network = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 6);
        PolicyTrainingSet set = imageSet(SMALL, 6, 7);
        PolicyTrainingConfig config = new PolicyTrainingConfig(60, 6, 1e-2, 0.001, 0.1, 0);
        PolicyTrainingSummary summary = network.train(set, config, new SplitMix64(1));
        assertTrue(summary.finalLoss() < 0.2 * summary.initialLoss(), summary.toString());
        assertEquals(60, network.optimizerSteps());
    }

    @Test
    void trainFullyConnectedKeepsTheConvolutionsAndLowersTheLoss() {
        CnnPolicyNetwork network = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 7);
        PolicyTrainingSet set = imageSet(SMALL, 12, 8);
        ConvolutionWeights before = network.convolutionWeights();
        PolicyTrainingSummary summary = network.trainFullyConnected(set,
                new PolicyTrainingConfig(200, 6, 3e-3, 0.001, 0.1, 0), new SplitMix64(2));
        assertTrue(summary.finalLoss() < 0.5 * summary.initialLoss(), summary.toString());
        assertEquals(summary.finalLoss(), network.dataLoss(set), 1e-5 * summary.finalLoss(),
                "the cached features give the network's own loss");
        ConvolutionWeights after = network.convolutionWeights();
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(before.kernel(l), after.kernel(l), 0.0);
            assertArrayEquals(before.bias(l), after.bias(l), 0.0);
        }
        assertEquals(before.temperature(), after.temperature(), 0.0);
        assertEquals(0, network.optimizerSteps());
        assertEquals(200, network.fullyConnectedOptimizerSteps());
    }

    @Test
    void convolutionWeightsMoveBetweenNetworks() {
        CnnPolicyNetwork source = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 8);
        CnnPolicyNetwork target = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 9);
        PolicyTrainingSet set = imageSet(SMALL, 4, 10);
        target.loadConvolutionWeights(source.convolutionWeights());
        assertArrayEquals(source.featurePoints(set.observations()[1]), target.featurePoints(set.observations()[1]),
                0.0);
        CnnConfig other = SMALL32.withConvolutions(List.of(new ConvLayer(4, 3, 2), new ConvLayer(5, 3, 1)));
        CnnPolicyNetwork mismatched = CnnPolicyNetwork.create(other, ROBOT + SMALL.imageDim(), ACTIONS, 1);
        assertThrows(IllegalArgumentException.class, () -> mismatched.loadConvolutionWeights(
                source.convolutionWeights()));
    }

    @Test
    void saveRestoreIsExactAndTrainingResumesBitForBit() {
        PolicyTrainingSet set = imageSet(SMALL, 10, 11);
        PolicyTrainingConfig config = new PolicyTrainingConfig(4, 5, 1e-3, 0.005, 0.1, 0);
        CnnPolicyNetwork straight = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 12);
        CnnPolicyNetwork resumed = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 12);
        straight.trainFullyConnected(set, config, new SplitMix64(3));
        straight.train(set, config, new SplitMix64(4));
        straight.train(set, config, new SplitMix64(5));
        resumed.trainFullyConnected(set, config, new SplitMix64(3));
        resumed.train(set, config, new SplitMix64(4));
        byte[] saved = resumed.save();
        CnnPolicyNetwork restored = CnnPolicyNetwork.restore(saved);
        assertArrayEquals(saved, restored.save());
        assertEquals(SMALL32, restored.config());
        double[][] before = resumed.predict(set.observations());
        double[][] after = restored.predict(set.observations());
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0.0);
        }
        restored.train(set, config, new SplitMix64(5));
        assertArrayEquals(straight.save(), restored.save(), "resumed training is bit-identical");
    }

    @Test
    void theFactoryIsFoundByTypeAndRestoresTheFormatName() {
        CnnPolicyNetwork network = CnnPolicyNetwork.create(SMALL32, ROBOT + SMALL.imageDim(), ACTIONS, 13);
        assertEquals("cnn", network.format());
        PolicyNetworkFactory found = ServiceLoader.load(PolicyNetworkFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.type().equals(network.format())).findFirst()
                .orElseThrow();
        assertInstanceOf(CnnPolicyNetworkFactory.class, found);
        CnnPolicyNetwork restored = assertInstanceOf(CnnPolicyNetwork.class, found.restore(network.save()));
        assertArrayEquals(network.save(), restored.save());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> found.restore(MlpPolicyNetwork.create(MlpConfig.defaults(), 3, 2, 1).save()));
        assertTrue(wrong.getMessage().contains("not a saved cnn network"), wrong.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(network.save(), 100);
        assertThrows(IllegalArgumentException.class, () -> found.restore(truncated));
    }

    /** Observations [robot (uniform [-1, 1]) | image (uniform [0, 1])], targets linear in both, random SPD precisions. */
    static PolicyTrainingSet imageSet(CnnConfig config, int rows, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int image = config.imageDim();
        double[][] observations = new double[rows][ROBOT + image];
        double[][] targets = new double[rows][ACTIONS];
        double[][] precisions = new double[rows][];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < ROBOT; j++) {
                observations[i][j] = 2 * random.nextUniform() - 1;
            }
            for (int j = 0; j < image; j++) {
                observations[i][ROBOT + j] = random.nextUniform();
            }
            targets[i][0] = observations[i][0] + observations[i][ROBOT + 5];
            targets[i][1] = observations[i][1] - observations[i][ROBOT + image / 2];
            precisions[i] = TrainingSets.randomSpd(ACTIONS, random);
        }
        return new PolicyTrainingSet(observations, targets, precisions);
    }
}
