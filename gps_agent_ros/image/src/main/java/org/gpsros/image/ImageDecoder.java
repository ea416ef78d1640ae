package org.gpsros.image;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerBGGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerGBRG2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerGRBG2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BayerRGGB2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2RGB_UYVY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2RGB_YUY2;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes the pixel payload of a ROS {@code sensor_msgs/Image} into an {@link RgbFrame}, the way cv_bridge's
 * {@code toCvCopy(msg, "rgb8")} does, with OpenCV's {@code cvtColor} doing every colour conversion.
 *
 * <p>Encodings (names as in ROS's {@code sensor_msgs/image_encodings.h}; bytes per pixel in brackets):
 * <ul>
 *   <li>{@code rgb8} [3], {@code bgr8} [3], {@code rgba8} [4], {@code bgra8} [4] (alpha dropped);</li>
 *   <li>{@code mono8} [1] (grey replicated to R, G, B); {@code mono16} [2], little or big endian as the message's
 *       {@code is_bigendian} says, scaled to 8 bits by 255/65535 (rounded: 0 → 0, 65535 → 255);</li>
 *   <li>{@code bayer_rggb8}, {@code bayer_bggr8}, {@code bayer_gbrg8}, {@code bayer_grbg8} [1]: raw colour-filter
 *       mosaics, the pattern naming the 2×2 block at the top-left pixel (ROS's convention), demosaiced bilinearly
 *       (OpenCV's {@code COLOR_Bayer…2RGB});</li>
 *   <li>{@code yuv422} [2]: packed 4:2:2 in UYVY order (U0 Y0 V0 Y1), what openni/Kinect drivers publish; also
 *       {@code yuv422_yuy2} (Y0 U0 Y1 V0). Converted with BT.601 video-range coefficients (OpenCV);</li>
 *   <li>OpenCV type names as cv_bridge reads them: {@code 8UC3} as {@code bgr8}, {@code 8UC4} as {@code bgra8},
 *       {@code 8UC1} as {@code mono8}.</li>
 * </ul>
 * Depth images ({@code 16UC1}, {@code 32FC1}, ...) are refused: they are not colour frames. Rows may be padded
 * ({@code step} &gt; width·bytes per pixel); the padding is skipped.
 *
 * <p>Every malformed frame (unknown encoding, non-positive size, {@code step} too small for a row, {@code data} not
 * exactly {@code step·height} bytes, odd width for 4:2:2) is refused with an {@link IllegalArgumentException} that names
 * what is wrong. Thread-safe: each call owns its native buffers.
 */
public final class ImageDecoder {

    /** A colour encoding: bytes per pixel and the OpenCV conversion to RGB (-1: already RGB; -2: 16-bit grey). */
    private record Format(int bytesPerPixel, int matType, int conversion) {
    }

    private static final int AS_IS = -1;
    private static final int MONO16 = -2;

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            Map.entry("rgb8", new Format(3, CV_8UC3, AS_IS)),
            Map.entry("bgr8", new Format(3, CV_8UC3, COLOR_BGR2RGB)),
            Map.entry("8UC3", new Format(3, CV_8UC3, COLOR_BGR2RGB)),
            Map.entry("rgba8", new Format(4, CV_8UC4, COLOR_RGBA2RGB)),
            Map.entry("bgra8", new Format(4, CV_8UC4, COLOR_BGRA2RGB)),
            Map.entry("8UC4", new Format(4, CV_8UC4, COLOR_BGRA2RGB)),
            Map.entry("mono8", new Format(1, CV_8UC1, COLOR_GRAY2RGB)),
            Map.entry("8UC1", new Format(1, CV_8UC1, COLOR_GRAY2RGB)),
            Map.entry("mono16", new Format(2, CV_16UC1, MONO16)),
            Map.entry("bayer_rggb8", new Format(1, CV_8UC1, COLOR_BayerRGGB2RGB)),
            Map.entry("bayer_bggr8", new Format(1, CV_8UC1, COLOR_BayerBGGR2RGB)),
            Map.entry("bayer_gbrg8", new Format(1, CV_8UC1, COLOR_BayerGBRG2RGB)),
            Map.entry("bayer_grbg8", new Format(1, CV_8UC1, COLOR_BayerGRBG2RGB)),
            Map.entry("yuv422", new Format(2, CV_8UC2, COLOR_YUV2RGB_UYVY)),
            Map.entry("yuv422_yuy2", new Format(2, CV_8UC2, COLOR_YUV2RGB_YUY2)));

    /** Encodings of depth or other non-colour images, refused with a message saying so. */
    private static final java.util.Set<String> DEPTH = java.util.Set.of("16UC1", "32FC1", "16SC1", "32SC1", "64FC1",
            "8SC1", "type_16uc1", "type_32fc1");

    private ImageDecoder() {
    }

    /** The encodings {@link #decode} accepts. */
    public static java.util.SortedSet<String> encodings() {
        return new java.util.TreeSet<>(FORMATS.keySet());
    }

    /** Bytes per pixel of a supported encoding. @throws IllegalArgumentException if it is not supported */
    public static int bytesPerPixel(String encoding) {
        return format(encoding).bytesPerPixel();
    }

    /**
     * Decodes one frame.
     *
     * @param encoding the message's {@code encoding}
     * @param width the message's {@code width} (pixels per row)
     * @param height the message's {@code height} (rows)
     * @param step the message's {@code step}: bytes from one row's start to the next's
     * @param bigEndian the message's {@code is_bigendian} (matters only for 16-bit encodings)
     * @param data the message's {@code data}: exactly step·height bytes
     * @return the frame, 8-bit RGB without padding
     * @throws IllegalArgumentException naming what is wrong with a malformed or unsupported frame
     */
    public static RgbFrame decode(String encoding, int width, int height, int step, boolean bigEndian, byte[] data) {
        Format format = format(encoding);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a " + encoding + " image needs a positive size, got width " + width
                    + " and height " + height);
        }
        long rowBytes = (long) width * format.bytesPerPixel();
        if (step < rowBytes) {
            throw new IllegalArgumentException("step " + step + " is smaller than a row of " + width + " " + encoding
                    + " pixels (" + rowBytes + " bytes)");
        }
        if (data == null) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + encoding + " image has no data");
        }
        long expected = (long) step * height;
        if (data.length != expected) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + encoding + " image with step " + step
                    + " needs step·height = " + expected + " bytes of data, got " + data.length);
        }
        if (format.matType() == CV_8UC2 && width % 2 != 0) {
            throw new IllegalArgumentException(encoding + " packs two pixels in four bytes: the width must be even, got "
                    + width);
        }
        if (format.conversion() == AS_IS) {
            byte[] rgb = new byte[width * height * 3];
            for (int y = 0; y < height; y++) {
                System.arraycopy(data, y * step, rgb, (int) (y * rowBytes), (int) rowBytes);
            }
            return new RgbFrame(width, height, rgb);
        }
        byte[] source = data;
        if (format.conversion() == MONO16 && bigEndian != (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN)) {
            source = swapPairs(data, width, height, step);
        }
        byte[] rgb = new byte[width * height * 3];
        try (BytePointer pointer = new BytePointer(source);
             Mat raw = new Mat(height, width, format.matType(), pointer, step);
             Mat out = new Mat()) {
            if (format.conversion() == MONO16) {
                try (Mat grey = new Mat()) {
                    raw.convertTo(grey, CV_8UC1, 255.0 / 65535.0, 0.0);
                    opencv_imgproc.cvtColor(grey, out, COLOR_GRAY2RGB);
                }
            } else {
                opencv_imgproc.cvtColor(raw, out, format.conversion());
            }
            out.data().get(rgb);
        }
        return new RgbFrame(width, height, rgb);
    }

    private static Format format(String encoding) {
        if (encoding == null || encoding.isEmpty()) {
            throw new IllegalArgumentException("the image has no encoding; supported: " + encodings());
        }
        Format format = FORMATS.get(encoding);
        if (format != null) {
            return format;
        }
        if (DEPTH.contains(encoding) || DEPTH.contains(encoding.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("encoding " + encoding + " is a depth (single-channel numeric) image, not "
                    + "a colour frame; the image pipeline takes colour encodings " + encodings());
        }
        throw new IllegalArgumentException("unknown or unsupported image encoding '" + encoding + "'; supported: "
                + encodings());
    }

    /** The 16-bit samples of every row, byte-swapped, padding kept. */
    private static byte[] swapPairs(byte[] data, int width, int height, int step) {
        byte[] swapped = data.clone();
        for (int y = 0; y < height; y++) {
            int row = y * step;
            for (int i = row; i < row + 2 * width; i += 2) {
                swapped[i] = data[i + 1];
                swapped[i + 1] = data[i];
            }
        }
        return swapped;
    }
}
