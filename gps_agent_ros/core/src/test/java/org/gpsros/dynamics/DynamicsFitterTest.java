package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dynamics fit and the initial-state fit, with and without a prior. */
class DynamicsFitterTest {

    @Test
    void recoversKnownLinearDynamicsWithoutPrior() {
        LinearSystemData data = new LinearSystemData(30, 6, 3, 2, 0.0, 1L);
        DynamicsFitter fitter = DynamicsFitter.withoutPrior(DynamicsFitConfig.defaults().withRegularization(1e-12));

        LinearGaussianDynamics dynamics = fitter.fit(data.states, data.actions);

        assertEquals(6, dynamics.horizon());
        for (int t = 0; t < 5; t++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(data.a[i][j], dynamics.jacobian()[t][i * 5 + j], 1e-8, "A at t=" + t);
                }
                for (int j = 0; j < 2; j++) {
                    assertEquals(data.b[i][j], dynamics.jacobian()[t][i * 5 + 3 + j], 1e-8, "B at t=" + t);
                }
                assertEquals(data.c[i], dynamics.offset()[t][i], 1e-8, "c at t=" + t);
            }
            for (double v : dynamics.covariance()[t]) {
                assertEquals(0.0, v, 1e-10);
            }
        }
        assertArrayEquals(new double[15], dynamics.jacobian()[5], "the last step is never fitted");
        assertArrayEquals(new double[3], dynamics.offset()[5]);
    }

    @Test
    void theGmmPriorLetsFewSamplesFitWellAndKeepsCovariancesSymmetric() {
        LinearSystemData data = new LinearSystemData(20, 25, 3, 2, 0.02, 2L);
        DynamicsPriorGmm prior = new DynamicsPriorGmm(DynamicsPriorConfig.examples().withMinSamplesPerCluster(20), 3L);
        DynamicsFitter fitter = DynamicsFitter.withPrior(DynamicsFitConfig.defaults(), prior);
        fitter.updatePrior(data.states(0, 16), data.actions(0, 16));
        double[][][] x = data.states(16, 20);
        double[][][] u = data.actions(16, 20);

        LinearGaussianDynamics dynamics = fitter.fit(x, u);

        double worst = 0.0;
        for (int t = 0; t < 24; t++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    worst = Math.max(worst, Math.abs(data.a[i][j] - dynamics.jacobian()[t][i * 5 + j]));
                }
                for (int j = 0; j < 3; j++) {
                    assertEquals(dynamics.covariance()[t][i * 3 + j], dynamics.covariance()[t][j * 3 + i], 0.0);
                }
                assertTrue(dynamics.covariance()[t][i * 3 + i] > 0);
            }
        }
        assertTrue(worst < 0.1, "4 samples with the prior recover A to " + worst);
        assertTrue(!dynamics.containsNaN());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        LinearSystemData data = new LinearSystemData(12, 20, 3, 2, 0.02, 6L);
        LinearGaussianDynamics[] fits = new LinearGaussianDynamics[2];
        for (int threads = 1; threads <= 2; threads++) {
            DynamicsPriorGmm prior = new DynamicsPriorGmm(DynamicsPriorConfig.examples().withMinSamplesPerCluster(20)
                    .withParallelism(threads), 3L);
            DynamicsFitter fitter = DynamicsFitter.withPrior(DynamicsFitConfig.defaults().withParallelism(threads), prior);
            fitter.updatePrior(data.states, data.actions);
            fits[threads - 1] = fitter.fit(data.states(8, 12), data.actions(8, 12));
        }
        assertArrayEquals(fits[0].jacobian(), fits[1].jacobian());
        assertArrayEquals(fits[0].offset(), fits[1].offset());
        assertArrayEquals(fits[0].covariance(), fits[1].covariance());
    }

    @Test
    void fewSamplesWithoutPriorNeedTheCorrectedRegularisation() {
        LinearSystemData data = new LinearSystemData(3, 5, 3, 2, 0.02, 4L);
        LinearGaussianDynamics corrected = DynamicsFitter.withoutPrior(DynamicsFitConfig.defaults())
                .fit(data.states, data.actions);
        assertTrue(!corrected.containsNaN());
        DynamicsFitException e = assertThrows(DynamicsFitException.class,
                () -> DynamicsFitter.withoutPrior(DynamicsFitConfig.defaults()
                        .withCompatibility(ReferenceCompatibility.REFERENCE)).fit(data.states, data.actions));
        assertTrue(e.getMessage().startsWith("dynamics fit at t=0"), e.getMessage());
    }

    @Test
    void invalidInputIsRejectedWithAClearMessage() {
        LinearSystemData data = new LinearSystemData(3, 5, 3, 2, 0.02, 5L);
        DynamicsFitter fitter = DynamicsFitter.withoutPrior(DynamicsFitConfig.defaults());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> fitter.fit(data.states(0, 1), data.actions(0, 1)));
        assertTrue(single.getMessage().contains("at least 2"), single.getMessage());
        double[][][] actions = DynamicsPriorGmm.deepCopy(data.actions);
        actions[2][3][1] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> fitter.fit(data.states, actions));
        assertTrue(nan.getMessage().contains("actions[2][3][1] is NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fitter.fit(data.states(0, 3), data.actions(0, 2)));
    }

    @Test
    void initialStateWithoutPriorIsMeanAndFlooredVariance() {
        double[][][] states = {{{1.0, 5.0}}, {{3.0, 5.0}}};
        InitialStateDistribution x0 = DynamicsFitter.withoutPrior(DynamicsFitConfig.defaults()
                .withInitialStateVariance(1e-3)).fitInitialState(states);
        assertArrayEquals(new double[] {2.0, 5.0}, x0.mean(), 0.0);
        assertArrayEquals(new double[] {1.0, 0.0, 0.0, 1e-3}, x0.covariance(), 0.0);
    }

    @Test
    void correctedInitialStateIsTheNiwMapEstimate() {
        double[][][] states = {{{1.0, 5.0}}, {{3.0, 5.4}}, {{2.0, 4.6}}};
        // Empirical: mean (2, 5), variances (2/3, 0.32/3).
        double[] s = {2.0 / 3.0, 0.0, 0.0, 0.32 / 3.0};
        // A prior consistent with the data (μ₀ = x̄₀, Φ₀ = n₀·S) leaves the estimate unchanged.
        double n0 = 4.0;
        double[] phi = {n0 * s[0], 0.0, 0.0, n0 * s[3]};
        InitialStateDistribution consistent = fitter(new NormalInverseWishart(new double[] {2.0, 5.0}, phi, 2.0, n0),
                ReferenceCompatibility.CORRECTED).fitInitialState(states);
        assertArrayEquals(s, consistent.covariance(), 1e-15);

        // In general: (N·S + Φ₀ + N·m/(N+m)·d dᵀ)/(N + n₀), d = x̄₀ − μ₀.
        NormalInverseWishart prior = new NormalInverseWishart(new double[] {1.0, 4.0}, new double[] {2.0, 0.5, 0.5, 1.0},
                2.0, 2.0);
        InitialStateDistribution map = fitter(prior, ReferenceCompatibility.CORRECTED).fitInitialState(states);
        double c = 3.0 * 2.0 / 5.0;
        assertEquals((3 * s[0] + 2.0 + c) / 5.0, map.covariance()[0], 1e-15);
        assertEquals((0.5 + c) / 5.0, map.covariance()[1], 1e-15);
        assertEquals((3 * s[3] + 1.0 + c) / 5.0, map.covariance()[3], 1e-15);

        // The reference adds Φ₀ un-normalised: S + Φ₀ + N·m/(N+m)·d dᵀ/(N + n₀).
        InitialStateDistribution reference = fitter(prior, ReferenceCompatibility.REFERENCE).fitInitialState(states);
        assertEquals(s[0] + 2.0 + c / 5.0, reference.covariance()[0], 1e-15);
        assertEquals(0.5 + c / 5.0, reference.covariance()[1], 1e-15);
    }

    @Test
    void correctedInitialStateKeepsTheVarianceFloor() {
        double[][][] states = {{{1.0}}, {{1.0}}};
        NormalInverseWishart prior = new NormalInverseWishart(new double[] {1.0}, new double[] {0.0}, 1.0, 1.0);
        InitialStateDistribution x0 = fitter(prior, ReferenceCompatibility.CORRECTED).fitInitialState(states);
        assertEquals(1e-6, x0.covariance()[0], 0.0);
    }

    private static DynamicsFitter fitter(NormalInverseWishart initialStatePrior, ReferenceCompatibility mode) {
        DynamicsPrior prior = new DynamicsPrior() {
            @Override
            public void update(double[][][] states, double[][][] actions) {
            }

            @Override
            public NormalInverseWishart eval(int stateDim, int actionDim, double[][] points) {
                throw new UnsupportedOperationException();
            }

            @Override
            public NormalInverseWishart initialState() {
                return initialStatePrior;
            }
        };
        return DynamicsFitter.withPrior(DynamicsFitConfig.defaults().withCompatibility(mode), prior);
    }
}
