package org.gpsros.dynamics;

/**
 * Small dense kernels shared by the Gaussian fits: Cholesky factorisation, triangular solves and symmetric
 * rank-k accumulation, written as loops over row arrays ({@code double[][]}) so that the JIT vectorises the
 * stride-1 inner loops (see java-dependencies.md §9). Package-private; EJML serves as the test oracle.
 *
 * <p>Matrices are square {@code n × n} with the rows as separate arrays of length ≥ n. Only the leading
 * {@code n × n} block is read or written. Nothing here allocates.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /**
     * In-place upper Cholesky factor: on success the upper triangle of {@code a} holds U with Uᵀ U = A (the input's
     * upper triangle is read, the strict lower triangle is set to zero).
     *
     * @return false (leaving {@code a} partly overwritten) if A is not numerically positive definite
     */
    static boolean choleskyUpper(double[][] a, int n) {
        for (int j = 0; j < n; j++) {
            double[] rowJ = a[j];
            double pivot = rowJ[j];
            if (!(pivot > 0.0) || Double.isInfinite(pivot)) {
                return false;
            }
            double ujj = Math.sqrt(pivot);
            double inv = 1.0 / ujj;
            rowJ[j] = ujj;
            for (int k = j + 1; k < n; k++) {
                rowJ[k] *= inv;
            }
            // Right-looking update of the trailing upper triangle: A[i][k] -= U[j][i] U[j][k], k >= i > j.
            for (int i = j + 1; i < n; i++) {
                double uji = rowJ[i];
                if (uji != 0.0) {
                    double[] rowI = a[i];
                    for (int k = i; k < n; k++) {
                        rowI[k] -= uji * rowJ[k];
                    }
                }
            }
        }
        for (int i = 1; i < n; i++) {
            double[] row = a[i];
            for (int k = 0; k < i; k++) {
                row[k] = 0.0;
            }
        }
        return true;
    }

    /**
     * Solves Uᵀ G = B in place (forward substitution), U upper triangular {@code n × n}; B has {@code n} rows of
     * {@code cols} values and is overwritten by G.
     */
    static void solveUpperTransposed(double[][] u, double[][] b, int n, int cols) {
        for (int i = 0; i < n; i++) {
            double[] bi = b[i];
            for (int j = 0; j < i; j++) {
                double uji = u[j][i];
                if (uji != 0.0) {
                    double[] bj = b[j];
                    for (int c = 0; c < cols; c++) {
                        bi[c] -= uji * bj[c];
                    }
                }
            }
            double inv = 1.0 / u[i][i];
            for (int c = 0; c < cols; c++) {
                bi[c] *= inv;
            }
        }
    }

    /** Solves U H = G in place (back substitution), U upper triangular; G ({@code n} rows) is overwritten by H. */
    static void solveUpper(double[][] u, double[][] g, int n, int cols) {
        for (int i = n - 1; i >= 0; i--) {
            double[] gi = g[i];
            double[] ui = u[i];
            for (int j = i + 1; j < n; j++) {
                double uij = ui[j];
                if (uij != 0.0) {
                    double[] gj = g[j];
                    for (int c = 0; c < cols; c++) {
                        gi[c] -= uij * gj[c];
                    }
                }
            }
            double inv = 1.0 / ui[i];
            for (int c = 0; c < cols; c++) {
                gi[c] *= inv;
            }
        }
    }

    /** Copies the upper triangle of {@code a} onto its lower triangle. */
    static void mirrorUpper(double[][] a, int n) {
        for (int i = 1; i < n; i++) {
            double[] row = a[i];
            for (int k = 0; k < i; k++) {
                row[k] = a[k][i];
            }
        }
    }

    /** Sets the leading {@code n × n} block to zero. */
    static void zero(double[][] a, int n) {
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a[i], 0, n, 0.0);
        }
    }

    /** Copies the leading block of {@code rows} into the row-major {@code out} ({@code n × n}). */
    static void toFlat(double[][] rows, int n, double[] out) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, out, i * n, n);
        }
    }

    /** Copies the row-major {@code flat} ({@code n × n}) into the leading block of {@code rows}. */
    static void fromFlat(double[] flat, int n, double[][] rows) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, rows[i], 0, n);
        }
    }

    /**
     * Adds Σ_m w_m x_m to {@code sum} and Σ_m w_m x_m x_mᵀ to the upper triangle of {@code acc} over the points
     * {@code data[index[m]]}, m ∈ [0, count), with weights {@code weight[m]}. Four points at a time, so each pass
     * over a row of {@code acc} loads and stores it once per four rank-one terms; the products w_m x_m[i] of row i
     * are added to sum[i] one point at a time, in point order (as a separate loop over the points would).
     */
    static void weightedMomentsUpper(double[][] data, int[] index, double[] weight, int count, int n, double[] sum,
                                     double[][] acc) {
        int m = 0;
        for (; m + 3 < count; m += 4) {
            double[] x0 = data[index[m]];
            double[] x1 = data[index[m + 1]];
            double[] x2 = data[index[m + 2]];
            double[] x3 = data[index[m + 3]];
            double w0 = weight[m];
            double w1 = weight[m + 1];
            double w2 = weight[m + 2];
            double w3 = weight[m + 3];
            for (int i = 0; i < n; i++) {
                double c0 = w0 * x0[i];
                double c1 = w1 * x1[i];
                double c2 = w2 * x2[i];
                double c3 = w3 * x3[i];
                sum[i] = (((sum[i] + c0) + c1) + c2) + c3;
                double[] row = acc[i];
                for (int k = i; k < n; k++) {
                    row[k] += c0 * x0[k] + c1 * x1[k] + c2 * x2[k] + c3 * x3[k];
                }
            }
        }
        for (; m < count; m++) {
            double[] x0 = data[index[m]];
            double w0 = weight[m];
            for (int i = 0; i < n; i++) {
                double c0 = w0 * x0[i];
                sum[i] += c0;
                double[] row = acc[i];
                for (int k = i; k < n; k++) {
                    row[k] += c0 * x0[k];
                }
            }
        }
    }
}
