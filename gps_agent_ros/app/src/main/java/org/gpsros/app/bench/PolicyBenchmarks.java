package org.gpsros.app.bench;

import java.util.List;
import org.gpsros.nn.MlpBenchmarks;
import org.gpsros.nn.MlpConfig;

/**
 * The global policy's benchmarks (issue 4, "Performance"): one S-step minibatch step of the MLP at batch 25 and one
 * single-observation inference, at the peg task's sizes (observationDim 26, actionDim 7, 2 hidden layers of 40). ND4J
 * loads in {@link Benchmark#setUp()}, so filtering these out costs nothing.
 */
final class PolicyBenchmarks {
    private PolicyBenchmarks() {
    }

    static List<Benchmark> all() {
        return List.of(new TrainStep(), new Inference());
    }

    private static final class TrainStep implements Benchmark {
        private MlpBenchmarks mlp;

        @Override
        public String name() {
            return "policy_mlp_train_step_batch25";
        }

        @Override
        public String work() {
            return "one Adam step of the S-step loss on 25 of 2000 rows, dO 26, dU 7, MLP 40x40 ReLU float64 "
                    + "(the graph's ND4J ops run directly: forward + backward, weight decay, Adam)";
        }

        @Override
        public void setUp() {
            mlp = MlpBenchmarks.create(MlpConfig.defaults());
        }

        @Override
        public long run() {
            mlp.trainStep();
            return 1;
        }
    }

    private static final class Inference implements Benchmark {
        private MlpBenchmarks mlp;

        @Override
        public String name() {
            return "policy_mlp_inference";
        }

        @Override
        public String work() {
            return "one single-observation predict (the 20 Hz path), dO 26, dU 7, MLP 40x40 ReLU float64";
        }

        @Override
        public void setUp() {
            mlp = MlpBenchmarks.create(MlpConfig.defaults());
        }

        @Override
        public long run() {
            mlp.predict();
            return 1;
        }
    }
}
