package org.gpsros.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.FeaturePointOverlay;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.PngFiles;
import org.gpsros.image.RgbFrame;
import org.gpsros.policy.FeaturePointNetwork;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;

/**
 * The learned feature points over the frames they came from (Levine et al. 2016, Figure 4), written after each
 * iteration as {@code RUN/feature_points/itr_NNN_cond_C_t_TT.png}: the first sample of the first training condition
 * at t = 0 and t = T/2, enlarged {@link #SCALE} times (gps-image {@link FeaturePointOverlay}, {@link PngFiles}).
 */
public final class FeaturePointImages {
    /** The folder inside the run. */
    public static final String FOLDER = "feature_points";
    /** Enlargement of the (small) network input in the PNGs. */
    public static final int SCALE = 4;

    private FeaturePointImages() {
    }

    /** The file of one overlay. */
    public static Path file(Path runDirectory, int iteration, int condition, int t) {
        return runDirectory.resolve(FOLDER).resolve(String.format("itr_%03d_cond_%d_t_%02d.png", iteration, condition, t));
    }

    /**
     * Writes the overlays of one sample if the policy's network has feature points and the observation an image.
     *
     * @param observations the sample's observations, T × dO
     * @param layout the observation layout (RGB_IMAGE last, square)
     * @return the files written (none without feature points or image)
     */
    public static List<Path> write(Path runDirectory, int iteration, int condition, GaussianGlobalPolicy policy,
                                   double[][] observations, SensorLayout layout) {
        List<Path> written = new ArrayList<>();
        if (!(policy.network() instanceof FeaturePointNetwork network) || !layout.contains(SensorType.RGB_IMAGE)) {
            return written;
        }
        int offset = layout.offsetOf(SensorType.RGB_IMAGE);
        int size = (int) Math.round(Math.sqrt(layout.dimensionOf(SensorType.RGB_IMAGE) / 3.0));
        int horizon = observations.length;
        for (int t : horizon > 1 ? new int[] {0, horizon / 2} : new int[] {0}) {
            double[] points = network.featurePoints(policy.normalizer().apply(observations[t]));
            RgbFrame frame = ImagePreprocessor.frame(observations[t], offset, size, size);
            Path file = file(runDirectory, iteration, condition, t);
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                PngFiles.write(FeaturePointOverlay.draw(frame, points, SCALE), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }
}
