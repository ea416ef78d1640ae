package org.gpsros.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * PNG files of frames (OpenCV's encoder and decoder; the file itself is read and written by Java, so errors are
 * ordinary {@link IOException}s naming the path). Lossless: {@code read(write(frame))} equals the frame.
 */
public final class PngFiles {

    private PngFiles() {
    }

    /** The frame as PNG bytes. */
    public static byte[] encode(RgbFrame frame) {
        try (BytePointer data = new BytePointer(frame.rgb());
             Mat rgb = new Mat(frame.height(), frame.width(), CV_8UC3, data);
             Mat bgr = new Mat();
             BytePointer png = new BytePointer()) {
            opencv_imgproc.cvtColor(rgb, bgr, COLOR_RGB2BGR);
            if (!opencv_imgcodecs.imencode(".png", bgr, png)) {
                throw new IllegalStateException("OpenCV could not encode a " + frame.width() + "x" + frame.height()
                        + " frame as PNG");
            }
            byte[] out = new byte[(int) png.limit()];
            png.get(out);
            return out;
        }
    }

    /**
     * Decodes PNG (or any format OpenCV reads) bytes; grey and alpha images come back as RGB.
     *
     * @throws IllegalArgumentException if the bytes are not an image OpenCV can decode
     */
    public static RgbFrame decode(byte[] encoded) {
        try (BytePointer data = new BytePointer(encoded);
             Mat buffer = new Mat(1, encoded.length, CV_8UC1, data);
             Mat bgr = opencv_imgcodecs.imdecode(buffer, IMREAD_COLOR);
             Mat rgb = new Mat()) {
            if (bgr == null || bgr.empty()) {
                throw new IllegalArgumentException("not a decodable image (" + encoded.length + " bytes)");
            }
            opencv_imgproc.cvtColor(bgr, rgb, COLOR_BGR2RGB);
            byte[] pixels = new byte[rgb.cols() * rgb.rows() * 3];
            rgb.data().get(pixels);
            return new RgbFrame(rgb.cols(), rgb.rows(), pixels);
        }
    }

    /** Writes the frame as a PNG file (replacing it), creating missing parent folders. */
    public static void write(RgbFrame frame, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(path, encode(frame));
    }

    /** Reads a PNG file. @throws IOException if it cannot be read or is not an image */
    public static RgbFrame read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(path + " is " + e.getMessage(), e);
        }
    }
}
