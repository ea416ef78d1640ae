package org.gpsros.nn;

import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policy.PolicyTrainingSet;

/**
 * The MLP policy's hot paths at the sizes of the peg task (observationDim 26, actionDim 7, 2000 rows = 4 conditions ×
 * 5 samples × 100 steps, 2 hidden layers of 40 by default) for {@code scripts/gps bench}: one S-step minibatch step
 * (batch 25, the reference's size) and one single-observation prediction (the 20 Hz path). Synthetic data from
 * {@link SplitMix64}; the timing loops belong to the caller.
 *
 * <p>Measured with {@code scripts/gps bench --filter policy} and {@code --filter iteration_peg_mdgps} on the shared
 * 2-core box (load average 5–7), medians, SameDiff session execution → direct op execution ({@link
 * MlpDirectExecution}): train step 2.6–3 ms (quiet) / 4–15 ms (this load) → 0.25 ms (p90 0.40 ms); single
 * prediction 0.35–0.5 ms → 0.026 ms; a whole peg S-step (4000 steps on 2000 rows) 16.8 s → 0.92 s; one peg MDGPS
 * learner iteration 13.5 s → 2.3 s.
 */
public final class MlpBenchmarks {
    public static final int OBSERVATION_DIM = 26;
    public static final int ACTION_DIM = 7;
    public static final int ROWS = 2000;
    public static final int BATCH_SIZE = 25;

    private final MlpPolicyNetwork network;
    private final PolicyTrainingSet set;
    private final PrecisionFactors factors;
    private final PolicyTrainingConfig training;
    private final int[] order;
    private final double[] mean = new double[ACTION_DIM];
    private int nextBatch;
    private int nextRow;

    private MlpBenchmarks(MlpConfig config, long seed) {
        network = MlpPolicyNetwork.create(config, OBSERVATION_DIM, ACTION_DIM, seed);
        set = syntheticSet(new SplitMix64(SplitMix64.derive(seed, 1)));
        factors = PrecisionFactors.of(set);
        training = PolicyTrainingConfig.defaults();
        order = new int[ROWS];
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, 2));
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** A network of {@code config} and its synthetic S-step data (set-up: loads ND4J, builds the graph). */
    public static MlpBenchmarks create(MlpConfig config) {
        return new MlpBenchmarks(config, 7);
    }

    public MlpConfig config() {
        return network.config();
    }

    public long parameterCount() {
        return network.parameterCount();
    }

    /**
     * One Adam step of the S-step (reference defaults: lr 1e-3, weight decay 0.005) on the next minibatch of
     * {@value #BATCH_SIZE} rows: fill the input array, the graph's forward and backward ops
     * ({@link MlpDirectExecution}), weight decay, Adam, copy θ into the graph's variables.
     */
    public void trainStep() {
        network.step(set, factors, order, nextBatch * BATCH_SIZE, BATCH_SIZE, training);
        nextBatch = (nextBatch + 1) % (ROWS / BATCH_SIZE);
    }

    /** One {@link MlpPolicyNetwork#predict(double[], double[])} of the next row's observation. */
    public double[] predict() {
        network.predict(set.observations()[nextRow], mean);
        nextRow = (nextRow + 1) % ROWS;
        return mean;
    }

    /** Observations uniform in [-1, 1], smooth nonlinear targets, random SPD precisions A·Aᵀ/dU + 0.1·I. */
    private static PolicyTrainingSet syntheticSet(SplitMix64 random) {
        double[][] observations = new double[ROWS][OBSERVATION_DIM];
        double[][] targets = new double[ROWS][ACTION_DIM];
        double[][] precisions = new double[ROWS][ACTION_DIM * ACTION_DIM];
        double[] a = new double[ACTION_DIM * ACTION_DIM];
        for (int row = 0; row < ROWS; row++) {
            double[] o = observations[row];
            for (int j = 0; j < OBSERVATION_DIM; j++) {
                o[j] = 2.0 * random.nextUniform() - 1.0;
            }
            for (int u = 0; u < ACTION_DIM; u++) {
                targets[row][u] = Math.sin(o[u]) + o[u + ACTION_DIM] * o[u + 2 * ACTION_DIM];
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
