package org.gpsros.app.bench;

import java.util.List;
import org.gpsros.nn.CnnBenchmarks;

/**
 * The visuomotor CNN's benchmarks (issue 5, "Performance"): single-image inference (image + 32-dimensional robot
 * configuration → 7 torques, the 20 Hz control path) at 64×64, 120×120 and 240×240, and one S-step minibatch step at
 * batch 25 on 120×120 images, for {@code CnnConfig.defaults} (conv 64@7×7/2, 32@5×5, 32@5×5, spatial softmax, fc
 * 40×40). ND4J loads in {@link Benchmark#setUp()}, so filtering these out costs nothing.
 */
final class CnnBenchmarkSuite {
    private CnnBenchmarkSuite() {
    }

    static List<Benchmark> all() {
        return List.of(new Inference(64), new Inference(120), new Inference(240), new TrainStep(120));
    }

    private static final class Inference implements Benchmark {
        private final int size;
        private CnnBenchmarks cnn;

        Inference(int size) {
            this.size = size;
        }

        @Override
        public String name() {
            return "policy_inference_" + size + "x" + size;
        }

        @Override
        public String work() {
            return "one single-image predict (the 20 Hz path): " + size + "x" + size + " RGB + 32 robot values -> 7, "
                    + "CNN 64@7x7/2, 32@5x5, 32@5x5, spatial softmax, fc 40x40, float32";
        }

        @Override
        public void setUp() {
            cnn = CnnBenchmarks.forInference(size);
        }

        @Override
        public long run() {
            cnn.predict();
            return 1;
        }
    }

    private static final class TrainStep implements Benchmark {
        private final int size;
        private CnnBenchmarks cnn;

        TrainStep(int size) {
            this.size = size;
        }

        @Override
        public String name() {
            return "policy_train_step_batch25_" + size + "x" + size;
        }

        @Override
        public String work() {
            return "one Adam step of the S-step loss on 25 of 100 rows, " + size + "x" + size
                    + " RGB + 32 robot values -> 7, the default CNN in float32 (conv2d/conv2d_bp ops run directly, "
                    + "spatial softmax, fc, weight decay, Adam)";
        }

        @Override
        public void setUp() {
            cnn = CnnBenchmarks.forTraining(size);
        }

        @Override
        public long run() {
            cnn.trainStep();
            return 1;
        }

        @Override
        public int warmupRuns() {
            return 3;
        }

        @Override
        public int maxRepeats() {
            return 20;
        }
    }
}
