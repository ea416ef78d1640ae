package org.gpsros.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class LinearPolicyNetworkTest {
    private static final int DO = 5;
    private static final int DU = 3;

    /** A random training set with SPD precisions; targets from a random linear map plus noise. */
    static PolicyTrainingSet randomSet(int rows, long seed, double noise) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] w = new double[DU][DO];
        for (double[] row : w) {
            random.fillNormal(row);
        }
        double[][] o = new double[rows][DO];
        double[][] u = new double[rows][DU];
        double[][] p = new double[rows][DU * DU];
        for (int i = 0; i < rows; i++) {
            random.fillNormal(o[i]);
            for (int a = 0; a < DU; a++) {
                double s = 0.3 * a + noise * random.nextNormal();
                for (int j = 0; j < DO; j++) {
                    s += w[a][j] * o[i][j];
                }
                u[i][a] = s;
            }
            double[] l = new double[DU * DU];
            random.fillNormal(l);
            for (int a = 0; a < DU; a++) {
                for (int b = 0; b < DU; b++) {
                    double s = a == b ? 0.5 : 0.0;
                    for (int c = 0; c < DU; c++) {
                        s += l[a * DU + c] * l[b * DU + c];
                    }
                    p[i][a * DU + b] = s;
                }
            }
        }
        return new PolicyTrainingSet(o, u, p);
    }

    /** Minibatch loss (1/(2B)) Σ rᵀPr + λ·½‖θ‖² of the network's current parameters. */
    private static double batchLoss(LinearPolicyNetwork network, PolicyTrainingSet set, int[] batch, double decay) {
        double[] r = new double[DU];
        double sum = 0;
        double[] mean = new double[DU];
        for (int row : batch) {
            network.predict(set.observations()[row], mean);
            sum += PolicyLoss.quadratic(set.targetMeans()[row], mean, set.precisions()[row], r);
        }
        double norm = 0;
        for (double v : network.weights()) {
            norm += v * v;
        }
        for (double v : network.bias()) {
            norm += v * v;
        }
        return sum / (2.0 * batch.length) + decay * 0.5 * norm;
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        PolicyTrainingSet set = randomSet(12, 7, 0.5);
        SplitMix64 random = new SplitMix64(3);
        double[] w = new double[DU * DO];
        double[] b = new double[DU];
        random.fillNormal(w);
        random.fillNormal(b);
        int[] batch = {0, 3, 4, 7, 11};
        double decay = 0.05;
        LinearPolicyNetwork network = LinearPolicyNetwork.of(DO, DU, w, b);
        network.gradient(set, batch, decay);
        double[][] analytic = network.lastGradient();
        double h = 1e-6;
        double maxError = 0;
        double maxGradient = 0;
        for (int block = 0; block < 2; block++) {
            double[] params = block == 0 ? w : b;
            for (int i = 0; i < params.length; i++) {
                double saved = params[i];
                params[i] = saved + h;
                double plus = batchLoss(LinearPolicyNetwork.of(DO, DU, w, b), set, batch, decay);
                params[i] = saved - h;
                double minus = batchLoss(LinearPolicyNetwork.of(DO, DU, w, b), set, batch, decay);
                params[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                maxError = Math.max(maxError, Math.abs(numeric - analytic[block][i]));
                maxGradient = Math.max(maxGradient, Math.abs(analytic[block][i]));
            }
        }
        assertTrue(maxGradient > 0.1, "a gradient worth checking");
        assertTrue(maxError < 1e-7 * maxGradient, "finite differences differ by " + maxError + " (max |g| "
                + maxGradient + ")");
    }

    @Test
    void trainingDecreasesTheLossToTheNoiseFloor() {
        PolicyTrainingSet set = randomSet(400, 11, 0.0);
        LinearPolicyNetwork network = LinearPolicyNetwork.create(DO, DU, 5);
        PolicyTrainingConfig config = new PolicyTrainingConfig(3000, 25, 1e-2, 0.0, 0.1, 0.0);
        PolicyTrainingSummary summary = network.train(set, config, new SplitMix64(1));
        assertEquals(3000, summary.iterations());
        assertTrue(summary.initialLoss() > 1.0, "initial loss " + summary.initialLoss());
        assertTrue(summary.finalLoss() < 1e-4 * summary.initialLoss(), "loss went from " + summary.initialLoss()
                + " to " + summary.finalLoss());
        assertEquals(PolicyLoss.mean(set, network.predict(set.observations())), summary.finalLoss(), 0.0);
        assertEquals(3000, network.adamSteps());
    }

    @Test
    void savedNetworkContinuesTrainingBitIdentically() {
        PolicyTrainingSet set = randomSet(60, 13, 0.2);
        PolicyTrainingConfig config = new PolicyTrainingConfig(40, 25, 1e-2, 0.005, 0.1, 0.0);
        LinearPolicyNetwork whole = LinearPolicyNetwork.create(DO, DU, 9);
        SplitMix64 wholeRandom = new SplitMix64(4);
        whole.train(set, config, wholeRandom);
        whole.train(set, config, wholeRandom);

        LinearPolicyNetwork first = LinearPolicyNetwork.create(DO, DU, 9);
        SplitMix64 firstRandom = new SplitMix64(4);
        first.train(set, config, firstRandom);
        PolicyNetwork resumed = new LinearPolicyNetworkFactory().restore(first.save());
        resumed.train(set, config, new SplitMix64(firstRandom.state()));

        assertArrayEquals(whole.save(), resumed.save());
        assertEquals("linear", resumed.format());
        assertEquals(DO * DU + DU, resumed.parameterCount());
        assertThrows(IllegalArgumentException.class, () -> LinearPolicyNetwork.restore(new byte[] {1, 2, 3}));
    }

    @Test
    void weightDecayShrinksTheParametersWhenTargetsAreZero() {
        PolicyTrainingSet random = randomSet(50, 17, 0.0);
        double[][] zeros = new double[50][DU];
        PolicyTrainingSet set = new PolicyTrainingSet(random.observations(), zeros, random.precisions());
        double[] w = new double[DU * DO];
        java.util.Arrays.fill(w, 1.0);
        LinearPolicyNetwork network = LinearPolicyNetwork.of(DO, DU, w, new double[] {1, 1, 1});
        network.train(set, new PolicyTrainingConfig(500, 10, 1e-2, 0.1, 0.1, 0.0), new SplitMix64(2));
        for (double v : network.weights()) {
            assertTrue(Math.abs(v) < 0.1, "weight " + v);
        }
    }

    @Test
    void serviceLoaderFindsTheLinearFactory() {
        boolean found = false;
        for (PolicyNetworkFactory factory : ServiceLoader.load(PolicyNetworkFactory.class)) {
            if (factory.type().equals("linear")) {
                found = true;
                PolicyNetwork network = factory.create(4, 2, 1);
                assertEquals(4, network.inputDim());
                assertEquals(2, network.outputDim());
            }
        }
        assertTrue(found, "no PolicyNetworkFactory of type linear registered");
    }

    @Test
    void minibatchesVisitEveryRowOncePerPass() {
        MinibatchOrder order = new MinibatchOrder(10, 3, new SplitMix64(8));
        assertEquals(3, order.batchesPerPass());
        int[] batch = new int[3];
        boolean[] seen = new boolean[10];
        for (int i = 0; i < 3; i++) {
            order.next(batch);
            for (int row : batch) {
                assertTrue(!seen[row], "row " + row + " twice in one pass");
                seen[row] = true;
            }
        }
        MinibatchOrder small = new MinibatchOrder(4, 25, new SplitMix64(8));
        assertEquals(4, small.batchSize());
    }
}
