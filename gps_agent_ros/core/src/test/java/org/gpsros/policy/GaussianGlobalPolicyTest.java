package org.gpsros.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussianGlobalPolicyTest {

    @Test
    void actAddsSquareRootVarianceTimesNoiseToTheNormalisedMean() {
        // μ(o') = W o' + b with W = [[1, 2], [0, -1]], b = [0.5, 0]; o' = 2·o − 1 per entry.
        LinearPolicyNetwork network = LinearPolicyNetwork.of(2, 2, new double[] {1, 2, 0, -1}, new double[] {0.5, 0});
        ObservationNormalizer normalizer = new ObservationNormalizer(2, new double[] {2, 2}, new double[] {-1, -1});
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(network, normalizer, new double[] {4.0, 0.25});
        double[] o = {1.0, 0.5};
        double[] mean = new double[2];
        policy.act(0, new double[0], o, new double[2], mean);
        // o' = (1, 0): μ = (1 + 0.5, 0).
        assertArrayEquals(new double[] {1.5, 0.0}, mean, 1e-15);
        double[] noisy = new double[2];
        policy.act(3, new double[0], o, new double[] {1.0, -2.0}, noisy);
        assertArrayEquals(new double[] {1.5 + 2.0 * 1.0, 0.0 + 0.5 * -2.0}, noisy, 1e-15);
        // Batched means equal the noiseless actions.
        double[][][] batch = policy.mean(new double[][][] {{o, {0, 0}}});
        assertArrayEquals(mean, batch[0][0], 1e-15);
        assertArrayEquals(new double[] {0.5 + (-1) + 2 * (-1), 1.0}, batch[0][1], 1e-15);
        assertArrayEquals(new double[] {0.25, 0, 0, 4.0}, policy.precision(), 1e-15);
        assertArrayEquals(new double[] {4.0, 0, 0, 0.25}, policy.covariance(), 1e-15);
    }

    @Test
    void initialPolicyUsesIdentityNormaliserAndInitialVariance() {
        GaussianGlobalPolicy policy = GaussianGlobalPolicy.initial(LinearPolicyNetwork.create(3, 2, 1), 0.1);
        assertArrayEquals(new double[] {0.1, 0.1}, policy.variance(), 0.0);
        assertEquals(3, policy.normalizer().normalizedDim());
        assertArrayEquals(new double[] {1, 2, 3}, policy.normalizer().apply(new double[] {1, 2, 3}), 0.0);
    }
}
