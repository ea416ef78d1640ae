package org.gpsros.nn;

import java.util.Locale;
import java.util.Map;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;

/**
 * The visuomotor CNN's hot paths for {@code scripts/gps bench} (issue 5, "Performance"): one single-image prediction
 * (the 20 Hz control path) and one S-step minibatch step at batch 25, for {@link CnnConfig#defaults} on a square RGB
 * image, a 32-dimensional robot configuration and 7 torques. Synthetic data from {@link SplitMix64} (images uniform in
 * [0, 1]); the timing loops belong to the caller. {@link #main} prints where a train step's time goes (per native op
 * and per Java stage).
 */
public final class CnnBenchmarks {
    public static final int ROBOT_CONFIGURATION_DIM = 32;
    public static final int ACTION_DIM = 7;
    public static final int ROWS = 100;
    public static final int BATCH_SIZE = 25;

    private final CnnPolicyNetwork network;
    private final PolicyTrainingSet set;
    private final PrecisionFactors factors;
    private final PolicyTrainingConfig training;
    private final int[] order;
    private final int[] batch = new int[BATCH_SIZE];
    private final double[] mean = new double[ACTION_DIM];
    private int nextBatch;
    private int nextRow;

    private CnnBenchmarks(int imageSize, int rows, long seed) {
        CnnConfig config = CnnConfig.defaults(imageSize, imageSize);
        network = CnnPolicyNetwork.create(config, ROBOT_CONFIGURATION_DIM + config.imageDim(), ACTION_DIM, seed);
        set = syntheticSet(config, rows, new SplitMix64(SplitMix64.derive(seed, 1)));
        factors = PrecisionFactors.of(set);
        training = PolicyTrainingConfig.defaults();
        order = new int[rows];
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 2));
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** A network on {@code imageSize}² images and {@value #BATCH_SIZE} synthetic rows, for inference. */
    public static CnnBenchmarks forInference(int imageSize) {
        return new CnnBenchmarks(imageSize, BATCH_SIZE, 7);
    }

    /** A network on {@code imageSize}² images and {@value #ROWS} synthetic rows, for training steps. */
    public static CnnBenchmarks forTraining(int imageSize) {
        return new CnnBenchmarks(imageSize, ROWS, 7);
    }

    public long parameterCount() {
        return network.parameterCount();
    }

    /**
     * One Adam step (lr 1e-3, weight decay 0.005) on the next {@value #BATCH_SIZE} rows: images into the input array,
     * conv2d/relu forward ops, spatial softmax and fully connected layers in Java, loss gradient, back through them,
     * thresholdedrelu_bp/conv2d_bp ops, Adam over all parameters, kernels back into the native arrays.
     */
    public void trainStep() {
        int batches = set.rows() / BATCH_SIZE;
        System.arraycopy(order, nextBatch * BATCH_SIZE, batch, 0, BATCH_SIZE);
        network.step(set, factors, batch, BATCH_SIZE, training);
        nextBatch = (nextBatch + 1) % batches;
    }

    /** One {@link CnnPolicyNetwork#predict(double[], double[])} of the next row. */
    public double[] predict() {
        network.predict(set.observations()[nextRow], mean);
        nextRow = (nextRow + 1) % set.rows();
        return mean;
    }

    /**
     * Runs {@code steps} train steps with per-op timing and returns the breakdown as text: milliseconds per step of
     * every native op of the pass and of the Java stages.
     */
    public String trainStepBreakdown(int steps) {
        trainStep();
        network.profileTraining(true);
        network.trainingProfile();
        network.trainingJavaProfile();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            trainStep();
        }
        double total = (System.nanoTime() - start) * 1e-6 / steps;
        network.profileTraining(false);
        StringBuilder text = new StringBuilder();
        double accounted = 0;
        for (Map.Entry<String, double[]> e : network.trainingProfile().entrySet()) {
            double ms = e.getValue()[0] / steps;
            accounted += ms;
            text.append(String.format(Locale.ROOT, "  %-28s %9.2f ms%n", e.getKey(), ms));
        }
        for (Map.Entry<String, Double> e : network.trainingJavaProfile().entrySet()) {
            double ms = e.getValue() / steps;
            accounted += ms;
            text.append(String.format(Locale.ROOT, "  %-28s %9.2f ms (Java)%n", e.getKey(), ms));
        }
        text.append(String.format(Locale.ROOT, "  %-28s %9.2f ms (Java)%n", "Adam + weights into arrays",
                total - accounted));
        text.append(String.format(Locale.ROOT, "  %-28s %9.2f ms%n", "total per step", total));
        return text.toString();
    }

    /** Per-op milliseconds of {@code runs} single-image predictions. */
    public String inferenceBreakdown(int runs) {
        predict();
        network.profileSingle(true);
        network.singleProfile();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            predict();
        }
        double total = (System.nanoTime() - start) * 1e-6 / runs;
        network.profileSingle(false);
        StringBuilder text = new StringBuilder();
        double accounted = 0;
        for (Map.Entry<String, double[]> e : network.singleProfile().entrySet()) {
            double ms = e.getValue()[0] / runs;
            accounted += ms;
            text.append(String.format(Locale.ROOT, "  %-28s %9.3f ms%n", e.getKey(), ms));
        }
        text.append(String.format(Locale.ROOT, "  %-28s %9.3f ms (Java)%n",
                "copies, softmax, fc", total - accounted));
        text.append(String.format(Locale.ROOT, "  %-28s %9.3f ms%n", "total per prediction", total));
        return text.toString();
    }

    /** Prints the per-op breakdowns: {@code [imageSize [trainSteps [predictions]]]} (defaults 120, 10, 200). */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        CnnBenchmarks inference = forInference(size);
        for (int i = 0; i < 50; i++) {
            inference.predict();
        }
        System.out.println("single-image inference " + size + "x" + size + ", " + inference.parameterCount()
                + " parameters:");
        System.out.print(inference.inferenceBreakdown(runs));
        if (steps > 0) {
            CnnBenchmarks train = forTraining(size);
            for (int i = 0; i < 3; i++) {
                train.trainStep();
            }
            System.out.println("train step, batch " + BATCH_SIZE + ", " + size + "x" + size + ":");
            System.out.print(train.trainStepBreakdown(steps));
        }
    }

    /** Robot configuration uniform in [-1, 1], images uniform in [0, 1], smooth targets, SPD precisions. */
    private static PolicyTrainingSet syntheticSet(CnnConfig config, int rows, SplitMix64 random) {
        int dR = ROBOT_CONFIGURATION_DIM;
        int image = config.imageDim();
        double[][] observations = new double[rows][dR + image];
        double[][] targets = new double[rows][ACTION_DIM];
        double[][] precisions = new double[rows][ACTION_DIM * ACTION_DIM];
        double[] a = new double[ACTION_DIM * ACTION_DIM];
        for (int row = 0; row < rows; row++) {
            double[] o = observations[row];
            for (int j = 0; j < dR; j++) {
                o[j] = 2.0 * random.nextUniform() - 1.0;
            }
            for (int j = 0; j < image; j++) {
                o[dR + j] = random.nextUniform();
            }
            for (int u = 0; u < ACTION_DIM; u++) {
                targets[row][u] = Math.sin(o[u]) + o[u + ACTION_DIM] * o[dR + u * 97];
            }
            random.fillNormal(a);
            for (int i = 0; i < ACTION_DIM; i++) {
                for (int j = 0; j < ACTION_DIM; j++) {
                    double sum = i == j ? 0.1 : 0.0;
                    for (int k = 0; k < ACTION_DIM; k++) {
                        sum += a[i * ACTION_DIM + k] * a[j * ACTION_DIM + k] / ACTION_DIM;
                    }
                    precisions[row][i * ACTION_DIM + j] = sum;
                }
            }
        }
        return new PolicyTrainingSet(observations, targets, precisions);
    }
}
