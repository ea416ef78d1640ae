package org.gpsros.dynamics;

import org.gpsros.math.SplitMix64;

/**
 * The dynamics prior as a GMM over [x_t, u_t, x_t+1] points of recent trajectories (Levine et al. 2016 Appendix
 * A.3; reference {@code DynamicsPriorGMM}; reference study §3.4).
 *
 * <p>{@link #update}: append the trajectories to the buffer and keep the most recent
 * {@link DynamicsPriorConfig#keptTrajectories()}; build the N·(T−1) points [x_t, u_t, x_t+1], t = 0..T−2; choose
 * K = max(2, min(maxClusters, ⌊N·(T−1)/minSamplesPerCluster⌋)); run {@link Gmm#update} (warm start when K is
 * unchanged). {@link #eval}: the GMM's {@link Gmm#inference} with m and n₀ multiplied by {@code strength} and Φ by
 * the scaled m. {@link #initialState()}: μ₀ = mean of the buffered x_0, Φ = diag(var x_0)·m, m = n₀ =
 * stateDim·strength.
 *
 * <p>Difference from the reference under {@link ReferenceCompatibility#CORRECTED} (the default): the buffer keeps
 * maxSamples trajectories; the reference keeps maxSamples − 1 ({@code start = N − max_samples + 1}). The GMM's
 * own corrections are listed in {@link Gmm}.
 *
 * <p>Initial cluster labels are drawn from a {@link SplitMix64} seeded at construction (its state is part of
 * {@link #state()}), or given explicitly through {@link #update(double[][][], double[][][], int[])} (parity tests).
 * Not thread-safe.
 */
public final class DynamicsPriorGmm implements DynamicsPrior {
    private final DynamicsPriorConfig config;
    private final Gmm gmm;
    private final SplitMix64 random;
    private double[][][] states = new double[0][][];
    private double[][][] actions = new double[0][][];
    private GmmFitSummary lastUpdate;

    /**
     * @param seed seed of the generator of initial cluster labels (derive it with {@link SplitMix64#derive})
     */
    public DynamicsPriorGmm(DynamicsPriorConfig config, long seed) {
        if (config == null) {
            throw new IllegalArgumentException("dynamics prior config must not be null");
        }
        this.config = config;
        this.gmm = new Gmm(config.gmmConfig());
        this.random = new SplitMix64(seed);
    }

    /** A prior with the given state (for resuming from a checkpoint). */
    public static DynamicsPriorGmm restore(DynamicsPriorConfig config, DynamicsPriorState state) {
        DynamicsPriorGmm prior = new DynamicsPriorGmm(config, state.randomState());
        prior.states = deepCopy(state.states());
        prior.actions = deepCopy(state.actions());
        if (state.gmm() != null) {
            prior.gmm.setState(state.gmm());
        }
        return prior;
    }

    public DynamicsPriorConfig config() {
        return config;
    }

    /** A copy of the complete state (buffer, GMM, random generator), for checkpoints. */
    public DynamicsPriorState state() {
        return new DynamicsPriorState(deepCopy(states), deepCopy(actions), gmm.isFitted() ? gmm.state() : null,
                random.state());
    }

    /** Number of buffered trajectories. */
    public int bufferedTrajectories() {
        return states.length;
    }

    /** What the last update's EM did, or null before the first update. */
    public GmmFitSummary lastUpdate() {
        return lastUpdate;
    }

    /** The underlying mixture (read access for diagnostics and tests). */
    public GmmState gmmState() {
        return gmm.isFitted() ? gmm.state() : null;
    }

    @Override
    public void update(double[][][] newStates, double[][][] newActions) {
        update(newStates, newActions, null);
    }

    /**
     * {@link #update(double[][][], double[][][])} with given initial cluster labels, one per buffered point in
     * trajectory-major order, used only if the GMM is (re)initialised (for parity with recorded reference runs).
     */
    public void update(double[][][] newStates, double[][][] newActions, int[] initialLabels) {
        int[] dims = checkTrajectories(newStates, newActions);
        if (states.length > 0 && (states[0].length != dims[0] || states[0][0].length != dims[1]
                || actions[0][0].length != dims[2])) {
            throw new IllegalArgumentException("new trajectories have horizon " + dims[0] + ", stateDim " + dims[1]
                    + ", actionDim " + dims[2] + "; the buffer has " + states[0].length + ", " + states[0][0].length
                    + ", " + actions[0][0].length);
        }
        int total = states.length + newStates.length;
        int keep = Math.min(total, config.keptTrajectories());
        double[][][] keptStates = new double[keep][][];
        double[][][] keptActions = new double[keep][][];
        for (int i = 0; i < keep; i++) {
            int source = total - keep + i;
            if (source < states.length) {
                keptStates[i] = states[source];
                keptActions[i] = actions[source];
            } else {
                keptStates[i] = deepCopy(newStates[source - states.length]);
                keptActions[i] = deepCopy(newActions[source - states.length]);
            }
        }
        states = keptStates;
        actions = keptActions;

        int transitions = states[0].length - 1;
        int stateDim = dims[1];
        int actionDim = dims[2];
        int dim = 2 * stateDim + actionDim;
        double[][] data = new double[keep * transitions][dim];
        for (int n = 0; n < keep; n++) {
            for (int t = 0; t < transitions; t++) {
                double[] row = data[n * transitions + t];
                System.arraycopy(states[n][t], 0, row, 0, stateDim);
                System.arraycopy(actions[n][t], 0, row, stateDim, actionDim);
                System.arraycopy(states[n][t + 1], 0, row, stateDim + actionDim, stateDim);
            }
        }
        int clusters = config.clusterCount(data.length);
        lastUpdate = initialLabels != null
                ? gmm.update(data, clusters, initialLabels)
                : gmm.update(data, clusters, random);
    }

    @Override
    public NormalInverseWishart eval(int stateDim, int actionDim, double[][] points) {
        return evalBatch(stateDim, actionDim, new double[][][] {points})[0];
    }

    @Override
    public NormalInverseWishart[] evalBatch(int stateDim, int actionDim, double[][][] pointSets) {
        requireUpdated();
        if (2 * stateDim + actionDim != gmm.dimension()) {
            throw new IllegalArgumentException("prior points have dimension 2·" + stateDim + " + " + actionDim
                    + ", the prior's GMM has " + gmm.dimension());
        }
        return scale(gmm.inferenceBatch(pointSets, null, config.strength()));
    }

    /**
     * Multiplies m and n₀ by strength; Φ comes already multiplied by the scaled m = strength (reference
     * {@code DynamicsPriorGMM.eval}: {@code n0 *= strength; m *= strength; Phi *= m} with the GMM's m = 1).
     */
    private NormalInverseWishart[] scale(NormalInverseWishart[] raw) {
        NormalInverseWishart[] out = new NormalInverseWishart[raw.length];
        for (int s = 0; s < raw.length; s++) {
            double m = raw[s].meanPseudoCount() * config.strength();
            double n0 = raw[s].degreesOfFreedom() * config.strength();
            out[s] = new NormalInverseWishart(raw[s].mean(), raw[s].scatter(), m, n0);
        }
        return out;
    }

    /**
     * {@inheritDoc}
     *
     * <p>For trajectories that are in the buffer (the usual case: the samples the prior was just updated with),
     * the responsibilities of the GMM's final E-step are reused instead of recomputed, when EM ended on an
     * E-step; the result is bitwise the same.
     */
    @Override
    public NormalInverseWishart[] evalTrajectories(double[][][] queryStates, double[][][] queryActions) {
        requireUpdated();
        int[] dims = checkTrajectories(queryStates, queryActions);
        if (2 * dims[1] + dims[2] != gmm.dimension()) {
            throw new IllegalArgumentException("trajectories have stateDim " + dims[1] + " and actionDim " + dims[2]
                    + ", the prior's GMM has dimension " + gmm.dimension());
        }
        double[][][] pointSets = transitionPoints(queryStates, queryActions);
        int transitions = dims[0] - 1;
        int[][] rows = new int[transitions][queryStates.length];
        for (int q = 0; q < queryStates.length; q++) {
            int buffered = bufferIndexOf(queryStates[q], queryActions[q]);
            for (int t = 0; t < transitions; t++) {
                rows[t][q] = buffered < 0 ? -1 : buffered * transitions + t;
            }
        }
        return scale(gmm.inferenceBatch(pointSets, rows, config.strength()));
    }

    /** Index of the buffered trajectory with exactly these states and actions, or −1. */
    private int bufferIndexOf(double[][] queryStates, double[][] queryActions) {
        if (states.length == 0 || queryStates.length != states[0].length) {
            return -1;
        }
        for (int b = states.length - 1; b >= 0; b--) {
            if (sameRows(states[b], queryStates) && sameRows(actions[b], queryActions)) {
                return b;
            }
        }
        return -1;
    }

    private static boolean sameRows(double[][] a, double[][] b) {
        for (int t = 0; t < a.length; t++) {
            if (!java.util.Arrays.equals(a[t], b[t])) {
                return false;
            }
        }
        return true;
    }

    /** The points [x_t, u_t, x_t+1] of every trajectory, grouped by t = 0..T−2: (T−1) × N × (2·stateDim + actionDim). */
    static double[][][] transitionPoints(double[][][] states, double[][][] actions) {
        int n = states.length;
        int horizon = states[0].length;
        int stateDim = states[0][0].length;
        int actionDim = actions[0][0].length;
        int inputDim = stateDim + actionDim;
        double[][][] pointSets = new double[horizon - 1][n][inputDim + stateDim];
        for (int t = 0; t < horizon - 1; t++) {
            for (int i = 0; i < n; i++) {
                double[] row = pointSets[t][i];
                System.arraycopy(states[i][t], 0, row, 0, stateDim);
                System.arraycopy(actions[i][t], 0, row, stateDim, actionDim);
                System.arraycopy(states[i][t + 1], 0, row, inputDim, stateDim);
            }
        }
        return pointSets;
    }

    @Override
    public NormalInverseWishart initialState() {
        requireUpdated();
        int n = states.length;
        int stateDim = states[0][0].length;
        double[] mean = new double[stateDim];
        for (double[][] trajectory : states) {
            for (int i = 0; i < stateDim; i++) {
                mean[i] += trajectory[0][i];
            }
        }
        for (int i = 0; i < stateDim; i++) {
            mean[i] /= n;
        }
        double m = stateDim * config.strength();
        double[] scatter = new double[stateDim * stateDim];
        for (int i = 0; i < stateDim; i++) {
            double sum = 0.0;
            for (double[][] trajectory : states) {
                double diff = trajectory[0][i] - mean[i];
                sum += diff * diff;
            }
            scatter[i * stateDim + i] = (sum / n) * m;
        }
        return new NormalInverseWishart(mean, scatter, m, m);
    }

    private void requireUpdated() {
        if (!gmm.isFitted()) {
            throw new IllegalStateException("the dynamics prior has not been updated with any trajectory yet");
        }
    }

    /**
     * Checks N ≥ 1 trajectories of equal horizon T ≥ 2 with consistent, finite states and actions.
     *
     * @return {T, stateDim, actionDim}
     */
    static int[] checkTrajectories(double[][][] states, double[][][] actions) {
        if (states == null || actions == null) {
            throw new IllegalArgumentException("states and actions must not be null");
        }
        if (states.length == 0) {
            throw new IllegalArgumentException("at least one trajectory is needed");
        }
        if (actions.length != states.length) {
            throw new IllegalArgumentException("got " + states.length + " state and " + actions.length
                    + " action trajectories");
        }
        int horizon = states[0].length;
        if (horizon < 2) {
            throw new IllegalArgumentException("trajectories need a horizon of at least 2 steps, got " + horizon);
        }
        int stateDim = states[0][0].length;
        int actionDim = actions[0].length == 0 ? 0 : actions[0][0].length;
        if (stateDim < 1 || actionDim < 1) {
            throw new IllegalArgumentException("stateDim and actionDim must be ≥ 1, got " + stateDim + " and " + actionDim);
        }
        for (int n = 0; n < states.length; n++) {
            checkBlock(states[n], horizon, stateDim, "states", n);
            checkBlock(actions[n], horizon, actionDim, "actions", n);
        }
        return new int[] {horizon, stateDim, actionDim};
    }

    private static void checkBlock(double[][] trajectory, int horizon, int dim, String what, int n) {
        if (trajectory.length != horizon) {
            throw new IllegalArgumentException(what + " of trajectory " + n + " have " + trajectory.length
                    + " time steps, expected " + horizon);
        }
        for (int t = 0; t < horizon; t++) {
            double[] v = trajectory[t];
            if (v.length != dim) {
                throw new IllegalArgumentException(what + "[" + n + "][" + t + "] has " + v.length
                        + " values, expected " + dim);
            }
            for (int i = 0; i < dim; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException(what + "[" + n + "][" + t + "][" + i + "] is " + v[i]);
                }
            }
        }
    }

    static double[][][] deepCopy(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = deepCopy(a[i]);
        }
        return out;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
