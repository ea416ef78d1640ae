package org.gpsros.policyprior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.dynamics.GmmState;
import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.ObservationNormalizer;
import org.junit.jupiter.api.Test;

class PolicyPriorGmmTest {
    private static final int T = 20;
    private static final int DX = 3;
    private static final int DO = 2;
    private static final int DU = 2;

    private static double[][][] random(int n, int dim, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[][][] out = new double[n][T][dim];
        for (double[][] trajectory : out) {
            for (double[] row : trajectory) {
                r.fillNormal(row);
            }
        }
        return out;
    }

    private static GaussianGlobalPolicy policy(double scale) {
        return new GaussianGlobalPolicy(LinearPolicyNetwork.of(DO, DU, new double[] {scale, 0.5, -1, 2}, new double[] {0, 1}),
                ObservationNormalizer.identity(DO), new double[] {0.1, 0.1});
    }

    private static PolicyPriorConfig.GaussianMixture config() {
        return PolicyPriorConfig.gmmDefaults().withMaxSamples(5).withMinSamplesPerCluster(10).withMaxClusters(4);
    }

    @Test
    void bufferKeepsTheNewestTrajectoriesAndReplaceSwapsThem() {
        PolicyPriorGmm prior = new PolicyPriorGmm(config(), 1);
        prior.update(random(3, DX, 1), random(3, DO, 2), policy(1), PolicySampleMode.ADD);
        assertEquals(3, prior.bufferedTrajectories());
        // K = max(2, min(4, ⌊60/10⌋)) = 4.
        assertEquals(4, prior.gmmState().clusterCount());
        double[][][] newest = random(4, DX, 3);
        prior.update(newest, random(4, DO, 4), policy(1), PolicySampleMode.ADD);
        assertEquals(5, prior.bufferedTrajectories());
        assertArrayEquals(newest[3][7], prior.state().states()[4][7], 0.0);
        assertArrayEquals(newest[0][0], prior.state().states()[1][0], 0.0);
        prior.update(random(2, DX, 5), random(2, DO, 6), policy(1), PolicySampleMode.REPLACE);
        assertEquals(2, prior.bufferedTrajectories());
        // An empty 'add' refits the mixture on the buffer under the current policy.
        prior.update(new double[0][][], new double[0][][], policy(3), PolicySampleMode.ADD);
        assertEquals(2, prior.bufferedTrajectories());
    }

    @Test
    void restoredPriorContinuesBitIdentically() {
        PolicyPriorGmm whole = new PolicyPriorGmm(config(), 9);
        PolicyPriorGmm first = new PolicyPriorGmm(config(), 9);
        whole.update(random(3, DX, 1), random(3, DO, 2), policy(1), PolicySampleMode.ADD);
        first.update(random(3, DX, 1), random(3, DO, 2), policy(1), PolicySampleMode.ADD);
        PolicyPriorGmm resumed = (PolicyPriorGmm) PolicyPrior.restore(config(), first.state());
        // Same K (4) and a new policy: EM warm-starts from the saved mixture.
        whole.update(random(3, DX, 3), random(3, DO, 4), policy(2), PolicySampleMode.ADD);
        resumed.update(random(3, DX, 3), random(3, DO, 4), policy(2), PolicySampleMode.ADD);
        assertSameGmm(whole.gmmState(), resumed.gmmState());
        assertEquals(whole.state().randomState(), resumed.state().randomState());
        double[][][] points = {random(1, DX + DU, 8)[0]};
        NormalInverseWishart a = whole.eval(DX, DU, points)[0];
        NormalInverseWishart b = resumed.eval(DX, DU, points)[0];
        assertTrue(a.approxEquals(b, 0.0));
        // eval scales the GMM's normalised moments by strength: m = strength, n₀ = strength·(N − 2 − D)/N.
        PolicyPriorGmm strong = PolicyPriorGmm.restore(config().withStrength(3.0), whole.state());
        NormalInverseWishart c = strong.eval(DX, DU, points)[0];
        assertEquals(3.0, c.meanPseudoCount(), 1e-15);
        assertEquals(3.0 * a.degreesOfFreedom(), c.degreesOfFreedom(), 1e-12);
        for (int i = 0; i < a.scatter().length; i++) {
            assertEquals(3.0 * a.scatter()[i], c.scatter()[i], 1e-12 * Math.max(1, Math.abs(c.scatter()[i])));
        }
    }

    private static void assertSameGmm(GmmState a, GmmState b) {
        assertEquals(a.clusterCount(), b.clusterCount());
        assertEquals(a.pointCount(), b.pointCount());
        for (int k = 0; k < a.clusterCount(); k++) {
            assertArrayEquals(a.means()[k], b.means()[k], 0.0);
            assertArrayEquals(a.covariances()[k], b.covariances()[k], 0.0);
        }
        assertArrayEquals(a.logMass(), b.logMass(), 0.0);
    }
}
