package org.gpsros.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a spatial-softmax network's feature points on the frame it saw (Levine et al. 2016, Figure 4 and §5.1): one
 * antialiased filled circle per point, each point its own colour (hues spread evenly around the colour wheel, the same
 * colour for the same channel in every frame).
 *
 * <p>Coordinates follow the issue-5 contract: per point (x, y) in [-1, 1] image coordinates, x to the right, y down,
 * (-1, -1) the top-left corner and (1, 1) the bottom-right corner of the image, ordered x0, y0, x1, y1, ... The pixel
 * column i spans x ∈ [2i/W − 1, 2(i+1)/W − 1]. Points outside the image are clipped away by the drawing.
 */
public final class FeaturePointOverlay {

    /** Bits of sub-pixel precision in OpenCV's drawing coordinates. */
    private static final int SHIFT = 4;

    private FeaturePointOverlay() {
    }

    /** The frame with the points drawn on it, at the frame's own size. */
    public static RgbFrame draw(RgbFrame frame, double[] featurePoints) {
        return draw(frame, featurePoints, 1);
    }

    /**
     * The frame enlarged {@code scale} times (nearest neighbour, so pixels stay visible as blocks) with the points
     * drawn on it; a 64×64 network input at scale 4 gives a 256×256 picture with legible markers.
     *
     * @throws IllegalArgumentException if the points are not (x, y) pairs, any is not finite, or scale is not 1–16
     */
    public static RgbFrame draw(RgbFrame frame, double[] featurePoints, int scale) {
        if (featurePoints.length % 2 != 0) {
            throw new IllegalArgumentException("feature points come as (x, y) pairs, got " + featurePoints.length
                    + " values");
        }
        for (int i = 0; i < featurePoints.length; i++) {
            if (!Double.isFinite(featurePoints[i])) {
                throw new IllegalArgumentException("feature point " + i / 2 + " has a non-finite "
                        + (i % 2 == 0 ? "x" : "y") + ": " + featurePoints[i]);
            }
        }
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("scale must be 1–16, got " + scale);
        }
        int width = frame.width() * scale;
        int height = frame.height() * scale;
        int points = featurePoints.length / 2;
        int radius = Math.max(2, Math.round(Math.min(width, height) / 40f));
        byte[] rgb = new byte[width * height * 3];
        try (BytePointer data = new BytePointer(frame.rgb());
             Mat source = new Mat(frame.height(), frame.width(), CV_8UC3, data);
             Mat canvas = new Mat(height, width, CV_8UC3)) {
            if (scale == 1) {
                source.copyTo(canvas);
            } else {
                try (Size size = new Size(width, height)) {
                    opencv_imgproc.resize(source, canvas, size, 0, 0, INTER_NEAREST);
                }
            }
            for (int p = 0; p < points; p++) {
                double px = (featurePoints[2 * p] + 1) / 2 * width - 0.5;
                double py = (featurePoints[2 * p + 1] + 1) / 2 * height - 0.5;
                int[] colour = colour(p, points);
                try (Point centre = new Point((int) Math.round(px * (1 << SHIFT)), (int) Math.round(py * (1 << SHIFT)));
                     Scalar scalar = new Scalar(colour[0], colour[1], colour[2], 0)) {
                    opencv_imgproc.circle(canvas, centre, radius << SHIFT, scalar, FILLED, LINE_AA, SHIFT);
                }
            }
            canvas.data().get(rgb);
        }
        return new RgbFrame(width, height, rgb);
    }

    /** The RGB colour (0–255) of point {@code index} of {@code count}: fully saturated, hue index/count. */
    public static int[] colour(int index, int count) {
        double hue = 6.0 * index / Math.max(1, count);
        int sector = (int) Math.floor(hue) % 6;
        double f = hue - Math.floor(hue);
        int rising = (int) Math.round(255 * f);
        int falling = 255 - rising;
        return switch (sector) {
            case 0 -> new int[] {255, rising, 0};
            case 1 -> new int[] {falling, 255, 0};
            case 2 -> new int[] {0, 255, rising};
            case 3 -> new int[] {0, falling, 255};
            case 4 -> new int[] {rising, 0, 255};
            default -> new int[] {255, 0, falling};
        };
    }
}
