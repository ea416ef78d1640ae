package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** The hand-written kernels against EJML and naive loops. */
class DenseKernelsTest {

    static double[][] randomSpd(int n, SplitMix64 random) {
        double[][] g = new double[n][n];
        for (double[] row : g) {
            random.fillNormal(row);
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += g[i][k] * g[j][k];
                }
                a[i][j] = s + (i == j ? 0.1 : 0.0);
            }
        }
        return a;
    }

    @Property(tries = 30)
    void choleskyMatchesEjml(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
        double[][] a = randomSpd(n, new SplitMix64(seed));
        DMatrixRMaj expected = new DMatrixRMaj(a);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, false);
        assertTrue(chol.decompose(expected));
        DMatrixRMaj upper = chol.getT(null);

        assertTrue(DenseKernels.choleskyUpper(a, n));

        double scale = CommonOps_DDRM.elementMaxAbs(upper);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(upper.get(i, j), a[i][j], 1e-12 * scale, "U[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void choleskyRejectsIndefiniteAndNanMatrices() {
        assertFalse(DenseKernels.choleskyUpper(new double[][] {{1, 2}, {2, 1}}, 2));
        assertFalse(DenseKernels.choleskyUpper(new double[][] {{Double.NaN, 0}, {0, 1}}, 2));
        assertFalse(DenseKernels.choleskyUpper(new double[][] {{1, 1}, {1, 1}}, 2));
    }

    @Property(tries = 30)
    void triangularSolvesInvertTheFactoredMatrix(@ForAll @IntRange(min = 1, max = 30) int n,
                                                 @ForAll @IntRange(min = 1, max = 8) int cols, @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] a = randomSpd(n, random);
        double[][] b = new double[n][cols];
        for (double[] row : b) {
            random.fillNormal(row);
        }
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = a[i].clone();
        }
        assertTrue(DenseKernels.choleskyUpper(u, n));
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = b[i].clone();
        }
        DenseKernels.solveUpperTransposed(u, x, n, cols);
        DenseKernels.solveUpper(u, x, n, cols); // x = A⁻¹ b
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < cols; c++) {
                double ax = 0.0;
                double scale = 0.0;
                for (int k = 0; k < n; k++) {
                    ax += a[i][k] * x[k][c];
                    scale += Math.abs(a[i][k] * x[k][c]);
                }
                assertEquals(b[i][c], ax, 1e-10 * (scale + Math.abs(b[i][c])), "(A x)[" + i + "][" + c + "]");
            }
        }
    }

    @Property(tries = 20)
    void weightedMomentsMatchNaiveSums(@ForAll @IntRange(min = 0, max = 11) int count,
                                        @ForAll @IntRange(min = 1, max = 13) int n, @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] data = new double[15][n];
        for (double[] row : data) {
            random.fillNormal(row);
        }
        int[] index = new int[count];
        double[] weight = new double[count];
        for (int m = 0; m < count; m++) {
            index[m] = random.nextInt(15);
            weight[m] = random.nextUniform();
        }
        double[][] acc = new double[n][n];
        double[] sum = new double[n];
        DenseKernels.weightedMomentsUpper(data, index, weight, count, n, sum, acc);
        for (int i = 0; i < n; i++) {
            double expectedSum = 0.0;
            for (int m = 0; m < count; m++) {
                expectedSum += weight[m] * data[index[m]][i];
            }
            assertEquals(Double.doubleToLongBits(expectedSum), Double.doubleToLongBits(sum[i]),
                    "the weighted sum is accumulated in point order");
            for (int j = i; j < n; j++) {
                double expected = 0.0;
                for (int m = 0; m < count; m++) {
                    expected += weight[m] * data[index[m]][i] * data[index[m]][j];
                }
                assertEquals(expected, acc[i][j], 1e-12 * (1 + Math.abs(expected)));
            }
        }
    }
}
