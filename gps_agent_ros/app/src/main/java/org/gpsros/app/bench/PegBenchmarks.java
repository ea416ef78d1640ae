package org.gpsros.app.bench;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.run.Experiment;
import org.gpsros.policy.GlobalPolicyOptimizer;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SampleList;

/**
 * The global-policy learner at the peg task's size (issue 4, "Performance"): a whole S-step of
 * {@code config/peg_insertion_mdgps.yaml} (4 conditions × 5 samples × 100 steps = 2000 rows, the config's policy
 * iterations of the 2×40 MLP) and one whole MDGPS learner iteration (dynamics and policy priors, fits, policy
 * linearisation, C-step, S-step), sampling excluded. Each run takes seconds, so these time 3 runs after 1 warm-up.
 */
final class PegBenchmarks {
    private PegBenchmarks() {
    }

    static List<Benchmark> all() {
        return List.of(new SStep(), new Iteration());
    }

    /** Iteration 0 of seed 0 done, the samples of iteration 1 drawn: what both benchmarks start from. */
    private static final class PegRun {
        final Experiment experiment;
        final Record stateAfterFirstIteration;
        final List<SampleList> samples;

        PegRun() {
            ExperimentConfig config = ConfigLoader.parse(BenchResources.read("/config/peg_insertion_mdgps.yaml"),
                    "peg_insertion_mdgps.yaml");
            experiment = Experiment.build(config, "peg_insertion_mdgps.yaml");
            GpsAlgorithm algorithm = experiment.newAlgorithm();
            algorithm.iterate(draw(algorithm, 0));
            stateAfterFirstIteration = algorithm.state();
            samples = draw(algorithm, 1);
        }

        private List<SampleList> draw(GpsAlgorithm algorithm, int iteration) {
            List<SampleList> lists = new ArrayList<>();
            for (int index = 0; index < experiment.trainConditions().size(); index++) {
                int condition = experiment.trainConditions().get(index);
                List<Sample> list = new ArrayList<>();
                for (int i = 0; i < experiment.config().samplesPerCondition(); i++) {
                    list.add(experiment.sample(algorithm.samplingPolicy(index), iteration, condition, i));
                }
                lists.add(new SampleList(list));
            }
            return lists;
        }
    }

    private static final class SStep implements Benchmark {
        private PegRun run;
        private double[][][] observations;
        private double[][][] targetMeans;
        private double[][][] targetPrecisions;
        private double[][] targetWeights;
        private PolicyTrainingConfig training;

        @Override
        public String name() {
            return "policy_sstep_peg";
        }

        @Override
        public String work() {
            return "one whole S-step of peg_insertion_mdgps: 2000 rows (4 conditions x 5 samples x 100 steps), the "
                    + "config's policy iterations of Adam on the 2x40 MLP from fresh weights, normaliser and variance";
        }

        @Override
        public void setUp() {
            run = new PegRun();
            int conditions = run.samples.size();
            int perCondition = run.samples.get(0).size();
            int rows = conditions * perCondition;
            observations = new double[rows][][];
            targetMeans = new double[rows][][];
            targetPrecisions = new double[rows][][];
            targetWeights = new double[rows][];
            GpsAlgorithm algorithm = run.experiment.restoreAlgorithm(run.stateAfterFirstIteration);
            int row = 0;
            for (int m = 0; m < conditions; m++) {
                LinearGaussianPolicy controller = algorithm.controller(m);
                for (Sample sample : run.samples.get(m).samples()) {
                    int horizon = sample.horizon();
                    int actionDim = sample.actionDim();
                    observations[row] = sample.observations();
                    targetMeans[row] = new double[horizon][actionDim];
                    targetPrecisions[row] = new double[horizon][];
                    targetWeights[row] = new double[horizon];
                    double[] noise = new double[actionDim];
                    for (int t = 0; t < horizon; t++) {
                        controller.act(t, sample.state(t), sample.observation(t), noise, targetMeans[row][t]);
                        targetPrecisions[row][t] = controller.precision()[t].clone();
                        targetWeights[row][t] = 0.01;
                    }
                    row++;
                }
            }
            ExperimentConfig config = run.experiment.config();
            training = new PolicyTrainingConfig(config.policy().iterations(), config.policy().batchSize(),
                    config.policy().learningRate(), config.policy().weightDecay(), config.policy().initVar(),
                    config.policy().entReg());
        }

        @Override
        public long run() {
            GlobalPolicyOptimizer optimizer = new GlobalPolicyOptimizer(run.experiment.policyNetworks()
                    .create(observations[0][0].length, targetMeans[0][0].length, 1), training, 2);
            optimizer.update(observations, targetMeans, targetPrecisions, targetWeights);
            return training.iterations();
        }

        @Override
        public int warmupRuns() {
            return 1;
        }

        @Override
        public int maxRepeats() {
            return 3;
        }
    }

    private static final class Iteration implements Benchmark {
        private PegRun run;

        @Override
        public String name() {
            return "iteration_peg_mdgps";
        }

        @Override
        public String work() {
            return "MdgpsAlgorithm.iterate on 4 conditions x 5 samples of peg_insertion_mdgps at iteration 1 (state "
                    + "restored each run; sampling excluded)";
        }

        @Override
        public void setUp() {
            run = new PegRun();
        }

        @Override
        public long run() {
            run.experiment.restoreAlgorithm(run.stateAfterFirstIteration).iterate(run.samples);
            return 1;
        }

        @Override
        public int warmupRuns() {
            return 1;
        }

        @Override
        public int maxRepeats() {
            return 3;
        }
    }
}
