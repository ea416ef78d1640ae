package org.gpsros.image;

/**
 * What the policy sees of a camera frame: an optional crop of the source frame, resized to {@code width}×{@code height}.
 * The paper's robot crops the 640×480 camera image to its work area and downsamples to 240×240 (Levine et al. 2016,
 * Appendix A); the simulator's camera renders the network's size directly (no crop).
 *
 * @param width network input width in pixels (8–512)
 * @param height network input height in pixels (8–512)
 * @param cropX left column of the crop in the source frame, or -1 for no crop
 * @param cropY top row of the crop, or -1
 * @param cropWidth crop width, or -1
 * @param cropHeight crop height, or -1
 */
public record ImageSpec(int width, int height, int cropX, int cropY, int cropWidth, int cropHeight) {
    public static final int MIN_SIZE = 8;
    public static final int MAX_SIZE = 512;

    public ImageSpec {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("image size must be within " + MIN_SIZE + "–" + MAX_SIZE + " pixels, got "
                    + width + "x" + height);
        }
        boolean noCrop = cropX == -1 && cropY == -1 && cropWidth == -1 && cropHeight == -1;
        if (!noCrop && (cropX < 0 || cropY < 0 || cropWidth < 1 || cropHeight < 1)) {
            throw new IllegalArgumentException("crop must be x, y ≥ 0 and width, height ≥ 1 (or all -1 for none), got "
                    + cropX + ", " + cropY + ", " + cropWidth + "x" + cropHeight);
        }
    }

    /** The whole frame, resized to width×height. */
    public static ImageSpec of(int width, int height) {
        return new ImageSpec(width, height, -1, -1, -1, -1);
    }

    public ImageSpec withCrop(int x, int y, int cropWidth, int cropHeight) {
        return new ImageSpec(width, height, x, y, cropWidth, cropHeight);
    }

    public boolean cropped() {
        return cropX >= 0;
    }

    /** Length of the observation slice: 3·width·height. */
    public int observationDim() {
        return 3 * width * height;
    }
}
