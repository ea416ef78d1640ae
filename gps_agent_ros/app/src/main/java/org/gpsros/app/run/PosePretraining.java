package org.gpsros.app.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gpsros.image.FeaturePointOverlay;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.ImageSpec;
import org.gpsros.image.PngFiles;
import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.nn.CnnConfig;
import org.gpsros.nn.ConvolutionWeights;
import org.gpsros.nn.PoseRegressor;
import org.gpsros.sim.PoseExample;
import org.gpsros.sim.PoseImageSource;

/**
 * Pose pretraining of the vision layers (Levine et al. 2016, §5.2, Figure 3) and the architecture comparison of its
 * Table 3 (§6.3): images of the target object at random known positions from a task's {@link PoseImageSource}, the
 * policy's convolutions with a head ({@link PoseRegressor}) trained to regress the target's position, errors reported
 * as the mean ± standard deviation of the Euclidean distance in centimetres on held-out examples (Table 3's measure).
 *
 * <p>Training and test examples are two disjoint streams of the source ({@code poseExample(seed', i, size)} with
 * seed' derived from the run seed, purpose {@link #EXAMPLES_STREAM}, index 0 for training and 1 for test), passed
 * through {@link ImagePreprocessor} like a camera frame. The regressor learns the standardised pose (each coordinate
 * minus its training mean, over its training standard deviation; a coordinate that never varies is left unscaled),
 * and its predictions are mapped back to metres before the errors are measured.
 */
public final class PosePretraining {
    /** Purpose of the example streams for {@link SplitMix64#derive}. */
    public static final long EXAMPLES_STREAM = 0x504F5345_4558L;
    /** Purpose of each head's initial weights and minibatch order. */
    public static final long NETWORK_STREAM = 0x504F5345_4E4EL;
    /** Summary file of the pretraining, next to the weights. */
    public static final String ERRORS_FILE = "pose_errors.csv";
    /** Test frames written with their feature points (spatial softmax head). */
    public static final int OVERLAY_FRAMES = 4;

    private PosePretraining() {
    }

    /**
     * How pose pretraining runs.
     *
     * @param trainExamples training images (the paper collects about 1000)
     * @param testExamples held-out images for the test error
     * @param iterations Adam steps per head
     * @param batchSize images per minibatch
     * @param learningRate Adam step size
     * @param seed run seed; examples and weights derive from it
     */
    public record Settings(int trainExamples, int testExamples, int iterations, int batchSize, double learningRate,
                           long seed) {
        public Settings {
            if (trainExamples < 2) {
                throw new IllegalArgumentException("--examples: at least 2 training examples, got " + trainExamples);
            }
            if (testExamples < 1) {
                throw new IllegalArgumentException("--test-examples: at least 1, got " + testExamples);
            }
            if (iterations < 0) {
                throw new IllegalArgumentException("--iterations: must be >= 0, got " + iterations);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("--batch-size: must be >= 1, got " + batchSize);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("--learning-rate: must be finite and > 0, got " + learningRate);
            }
        }
    }

    /**
     * One head's outcome.
     *
     * @param head the architecture
     * @param parameters trainable parameters (convolutions, temperature, head)
     * @param trainErrorCm mean Euclidean error on the training images, cm
     * @param testErrorCm mean Euclidean error on the held-out images, cm
     * @param testErrorStdCm standard deviation of the held-out errors, cm
     * @param seconds wall time of training and evaluation
     */
    public record HeadResult(PoseRegressor.Head head, long parameters, double trainErrorCm, double testErrorCm,
                             double testErrorStdCm, double seconds) {
    }

    /**
     * The outcome of pose pretraining.
     *
     * @param imageSize square image size the regressors saw
     * @param heads one result per head trained, in the order asked
     * @param convolutionWeights the spatial-softmax head's convolutions (what the CNN policy starts from), or null if
     *                           that head was not trained
     * @param spreadCm mean distance of the test poses from the training poses' mean, cm: the error of always
     *                 guessing the mean, the scale the errors compare to
     */
    public record Result(int imageSize, List<HeadResult> heads, ConvolutionWeights convolutionWeights,
                         double spreadCm) {
        public Result {
            heads = List.copyOf(heads);
        }
    }

    /** Table 3 of Levine et al. 2016: test error (cm) mean and standard deviation of each architecture. */
    public record PaperRow(String architecture, PoseRegressor.Head head, double errorCm, double stdCm) {
    }

    /** The paper's four rows; "softmax + fully connected layer" has no {@link PoseRegressor.Head} here (null). */
    public static final List<PaperRow> PAPER_TABLE_3 = List.of(
            new PaperRow("softmax + feature points (ours)", PoseRegressor.Head.SPATIAL_SOFTMAX, 1.30, 0.73),
            new PaperRow("softmax + fully connected layer", null, 2.59, 1.19),
            new PaperRow("fully connected layer", PoseRegressor.Head.FULLY_CONNECTED, 4.75, 2.29),
            new PaperRow("max-pooling + fully connected", PoseRegressor.Head.MAX_POOL_FULLY_CONNECTED, 3.71, 1.73));

    /** Images (planar [0, 1], {@link ImagePreprocessor}) and poses of a stream of examples. */
    record Examples(double[][] images, double[][] poses) {
    }

    /**
     * Examples {@code 0..count−1} of stream {@code split} (0 training, 1 test).
     *
     * @throws IllegalArgumentException if the source's frames or poses have the wrong size
     */
    static Examples collect(PoseImageSource source, long seed, int split, int count, int imageSize) {
        long streamSeed = SplitMix64.derive(seed, EXAMPLES_STREAM, split);
        double[][] images = new double[count][];
        double[][] poses = new double[count][];
        try (ImagePreprocessor preprocessor = new ImagePreprocessor(ImageSpec.of(imageSize, imageSize))) {
            for (int i = 0; i < count; i++) {
                PoseExample example = source.poseExample(streamSeed, i, imageSize);
                double[] pose = example.pose();
                if (pose.length != source.poseDim()) {
                    throw new IllegalArgumentException("pose example " + i + " has " + pose.length
                            + " values, the source's poseDim is " + source.poseDim());
                }
                images[i] = preprocessor.toObservation(example.frame());
                poses[i] = pose;
            }
        }
        return new Examples(images, poses);
    }

    /**
     * Collects the examples and trains one regressor per head.
     *
     * @param cnn the policy's convolutions at the image size (its fully connected widths are not used)
     * @param heads the heads to train; {@link PoseRegressor.Head#SPATIAL_SOFTMAX} gives the policy's weights
     * @param log progress lines (one per phase and head)
     */
    public static Result run(PoseImageSource source, CnnConfig cnn, List<PoseRegressor.Head> heads, Settings settings,
                             PrintStream log) {
        return run(source, cnn, heads, settings, log, null);
    }

    /**
     * {@link #run(PoseImageSource, CnnConfig, List, Settings, PrintStream)}, also writing into {@code outputFolder}
     * (if not null) {@value #OVERLAY_FRAMES} test frames with the spatial-softmax head's feature points,
     * {@code test_NN.png}.
     */
    public static Result run(PoseImageSource source, CnnConfig cnn, List<PoseRegressor.Head> heads, Settings settings,
                             PrintStream log, Path outputFolder) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("no head to train");
        }
        if (cnn.imageWidth() != cnn.imageHeight()) {
            throw new IllegalArgumentException("pose pretraining needs a square image, got " + cnn.imageWidth() + "×"
                    + cnn.imageHeight());
        }
        int size = cnn.imageWidth();
        int dim = source.poseDim();
        List<PoseRegressor> regressors = new ArrayList<>();
        for (PoseRegressor.Head head : heads) { // every head's shape is checked before the (slow) collection
            try {
                regressors.add(PoseRegressor.create(cnn, head, dim,
                        SplitMix64.derive(settings.seed(), NETWORK_STREAM, head.ordinal(), 0)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(head.name().toLowerCase(Locale.ROOT) + " head at " + size + "×"
                        + size + ": " + e.getMessage(), e);
            }
        }
        long start = System.nanoTime();
        Examples train = collect(source, settings.seed(), 0, settings.trainExamples(), size);
        Examples test = collect(source, settings.seed(), 1, settings.testExamples(), size);
        log.printf(Locale.ROOT, "pose pretraining: %d training and %d test images at %d×%d (%.1f s)%n",
                settings.trainExamples(), settings.testExamples(), size, size, seconds(start));
        double[] mean = new double[dim];
        double[] scale = new double[dim];
        standardisation(train.poses(), mean, scale);
        double[][] targets = new double[train.poses().length][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = standardise(train.poses()[i], mean, scale);
        }
        List<HeadResult> results = new ArrayList<>();
        ConvolutionWeights weights = null;
        for (PoseRegressor regressor : regressors) {
            PoseRegressor.Head head = regressor.head();
            long headStart = System.nanoTime();
            SplitMix64 order = new SplitMix64(SplitMix64.derive(settings.seed(), NETWORK_STREAM, head.ordinal(), 1));
            double loss = regressor.train(train.images(), targets, settings.iterations(), settings.batchSize(),
                    settings.learningRate(), order);
            double[] trainErrors = errorsCm(regressor.predict(train.images()), train.poses(), mean, scale);
            double[] testErrors = errorsCm(regressor.predict(test.images()), test.poses(), mean, scale);
            HeadResult result = new HeadResult(head, regressor.parameterCount(), mean(trainErrors), mean(testErrors),
                    std(testErrors), seconds(headStart));
            results.add(result);
            log.printf(Locale.ROOT, "pose pretraining: %s (%d parameters): training loss %.4g, error train %.2f cm, "
                    + "test %.2f ± %.2f cm (%.1f s)%n", head.name().toLowerCase(Locale.ROOT), result.parameters(),
                    loss, result.trainErrorCm(), result.testErrorCm(), result.testErrorStdCm(), result.seconds());
            if (head == PoseRegressor.Head.SPATIAL_SOFTMAX) {
                weights = regressor.convolutionWeights();
                if (outputFolder != null) {
                    writeOverlays(regressor, test, outputFolder);
                }
            }
        }
        double[] spread = new double[test.poses().length];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = 100 * distance(mean, test.poses()[i]);
        }
        return new Result(size, results, weights, mean(spread));
    }

    /** The table printed by {@code gps pretrain-pose}: our heads beside the paper's Table 3. */
    public static String table(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-34s %10s %16s %18s %14s%n", "architecture", "parameters",
                "train error (cm)", "test error (cm)", "paper (cm)"));
        for (PaperRow row : PAPER_TABLE_3) {
            HeadResult ours = result.heads().stream().filter(h -> row.head() != null && h.head() == row.head())
                    .findFirst().orElse(null);
            String paper = String.format(Locale.ROOT, "%.2f ± %.2f", row.errorCm(), row.stdCm());
            if (ours == null) {
                out.append(String.format(Locale.ROOT, "%-34s %10s %16s %18s %14s%n", row.architecture(), "-", "-",
                        row.head() == null ? "(not built)" : "(not run)", paper));
            } else {
                out.append(String.format(Locale.ROOT, "%-34s %10d %16.2f %18s %14s%n", row.architecture(),
                        ours.parameters(), ours.trainErrorCm(),
                        String.format(Locale.ROOT, "%.2f ± %.2f", ours.testErrorCm(), ours.testErrorStdCm()), paper));
            }
        }
        out.append(String.format(Locale.ROOT, "(always guessing the mean training pose: %.2f cm; image %d×%d)%n",
                result.spreadCm(), result.imageSize(), result.imageSize()));
        return out.toString();
    }

    /**
     * Writes {@code folder/conv_weights.json} (if the spatial-softmax head was trained) and
     * {@code folder/pose_errors.csv} (head, parameters, train_error_cm, test_error_cm, test_error_std_cm, paper_cm,
     * paper_std_cm, seconds).
     */
    public static void write(Result result, Path folder) {
        try {
            Files.createDirectories(folder);
            if (result.convolutionWeights() != null) {
                ConvolutionWeightsFile.write(result.convolutionWeights(), folder.resolve(ConvolutionWeightsFile.FILE));
            }
            StringBuilder csv = new StringBuilder(
                    "head,parameters,train_error_cm,test_error_cm,test_error_std_cm,paper_cm,paper_std_cm,seconds\n");
            for (HeadResult head : result.heads()) {
                PaperRow paper = PAPER_TABLE_3.stream().filter(r -> r.head() == head.head()).findFirst().orElseThrow();
                csv.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%.3f%n",
                        head.head().name().toLowerCase(Locale.ROOT), head.parameters(), head.trainErrorCm(),
                        head.testErrorCm(), head.testErrorStdCm(), paper.errorCm(), paper.stdCm(), head.seconds()));
            }
            Files.writeString(folder.resolve(ERRORS_FILE), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pose pretraining results into " + folder, e);
        }
    }

    private static void writeOverlays(PoseRegressor regressor, Examples test, Path folder) {
        int count = Math.min(OVERLAY_FRAMES, test.images().length);
        double[][] points = regressor.featurePoints(java.util.Arrays.copyOf(test.images(), count));
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < count; i++) {
                int size = (int) Math.round(Math.sqrt(test.images()[i].length / 3.0));
                RgbFrame frame = ImagePreprocessor.frame(test.images()[i], 0, size, size);
                PngFiles.write(FeaturePointOverlay.draw(frame, points[i], FeaturePointImages.SCALE),
                        folder.resolve(String.format(Locale.ROOT, "test_%02d.png", i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feature-point images into " + folder, e);
        }
    }

    /** Per coordinate: the training mean, and the standard deviation (1 where it is below 1e-9: constant). */
    static void standardisation(double[][] poses, double[] mean, double[] scale) {
        int n = poses.length;
        for (double[] pose : poses) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += pose[j] / n;
            }
        }
        for (int j = 0; j < mean.length; j++) {
            double variance = 0;
            for (double[] pose : poses) {
                double d = pose[j] - mean[j];
                variance += d * d / n;
            }
            double std = Math.sqrt(variance);
            scale[j] = std < 1e-9 ? 1.0 : std;
        }
    }

    private static double[] standardise(double[] pose, double[] mean, double[] scale) {
        double[] out = new double[pose.length];
        for (int j = 0; j < pose.length; j++) {
            out[j] = (pose[j] - mean[j]) / scale[j];
        }
        return out;
    }

    /** 100·‖(mean + scale·ŷ_i) − y_i‖ for each example: the Euclidean error in cm of poses in metres. */
    static double[] errorsCm(double[][] predictions, double[][] poses, double[] mean, double[] scale) {
        double[] errors = new double[poses.length];
        double[] metres = new double[mean.length];
        for (int i = 0; i < poses.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                metres[j] = mean[j] + scale[j] * predictions[i][j];
            }
            errors[i] = 100 * distance(metres, poses[i]);
        }
        return errors;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation. */
    static double std(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / values.length);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
