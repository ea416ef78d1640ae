package org.gpsros.policyprior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.ObservationNormalizer;
import org.junit.jupiter.api.Test;

class PolicyLinearizationTest {
    private static final int N = 12;
    private static final int T = 6;
    private static final int DX = 4;
    private static final int DU = 2;

    /** States N × T × dX, random, with every sample starting from the same x_0 (as in a real condition). */
    static double[][][] states(long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[] x0 = new double[DX];
        random.fillNormal(x0);
        double[][][] x = new double[N][T][DX];
        for (int n = 0; n < N; n++) {
            x[n][0] = x0.clone();
            for (int t = 1; t < T; t++) {
                random.fillNormal(x[n][t]);
            }
        }
        return x;
    }

    @Test
    void recoversAnExactlyLinearTimeVaryingPolicyWithTheConstantPrior() {
        SplitMix64 random = new SplitMix64(3);
        double[][] gains = new double[T][DU * DX];
        double[][] offsets = new double[T][DU];
        for (int t = 0; t < T; t++) {
            random.fillNormal(gains[t]);
            random.fillNormal(offsets[t]);
        }
        double[][][] x = states(1);
        double[][][] mu = new double[N][T][DU];
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                for (int a = 0; a < DU; a++) {
                    double s = offsets[t][a];
                    for (int j = 0; j < DX; j++) {
                        s += gains[t][a * DX + j] * x[n][t][j];
                    }
                    mu[n][t][a] = s;
                }
            }
        }
        double[] sigma = {0.3, 0.05, 0.05, 0.2};
        // A vanishing ridge (1e-10) recovers K, k exactly and S_t = 0, so the covariance is Σ_π.
        LinearGaussianPolicy exact = PolicyLinearization.fit(new ConstantPolicyPrior(new PolicyPriorConfig.Constant(1e-10)),
                x, mu, sigma, ReferenceCompatibility.CORRECTED);
        for (int t = 1; t < T; t++) {
            assertArrayEquals(gains[t], exact.feedbackGains()[t], 1e-8, "K at t=" + t);
            assertArrayEquals(offsets[t], exact.feedforward()[t], 1e-8, "k at t=" + t);
            assertArrayEquals(sigma, exact.covariance()[t], 1e-9, "covariance S_t + Σ_π at t=" + t);
        }
        // t = 0: every sample has the same state, so only the mean action is identified: K x0 + k matches.
        double[] x0 = x[0][0];
        for (int a = 0; a < DU; a++) {
            double predicted = exact.feedforward()[0][a];
            for (int j = 0; j < DX; j++) {
                predicted += exact.feedbackGains()[0][a * DX + j] * x0[j];
            }
            assertEquals(mu[0][0][a], predicted, 1e-9);
        }
        assertArrayEquals(sigma, exact.covariance()[0], 1e-9);
        // The reference's strength 1e-4 against 12 points shrinks K by about 1e-5 relative and leaves a conditional
        // variance S_t of order strength·‖K‖²/N.
        LinearGaussianPolicy ridge = PolicyLinearization.fit(PolicyPrior.create(PolicyPriorConfig.constantDefaults(), 0),
                x, mu, sigma, ReferenceCompatibility.REFERENCE);
        for (int t = 1; t < T; t++) {
            assertArrayEquals(gains[t], ridge.feedbackGains()[t], 1e-4, "K at t=" + t);
            assertArrayEquals(sigma, ridge.covariance()[t], 1e-3, "covariance at t=" + t);
            assertTrue(ridge.covariance()[t][0] > sigma[0], "S_t is positive semi-definite");
        }
    }

    @Test
    void recoversALinearNetworkPolicyThroughTheGmmPrior() {
        double[] w = {0.5, -1, 0.25, 0, 1, 0.3, -0.2, 2};
        double[] b = {0.1, -0.4};
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(LinearPolicyNetwork.of(DX, DU, w, b),
                ObservationNormalizer.identity(DX), new double[] {0.2, 0.1});
        double[][][] x = states(2);
        PolicyPrior prior = PolicyPrior.create(PolicyPriorConfig.gmmDefaults().withMinSamplesPerCluster(10), 5);
        prior.update(x, x, policy, PolicySampleMode.ADD);
        double[][][] mu = policy.mean(x);
        LinearGaussianPolicy fit = PolicyLinearization.fit(prior, x, mu, policy.covariance(),
                ReferenceCompatibility.CORRECTED);
        for (int t = 1; t < T; t++) {
            assertArrayEquals(w, fit.feedbackGains()[t], 1e-3, "K at t=" + t);
            assertArrayEquals(b, fit.feedforward()[t], 1e-3, "k at t=" + t);
            assertArrayEquals(policy.covariance(), fit.covariance()[t], 1e-4, "covariance at t=" + t);
        }
    }

    @Test
    void constantPriorIsTheReferenceRidge() {
        NormalInverseWishart p = new ConstantPolicyPrior(new PolicyPriorConfig.Constant(2.0)).eval(2, 1,
                new double[][][] {{{1, 2, 3}}})[0];
        assertArrayEquals(new double[] {2, 0, 0, 0, 2, 0, 0, 0, 2e-5}, p.scatter(), 1e-20);
        assertArrayEquals(new double[3], p.mean(), 0.0);
        assertEquals(0.0, p.meanPseudoCount());
        assertEquals(2.0, p.degreesOfFreedom());
        assertNull(new ConstantPolicyPrior(PolicyPriorConfig.constantDefaults()).state());
    }

    @Test
    void oneSampleIsRejected() {
        PolicyPrior prior = PolicyPrior.create(PolicyPriorConfig.constantDefaults(), 0);
        double[][][] x = {states(1)[0]};
        assertThrows(IllegalArgumentException.class, () -> PolicyLinearization.fit(prior, x, new double[1][T][DU],
                new double[] {1, 0, 0, 1}, ReferenceCompatibility.CORRECTED));
    }

    @Test
    void gmmPriorPullsTowardsTheMixtureWithFewSamples() {
        // With 2 samples per step the regression alone cannot identify a 4-D gain; the GMM prior (fitted on all steps
        // of a time-invariant policy) supplies it.
        double[] w = {0.5, -1, 0.25, 0, 1, 0.3, -0.2, 2};
        GaussianGlobalPolicy policy = new GaussianGlobalPolicy(LinearPolicyNetwork.of(DX, DU, w, new double[2]),
                ObservationNormalizer.identity(DX), new double[] {0.2, 0.1});
        double[][][] x = states(4);
        PolicyPrior prior = PolicyPrior.create(PolicyPriorConfig.gmmDefaults(), 5);
        prior.update(x, x, policy, PolicySampleMode.ADD);
        double[][][] two = {x[0], x[1]};
        LinearGaussianPolicy fit = PolicyLinearization.fit(prior, two, policy.mean(two), policy.covariance(),
                ReferenceCompatibility.CORRECTED);
        double error = 0;
        for (int i = 0; i < w.length; i++) {
            error = Math.max(error, Math.abs(fit.feedbackGains()[3][i] - w[i]));
        }
        assertTrue(error < 0.05, "gain error " + error);
    }
}
