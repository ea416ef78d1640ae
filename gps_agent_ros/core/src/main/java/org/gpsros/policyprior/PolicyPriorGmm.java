package org.gpsros.policyprior;

import org.gpsros.dynamics.Gmm;
import org.gpsros.dynamics.GmmFitSummary;
import org.gpsros.dynamics.GmmState;
import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.GaussianGlobalPolicy;

/**
 * The GMM policy prior (reference {@code PolicyPriorGMM}, study §3.5; Levine et al. 2016 Appendix A.3 applied to
 * the policy): a buffer of recent trajectories (states and observations), and a {@link Gmm} over the N·T points
 * [x_t, μ_π(o_t)] of the whole buffer under the current policy, with
 * K = max(2, min(maxClusters, ⌊N·T/minSamplesPerCluster⌋)) and a warm start while K is unchanged.
 * {@link #eval}: the GMM's inference with m and n₀ multiplied by strength and Φ by the scaled m.
 *
 * <p>Buffer: {@link PolicySampleMode#REPLACE} (or the first update) replaces it, {@link PolicySampleMode#ADD}
 * appends; then the newest maxSamples are kept. Difference from the reference: it trims only in 'add' mode, so a
 * single batch larger than maxSamples stays whole there.
 *
 * <p>Initial cluster labels come from a {@link SplitMix64} seeded at construction (part of {@link #state()}).
 * Not thread-safe.
 */
public final class PolicyPriorGmm implements PolicyPrior {
    private final PolicyPriorConfig.GaussianMixture config;
    private final Gmm gmm;
    private final SplitMix64 random;
    private double[][][] states = new double[0][][];
    private double[][][] observations = new double[0][][];
    private GmmFitSummary lastUpdate;

    /**
     * @param seed seed of the generator of initial cluster labels
     */
    public PolicyPriorGmm(PolicyPriorConfig.GaussianMixture config, long seed) {
        if (config == null) {
            throw new IllegalArgumentException("policy prior config must not be null");
        }
        this.config = config;
        this.gmm = new Gmm(config.gmmConfig());
        this.random = new SplitMix64(seed);
    }

    /** A prior with the given state (for resuming from a checkpoint). */
    public static PolicyPriorGmm restore(PolicyPriorConfig.GaussianMixture config, PolicyPriorState state) {
        PolicyPriorGmm prior = new PolicyPriorGmm(config, state.randomState());
        prior.states = deepCopy(state.states());
        prior.observations = deepCopy(state.observations());
        if (state.gmm() != null) {
            prior.gmm.setState(state.gmm());
        }
        return prior;
    }

    public PolicyPriorConfig.GaussianMixture config() {
        return config;
    }

    @Override
    public PolicyPriorState state() {
        return new PolicyPriorState(deepCopy(states), deepCopy(observations), gmm.isFitted() ? gmm.state() : null,
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

    /** The mixture, or null before the first update (read access for diagnostics and tests). */
    public GmmState gmmState() {
        return gmm.isFitted() ? gmm.state() : null;
    }

    @Override
    public void update(double[][][] newStates, double[][][] newObservations, GaussianGlobalPolicy policy,
                       PolicySampleMode mode) {
        if (newStates == null || newObservations == null || policy == null || mode == null) {
            throw new IllegalArgumentException("states, observations, policy and mode must not be null");
        }
        if (newStates.length != newObservations.length) {
            throw new IllegalArgumentException("got " + newStates.length + " state and " + newObservations.length
                    + " observation trajectories");
        }
        int added = newStates.length;
        if (added == 0 && (mode == PolicySampleMode.REPLACE || states.length == 0)) {
            throw new IllegalArgumentException("the policy prior needs trajectories to " + (states.length == 0
                    ? "start from" : "replace its buffer with"));
        }
        checkShapes(newStates, newObservations, policy);
        boolean replace = mode == PolicySampleMode.REPLACE || states.length == 0;
        int old = replace ? 0 : states.length;
        int total = old + added;
        int keep = Math.min(total, config.maxSamples());
        double[][][] keptStates = new double[keep][][];
        double[][][] keptObservations = new double[keep][][];
        for (int i = 0; i < keep; i++) {
            int source = total - keep + i;
            if (source < old) {
                keptStates[i] = states[source];
                keptObservations[i] = observations[source];
            } else {
                keptStates[i] = deepCopy(newStates[source - old]);
                keptObservations[i] = deepCopy(newObservations[source - old]);
            }
        }
        states = keptStates;
        observations = keptObservations;

        double[][][] means = policy.mean(observations);
        int horizon = states[0].length;
        int stateDim = states[0][0].length;
        int actionDim = policy.actionDim();
        double[][] data = new double[keep * horizon][stateDim + actionDim];
        for (int n = 0; n < keep; n++) {
            for (int t = 0; t < horizon; t++) {
                double[] row = data[n * horizon + t];
                System.arraycopy(states[n][t], 0, row, 0, stateDim);
                System.arraycopy(means[n][t], 0, row, stateDim, actionDim);
            }
        }
        lastUpdate = gmm.update(data, config.clusterCount(data.length), random);
    }

    private void checkShapes(double[][][] newStates, double[][][] newObservations, GaussianGlobalPolicy policy) {
        int horizon = states.length > 0 ? states[0].length : newStates[0].length;
        int stateDim = states.length > 0 ? states[0][0].length : newStates[0][0].length;
        for (int n = 0; n < newStates.length; n++) {
            if (newStates[n].length != horizon || newObservations[n].length != horizon) {
                throw new IllegalArgumentException("trajectory " + n + " has " + newStates[n].length + " states and "
                        + newObservations[n].length + " observations, expected " + horizon + " steps");
            }
            for (int t = 0; t < horizon; t++) {
                if (newStates[n][t].length != stateDim || newObservations[n][t].length != policy.observationDim()) {
                    throw new IllegalArgumentException("trajectory " + n + ", step " + t + ": state of "
                            + newStates[n][t].length + " and observation of " + newObservations[n][t].length
                            + " values, expected " + stateDim + " and " + policy.observationDim());
                }
            }
        }
    }

    @Override
    public NormalInverseWishart[] eval(int stateDim, int actionDim, double[][][] pointSets) {
        if (!gmm.isFitted()) {
            throw new IllegalStateException("the policy prior has not been updated with any trajectory yet");
        }
        if (stateDim + actionDim != gmm.dimension()) {
            throw new IllegalArgumentException("prior points have dimension " + stateDim + " + " + actionDim
                    + ", the policy prior's GMM has " + gmm.dimension());
        }
        NormalInverseWishart[] raw = gmm.inferenceBatch(pointSets);
        NormalInverseWishart[] out = new NormalInverseWishart[raw.length];
        double strength = config.strength();
        for (int s = 0; s < raw.length; s++) {
            double m = raw[s].meanPseudoCount() * strength;
            double[] scatter = raw[s].scatter();
            double[] scaled = new double[scatter.length];
            for (int i = 0; i < scatter.length; i++) {
                scaled[i] = scatter[i] * m;
            }
            out[s] = new NormalInverseWishart(raw[s].mean(), scaled, m, raw[s].degreesOfFreedom() * strength);
        }
        return out;
    }

    private static double[][][] deepCopy(double[][][] a) {
        double[][][] out = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = deepCopy(a[i]);
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
