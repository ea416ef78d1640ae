package org.gpsros.trajopt;

/**
 * Allocation-free loops on matrix rows ({@code double[]} each) for the LQR hot paths. Every inner loop indexes
 * all its arrays with the same loop variable, which lets the JIT vectorise it (java-dependencies.md §9).
 *
 * <p>Measured on the project box (JDK 17 C2, default flags, AVX-512, rows of 26–33 values): bodies of up to four
 * {@code Math.fma} terms are unrolled and vectorised (≈ 0.11–0.17 ns per multiply-add); an eight-term body
 * exceeds the default {@code LoopUnrollLimit} and stays scalar (≈ 0.3–0.45 ns). Two or four outputs sharing two
 * input rows ({@link #addRowsPair}, {@link #addRowsQuad}) were the fastest shapes; results are rounding-level
 * different from the reference's BLAS order.
 */
final class RowKernels {
    private RowKernels() {
    }

    /** y[0..len) += a·x[0..len). */
    static void axpy(double[] y, double a, double[] x, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = Math.fma(a, x[j], y[j]);
        }
    }

    /** y[0..len) += a0·x0 + a1·x1. */
    static void axpy2(double[] y, double a0, double[] x0, double a1, double[] x1, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = Math.fma(a1, x1[j], Math.fma(a0, x0[j], y[j]));
        }
    }

    /** y[0..len) += a0·x0 + a1·x1 + a2·x2. */
    static void axpy3(double[] y, double a0, double[] x0, double a1, double[] x1, double a2, double[] x2, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = Math.fma(a2, x2[j], Math.fma(a1, x1[j], Math.fma(a0, x0[j], y[j])));
        }
    }

    /**
     * y[0..len) += a0·x0 + a1·x1 + a2·x2 + a3·x3. Four terms is the largest body that C2 (JDK 17, default
     * LoopUnrollLimit) still unrolls and vectorises; an eight-term body stays scalar.
     */
    static void axpy4(double[] y, double a0, double[] x0, double a1, double[] x1, double a2, double[] x2,
                      double a3, double[] x3, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = Math.fma(a3, x3[j], Math.fma(a2, x2[j], Math.fma(a1, x1[j], Math.fma(a0, x0[j], y[j]))));
        }
    }

    /** y[0..len) = a0·x0 + a1·x1 + a2·x2 + a3·x3. */
    static void set4(double[] y, double a0, double[] x0, double a1, double[] x1, double a2, double[] x2,
                     double a3, double[] x3, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = Math.fma(a3, x3[j], Math.fma(a2, x2[j], Math.fma(a1, x1[j], a0 * x0[j])));
        }
    }

    /** y[0..len) = a·x. */
    static void scale(double[] y, double a, double[] x, int len) {
        for (int j = 0; j < len; j++) {
            y[j] = a * x[j];
        }
    }

    /**
     * y[0..len) += Σ_{k&lt;count} c[cFrom + k] · x[xFrom + k][0..len) (a linear combination of rows), in
     * chunks of four rows and one loop for the remainder.
     */
    static void addRows(double[] y, double[] c, int cFrom, double[][] x, int xFrom, int count, int len) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            int ck = cFrom + k;
            int xk = xFrom + k;
            axpy4(y, c[ck], x[xk], c[ck + 1], x[xk + 1], c[ck + 2], x[xk + 2], c[ck + 3], x[xk + 3], len);
        }
        int ck = cFrom + k;
        int xk = xFrom + k;
        switch (count - k) {
            case 3:
                axpy3(y, c[ck], x[xk], c[ck + 1], x[xk + 1], c[ck + 2], x[xk + 2], len);
                break;
            case 2:
                axpy2(y, c[ck], x[xk], c[ck + 1], x[xk + 1], len);
                break;
            case 1:
                axpy(y, c[ck], x[xk], len);
                break;
            default:
                break;
        }
    }

    /** y[0..len) = Σ_{k&lt;count} c[k] · x[k][0..len) (overwrites y; count ≥ 1). */
    static void setRows(double[] y, double[] c, double[][] x, int count, int len) {
        setRows(y, c, 0, x, 0, count, len);
    }

    /** y[0..len) = Σ_{k&lt;count} c[cFrom + k] · x[xFrom + k][0..len) (overwrites y; count ≥ 1). */
    static void setRows(double[] y, double[] c, int cFrom, double[][] x, int xFrom, int count, int len) {
        int k;
        if (count >= 4) {
            set4(y, c[cFrom], x[xFrom], c[cFrom + 1], x[xFrom + 1], c[cFrom + 2], x[xFrom + 2],
                    c[cFrom + 3], x[xFrom + 3], len);
            k = 4;
        } else {
            scale(y, c[cFrom], x[xFrom], len);
            k = 1;
        }
        addRows(y, c, cFrom + k, x, xFrom + k, count - k, len);
    }

    /** y += a0·x0 + a1·x1 and z += b0·x0 + b1·x1 over [0, len) (two outputs sharing two rows). */
    static void axpy2x2(double[] y, double a0, double a1, double[] z, double b0, double b1, double[] x0, double[] x1,
                        int len) {
        for (int j = 0; j < len; j++) {
            double u0 = x0[j];
            double u1 = x1[j];
            y[j] = Math.fma(a1, u1, Math.fma(a0, u0, y[j]));
            z[j] = Math.fma(b1, u1, Math.fma(b0, u0, z[j]));
        }
    }

    /** y = a0·x0 + a1·x1 and z = b0·x0 + b1·x1 over [0, len). */
    static void set2x2(double[] y, double a0, double a1, double[] z, double b0, double b1, double[] x0, double[] x1,
                       int len) {
        for (int j = 0; j < len; j++) {
            double u0 = x0[j];
            double u1 = x1[j];
            y[j] = Math.fma(a1, u1, a0 * u0);
            z[j] = Math.fma(b1, u1, b0 * u0);
        }
    }

    /** y += a·x and z += b·x over [0, len). */
    static void axpy1x2(double[] y, double a, double[] z, double b, double[] x, int len) {
        for (int j = 0; j < len; j++) {
            double u = x[j];
            y[j] = Math.fma(a, u, y[j]);
            z[j] = Math.fma(b, u, z[j]);
        }
    }

    /**
     * Two linear combinations of the same rows at once: y[0..len) += Σ_k cy[k]·x[xFrom + k] and
     * z[0..len) += Σ_k cz[k]·x[xFrom + k], k &lt; count, coefficients read from {@code cy[cyFrom..]} and
     * {@code cz[czFrom..]}. Two outputs by two rows is the body shape C2 (JDK 17, default flags) vectorises best
     * for rows of 26–33 values (measured).
     */
    static void addRowsPair(double[] y, double[] cy, int cyFrom, double[] z, double[] cz, int czFrom, double[][] x,
                            int xFrom, int count, int len) {
        int k = 0;
        for (; k + 1 < count; k += 2) {
            axpy2x2(y, cy[cyFrom + k], cy[cyFrom + k + 1], z, cz[czFrom + k], cz[czFrom + k + 1], x[xFrom + k],
                    x[xFrom + k + 1], len);
        }
        if (k < count) {
            axpy1x2(y, cy[cyFrom + k], z, cz[czFrom + k], x[xFrom + k], len);
        }
    }

    /** As {@link #addRowsPair} but overwriting y and z (count ≥ 1). */
    static void setRowsPair(double[] y, double[] cy, int cyFrom, double[] z, double[] cz, int czFrom, double[][] x,
                            int xFrom, int count, int len) {
        if (count == 1) {
            scale(y, cy[cyFrom], x[xFrom], len);
            scale(z, cz[czFrom], x[xFrom], len);
            return;
        }
        set2x2(y, cy[cyFrom], cy[cyFrom + 1], z, cz[czFrom], cz[czFrom + 1], x[xFrom], x[xFrom + 1], len);
        addRowsPair(y, cy, cyFrom + 2, z, cz, czFrom + 2, x, xFrom + 2, count - 2, len);
    }

    /** Four outputs sharing two rows: y_r += a_r·x0 + b_r·x1 over [0, len). */
    static void axpy2x4(double[] y0, double a0, double b0, double[] y1, double a1, double b1, double[] y2, double a2,
                        double b2, double[] y3, double a3, double b3, double[] x0, double[] x1, int len) {
        for (int j = 0; j < len; j++) {
            double u = x0[j];
            double v = x1[j];
            y0[j] = Math.fma(b0, v, Math.fma(a0, u, y0[j]));
            y1[j] = Math.fma(b1, v, Math.fma(a1, u, y1[j]));
            y2[j] = Math.fma(b2, v, Math.fma(a2, u, y2[j]));
            y3[j] = Math.fma(b3, v, Math.fma(a3, u, y3[j]));
        }
    }

    /** Four outputs, one row: y_r += a_r·x over [0, len). */
    static void axpy1x4(double[] y0, double a0, double[] y1, double a1, double[] y2, double a2, double[] y3, double a3,
                        double[] x, int len) {
        for (int j = 0; j < len; j++) {
            double u = x[j];
            y0[j] = Math.fma(a0, u, y0[j]);
            y1[j] = Math.fma(a1, u, y1[j]);
            y2[j] = Math.fma(a2, u, y2[j]);
            y3[j] = Math.fma(a3, u, y3[j]);
        }
    }

    /**
     * Four linear combinations of the same rows: y_r[0..len) += Σ_{k&lt;count} c_r[k]·x[xFrom + k], r = 0..3,
     * coefficients read from {@code c_r[0..count)}. Fewer, longer loop bodies than {@link #addRowsPair}, which
     * matters for the short rows of triangular updates.
     */
    static void addRowsQuad(double[] y0, double[] c0, double[] y1, double[] c1, double[] y2, double[] c2, double[] y3,
                            double[] c3, double[][] x, int xFrom, int count, int len) {
        int k = 0;
        for (; k + 1 < count; k += 2) {
            axpy2x4(y0, c0[k], c0[k + 1], y1, c1[k], c1[k + 1], y2, c2[k], c2[k + 1], y3, c3[k], c3[k + 1],
                    x[xFrom + k], x[xFrom + k + 1], len);
        }
        if (k < count) {
            axpy1x4(y0, c0[k], y1, c1[k], y2, c2[k], y3, c3[k], x[xFrom + k], len);
        }
    }

    /** Zeroes y_r[0..len) for four rows. */
    static void zero4(double[] y0, double[] y1, double[] y2, double[] y3, int len) {
        for (int j = 0; j < len; j++) {
            y0[j] = 0;
            y1[j] = 0;
            y2[j] = 0;
            y3[j] = 0;
        }
    }

    /** Σ_j a[j]·b[j] over [0, len) with four partial sums (breaks the add latency chain). */
    static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < len; j += 4) {
            s0 = Math.fma(a[j], b[j], s0);
            s1 = Math.fma(a[j + 1], b[j + 1], s1);
            s2 = Math.fma(a[j + 2], b[j + 2], s2);
            s3 = Math.fma(a[j + 3], b[j + 3], s3);
        }
        for (; j < len; j++) {
            s0 = Math.fma(a[j], b[j], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** acc[0..len) += a·b element-wise. */
    static void multiplyAdd(double[] acc, double[] a, double[] b, int len) {
        for (int j = 0; j < len; j++) {
            acc[j] = Math.fma(a[j], b[j], acc[j]);
        }
    }

    /** Copies the lower triangle of square rows to the upper triangle. */
    static void mirrorLower(double[][] a, int n) {
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            for (int j = 0; j < i; j++) {
                a[j][i] = row[j];
            }
        }
    }

    /**
     * Lower Cholesky factor of a small symmetric row-major matrix (reads the lower triangle of {@code a}; writes
     * {@code l} with zeros above the diagonal). Fails, like LAPACK {@code potrf}, when a pivot is not &gt; 0 or NaN.
     *
     * @return false if {@code a} is not (numerically) positive definite
     */
    static boolean cholesky(double[] a, int n, double[] l) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double d = a[rj + j];
            for (int k = 0; k < j; k++) {
                d -= l[rj + k] * l[rj + k];
            }
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[rj + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double s = a[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                l[ri + j] = s / ljj;
            }
            for (int k = j + 1; k < n; k++) {
                l[rj + k] = 0;
            }
        }
        return true;
    }

    /** 2 Σ log L_ii: the log-determinant of L Lᵀ. */
    static double logDetFromCholesky(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }
}
