package org.gpsros.dynamics;

/**
 * The E-step kernel of {@link Gmm}: squared Mahalanobis distances ‖L⁻¹(x_n − μ)‖² of a range of points under one
 * cluster with covariance Σ = L Lᵀ (reference study §3.3, E-step), by forward substitution with the points as the
 * vector dimension: the data is held transposed (row i holds component i of every point), so every inner loop is
 * a stride-1 loop over points that the JIT vectorises (java-dependencies.md §9).
 *
 * <p>Row i of the solve is y_i = ((x_i − μ_i) − Σ_c (l_{i,4c} y_{4c} + … + l_{i,4c+3} y_{4c+3}) − Σ_{j=4⌊i/4⌋}^{i−1}
 * l_ij y_j) / l_ii: the earlier rows in chunks of four, then the remaining ones one at a time, accumulated left to
 * right. Each loop over the points does as much of one row as fits in a loop body that HotSpot C2 still unrolls
 * and vectorises (its {@code LoopUnrollLimit}: about five arrays and a dozen operations): the centring goes with
 * the first chunk, and the remaining single terms go with the scaling by 1/l_ii and the sum of squares. This
 * halves the passes over the points compared with one loop per chunk, term, centring and scaling, with the same
 * operations in the same order: the results are bitwise those of the plain solve (the test oracle in
 * MahalanobisTest).
 *
 * <p>All arrays are indexed by the point index n itself: C2 keeps a loop scalar when a loaded and a stored array
 * are indexed with different loop-invariant offsets. Package-private; nothing here allocates or keeps state.
 */
final class Mahalanobis {
    private Mahalanobis() {
    }

    /**
     * acc[n] = ‖L⁻¹(x_n − μ)‖², n ∈ [from, to), for the points of the transposed data {@code xt} (D rows).
     *
     * @param lower   L, row-major D × D, lower triangular
     * @param invDiag 1 / l_ii
     * @param z       D rows of ≥ to values: workspace, [from, to) overwritten by the solved y = L⁻¹(x − μ)
     * @param acc     ≥ to values: output in [from, to)
     */
    static void squaredNorms(double[][] xt, int from, int to, double[] mean, double[] lower, double[] invDiag,
                             int d, double[][] z, double[] acc) {
        firstRow(xt[0], mean[0], invDiag[0], z[0], acc, from, to);
        for (int i = 1; i < d; i++) {
            int base = i * d;
            int chunks = i / 4;
            double[] zi = z[i];
            if (chunks == 0) {
                finishRow(xt[i], mean[i], lower, base, 0, i, invDiag[i], z, zi, acc, from, to);
                continue;
            }
            subtractChunk(xt[i], mean[i], lower, base, 0, z, zi, from, to);
            for (int j = 4; j < 4 * chunks; j += 4) {
                subtractChunk(zi, lower, base, j, z, from, to);
            }
            finishRow(zi, 0.0, lower, base, 4 * chunks, i - 4 * chunks, invDiag[i], z, zi, acc, from, to);
        }
    }

    /** y_0 = (x_0 − μ_0) / l_00 into z_0 and acc = y_0². */
    private static void firstRow(double[] x0, double m0, double inv, double[] z0, double[] acc, int from, int to) {
        for (int n = from; n < to; n++) {
            double v = (x0[n] - m0) * inv;
            z0[n] = v;
            acc[n] = v * v;
        }
    }

    /** z_i = (x_i − m_i) − (l_{i,j} y_j + … + l_{i,j+3} y_{j+3}): the centring and the first chunk of row i. */
    private static void subtractChunk(double[] xi, double mi, double[] lower, int base, int j, double[][] z,
                                      double[] zi, int from, int to) {
        double l0 = lower[base + j];
        double l1 = lower[base + j + 1];
        double l2 = lower[base + j + 2];
        double l3 = lower[base + j + 3];
        double[] z0 = z[j];
        double[] z1 = z[j + 1];
        double[] z2 = z[j + 2];
        double[] z3 = z[j + 3];
        for (int n = from; n < to; n++) {
            zi[n] = (xi[n] - mi) - (l0 * z0[n] + l1 * z1[n] + l2 * z2[n] + l3 * z3[n]);
        }
    }

    /** z_i −= l_{i,j} y_j + … + l_{i,j+3} y_{j+3}: a further chunk of row i. */
    private static void subtractChunk(double[] zi, double[] lower, int base, int j, double[][] z, int from, int to) {
        double l0 = lower[base + j];
        double l1 = lower[base + j + 1];
        double l2 = lower[base + j + 2];
        double l3 = lower[base + j + 3];
        double[] z0 = z[j];
        double[] z1 = z[j + 1];
        double[] z2 = z[j + 2];
        double[] z3 = z[j + 3];
        for (int n = from; n < to; n++) {
            zi[n] -= l0 * z0[n] + l1 * z1[n] + l2 * z2[n] + l3 * z3[n];
        }
    }

    /**
     * The end of row i: t = in − m (in = x_i with m = μ_i when row i has no chunk, else the partly solved z_i with
     * m = 0, which leaves it unchanged), minus the {@code singles} terms l_{i,j} y_j for j = j0 .. j0+singles−1 one
     * at a time, then y_i = t / l_ii into z_i and acc += y_i². One loop per count of single terms (0 to 3), so
     * that each body stays small enough to be vectorised.
     */
    private static void finishRow(double[] in, double m, double[] lower, int base, int j0, int singles, double inv,
                                  double[][] z, double[] zi, double[] acc, int from, int to) {
        switch (singles) {
            case 0 -> {
                for (int n = from; n < to; n++) {
                    double v = (in[n] - m) * inv;
                    zi[n] = v;
                    acc[n] += v * v;
                }
            }
            case 1 -> {
                double l0 = lower[base + j0];
                double[] z0 = z[j0];
                for (int n = from; n < to; n++) {
                    double v = ((in[n] - m) - l0 * z0[n]) * inv;
                    zi[n] = v;
                    acc[n] += v * v;
                }
            }
            case 2 -> {
                double l0 = lower[base + j0];
                double l1 = lower[base + j0 + 1];
                double[] z0 = z[j0];
                double[] z1 = z[j0 + 1];
                for (int n = from; n < to; n++) {
                    double v = (((in[n] - m) - l0 * z0[n]) - l1 * z1[n]) * inv;
                    zi[n] = v;
                    acc[n] += v * v;
                }
            }
            case 3 -> {
                double l0 = lower[base + j0];
                double l1 = lower[base + j0 + 1];
                double l2 = lower[base + j0 + 2];
                double[] z0 = z[j0];
                double[] z1 = z[j0 + 1];
                double[] z2 = z[j0 + 2];
                for (int n = from; n < to; n++) {
                    double v = ((((in[n] - m) - l0 * z0[n]) - l1 * z1[n]) - l2 * z2[n]) * inv;
                    zi[n] = v;
                    acc[n] += v * v;
                }
            }
            default -> throw new IllegalArgumentException("singles must be 0..3, got " + singles);
        }
    }
}
