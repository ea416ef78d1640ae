package org.gpsros.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeaturePointOverlayTest {

    private static RgbFrame grey(int size) {
        byte[] rgb = new byte[size * size * 3];
        java.util.Arrays.fill(rgb, (byte) 40);
        return new RgbFrame(size, size, rgb);
    }

    @Test
    void pointsLandWhereTheContractCoordinatesSay() {
        RgbFrame frame = grey(64);
        // point 0 at the centre, point 1 at x = 0.5 (column 47.5 - 0.5), y = -0.5 (row 15.5 - 0.5)
        RgbFrame drawn = FeaturePointOverlay.draw(frame, new double[] {0, 0, 0.5, -0.5});
        assertArrayEquals(FeaturePointOverlay.colour(0, 2), drawn.pixel(31, 31));
        assertArrayEquals(FeaturePointOverlay.colour(0, 2), drawn.pixel(32, 32));
        assertArrayEquals(FeaturePointOverlay.colour(1, 2), drawn.pixel(47, 15));
        assertArrayEquals(FeaturePointOverlay.colour(1, 2), drawn.pixel(48, 16));
        assertArrayEquals(new int[] {40, 40, 40}, drawn.pixel(5, 60), "far from both points");
        assertArrayEquals(new int[] {40, 40, 40}, frame.pixel(32, 32), "the input frame is untouched");
        int[] edge = drawn.pixel(32 + 2, 32); // radius 2 at 64x64: the rim is antialiased, between the two
        assertTrue(edge[0] > 40 && edge[0] < 255, "antialiased rim " + java.util.Arrays.toString(edge));
    }

    @Test
    void cornersAndScaling() {
        RgbFrame drawn = FeaturePointOverlay.draw(grey(16), new double[] {-1, -1, 1, 1}, 4);
        assertEquals(64, drawn.width());
        assertEquals(64, drawn.height());
        assertArrayEquals(FeaturePointOverlay.colour(0, 2), drawn.pixel(0, 0));
        assertArrayEquals(FeaturePointOverlay.colour(1, 2), drawn.pixel(63, 63));
        assertArrayEquals(new int[] {40, 40, 40}, drawn.pixel(32, 32));
    }

    @Test
    void coloursAreDistinctAndBadPointsRefused() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 32; i++) {
            seen.add(java.util.Arrays.toString(FeaturePointOverlay.colour(i, 32)));
        }
        assertEquals(32, seen.size());
        assertThrows(IllegalArgumentException.class, () -> FeaturePointOverlay.draw(grey(8), new double[] {0}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FeaturePointOverlay.draw(grey(8), new double[] {0, 0, Double.NaN, 0})).getMessage()
                .contains("feature point 1"));
    }
}
