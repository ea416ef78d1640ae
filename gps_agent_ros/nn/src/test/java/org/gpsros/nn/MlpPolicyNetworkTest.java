package org.gpsros.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;
import org.gpsros.policy.PolicyTrainingSummary;
import org.junit.jupiter.api.Test;

/** MlpPolicyNetwork: gradients against finite differences, learning, determinism, checkpoints, contracts. */
class MlpPolicyNetworkTest {
    private static final MlpConfig SMALL_SOFTPLUS = MlpConfig.defaults().withHiddenWidths(List.of(6, 5))
            .withActivation(MlpConfig.Activation.SOFTPLUS);
    private static final TrainingSets.Target SMOOTH = o -> new double[] {Math.sin(o[0]) + o[1] * o[1], o[0] * o[1]};

    @Test
    void gradientOfTheWholeLossMatchesFiniteDifferencesWithSoftplus() {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(SMALL_SOFTPLUS, 5, 3, 1);
        GradientCheck check = GradientCheck.run(network, smallSet(), 0.01);
        assertEquals(0, check.kinks(), "softplus is smooth");
        assertTrue(check.maxRelativeError() < 1e-5, "max relative error " + check.maxRelativeError());
    }

    @Test
    void gradientMatchesFiniteDifferencesWithReluAwayFromKinks() {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(
                SMALL_SOFTPLUS.withActivation(MlpConfig.Activation.RELU), 5, 3, 2);
        GradientCheck check = GradientCheck.run(network, smallSet(), 0.01);
        assertTrue(check.kinks() <= check.checked() / 20, check.kinks() + " of " + check.checked() + " at kinks");
        assertTrue(check.maxRelativeError() < 1e-5, "max relative error " + check.maxRelativeError());
    }

    @Test
    void float32GradientAgreesWithFloat64() {
        PolicyTrainingSet set = smallSet();
        int[] rows = allRows(set.rows());
        MlpPolicyNetwork wide = MlpPolicyNetwork.create(SMALL_SOFTPLUS, 5, 3, 3);
        MlpPolicyNetwork narrow = MlpPolicyNetwork.create(
                SMALL_SOFTPLUS.withDataType(MlpConfig.DataType.FLOAT32), 5, 3, 3);
        double[] g64 = new double[(int) wide.parameterCount()];
        double[] g32 = new double[g64.length];
        wide.objectiveGradient(set, rows, 0.01, g64);
        narrow.objectiveGradient(set, rows, 0.01, g32);
        for (int i = 0; i < g64.length; i++) {
            assertEquals(g64[i], g32[i], 1e-5 * (1 + Math.abs(g64[i])), "parameter " + i);
        }
    }

    @Test
    void fitsASmoothNonlinearTargetWithRandomPrecisions() {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 3, 2, 3);
        PolicyTrainingSet set = TrainingSets.of(300, 3, 2, 4, SMOOTH);
        PolicyTrainingSummary summary = network.train(set, new PolicyTrainingConfig(300, 25, 3e-3, 1e-5, 0.1, 0),
                new SplitMix64(5));
        assertEquals(300, summary.iterations());
        assertEquals(300, network.optimizerSteps());
        assertTrue(summary.finalLoss() * 100 < summary.initialLoss(),
                "loss " + summary.initialLoss() + " -> " + summary.finalLoss());
        assertEquals(network.dataLoss(set), summary.finalLoss());
    }

    @Test
    void trainingIsDeterministicForASeed() {
        PolicyTrainingSet set = TrainingSets.of(60, 4, 2, 6, SMOOTH);
        PolicyTrainingConfig config = new PolicyTrainingConfig(20, 25, 1e-3, 0.005, 0.1, 0);
        byte[][] saved = new byte[2][];
        for (int run = 0; run < 2; run++) {
            MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 4, 2, 7);
            network.train(set, config, new SplitMix64(8));
            saved[run] = network.save();
        }
        assertArrayEquals(saved[0], saved[1]);
        MlpPolicyNetwork other = MlpPolicyNetwork.create(MlpConfig.defaults(), 4, 2, 7);
        other.train(set, config, new SplitMix64(9));
        assertTrue(!Arrays.equals(saved[0], other.save()), "another minibatch order gives other weights");
    }

    @Test
    void aRestoredNetworkContinuesTrainingBitForBit() {
        for (MlpConfig.DataType type : MlpConfig.DataType.values()) {
            PolicyTrainingSet set = TrainingSets.of(70, 4, 2, 10, SMOOTH);
            PolicyTrainingConfig config = new PolicyTrainingConfig(6, 25, 1e-3, 0.005, 0.1, 0);
            MlpPolicyNetwork uninterrupted = MlpPolicyNetwork.create(MlpConfig.defaults().withDataType(type), 4, 2, 11);
            SplitMix64 random = new SplitMix64(12);
            uninterrupted.train(set, config, random);
            byte[] checkpoint = uninterrupted.save();
            long randomState = random.state();
            PolicyTrainingSummary first = uninterrupted.train(set, config, random);

            MlpPolicyNetwork resumed = new MlpPolicyNetworkFactory().restore(checkpoint);
            assertEquals(type, resumed.config().dataType());
            assertEquals(6, resumed.optimizerSteps());
            PolicyTrainingSummary second = resumed.train(set, config, new SplitMix64(randomState));
            assertArrayEquals(uninterrupted.save(), resumed.save(), type.toString());
            assertEquals(first.finalLoss(), second.finalLoss());
        }
    }

    @Test
    void saveRoundTripsExactly() {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.softRectifier(7), 3, 2, 13);
        network.train(TrainingSets.of(30, 3, 2, 14, SMOOTH), new PolicyTrainingConfig(3, 10, 1e-3, 0, 0.1, 0),
                new SplitMix64(1));
        byte[] bytes = network.save();
        MlpPolicyNetwork restored = MlpPolicyNetwork.restore(bytes);
        assertArrayEquals(bytes, restored.save());
        assertEquals(network.config(), restored.config());
        assertEquals(MlpPolicyNetwork.FORMAT, restored.format());
        assertEquals(3 * 7 + 7 + 7 * 2 + 2, restored.parameterCount());
        double[] observation = {0.3, -0.2, 0.9};
        double[] a = new double[2];
        double[] b = new double[2];
        network.predict(observation, a);
        restored.predict(observation, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void singlePredictionEqualsTheBatchRowAndRepeats() {
        for (MlpConfig.DataType type : MlpConfig.DataType.values()) {
            MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults().withDataType(type), 26, 7, 15);
            double[][] observations = TrainingSets.of(12, 26, 7, 16, o -> new double[7]).observations();
            double[][] batch = network.predict(observations);
            double[] mean = new double[7];
            for (int repeat = 0; repeat < 2; repeat++) {
                for (int i = 0; i < observations.length; i++) {
                    network.predict(observations[i], mean);
                    double tolerance = type == MlpConfig.DataType.FLOAT64 ? 1e-12 : 1e-6;
                    assertArrayEquals(batch[i], mean, tolerance, type + " row " + i);
                }
            }
            assertArrayEquals(batch[5], network.predict(observations)[5], 0.0, "batch repeats exactly");
        }
    }

    @Test
    void withoutHiddenLayersTheNetworkIsTheLinearMapOfItsParameters() {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults().withHiddenWidths(List.of()), 3, 2, 24);
        double[] theta = network.parameters();
        assertEquals(3 * 2 + 2, theta.length);
        double[] observation = {0.5, -1.5, 2.0};
        double[] mean = new double[2];
        network.predict(observation, mean);
        for (int u = 0; u < 2; u++) {
            double expected = theta[6 + u];
            for (int o = 0; o < 3; o++) {
                expected += observation[o] * theta[o * 2 + u];
            }
            assertEquals(expected, mean[u], 1e-14);
        }
    }

    @Test
    void predictionsFromAnotherThreadAgree() throws InterruptedException {
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 26, 7, 25);
        double[] observation = TrainingSets.of(1, 26, 7, 26, o -> new double[7]).observations()[0];
        double[] here = new double[7];
        double[] there = new double[7];
        network.predict(observation, here);
        Thread controller = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                network.predict(observation, there);
            }
        });
        controller.start();
        controller.join();
        assertArrayEquals(here, there, 0.0);
    }

    @Test
    void float32AndFloat64GraphsComputeTheSameMean() {
        MlpPolicyNetwork wide = MlpPolicyNetwork.create(MlpConfig.defaults(), 26, 7, 17);
        MlpPolicyNetwork narrow = MlpPolicyNetwork.create(
                MlpConfig.defaults().withDataType(MlpConfig.DataType.FLOAT32), 26, 7, 17);
        double[][] observations = TrainingSets.of(10, 26, 7, 18, o -> new double[7]).observations();
        double[][] a = wide.predict(observations);
        double[][] b = narrow.predict(observations);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-5, "row " + i);
        }
    }

    @Test
    void weightDecayShrinksTheWeightsWhenTargetsAreZero() {
        PolicyTrainingSet set = TrainingSets.of(50, 4, 2, 19, o -> new double[2]);
        double initial = squaredNorm(MlpPolicyNetwork.create(MlpConfig.defaults(), 4, 2, 20).parameters());
        double[] norms = new double[2];
        double[] decays = {0.0, 1.0};
        for (int k = 0; k < 2; k++) {
            MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 4, 2, 20);
            network.train(set, new PolicyTrainingConfig(40, 25, 1e-2, decays[k], 0.1, 0), new SplitMix64(21));
            norms[k] = squaredNorm(network.parameters());
        }
        assertTrue(norms[1] < 0.8 * initial, "with decay: " + norms[1] + " vs initial " + initial);
        assertTrue(norms[1] < 0.8 * norms[0], "with decay " + norms[1] + ", without " + norms[0]);
    }

    @Test
    void aRowWithZeroWeightDoesNotCount() {
        PolicyTrainingSet set = TrainingSets.of(4, 3, 2, 22, SMOOTH);
        double[][] precisions = set.precisions().clone();
        precisions[2] = new double[4];
        PolicyTrainingSet zeroed = new PolicyTrainingSet(set.observations(), set.targetMeans(), precisions);
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 3, 2, 23);
        double[] gradient = new double[(int) network.parameterCount()];
        double[] without = new double[gradient.length];
        network.objectiveGradient(zeroed, new int[] {0, 1, 2, 3}, 0.0, gradient);
        double[] targets2 = zeroed.targetMeans()[2].clone();
        targets2[0] += 100;
        double[][] moved = zeroed.targetMeans().clone();
        moved[2] = targets2;
        network.objectiveGradient(new PolicyTrainingSet(zeroed.observations(), moved, precisions),
                new int[] {0, 1, 2, 3}, 0.0, without);
        assertArrayEquals(gradient, without, 1e-12);
    }

    @Test
    void badSizesAndValuesAreRejectedWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> MlpPolicyNetwork.create(MlpConfig.defaults(), 0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpPolicyNetworkFactory().create(3, -1, 1));
        MlpPolicyNetwork network = MlpPolicyNetwork.create(MlpConfig.defaults(), 3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> network.predict(new double[4], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> network.predict(new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> network.predict(new double[][] {new double[2]}));
        IllegalArgumentException nanObservation = assertThrows(IllegalArgumentException.class,
                () -> network.predict(new double[] {0, Double.NaN, 0}, new double[2]));
        assertTrue(nanObservation.getMessage().contains("index 1"), nanObservation.getMessage());

        PolicyTrainingConfig config = new PolicyTrainingConfig(1, 5, 1e-3, 0, 0.1, 0);
        IllegalArgumentException wrongDims = assertThrows(IllegalArgumentException.class,
                () -> network.train(TrainingSets.of(5, 4, 2, 1, SMOOTH), config, new SplitMix64(1)));
        assertTrue(wrongDims.getMessage().contains("3 -> 2"), wrongDims.getMessage());

        PolicyTrainingSet set = TrainingSets.of(10, 3, 2, 1, SMOOTH);
        set.targetMeans()[7][1] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> network.train(set, config, new SplitMix64(1)));
        assertTrue(nan.getMessage().contains("row 7 target mean"), nan.getMessage());

        PolicyTrainingSet indefinite = TrainingSets.of(10, 3, 2, 1, SMOOTH);
        indefinite.precisions()[4] = new double[] {1, 0, 0, -1};
        IllegalArgumentException notPsd = assertThrows(IllegalArgumentException.class,
                () -> network.train(indefinite, config, new SplitMix64(1)));
        assertTrue(notPsd.getMessage().contains("row 4"), notPsd.getMessage());
        assertEquals(0, network.optimizerSteps(), "rejected sets do not train");
    }

    @Test
    void restoreRejectsBytesThatAreNotAnMlp() {
        byte[] saved = MlpPolicyNetwork.create(MlpConfig.defaults(), 3, 2, 1).save();
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> MlpPolicyNetwork.restore(Arrays.copyOf(saved, saved.length - 8)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpPolicyNetwork.restore(Arrays.copyOf(saved, saved.length + 1)));
        IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
                () -> new MlpPolicyNetworkFactory().restore(new byte[] {0, 3, 'a', 'b', 'c', 0, 0}));
        assertTrue(garbage.getMessage().contains("format 'abc'"), garbage.getMessage());
    }

    @Test
    void serviceLoaderFindsTheMlpFactory() {
        PolicyNetworkFactory found = null;
        for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
            if (factory.type().equals(MlpPolicyNetworkFactory.TYPE)) {
                found = factory;
            }
        }
        assertTrue(found instanceof MlpPolicyNetworkFactory, "mlp factory registered");
        PolicyNetwork network = found.create(26, 7, 1);
        assertEquals(26, network.inputDim());
        assertEquals(7, network.outputDim());
        assertEquals(26 * 40 + 40 + 40 * 40 + 40 + 40 * 7 + 7, network.parameterCount());
        assertEquals("nd4j-samediff-mlp", network.format());
        assertEquals(MlpConfig.defaults(), ((MlpPolicyNetwork) network).config());
    }

    private static PolicyTrainingSet smallSet() {
        return TrainingSets.of(8, 5, 3, 2, o -> new double[] {Math.sin(o[0]), o[1] * o[2], o[3] - o[4]});
    }

    static int[] allRows(int rows) {
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        return all;
    }

    private static double squaredNorm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }
}
