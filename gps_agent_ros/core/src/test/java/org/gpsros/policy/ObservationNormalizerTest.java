package org.gpsros.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObservationNormalizerTest {

    @Test
    void fitFollowsTheReferenceFormula() {
        // Column 0: 1, 2, 3, 6 → mean 3, population variance (4+1+0+9)/4 = 3.5.
        // Column 1: constant 5 → std 0 floored to 1e-3, scale 1000, bias −5000.
        double[][] o = {{1, 5}, {2, 5}, {3, 5}, {6, 5}};
        ObservationNormalizer normalizer = ObservationNormalizer.fit(o, 2);
        double scale0 = 1 / Math.sqrt(3.5);
        assertEquals(scale0, normalizer.scale()[0], 1e-15);
        assertEquals(-3 * scale0, normalizer.bias()[0], 1e-14);
        assertEquals(1000.0, normalizer.scale()[1], 1e-9);
        assertEquals(-5000.0, normalizer.bias()[1], 1e-9);
        // Normalised columns have mean 0, and unit population variance where the data varies.
        double sum = 0;
        double squares = 0;
        for (double[] row : o) {
            double[] n = normalizer.apply(row);
            sum += n[0];
            squares += n[0] * n[0];
            assertEquals(0.0, n[1], 1e-9);
        }
        assertEquals(0.0, sum / 4, 1e-15);
        assertEquals(1.0, squares / 4, 1e-14);
    }

    @Test
    void entriesBeyondNormalizedDimPassThrough() {
        double[][] o = {{1, 10, 7}, {3, 20, 8}};
        ObservationNormalizer normalizer = ObservationNormalizer.fit(o, 1);
        assertEquals(1, normalizer.normalizedDim());
        double[] out = normalizer.apply(new double[] {2, 10, 7});
        assertArrayEquals(new double[] {0, 10, 7}, out, 1e-15);
        double[] inPlace = {3, 4, 5};
        normalizer.apply(inPlace, inPlace);
        assertArrayEquals(new double[] {1, 4, 5}, inPlace, 1e-15);
    }

    @Test
    void identityChangesNothingAndShapesAreChecked() {
        ObservationNormalizer identity = ObservationNormalizer.identity(3);
        assertArrayEquals(new double[] {1, -2, 3}, identity.apply(new double[] {1, -2, 3}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> identity.apply(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ObservationNormalizer.fit(new double[][] {{Double.NaN}}, 1));
    }
}
