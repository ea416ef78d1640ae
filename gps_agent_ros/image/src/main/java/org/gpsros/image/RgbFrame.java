package org.gpsros.image;

import java.util.Arrays;

/**
 * One colour camera frame: 8-bit RGB, interleaved (R, G, B per pixel), rows top to bottom without padding. The record
 * owns its array; nobody writes to it after construction.
 *
 * @param width pixels per row
 * @param height rows
 * @param rgb width·height·3 bytes
 */
public record RgbFrame(int width, int height, byte[] rgb) {

    public RgbFrame {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a frame needs a positive size, got " + width + "x" + height);
        }
        if (rgb == null || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " RGB frame needs " + (long) width * height * 3
                    + " bytes, got " + (rgb == null ? "null" : rgb.length));
        }
    }

    /** The red, green and blue values (0–255) of pixel (x, y), x to the right, y down. */
    public int[] pixel(int x, int y) {
        int i = (y * width + x) * 3;
        return new int[] {rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff};
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RgbFrame f && f.width == width && f.height == height && Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbFrame[" + width + "x" + height + "]";
    }
}
