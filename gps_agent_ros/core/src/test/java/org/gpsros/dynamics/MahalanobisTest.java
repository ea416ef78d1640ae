package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

/** The fused E-step kernel against the plain forward substitution (bitwise) and a naive per-point solve. */
class MahalanobisTest {

    @Test
    void expIsExactlyZeroBelowTheSkipThreshold() {
        // Gmm skips Math.exp below EXP_ZERO; that must not change any responsibility.
        assertEquals(0.0, Math.exp(Gmm.EXP_ZERO));
        assertEquals(0.0, Math.exp(Math.nextDown(Gmm.EXP_ZERO)));
        assertEquals(0.0, Math.exp(-1e300));
    }

    /** A random lower-triangular factor with positive diagonal, row-major, and its inverse diagonal. */
    private static double[][] randomFactor(int d, SplitMix64 random) {
        double[] lower = new double[d * d];
        double[] inv = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                lower[i * d + j] = 0.3 * random.nextNormal();
            }
            lower[i * d + i] = 0.5 + random.nextUniform();
            inv[i] = 1.0 / lower[i * d + i];
        }
        return new double[][] {lower, inv};
    }

    private static double[][] randomRows(int rows, int cols, SplitMix64 random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            random.fillNormal(row);
        }
        return a;
    }

    @Property(tries = 60)
    void fusedKernelIsBitwiseThePlainSolve(@ForAll @IntRange(min = 1, max = 64) int d,
                                           @ForAll @IntRange(min = 0, max = 40) int from,
                                           @ForAll @IntRange(min = 1, max = 300) int count, @ForAll long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int to = from + count;
        double[][] xt = randomRows(d, to + 5, random);
        double[] mean = new double[d];
        random.fillNormal(mean);
        double[][] factor = randomFactor(d, random);
        double[][] z = new double[d][to + 5];
        double[][] zPlain = new double[d][to + 5];
        double[] acc = new double[to + 5];
        double[] accPlain = new double[to + 5];
        java.util.Arrays.fill(acc, -7.0);

        Mahalanobis.squaredNorms(xt, from, to, mean, factor[0], factor[1], d, z, acc);
        squaredNormsByRows(xt, from, to, mean, factor[0], factor[1], d, zPlain, accPlain);

        for (int n = from; n < to; n++) {
            assertEquals(Double.doubleToRawLongBits(accPlain[n]), Double.doubleToRawLongBits(acc[n]),
                    "acc[" + n + "] " + accPlain[n] + " vs " + acc[n]);
        }
        assertEquals(-7.0, acc[to], "acc outside [from, to) must not be written");
        if (from > 0) {
            assertEquals(-7.0, acc[from - 1], "acc outside [from, to) must not be written");
        }
    }

    @Test
    void matchesANaivePerPointSolve() {
        SplitMix64 random = new SplitMix64(5);
        for (int d : new int[] {1, 3, 4, 7, 16, 23, 59}) {
            int count = 37;
            double[][] xt = randomRows(d, count, random);
            double[] mean = new double[d];
            random.fillNormal(mean);
            double[][] factor = randomFactor(d, random);
            double[] lower = factor[0];
            double[] acc = new double[count];
            Mahalanobis.squaredNorms(xt, 0, count, mean, lower, factor[1], d, new double[d][count], acc);
            for (int n = 0; n < count; n++) {
                double[] y = new double[d];
                double expected = 0.0;
                for (int i = 0; i < d; i++) {
                    double s = xt[i][n] - mean[i];
                    for (int j = 0; j < i; j++) {
                        s -= lower[i * d + j] * y[j];
                    }
                    y[i] = s / lower[i * d + i];
                    expected += y[i] * y[i];
                }
                assertEquals(expected, acc[n], 1e-12 * Math.max(1.0, expected), "d=" + d + ", n=" + n);
            }
        }
    }

    /**
     * The plain forward substitution, one loop per centring, chunk, single term and scaling (the former kernel):
     * the oracle of {@link Mahalanobis#squaredNorms}.
     */
    private static void squaredNormsByRows(double[][] xt, int from, int to, double[] mean, double[] lower,
                                   double[] invDiag, int d, double[][] z, double[] acc) {
        java.util.Arrays.fill(acc, from, to, 0.0);
        for (int i = 0; i < d; i++) {
            double[] zi = z[i];
            double[] xi = xt[i];
            double mi = mean[i];
            for (int n = from; n < to; n++) {
                zi[n] = xi[n] - mi;
            }
            int base = i * d;
            int j = 0;
            for (; j + 3 < i; j += 4) {
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
            for (; j < i; j++) {
                double l0 = lower[base + j];
                double[] z0 = z[j];
                for (int n = from; n < to; n++) {
                    zi[n] -= l0 * z0[n];
                }
            }
            double inv = invDiag[i];
            for (int n = from; n < to; n++) {
                double v = zi[n] * inv;
                zi[n] = v;
                acc[n] += v * v;
            }
        }
    }
}
