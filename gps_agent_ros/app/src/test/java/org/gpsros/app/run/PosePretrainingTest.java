package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gpsros.image.PngFiles;
import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.nn.CnnConfig;
import org.gpsros.nn.CnnPolicyNetwork;
import org.gpsros.nn.CnnPolicyNetworkFactory;
import org.gpsros.nn.ConvLayer;
import org.gpsros.nn.ConvolutionWeights;
import org.gpsros.nn.PoseRegressor;
import org.gpsros.sim.PoseExample;
import org.gpsros.sim.PoseImageSource;
import org.gpsros.sim.render.Camera;
import org.gpsros.sim.render.Mesh;
import org.gpsros.sim.render.Renderer;
import org.gpsros.sim.render.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pose pretraining (Levine et al. 2016, §5.2) on a real rendered scene: a red square seen from above. */
class PosePretrainingTest {

    /**
     * A red 6 cm square on a grey floor at a random (x, y) in [−0.15, 0.15]² m, seen by an orthographic camera from
     * above; a blue bar (a stand-in for the arm) at a random angle about the origin. Pose = (x, y, 0.01) in metres.
     */
    static final class SquareSource implements PoseImageSource {
        private final Renderer renderer = new Renderer();
        private final Camera camera = Camera.orthographic(new double[] {0, 0, 1}, new double[] {0, 0, 0},
                new double[] {0, 1, 0}, 0.25);

        @Override
        public int poseDim() {
            return 3;
        }

        @Override
        public PoseExample poseExample(long seed, int index, int imageSize) {
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, got " + index);
            }
            SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 7, index));
            double x = -0.15 + 0.3 * random.nextUniform();
            double y = -0.15 + 0.3 * random.nextUniform();
            double angle = 2 * Math.PI * random.nextUniform();
            Scene scene = new Scene().background(0x606060).light(new double[] {0, 0, 1}, 0.3, 0.7);
            scene.add(Mesh.box(0.03, 0.03, 0.01), 0xff2020).placeAt(x, y, 0.01);
            scene.add(Mesh.box(0.1, 0.012, 0.005), 0x2040ff)
                    .place(new double[] {Math.cos(angle), -Math.sin(angle), 0, Math.sin(angle), Math.cos(angle), 0,
                        0, 0, 1}, new double[] {0.1 * Math.cos(angle), 0.1 * Math.sin(angle), 0.03});
            return new PoseExample(renderer.render(scene, camera, imageSize, imageSize), new double[] {x, y, 0.01});
        }
    }

    private static CnnConfig smallCnn(int size) {
        return new CnnConfig(size, size, 3, List.of(new ConvLayer(8, 5, 2), new ConvLayer(8, 3, 1)), List.of(16),
                false);
    }

    @Test
    void spatialSoftmaxLearnsWhereTheSquareIsAndItsWeightsStartThePolicy(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PosePretraining.Settings settings = new PosePretraining.Settings(200, 50, 400, 25, 3e-3, 11);
        Path folder = dir.resolve("pose_pretraining");
        PosePretraining.Result result = PosePretraining.run(new SquareSource(), smallCnn(24),
                List.of(PoseRegressor.Head.SPATIAL_SOFTMAX), settings,
                new PrintStream(log, true, StandardCharsets.UTF_8), folder);
        PosePretraining.HeadResult head = result.heads().get(0);
        System.out.print(log.toString(StandardCharsets.UTF_8));
        // The mean pose is ~12 cm from a test pose on average; a network that sees the square does far better.
        assertTrue(result.spreadCm() > 8 && result.spreadCm() < 16, "spread " + result.spreadCm());
        assertTrue(head.testErrorCm() < 0.4 * result.spreadCm(), "test error " + head.testErrorCm() + " cm, "
                + "spread " + result.spreadCm() + " cm; log:\n" + log);
        assertTrue(head.trainErrorCm() < 0.4 * result.spreadCm(), "train error " + head.trainErrorCm());

        PosePretraining.write(result, folder);
        ConvolutionWeights saved = ConvolutionWeightsFile.read(ConvolutionWeightsFile.inRun(dir));
        ConvolutionWeights expected = result.convolutionWeights();
        for (int l = 0; l < expected.layers().size(); l++) {
            assertArrayEquals(expected.kernels()[l], saved.kernels()[l], 0.0, "layer " + l + " kernels round trip");
            assertArrayEquals(expected.biases()[l], saved.biases()[l], 0.0, "layer " + l + " biases round trip");
        }
        assertEquals(expected.temperature(), saved.temperature(), 0.0);
        List<String> csv = Files.readAllLines(folder.resolve(PosePretraining.ERRORS_FILE));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).startsWith("spatial_softmax," + head.parameters() + ","), csv.get(1));
        RgbFrame overlay = PngFiles.read(folder.resolve("test_00.png"));
        assertEquals(24 * FeaturePointImages.SCALE, overlay.width());

        // The same convolutions in the policy network (robot configuration of 4, 2 torques) see the same points.
        CnnPolicyNetwork policy = (CnnPolicyNetwork) new CnnPolicyNetworkFactory(smallCnn(24))
                .create(4 + 3 * 24 * 24, 2, 5);
        policy.loadConvolutionWeights(saved);
        PosePretraining.Examples test = PosePretraining.collect(new SquareSource(), 11, 1, 3, 24);
        for (int i = 0; i < 3; i++) {
            double[] observation = new double[4 + 3 * 24 * 24];
            System.arraycopy(test.images()[i], 0, observation, 4, 3 * 24 * 24);
            double[] points = policy.featurePoints(observation);
            assertEquals(16, points.length);
            for (double p : points) {
                assertTrue(p >= -1 && p <= 1, "feature point " + p);
            }
        }
    }

    @Test
    void compareHeadsTableHasEveryRowOfThePaper() {
        PosePretraining.Settings settings = new PosePretraining.Settings(40, 10, 5, 10, 1e-3, 3);
        // 24×24 leaves the max-pooling head a 2×2 map before its second pooling: refused before any image is drawn.
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class, () -> PosePretraining.run(
                new SquareSource(), smallCnn(24), List.of(PoseRegressor.Head.values()), settings,
                new PrintStream(new ByteArrayOutputStream())));
        assertTrue(tooSmall.getMessage().startsWith("max_pool_fully_connected head at 24×24: max pooling"),
                tooSmall.getMessage());
        PosePretraining.Result result = PosePretraining.run(new SquareSource(), smallCnn(32),
                List.of(PoseRegressor.Head.values()), settings, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(3, result.heads().size());
        String table = PosePretraining.table(result);
        assertTrue(table.contains("softmax + feature points (ours)"), table);
        assertTrue(table.contains("1.30 ± 0.73") && table.contains("4.75 ± 2.29") && table.contains("3.71 ± 1.73"),
                table);
        assertTrue(table.lines().filter(l -> l.startsWith("softmax + fully connected layer")).findFirst().orElseThrow()
                .contains("(not built)"), table);
        // Same seed, same examples, same weights: a second run reproduces the first exactly.
        PosePretraining.Result again = PosePretraining.run(new SquareSource(), smallCnn(32),
                List.of(PoseRegressor.Head.values()), settings, new PrintStream(new ByteArrayOutputStream()));
        for (int h = 0; h < 3; h++) {
            assertEquals(result.heads().get(h).testErrorCm(), again.heads().get(h).testErrorCm(), 0.0);
        }
        assertTrue(result.heads().get(1).parameters() > result.heads().get(0).parameters(),
                "the fully connected head has more parameters than the spatial softmax");
    }

    @Test
    void errorsAreEuclideanCentimetresOfTheUnstandardisedPrediction() {
        double[][] poses = {{0.1, 0.2, 0.5}, {0.3, 0.2, 0.5}};
        double[] mean = new double[3];
        double[] scale = new double[3];
        PosePretraining.standardisation(poses, mean, scale);
        assertArrayEquals(new double[] {0.2, 0.2, 0.5}, mean, 1e-15);
        assertArrayEquals(new double[] {0.1, 1, 1}, scale, 1e-15); // constant coordinates stay unscaled
        // Predicted (standardised) (−1, 0.03, −0.04) → (0.1, 0.23, 0.46) m; truth (0.1, 0.2, 0.5): 5 cm (3-4-5).
        double[] errors = PosePretraining.errorsCm(new double[][] {{-1, 0.03, -0.04}, {-1, 0, 0}}, poses, mean, scale);
        assertEquals(5, errors[0], 1e-12);
        assertEquals(20, errors[1], 1e-12);
        assertEquals(12.5, PosePretraining.mean(errors), 1e-12);
        assertEquals(7.5, PosePretraining.std(errors), 1e-12);
    }

    @Test
    void settingsNameTheOptionAtFault() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PosePretraining.Settings(1, 10, 5, 10, 1e-3, 0)).getMessage().startsWith("--examples"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PosePretraining.Settings(10, 10, 5, 10, 0, 0)).getMessage().startsWith("--learning-rate"));
    }
}
