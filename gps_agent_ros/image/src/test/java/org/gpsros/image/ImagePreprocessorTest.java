package org.gpsros.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

    /** A frame whose left half is pure red and right half pure blue, with one green row at the top. */
    private static RgbFrame halves(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                if (y == 0) {
                    rgb[i + 1] = (byte) 255;
                } else if (x < width / 2) {
                    rgb[i] = (byte) 255;
                } else {
                    rgb[i + 2] = (byte) 200;
                }
            }
        }
        return new RgbFrame(width, height, rgb);
    }

    @Test
    void sameSizeIsPlanarChannelMajorInUnitRange() {
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(8, 8))) {
            double[] o = pre.toObservation(halves(8, 8));
            int plane = 64;
            assertEquals(0.0, o[0], 0.0, "green top row: no red");
            assertEquals(1.0, o[plane + 3], 0.0, "G of (3, 0)");
            assertEquals(1.0, o[8 + 1], 0.0, "R of (1, 1)");
            assertEquals(0.0, o[2 * plane + 8 + 1], 0.0, "B of (1, 1)");
            assertEquals(200 / 255.0, o[2 * plane + 8 + 6], 1e-12, "B of (6, 1)");
        }
    }

    @Test
    void cropThenAreaResizeAverages() {
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(8, 8).withCrop(0, 1, 16, 16))) {
            // rows 1..16 of a 16x17 frame: left half red, right half blue; 2x2 area averages keep the halves exact
            double[] o = pre.toObservation(halves(16, 17));
            assertEquals(1.0, o[3 * 8 + 2], 0.0);
            assertEquals(0.0, o[3 * 8 + 6], 0.0);
            assertEquals(200 / 255.0, o[2 * 64 + 3 * 8 + 6], 1e-12);
        }
    }

    @Test
    void cropOutsideTheFrameIsRefusedByName() {
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(8, 8).withCrop(10, 0, 16, 16))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> pre.toObservation(halves(16, 16)));
            assertEquals(true, e.getMessage().contains("does not fit"), e.getMessage());
        }
    }

    @Test
    void frameOfAnObservationInvertsToObservation() {
        RgbFrame frame = halves(8, 10);
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(8, 10))) {
            double[] o = new double[5 + 3 * 80];
            pre.toObservation(frame, o, 5);
            assertEquals(frame, ImagePreprocessor.frame(o, 5, 8, 10));
        }
        assertThrows(IllegalArgumentException.class, () -> ImagePreprocessor.frame(new double[10], 0, 8, 6));
    }
}
