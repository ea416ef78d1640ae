package org.gpsros.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class ActionNoiseTest {

    @Test
    void filterByHandOnThreeSamples() {
        // σ = 0.5: radius (int) (2 + 0.5) = 2, weights ∝ exp(−2 i²). Reflect: x[−1] = x[0], x[−2] = x[1],
        // x[3] = x[2], x[4] = x[1]. So out[0] = w0·1 + w1·(1 + 2) + w2·(2 + 3), out[1] = 2 by symmetry.
        double e1 = Math.exp(-2);
        double e2 = Math.exp(-8);
        double norm = 1 + 2 * e1 + 2 * e2;
        double w0 = 1 / norm;
        double w1 = e1 / norm;
        double w2 = e2 / norm;
        double[] expected = {w0 * 1 + w1 * (1 + 2) + w2 * (2 + 3), 2.0, w0 * 3 + w1 * (2 + 3) + w2 * (2 + 1)};
        double[] out = ActionNoise.gaussianFilter(new double[] {1, 2, 3}, 0.5);
        assertArrayEquals(expected, out, 1e-15);
        // The same numbers from scipy.ndimage.gaussian_filter1d([1, 2, 3], 0.5) (scipy 1.17.1).
        assertArrayEquals(new double[] {1.1072423672218035, 2.0, 2.892757632778196}, out, 1e-15);
    }

    @Test
    void filterReflectsRepeatedlyWhenTheKernelIsLongerThanTheSignal() {
        // σ = 2 → radius 8 on 3 samples: the extension repeats with period 6 (… a b c c b a | a b c | c b a a b c …).
        // Values of scipy.ndimage.gaussian_filter1d([1, −2, 0.5], 2.0) (scipy 1.17.1).
        assertArrayEquals(new double[] {-0.13864544748674823, -0.16692273040333072, -0.1944318221099211},
                ActionNoise.gaussianFilter(new double[] {1, -2, 0.5}, 2.0), 1e-15);
        // σ = 1 on 6 samples, scipy again.
        assertArrayEquals(new double[] {-0.013680688265711088, 0.2461698236884321, 0.877165061025456,
                        0.7881925748916419, 0.46338212518654276, 0.6387711034736386},
                ActionNoise.gaussianFilter(new double[] {0.3, -1.2, 2.5, 0.7, -0.4, 1.1}, 1.0), 1e-15);
    }

    @Test
    void reflectIndexIsHalfSampleSymmetric() {
        // Length 3, indices −6 … 6: c b a a b c | a b c | c b a a (period 6).
        int[] expected = {0, 1, 2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0};
        for (int i = -6; i <= 6; i++) {
            assertEquals(expected[i + 6], ActionNoise.reflectIndex(i, 3), "index " + i);
        }
        assertEquals(0, ActionNoise.reflectIndex(-7, 1));
        assertEquals(0, ActionNoise.reflectIndex(9, 1));
    }

    @Test
    void generateMatchesTheReferenceRecipe() {
        // numpy: normals drawn row-major from SplitMix64(42) (the parity README's recipe), then per column
        // scipy.ndimage.gaussian_filter(σ = 2) and division by np.sqrt(np.var(column)).
        double[][] expected = {
            {1.1095657229691642, -2.8384127501593697}, {0.4644177082160282, -2.7707585740763574},
            {-0.044877610378608296, -2.913469605434008}, {0.3941544494601945, -3.553958847740264},
            {1.734065428668859, -4.591038385204676}, {2.939821554357716, -5.421142620084493}};
        double[][] noise = ActionNoise.Config.defaults().generate(new SplitMix64(42), 6, 2);
        for (int t = 0; t < 6; t++) {
            assertArrayEquals(expected[t], noise[t], 1e-13, "t=" + t);
        }
        double[][] raw = ActionNoise.generate(new SplitMix64(42), 6, 2, false, 2.0, true);
        assertArrayEquals(new double[] {0.8822489062222688, -0.4508498757188601}, raw[0], 1e-15);
        assertArrayEquals(new double[] {0.1883526341159315, 0.219586379190761}, raw[1], 1e-15);
    }

    @Property(tries = 50)
    void renormalisedNoiseHasUnitStandardDeviation(@ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int horizon,
                                                  @ForAll @IntRange(min = 1, max = 4) int actionDim,
                                                  @ForAll @DoubleRange(min = 0.0, max = 6.0) double sigma) {
        double[][] noise = ActionNoise.generate(new SplitMix64(seed), horizon, actionDim, true, sigma, true);
        for (int j = 0; j < actionDim; j++) {
            double mean = 0;
            for (double[] row : noise) {
                mean += row[j];
            }
            mean /= horizon;
            double squares = 0;
            for (double[] row : noise) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            // Heavily smoothed short signals have a small std before rescaling, which magnifies rounding.
            assertEquals(1.0, Math.sqrt(squares / horizon), 1e-9, "std of action " + j);
        }
    }

    @Property(tries = 30)
    void tinySigmaLeavesTheNoiseUnchanged(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int horizon,
                                          @ForAll @DoubleRange(min = 0.0, max = 0.12) double sigma) {
        double[][] smoothed = ActionNoise.generate(new SplitMix64(seed), horizon, 3, true, sigma, false);
        double[][] raw = ActionNoise.generate(new SplitMix64(seed), horizon, 3, false, sigma, false);
        for (int t = 0; t < horizon; t++) {
            assertArrayEquals(raw[t], smoothed[t], 0.0);
        }
    }

    @Property(tries = 30)
    void filterPreservesConstantsAndTheMeanOfAReflectedSignal(@ForAll @IntRange(min = 1, max = 12) int length,
                                                              @ForAll @DoubleRange(min = 0.2, max = 5.0) double sigma,
                                                              @ForAll long seed) {
        double[] constant = new double[length];
        Arrays.fill(constant, 1.75);
        assertArrayEquals(constant, ActionNoise.gaussianFilter(constant, sigma), 1e-14);
        // A symmetric kernel with reflecting ends conserves the sum when the kernel fits in one reflection
        // (radius ≤ length).
        int radius = (int) (4 * sigma + 0.5);
        if (radius <= length) {
            SplitMix64 rng = new SplitMix64(seed);
            double[] x = new double[length];
            double sum = 0;
            for (int i = 0; i < length; i++) {
                x[i] = rng.nextNormal();
                sum += x[i];
            }
            double filteredSum = 0;
            for (double v : ActionNoise.gaussianFilter(x, sigma)) {
                filteredSum += v;
            }
            assertEquals(sum, filteredSum, 1e-12);
        }
    }

    @Test
    void rejectsBadArguments() {
        SplitMix64 rng = new SplitMix64(1);
        assertThrows(IllegalArgumentException.class, () -> ActionNoise.generate(rng, 0, 1, true, 2.0, true));
        assertThrows(IllegalArgumentException.class, () -> ActionNoise.generate(rng, 1, 1, true, 2.0, true));
        assertThrows(IllegalArgumentException.class, () -> ActionNoise.generate(rng, 5, 1, true, -1.0, true));
        assertThrows(IllegalArgumentException.class, () -> new ActionNoise.Config(true, Double.NaN, true));
    }
}
