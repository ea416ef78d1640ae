package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** Identities of the Gaussian regression with and without a normal-inverse-Wishart prior. */
class GaussianRegressionTest {

    /** y = A x + b + noise·ε with x ~ N(0, I). */
    private static double[][] linearData(int n, double[] a, double[] b, int in, int out, double noise, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] points = new double[n][in + out];
        for (double[] p : points) {
            for (int i = 0; i < in; i++) {
                p[i] = random.nextNormal();
            }
            for (int o = 0; o < out; o++) {
                double y = b[o] + noise * random.nextNormal();
                for (int i = 0; i < in; i++) {
                    y += a[o * in + i] * p[i];
                }
                p[in + o] = y;
            }
        }
        return points;
    }

    @Test
    void recoversAKnownLinearSystemFromNoiseFreeData() {
        double[] a = {0.5, -1.0, 2.0, 0.25, 1.5, -0.75};
        double[] b = {0.1, -0.2};
        double[][] points = linearData(40, a, b, 3, 2, 0.0, 1L);

        LinearGaussianConditional fit = GaussianRegression.fit(points, 3, null, 0.0, ReferenceCompatibility.CORRECTED);

        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], fit.jacobian()[i], 1e-12, "F[" + i + "]");
        }
        for (int o = 0; o < 2; o++) {
            assertEquals(b[o], fit.offset()[o], 1e-12, "f[" + o + "]");
        }
        for (double v : fit.covariance()) {
            assertEquals(0.0, v, 1e-12, "conditional covariance of noise-free data");
        }
    }

    @Test
    void recoversTheNoiseCovarianceFromManyNoisyPoints() {
        double[] a = {0.5, -1.0, 2.0, 0.25, 1.5, -0.75};
        double[] b = {0.1, -0.2};
        double[][] points = linearData(200_000, a, b, 3, 2, 0.1, 2L);

        LinearGaussianConditional fit = GaussianRegression.fit(points, 3, null, 1e-6, ReferenceCompatibility.CORRECTED);

        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], fit.jacobian()[i], 2e-3, "F[" + i + "]");
        }
        assertEquals(0.01, fit.covariance()[0], 2e-4, "noise variance of output 0");
        assertEquals(0.01, fit.covariance()[3], 2e-4, "noise variance of output 1");
        assertEquals(0.0, fit.covariance()[1], 2e-4, "noise covariance");
    }

    @Test
    void withManyPointsTheNiwFitTendsToTheEmpiricalFit() {
        double[] a = {0.5, -1.0, 2.0, 0.25, 1.5, -0.75};
        double[][] points = linearData(100_000, a, new double[] {0.3, 0.4}, 3, 2, 0.2, 3L);
        // A deliberately wrong prior worth a handful of pseudo-observations.
        double[] mu0 = {1, 1, 1, 1, 1};
        double[] phi = new double[25];
        for (int i = 0; i < 5; i++) {
            phi[i * 5 + i] = 5.0;
        }
        NormalInverseWishart prior = new NormalInverseWishart(mu0, phi, 5.0, 5.0);

        LinearGaussianConditional empirical = GaussianRegression.fit(points, 3, null, 0.0, ReferenceCompatibility.CORRECTED);
        LinearGaussianConditional map = GaussianRegression.fit(points, 3, prior, 0.0, ReferenceCompatibility.CORRECTED);

        for (int i = 0; i < 6; i++) {
            assertEquals(empirical.jacobian()[i], map.jacobian()[i], 1e-3, "F[" + i + "]");
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(empirical.covariance()[i], map.covariance()[i], 1e-3, "Σ[" + i + "]");
        }
    }

    @Test
    void withFewPointsAStrongPriorDominates() {
        // Prior joint: x ~ N(0, 1), y = 3x exactly plus variance 0.5 → conditional F = 3, Σ = 0.5.
        double[] mu0 = {0.0, 0.0};
        double strength = 1e9;
        double[] phi = {strength * 1.0, strength * 3.0, strength * 3.0, strength * 9.5};
        NormalInverseWishart prior = new NormalInverseWishart(mu0, phi, strength, strength);
        double[][] points = {{1.0, 0.0}, {-1.0, 2.0}};

        LinearGaussianConditional fit = GaussianRegression.fit(points, 1, prior, 0.0, ReferenceCompatibility.CORRECTED);

        assertEquals(3.0, fit.jacobian()[0], 1e-6);
        assertEquals(1.0, fit.offset()[0], 1e-6, "the MAP mean is the empirical mean (0, 1)");
        assertEquals(0.5, fit.covariance()[0], 1e-6);
    }

    @Test
    void mapCovarianceIsTheNiwFormula() {
        double[] mean = {1.0, 2.0};
        double[] s = {2.0, 0.5, 0.5, 1.0};
        double[] phi = {4.0, 1.0, 1.0, 3.0};
        NormalInverseWishart prior = new NormalInverseWishart(new double[] {0.0, 1.0}, phi, 2.0, 3.0);
        double[] map = GaussianRegression.mapCovariance(mean, s, 4, prior);
        // (4·S + Φ + 4·2/6·d dᵀ)/(4 + 3), d = (1, 1)
        double c = 8.0 / 6.0;
        assertEquals((8.0 + 4.0 + c) / 7.0, map[0], 1e-15);
        assertEquals((2.0 + 1.0 + c) / 7.0, map[1], 1e-15);
        assertEquals((4.0 + 3.0 + c) / 7.0, map[3], 1e-15);
    }

    @Test
    void referenceRegularisationLeavesASingularInputBlockSingular() {
        // Two points in a 5-dimensional input space: the empirical Σ_xx has rank 1.
        double[][] points = {{1, 2, 3, 4, 5, 1}, {2, 1, 0, 1, 2, 0}};

        assertThrows(DynamicsFitException.class,
                () -> GaussianRegression.fit(points, 5, null, 1e-6, ReferenceCompatibility.REFERENCE));
        LinearGaussianConditional corrected = GaussianRegression.fit(points, 5, null, 1e-6,
                ReferenceCompatibility.CORRECTED);
        for (double v : corrected.jacobian()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void regularisationModesDifferExactlyAsDocumented() {
        double[][] points = linearData(30, new double[] {1.0, 2.0}, new double[] {0.0}, 2, 1, 0.1, 4L);
        GaussianRegression regression = new GaussianRegression(2, 1);
        double[] f1 = new double[2];
        double[] f2 = new double[2];
        double[] o = new double[1];
        double[] c = new double[1];
        // Reference mode with r equals corrected mode on a Σ whose whole input block was shifted by r: check via
        // the normal equations F Σ_xx = Σ_yx.
        regression.fit(points, null, 0.5, ReferenceCompatibility.REFERENCE, f1, o, c);
        regression.fit(points, null, 0.5, ReferenceCompatibility.CORRECTED, f2, o, c);
        double[][] s = covariance(points);
        double[] yx = {s[2][0], s[2][1]};
        for (int j = 0; j < 2; j++) {
            double reference = f1[0] * (s[0][j] + 0.5) + f1[1] * (s[1][j] + 0.5);
            double corrected = f2[0] * (s[0][j] + (j == 0 ? 0.5 : 0)) + f2[1] * (s[1][j] + (j == 1 ? 0.5 : 0));
            assertEquals(yx[j], reference, 1e-12);
            assertEquals(yx[j], corrected, 1e-12);
        }
    }

    @Property(tries = 25)
    void conditionalCovarianceIsSymmetricPositiveSemidefinite(@ForAll @IntRange(min = 2, max = 12) int n,
                                                              @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int in = 4;
        int out = 3;
        double[][] points = new double[n][in + out];
        for (double[] p : points) {
            random.fillNormal(p);
        }
        double[] mu0 = new double[in + out];
        random.fillNormal(mu0);
        double[] phi = new double[(in + out) * (in + out)];
        double[][] spd = DenseKernelsTest.randomSpd(in + out, random);
        DenseKernels.toFlat(spd, in + out, phi);
        NormalInverseWishart prior = new NormalInverseWishart(mu0, phi, 1.0, 0.5);

        LinearGaussianConditional fit = GaussianRegression.fit(points, in, prior, 1e-6, ReferenceCompatibility.CORRECTED);

        double[] cov = fit.covariance();
        for (int a = 0; a < out; a++) {
            for (int b = 0; b < out; b++) {
                assertEquals(cov[a * out + b], cov[b * out + a], 0.0, "symmetry");
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(out, out, true, cov);
        CommonOps_DDRM.addEquals(m, 1e-12, CommonOps_DDRM.identity(out));
        assertTrue(DecompositionFactory_DDRM.chol(out, true).decompose(m), "Σ_y|x positive semidefinite");
    }

    private static double[][] covariance(double[][] points) {
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                mean[i] += p[i] / points.length;
            }
        }
        double[][] s = new double[d][d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    s[i][j] += (p[i] - mean[i]) * (p[j] - mean[j]) / points.length;
                }
            }
        }
        return s;
    }
}
