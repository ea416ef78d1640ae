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
        PolicyTrainingSet set = imageSet(SMALL, 6, 5);
        int[] rows = {0, 1, 2, 3, 4, 5};
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
        System.out.println("DEBUG maxError " + maxError + " kinks " + kinks + " of " + theta.length + " temp " + analytic[network.temperatureIndex()]);
        assertTrue(kinks <= theta.length / 20, kinks + " of " + theta.length + " at ReLU kinks");
        assertTrue(maxError < 1e-5, "max relative error " + maxError + " over " + theta.length + " parameters");
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
