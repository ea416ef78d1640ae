package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gpsros.testing.ParityData;
import org.junit.jupiter.api.Test;

/**
 * Parity items (a) and (c) of lqr-parity/README.md: {@code DynamicsPriorGMM.update} + {@code DynamicsLRPrior.fit}
 * (max_clusters 20, min_samples_per_cluster 40, max_samples 20, strength 1, regularization 1e-6) and the
 * initial-state fit, in reference mode with the recorded initial cluster labels.
 */
class DynamicsFitterParityTest {
    private static final DynamicsPriorConfig PRIOR = DynamicsPriorConfig.examples()
            .withCompatibility(ReferenceCompatibility.REFERENCE);
    private static final DynamicsFitConfig FIT = DynamicsFitConfig.defaults()
            .withCompatibility(ReferenceCompatibility.REFERENCE);

    @Test
    void dynamicsAndInitialStateMatchReferenceOnParityDataA() {
        double[][][] x = ParityData.states(5);
        double[][][] u = ParityData.actions(5);
        DynamicsPriorGmm prior = new DynamicsPriorGmm(PRIOR, 0L);
        DynamicsFitter fitter = DynamicsFitter.withPrior(FIT, prior);

        prior.update(x, u, ParityData.labels("cidx_a_seed0.csv"));
        LinearGaussianDynamics dynamics = fitter.fit(x, u);
        InitialStateDistribution initial = fitter.fitInitialState(x);

        assertEquals(12, prior.lastUpdate().clusterCount(), "K");
        assertEquals(3, prior.lastUpdate().eSteps(), "E-step calls");
        double[][] fm = ParityData.blocks("ref_a_Fm_100x26x33.csv", 100, 26 * 33);
        double[][] fv = ParityData.blocks("ref_a_fv_100x26.csv", 100, 26);
        double[][] covar = ParityData.blocks("ref_a_dyn_covar_100x26x26.csv", 100, 26 * 26);
        assertEquals(0.0, ParityAssert.relativeError(dynamics.jacobian(), fm), 1e-9, "F");
        assertEquals(0.0, ParityAssert.relativeError(dynamics.offset(), fv), 1e-9, "f");
        assertEquals(0.0, ParityAssert.relativeError(dynamics.covariance(), covar), 1e-9, "dynamics covariance");
        double[] x0mu = ParityData.flat("ref_a_x0mu.csv");
        double[] x0sigma = ParityData.flat("ref_a_x0sigma.csv");
        assertEquals(0.0, ParityAssert.relativeError(new double[][] {initial.mean()}, new double[][] {x0mu}), 1e-14,
                "x0mu");
        assertEquals(0.0, ParityAssert.relativeError(new double[][] {initial.covariance()}, new double[][] {x0sigma}),
                1e-14, "x0sigma");
    }

    @Test
    void jacobianNormSumMatchesReferenceForFiveSamples() {
        assertEquals(473.4682, jacobianNormSum(5, "cidx_c_N5.csv", 5), 5e-5);
    }

    @Test
    void jacobianNormSumMatchesReferenceForTwentySamplesWithNineteenKept() {
        assertEquals(485.0453, jacobianNormSum(20, "cidx_c_N20.csv", 19), 5e-5);
    }

    private static double jacobianNormSum(int samples, String labels, int expectedKept) {
        double[][][] x = ParityData.states(samples);
        double[][][] u = ParityData.actions(samples);
        DynamicsPriorGmm prior = new DynamicsPriorGmm(PRIOR, 7L);
        DynamicsFitter fitter = DynamicsFitter.withPrior(FIT, prior);
        prior.update(x, u, ParityData.labels(labels));
        assertEquals(expectedKept, prior.bufferedTrajectories(), "trajectories kept by the prior");
        LinearGaussianDynamics dynamics = fitter.fit(x, u);
        double sum = 0.0;
        for (double[] f : dynamics.jacobian()) {
            double squares = 0.0;
            for (double v : f) {
                squares += v * v;
            }
            sum += Math.sqrt(squares);
        }
        return sum;
    }
}
