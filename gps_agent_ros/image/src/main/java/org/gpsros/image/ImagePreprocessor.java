package org.gpsros.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns camera frames into the observation's {@code RGB_IMAGE} slice: crop, resize (area averaging when shrinking,
 * bilinear when growing), then planar channel-major values in [0, 1] (see the package documentation). One instance
 * per thread: it reuses its native buffers; {@link #close()} frees them.
 */
public final class ImagePreprocessor implements AutoCloseable {
    private final ImageSpec spec;
    private final Mat resized;
    private final byte[] pixels;

    public ImagePreprocessor(ImageSpec spec) {
        this.spec = spec;
        this.resized = new Mat(spec.height(), spec.width(), CV_8UC3);
        this.pixels = new byte[spec.width() * spec.height() * 3];
    }

    public ImageSpec spec() {
        return spec;
    }

    /** The frame after crop and resize, as the network sees it (for overlays and PNGs). */
    public RgbFrame resized(RgbFrame frame) {
        resizeInto(frame);
        resized.data().get(pixels);
        return new RgbFrame(spec.width(), spec.height(), pixels.clone());
    }

    /**
     * Writes the frame's observation slice, 3·H·W values, into {@code out} from {@code offset}.
     *
     * @throws IllegalArgumentException if the crop does not fit in the frame
     */
    public void toObservation(RgbFrame frame, double[] out, int offset) {
        if (out.length - offset < spec.observationDim()) {
            throw new IllegalArgumentException("the observation has " + (out.length - offset) + " entries from offset "
                    + offset + ", the image needs " + spec.observationDim());
        }
        resizeInto(frame);
        resized.data().get(pixels);
        int plane = spec.width() * spec.height();
        for (int p = 0; p < plane; p++) {
            out[offset + p] = (pixels[3 * p] & 0xff) / 255.0;
            out[offset + plane + p] = (pixels[3 * p + 1] & 0xff) / 255.0;
            out[offset + 2 * plane + p] = (pixels[3 * p + 2] & 0xff) / 255.0;
        }
    }

    /** A fresh observation slice of the frame. */
    public double[] toObservation(RgbFrame frame) {
        double[] out = new double[spec.observationDim()];
        toObservation(frame, out, 0);
        return out;
    }

    /**
     * The frame an observation's RGB_IMAGE slice shows (the inverse of {@link #toObservation}): 3·width·height planar
     * values in [0, 1] from {@code offset}, rounded to 8 bits (values outside [0, 1] are clamped).
     *
     * @throws IllegalArgumentException if the observation is too short or a value is not finite
     */
    public static RgbFrame frame(double[] observation, int offset, int width, int height) {
        int plane = width * height;
        if (offset < 0 || observation.length - offset < 3L * plane) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + 3L * plane
                    + " values from offset " + offset + ", the observation has " + observation.length);
        }
        byte[] rgb = new byte[3 * plane];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                double v = observation[offset + c * plane + p];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("image value " + (c * plane + p) + " is " + v);
                }
                rgb[3 * p + c] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
            }
        }
        return new RgbFrame(width, height, rgb);
    }

    private void resizeInto(RgbFrame frame) {
        int x = 0;
        int y = 0;
        int w = frame.width();
        int h = frame.height();
        if (spec.cropped()) {
            if (spec.cropX() + spec.cropWidth() > frame.width() || spec.cropY() + spec.cropHeight() > frame.height()) {
                throw new IllegalArgumentException("the crop " + spec.cropWidth() + "x" + spec.cropHeight() + " at ("
                        + spec.cropX() + ", " + spec.cropY() + ") does not fit in a " + frame.width() + "x"
                        + frame.height() + " frame");
            }
            x = spec.cropX();
            y = spec.cropY();
            w = spec.cropWidth();
            h = spec.cropHeight();
        }
        try (BytePointer data = new BytePointer(frame.rgb());
             Mat source = new Mat(frame.height(), frame.width(), CV_8UC3, data);
             Rect area = new Rect(x, y, w, h);
             Mat region = new Mat(source, area);
             Size size = new Size(spec.width(), spec.height())) {
            boolean shrinking = w >= spec.width() && h >= spec.height();
            org.bytedeco.opencv.global.opencv_imgproc.resize(region, resized, size, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        }
    }

    @Override
    public void close() {
        resized.close();
    }
}
