package org.gpsros.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerBG2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerGR2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerRG2BGR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    /** A 3x2 image with six distinct colours, as (r, g, b) per pixel, row-major. */
    private static final int[][] PIXELS = {
        {255, 0, 0}, {0, 255, 0}, {0, 0, 255},
        {10, 20, 30}, {200, 150, 100}, {1, 128, 254}};
    private static final int W = 3;
    private static final int H = 2;

    private static RgbFrame expected() {
        byte[] rgb = new byte[W * H * 3];
        for (int p = 0; p < PIXELS.length; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * p + c] = (byte) PIXELS[p][c];
            }
        }
        return new RgbFrame(W, H, rgb);
    }

    /** The pixels packed with {@code order} (indices into r, g, b, or 3 for an alpha of 77), rows padded to step. */
    private static byte[] pack(int[] order, int step) {
        byte[] data = new byte[step * H];
        java.util.Arrays.fill(data, (byte) 0x5a); // padding garbage that must be skipped
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] px = PIXELS[y * W + x];
                for (int k = 0; k < order.length; k++) {
                    data[y * step + x * order.length + k] = (byte) (order[k] == 3 ? 77 : px[order[k]]);
                }
            }
        }
        return data;
    }

    @Test
    void colourEncodingsWithAndWithoutRowPadding() {
        for (int padding : new int[] {0, 5}) {
            assertEquals(expected(), ImageDecoder.decode("rgb8", W, H, 9 + padding, false, pack(new int[] {0, 1, 2}, 9 + padding)));
            assertEquals(expected(), ImageDecoder.decode("bgr8", W, H, 9 + padding, false, pack(new int[] {2, 1, 0}, 9 + padding)));
            assertEquals(expected(), ImageDecoder.decode("8UC3", W, H, 9 + padding, true, pack(new int[] {2, 1, 0}, 9 + padding)));
            assertEquals(expected(), ImageDecoder.decode("rgba8", W, H, 12 + padding, false, pack(new int[] {0, 1, 2, 3}, 12 + padding)));
            assertEquals(expected(), ImageDecoder.decode("bgra8", W, H, 12 + padding, false, pack(new int[] {2, 1, 0, 3}, 12 + padding)));
            assertEquals(expected(), ImageDecoder.decode("8UC4", W, H, 12 + padding, false, pack(new int[] {2, 1, 0, 3}, 12 + padding)));
        }
    }

    @Test
    void mono8IsGreyInAllChannels() {
        byte[] data = {0, 1, (byte) 128, 0, (byte) 255, 7, 9, 0}; // 3x2, step 4
        RgbFrame frame = ImageDecoder.decode("mono8", 3, 2, 4, false, data);
        assertArrayEquals(new int[] {128, 128, 128}, frame.pixel(2, 0));
        assertArrayEquals(new int[] {255, 255, 255}, frame.pixel(0, 1));
        assertArrayEquals(new int[] {9, 9, 9}, frame.pixel(2, 1));
        assertEquals(frame, ImageDecoder.decode("8UC1", 3, 2, 4, false, data));
    }

    @Test
    void mono16ScalesTo8BitsInEitherByteOrder() {
        int[] values = {0, 65535, 257 * 100, 1000};
        int[] grey = {0, 255, 100, 4}; // round(v * 255 / 65535)
        byte[] little = new byte[8];
        byte[] big = new byte[8];
        for (int i = 0; i < 4; i++) {
            little[2 * i] = (byte) values[i];
            little[2 * i + 1] = (byte) (values[i] >>> 8);
            big[2 * i] = (byte) (values[i] >>> 8);
            big[2 * i + 1] = (byte) values[i];
        }
        RgbFrame fromLittle = ImageDecoder.decode("mono16", 2, 2, 4, false, little);
        RgbFrame fromBig = ImageDecoder.decode("mono16", 2, 2, 4, true, big);
        assertEquals(fromLittle, fromBig);
        for (int i = 0; i < 4; i++) {
            int g = grey[i];
            assertArrayEquals(new int[] {g, g, g}, fromLittle.pixel(i % 2, i / 2), "pixel " + i);
        }
    }

    /** A mosaic of one uniform colour: pattern names the colour at (0,0), (1,0), (0,1), (1,1). */
    private static byte[] mosaic(String pattern, int[] rgb, int size) {
        byte[] data = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                char c = pattern.charAt((y % 2) * 2 + x % 2);
                data[y * size + x] = (byte) rgb["rgb".indexOf(c)];
            }
        }
        return data;
    }

    @Test
    void bayerPatternsDemosaicAUniformColour() {
        int[] colour = {200, 90, 30};
        for (String pattern : new String[] {"rggb", "bggr", "gbrg", "grbg"}) {
            RgbFrame frame = ImageDecoder.decode("bayer_" + pattern + "8", 8, 8, 8, false, mosaic(pattern, colour, 8));
            for (int y = 2; y < 6; y++) {
                for (int x = 2; x < 6; x++) {
                    assertArrayEquals(colour, frame.pixel(x, y), pattern + " at (" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void bayerMatchesCvBridgesOpenCvConversion() {
        // cv_bridge: bayer_rggb8 -> CV_BayerBG2BGR, bggr8 -> RG2BGR, gbrg8 -> GR2BGR, grbg8 -> GB2BGR; then BGR -> RGB.
        String[] patterns = {"rggb", "bggr", "gbrg", "grbg"};
        int[] codes = {COLOR_BayerBG2BGR, COLOR_BayerRG2BGR, COLOR_BayerGR2BGR, COLOR_BayerGB2BGR};
        byte[] raw = new byte[16 * 12];
        new Random(5).nextBytes(raw);
        for (int i = 0; i < patterns.length; i++) {
            RgbFrame ours = ImageDecoder.decode("bayer_" + patterns[i] + "8", 16, 12, 16, false, raw);
            byte[] reference = new byte[16 * 12 * 3];
            try (BytePointer data = new BytePointer(raw);
                 Mat mosaic = new Mat(12, 16, CV_8UC1, data);
                 Mat bgr = new Mat();
                 Mat rgb = new Mat()) {
                opencv_imgproc.cvtColor(mosaic, bgr, codes[i]);
                opencv_imgproc.cvtColor(bgr, rgb, COLOR_BGR2RGB);
                rgb.data().get(reference);
            }
            assertEquals(new RgbFrame(16, 12, reference), ours, patterns[i]);
        }
    }

    /** BT.601 video range, as OpenCV's 4:2:2 conversion uses. */
    private static int[] bt601(int y, int u, int v) {
        double c = 1.164 * (y - 16);
        return new int[] {clamp(c + 1.596 * (v - 128)), clamp(c - 0.813 * (v - 128) - 0.391 * (u - 128)),
            clamp(c + 2.018 * (u - 128))};
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    @Test
    void yuv422IsUyvyWithBt601Coefficients() {
        // 4x1 pixels = two macro-pixels, step 8 + 4 padding; row 2 repeats with other values
        int[][] macro = {{16, 128, 235, 128}, {81, 90, 145, 240}, {126, 128, 41, 110}, {200, 16, 60, 146}};
        byte[] uyvy = new byte[12 * 2];
        byte[] yuy2 = new byte[12 * 2];
        for (int m = 0; m < 4; m++) {
            int row = m / 2;
            int at = row * 12 + (m % 2) * 4;
            int y0 = macro[m][0];
            int u = macro[m][1];
            int y1 = macro[m][2];
            int v = macro[m][3];
            uyvy[at] = (byte) u;
            uyvy[at + 1] = (byte) y0;
            uyvy[at + 2] = (byte) v;
            uyvy[at + 3] = (byte) y1;
            yuy2[at] = (byte) y0;
            yuy2[at + 1] = (byte) u;
            yuy2[at + 2] = (byte) y1;
            yuy2[at + 3] = (byte) v;
        }
        RgbFrame frame = ImageDecoder.decode("yuv422", 4, 2, 12, false, uyvy);
        assertEquals(frame, ImageDecoder.decode("yuv422_yuy2", 4, 2, 12, false, yuy2));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(0, 0), "Y 16 is black");
        assertArrayEquals(new int[] {255, 255, 255}, frame.pixel(1, 0), "Y 235 is white");
        for (int m = 0; m < 4; m++) {
            for (int half = 0; half < 2; half++) {
                int x = (m % 2) * 2 + half;
                int[] want = bt601(macro[m][half == 0 ? 0 : 2], macro[m][1], macro[m][3]);
                int[] got = frame.pixel(x, m / 2);
                for (int c = 0; c < 3; c++) {
                    assertTrue(Math.abs(want[c] - got[c]) <= 1, "pixel (" + x + ", " + m / 2 + ") channel " + c
                            + ": want " + want[c] + ", got " + got[c]);
                }
            }
        }
        assertTrue(frame.pixel(2, 0)[0] > 240 && frame.pixel(2, 0)[2] < 10, "Y 81 U 90 V 240 is red");
    }

    private static String refusal(String encoding, int width, int height, int step, byte[] data) {
        return assertThrows(IllegalArgumentException.class,
                () -> ImageDecoder.decode(encoding, width, height, step, false, data)).getMessage();
    }

    @Test
    void malformedFramesAreRefusedNamingWhatIsWrong() {
        assertTrue(refusal("rgb8", 3, 2, 9, new byte[17]).contains("needs step·height = 18 bytes of data, got 17"));
        assertTrue(refusal("rgb8", 3, 2, 9, new byte[19]).contains("got 19"));
        assertTrue(refusal("rgb8", 3, 2, 8, new byte[16]).contains("step 8 is smaller than a row of 3 rgb8 pixels (9"));
        assertTrue(refusal("mono16", 4, 1, 7, new byte[7]).contains("step 7"));
        assertTrue(refusal("rgb8", 0, 2, 9, new byte[0]).contains("positive size"));
        assertTrue(refusal("rgb8", 3, 0, 9, new byte[0]).contains("positive size"));
        assertTrue(refusal("rgb8", 3, 2, 9, null).contains("no data"));
        assertTrue(refusal("jpeg", 3, 2, 9, new byte[18]).contains("unknown or unsupported image encoding 'jpeg'"));
        assertTrue(refusal("", 3, 2, 9, new byte[18]).contains("no encoding"));
        assertTrue(refusal("16UC1", 3, 2, 6, new byte[12]).contains("depth"));
        assertTrue(refusal("32FC1", 3, 2, 12, new byte[24]).contains("depth"));
        assertTrue(refusal("yuv422", 3, 1, 6, new byte[6]).contains("width must be even"));
    }
}
