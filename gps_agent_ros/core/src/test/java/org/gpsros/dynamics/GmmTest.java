package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * EM steps and inference against a straightforward EJML oracle of reference study §3.3, plus state, determinism
 * and degenerate-input behaviour.
 */
class GmmTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Three Gaussian blobs in 5 dimensions. */
    static double[][] blobs(int n, double scale, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] centers = {{0, 0, 0, 0, 0}, {4, -2, 1, 0, 3}, {-3, 3, -1, 2, 0}};
        double[][] data = new double[n][5];
        for (int i = 0; i < n; i++) {
            double[] c = centers[i % 3];
            for (int j = 0; j < 5; j++) {
                data[i][j] = scale * (c[j] + (0.5 + 0.2 * j) * random.nextNormal());
            }
        }
        return data;
    }

    static int[] randomLabels(int n, int k, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(k);
        }
        return labels;
    }

    /** Oracle initialisation: means of the labelled points, covariance scale·scatter + 2e-6·I. */
    static GmmState oracleInit(double[][] data, int k, int[] labels, boolean reference) {
        int d = data[0].length;
        double[][] means = new double[k][d];
        double[][] covs = new double[k][d * d];
        for (int c = 0; c < k; c++) {
            int count = 0;
            for (int i = 0; i < data.length; i++) {
                if (labels[i] == c) {
                    count++;
                    for (int j = 0; j < d; j++) {
                        means[c][j] += data[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                means[c][j] /= count;
            }
            double scale = reference ? 1.0 / k : 1.0 / count;
            for (int i = 0; i < data.length; i++) {
                if (labels[i] == c) {
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            covs[c][a * d + b] += scale * (data[i][a] - means[c][a]) * (data[i][b] - means[c][b]);
                        }
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                covs[c][a * d + a] += 2e-6;
            }
        }
        double[] logMass = new double[k];
        java.util.Arrays.fill(logMass, Math.log(1.0 / k));
        return new GmmState(d, data.length, means, covs, logMass);
    }

    /** Oracle log p(x_n, k), N × K, with EJML's Cholesky and a linear solve. */
    static double[][] oracleLogJoint(double[][] data, GmmState s) {
        int d = s.dimension();
        double[][] out = new double[data.length][s.clusterCount()];
        for (int c = 0; c < s.clusterCount(); c++) {
            DMatrixRMaj sigma = new DMatrixRMaj(d, d, true, s.covariances()[c]);
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
            assertTrue(chol.decompose(sigma.copy()));
            DMatrixRMaj lower = chol.getT(null);
            double logDet = 0.0;
            for (int i = 0; i < d; i++) {
                logDet += Math.log(lower.get(i, i));
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
            assertTrue(solver.setA(sigma.copy()));
            for (int n = 0; n < data.length; n++) {
                DMatrixRMaj diff = new DMatrixRMaj(d, 1);
                for (int i = 0; i < d; i++) {
                    diff.set(i, 0, data[n][i] - s.means()[c][i]);
                }
                DMatrixRMaj x = new DMatrixRMaj(d, 1);
                solver.solve(diff, x);
                double q = CommonOps_DDRM.dot(diff, x);
                out[n][c] = -0.5 * d * LOG_2PI - logDet - 0.5 * q + s.logMass()[c];
            }
        }
        return out;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0.0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    static double oracleLogLikelihood(double[][] data, GmmState s) {
        double ll = 0.0;
        for (double[] row : oracleLogJoint(data, s)) {
            ll += logSumExp(row);
        }
        return ll;
    }

    /** Oracle M-step (no cluster is rebooted in these tests). */
    static GmmState oracleMStep(double[][] data, GmmState s) {
        int n = data.length;
        int k = s.clusterCount();
        int d = s.dimension();
        double[][] logJoint = oracleLogJoint(data, s);
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            double lse = logSumExp(logJoint[i]);
            for (int c = 0; c < k; c++) {
                r[i][c] = Math.exp(logJoint[i][c] - lse);
            }
        }
        double[][] means = new double[k][d];
        double[][] covs = new double[k][d * d];
        double[] logMass = new double[k];
        for (int c = 0; c < k; c++) {
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                total += r[i][c];
            }
            logMass[c] = Math.log(total / n);
            for (int i = 0; i < n; i++) {
                double w = r[i][c] / total;
                for (int a = 0; a < d; a++) {
                    means[c][a] += w * data[i][a];
                }
            }
            for (int i = 0; i < n; i++) {
                double w = r[i][c] / total;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        covs[c][a * d + b] += w * data[i][a] * data[i][b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    covs[c][a * d + b] -= means[c][a] * means[c][b];
                }
                covs[c][a * d + a] += 1e-6;
            }
        }
        return new GmmState(d, s.pointCount(), means, covs, logMass);
    }

    private static Gmm gmm(ReferenceCompatibility mode, int maxIterations) {
        return new Gmm(GmmConfig.defaults().withCompatibility(mode).withMaxIterations(maxIterations));
    }

    @Test
    void firstEStepUsesTheDocumentedInitialCovariances() {
        double[][] data = blobs(300, 1.0, 1L);
        int[] labels = randomLabels(300, 4, 2L);
        for (ReferenceCompatibility mode : ReferenceCompatibility.values()) {
            GmmFitSummary summary = gmm(mode, 1).update(data, 4, labels);
            double expected = oracleLogLikelihood(data, oracleInit(data, 4, labels, mode == ReferenceCompatibility.REFERENCE));
            assertEquals(expected, summary.logLikelihood(), 1e-10 * Math.abs(expected), mode.name());
            assertEquals(1, summary.eSteps());
        }
    }

    @Test
    void emStepsMatchTheOracle() {
        double[][] data = blobs(300, 1.0, 3L);
        int[] labels = randomLabels(300, 3, 4L);
        GmmState expected = oracleInit(data, 3, labels, false);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 1);
        gmm.update(data, 3, labels);
        for (int step = 0; step < 3; step++) {
            expected = oracleMStep(data, expected);
            GmmState actual = gmm.state();
            assertEquals(0.0, ParityAssert.relativeError(actual.means(), expected.means()), 1e-10, "means " + step);
            assertEquals(0.0, ParityAssert.relativeError(actual.covariances(), expected.covariances()), 1e-10,
                    "covariances " + step);
            assertEquals(0.0, ParityAssert.maxAbsDifference(new double[][] {actual.logMass()},
                    new double[][] {expected.logMass()}), 1e-10, "log-mass " + step);
            gmm.update(data, 3, labels); // warm start: one more E-step and M-step
        }
    }

    @Test
    void inferenceReturnsTheMixtureMomentsUnderAveragedResponsibilities() {
        double[][] data = blobs(300, 1.0, 5L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 20);
        gmm.update(data, 3, randomLabels(300, 3, 6L));
        double[][] query = {data[0], data[1], data[4], data[10]};

        NormalInverseWishart prior = gmm.inference(query);

        GmmState s = gmm.state();
        double[][] logJoint = oracleLogJoint(query, s);
        double[] w = new double[3];
        for (double[] row : logJoint) {
            double lse = logSumExp(row);
            for (int c = 0; c < 3; c++) {
                w[c] += Math.exp(row[c] - lse) / query.length;
            }
        }
        double[] mu = new double[5];
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 5; a++) {
                mu[a] += w[c] * s.means()[c][a];
            }
        }
        double[] phi = new double[25];
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    phi[a * 5 + b] += w[c] * (s.covariances()[c][a * 5 + b]
                            + (s.means()[c][a] - mu[a]) * (s.means()[c][b] - mu[b]));
                }
            }
        }
        assertArrayEquals(mu, prior.mean(), 1e-12);
        assertArrayEquals(phi, prior.scatter(), 1e-12);
        assertEquals(1.0, prior.meanPseudoCount());
        assertEquals((300.0 - 2 - 5) / 300.0, prior.degreesOfFreedom(), 1e-15);
    }

    @Test
    void aSingleClusterInfersItsOwnMeanAndCovariance() {
        double[][] data = blobs(90, 1.0, 7L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 5);
        gmm.update(data, 1, new int[90]);
        NormalInverseWishart prior = gmm.inference(new double[][] {data[3]});
        GmmState s = gmm.state();
        assertArrayEquals(s.means()[0], prior.mean(), 1e-15);
        assertArrayEquals(s.covariances()[0], prior.scatter(), 1e-15);
    }

    @Test
    void batchInferenceEqualsSeparateCalls() {
        double[][] data = blobs(200, 1.0, 8L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 10);
        gmm.update(data, 3, randomLabels(200, 3, 9L));
        double[][][] sets = {{data[0], data[1]}, {data[5]}, {data[7], data[8], data[9]}};

        NormalInverseWishart[] batch = gmm.inferenceBatch(sets);

        for (int s = 0; s < sets.length; s++) {
            NormalInverseWishart single = gmm.inference(sets[s]);
            assertArrayEquals(single.mean(), batch[s].mean(), 0.0);
            assertArrayEquals(single.scatter(), batch[s].scatter(), 0.0);
        }
    }

    @Test
    void restoredStateInfersAndWarmStartsIdentically() {
        double[][] data = blobs(240, 1.0, 10L);
        Gmm original = gmm(ReferenceCompatibility.CORRECTED, 3);
        original.update(data, 3, randomLabels(240, 3, 11L));
        Gmm restored = Gmm.restore(original.config(), original.state());

        assertArrayEquals(original.inference(data).scatter(), restored.inference(data).scatter(), 0.0);
        GmmFitSummary a = original.update(data, 3, new SplitMix64(1));
        GmmFitSummary b = restored.update(data, 3, new SplitMix64(2));
        assertFalse(a.initialized());
        assertEquals(a, b);
        assertArrayEquals(original.state().covariances(), restored.state().covariances());
        assertArrayEquals(original.state().logMass(), restored.state().logMass(), 0.0);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        double[][] data = blobs(700, 1.0, 12L);
        int[] labels = randomLabels(700, 6, 13L);
        Gmm one = new Gmm(GmmConfig.defaults().withParallelism(1));
        Gmm three = new Gmm(GmmConfig.defaults().withParallelism(3));
        assertEquals(one.update(data, 6, labels), three.update(data, 6, labels));
        assertArrayEquals(one.state().covariances(), three.state().covariances());
        assertArrayEquals(one.state().means(), three.state().means());
    }

    @Test
    void randomInitialLabelsAreDrawnInPointOrderFromTheGenerator() {
        double[][] data = blobs(150, 1.0, 14L);
        Gmm fromGenerator = gmm(ReferenceCompatibility.CORRECTED, 4);
        Gmm fromLabels = gmm(ReferenceCompatibility.CORRECTED, 4);
        fromGenerator.update(data, 3, new SplitMix64(99));
        fromLabels.update(data, 3, randomLabels(150, 3, 99));
        assertArrayEquals(fromLabels.state().means(), fromGenerator.state().means());
    }

    @Test
    void changingTheClusterCountReinitialises() {
        double[][] data = blobs(150, 1.0, 15L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 3);
        assertTrue(gmm.update(data, 3, new SplitMix64(1)).initialized());
        assertFalse(gmm.update(data, 3, new SplitMix64(1)).initialized());
        GmmFitSummary summary = gmm.update(data, 4, new SplitMix64(1));
        assertTrue(summary.initialized());
        assertEquals(4, gmm.clusterCount());
    }

    @Test
    void aClusterWithoutInitialPointsStartsFromAllTheData() {
        double[][] data = blobs(120, 1.0, 16L);
        int[] labels = new int[120];
        for (int i = 0; i < 120; i++) {
            labels[i] = i % 2; // cluster 2 gets no point
        }
        GmmFitSummary summary = gmm(ReferenceCompatibility.REFERENCE, 1).update(data, 3, labels);
        double[] mean = new double[5];
        double[] cov = new double[25];
        for (double[] x : data) {
            for (int a = 0; a < 5; a++) {
                mean[a] += x[a] / 120;
            }
        }
        for (double[] x : data) {
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    cov[a * 5 + b] += (x[a] - mean[a]) * (x[b] - mean[b]) / 120;
                }
            }
        }
        for (int a = 0; a < 5; a++) {
            cov[a * 5 + a] += 2e-6;
        }
        // Reference mode scales the two labelled clusters by 1/K with K = 3.
        GmmState init = oracleInit(data, 3, labels, true);
        double[][] means = {init.means()[0], init.means()[1], mean};
        double[][] covs = {init.covariances()[0], init.covariances()[1], cov};
        double ll = oracleLogLikelihood(data, new GmmState(5, 120, means, covs, init.logMass()));
        assertEquals(ll, summary.logLikelihood(), 1e-10 * Math.abs(ll));
    }

    @Test
    void negligibleClustersAreRebootedToAllTheData() {
        double[][] data = blobs(90, 1.0, 17L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 1);
        gmm.update(data, 2, new int[90]); // cluster 1 starts from all the data
        GmmState s = gmm.state();
        double[][] means = {s.means()[0], {1e3, 1e3, 1e3, 1e3, 1e3}};
        gmm.setState(new GmmState(5, 90, means, s.covariances(), s.logMass()));

        gmm.update(data, 2, new SplitMix64(0)); // one E-step, one M-step

        double[] mean = new double[5];
        for (double[] x : data) {
            for (int a = 0; a < 5; a++) {
                mean[a] += x[a] / 90;
            }
        }
        assertArrayEquals(mean, gmm.state().means()[1], 1e-12);
    }

    @Test
    void theReferenceConvergenceTestNeverFiresForNegativeLogLikelihoods() {
        double[][] data = blobs(300, 100.0, 18L); // wide data: log-likelihood well below zero
        int[] labels = randomLabels(300, 3, 19L);
        GmmFitSummary corrected = gmm(ReferenceCompatibility.CORRECTED, 100).update(data, 3, labels);
        GmmFitSummary reference = gmm(ReferenceCompatibility.REFERENCE, 100).update(data, 3, labels);

        assertTrue(corrected.logLikelihood() < 0);
        assertEquals(GmmFitSummary.StopReason.CONVERGED, corrected.stopReason());
        assertNotEquals(GmmFitSummary.StopReason.CONVERGED, reference.stopReason());
        assertTrue(reference.eSteps() > corrected.eSteps(), reference + " vs " + corrected);
    }

    @Test
    void moreClustersThanPointsStaysFinite() {
        double[][] data = blobs(3, 1.0, 22L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 20);
        GmmFitSummary summary = gmm.update(data, 5, new SplitMix64(4));
        assertTrue(Double.isFinite(summary.logLikelihood()), summary.toString());
        NormalInverseWishart prior = gmm.inference(data);
        for (double v : prior.scatter()) {
            assertTrue(Double.isFinite(v));
        }
        for (double[] mean : gmm.state().means()) {
            for (double v : mean) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void aCovarianceThatIsNotPositiveDefiniteIsReportedByTheNextEStep() {
        // 1e9 + small offsets: E[x²] − μ² cancels to −128 (the reference's uncentred M-step formula).
        double[][] data = new double[10][1];
        for (int n = 0; n < 10; n++) {
            data[n][0] = 1e9 + n * 1e-3;
        }
        Gmm oneStep = new Gmm(GmmConfig.defaults().withMaxIterations(1));
        GmmFitSummary summary = oneStep.update(data, 1, new int[10]); // E-step, M-step: no E-step after it
        assertEquals(GmmFitSummary.StopReason.MAX_ITERATIONS, summary.stopReason());
        assertTrue(oneStep.state().covariances()[0][0] < 0, "the data must give a negative variance");
        DynamicsFitException inference = assertThrows(DynamicsFitException.class, () -> oneStep.inference(data));
        assertTrue(inference.getMessage().contains("cluster 0 is not positive definite"), inference.getMessage());

        for (int threads : new int[] {1, 2}) {
            Gmm twoSteps = new Gmm(GmmConfig.defaults().withMaxIterations(2).withParallelism(threads));
            DynamicsFitException update = assertThrows(DynamicsFitException.class,
                    () -> twoSteps.update(data, 1, new int[10]));
            assertTrue(update.getMessage().contains("not positive definite"), update.getMessage());
        }
    }

    @Test
    void aRestoredStateWithAnIndefiniteCovarianceIsRejectedByTheEStep() {
        double[][] data = blobs(30, 1.0, 23L);
        Gmm gmm = gmm(ReferenceCompatibility.CORRECTED, 5);
        gmm.update(data, 2, new SplitMix64(1));
        GmmState s = gmm.state();
        double[][] covariances = {s.covariances()[0], s.covariances()[1].clone()};
        covariances[1][0] = -1.0;
        gmm.setState(new GmmState(5, 30, s.means(), covariances, s.logMass()));
        DynamicsFitException e = assertThrows(DynamicsFitException.class, () -> gmm.update(data, 2, new SplitMix64(1)));
        assertTrue(e.getMessage().contains("cluster 1 is not positive definite"), e.getMessage());
    }

    @Test
    void invalidInputIsRejectedWithAClearMessage() {
        double[][] data = blobs(30, 1.0, 20L);
        data[7][3] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> gmm(ReferenceCompatibility.CORRECTED, 5).update(data, 2, new SplitMix64(1)));
        assertTrue(nan.getMessage().contains("point 7, component 3 is NaN"), nan.getMessage());

        double[][] clean = blobs(30, 1.0, 21L);
        int[] labels = new int[30];
        labels[4] = 2;
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> gmm(ReferenceCompatibility.CORRECTED, 5).update(clean, 2, labels));
        assertTrue(label.getMessage().contains("point 4"), label.getMessage());
        assertThrows(IllegalStateException.class, () -> new Gmm(GmmConfig.defaults()).inference(clean));
        assertThrows(IllegalArgumentException.class,
                () -> gmm(ReferenceCompatibility.CORRECTED, 5).update(new double[0][], 2, new SplitMix64(1)));
    }
}
