package org.gpsros.policyprior;

import org.gpsros.dynamics.GmmConfig;
import org.gpsros.dynamics.ReferenceCompatibility;

/**
 * Which prior regularises the policy linearisation (reference {@code POLICY_PRIOR} / {@code POLICY_PRIOR_GMM},
 * study §2.5, §3.5).
 */
public sealed interface PolicyPriorConfig permits PolicyPriorConfig.Constant, PolicyPriorConfig.GaussianMixture {

    /** The reference's GMM defaults: 50 clusters, 20 points per cluster, 20 trajectories, strength 1. */
    static GaussianMixture gmmDefaults() {
        return new GaussianMixture(50, 20, 20, 1.0, 100, ReferenceCompatibility.CORRECTED, defaultParallelism());
    }

    /** The values the reference examples use: 20 clusters, 40 points per cluster, 20 trajectories. */
    static GaussianMixture gmmExamples() {
        return new GaussianMixture(20, 40, 20, 1.0, 100, ReferenceCompatibility.CORRECTED, defaultParallelism());
    }

    /** Two threads where the machine has two or more cores (as the dynamics fits). */
    private static int defaultParallelism() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The constant prior with the reference's strength 1e-4. */
    static Constant constantDefaults() {
        return new Constant(Constant.DEFAULT_STRENGTH);
    }

    /**
     * The constant prior μ₀ = 0, Φ = strength·blockdiag(I_stateDim, 1e-5·I_actionDim), m = 0, n₀ = strength: a weak
     * ridge regulariser (reference {@code PolicyPrior}).
     *
     * @param strength the pseudo-count (reference default 1e-4)
     */
    record Constant(double strength) implements PolicyPriorConfig {
        /** The reference default strength. */
        public static final double DEFAULT_STRENGTH = 1e-4;

        public Constant {
            if (!(strength > 0) || Double.isInfinite(strength)) {
                throw new IllegalArgumentException("policyPrior.strength must be finite and > 0, got " + strength);
            }
        }
    }

    /**
     * A GMM over the points [x_t, μ_π(o_t)] of recent trajectories (reference {@code PolicyPriorGMM}).
     *
     * @param maxClusters upper bound on K (reference default 50; examples 20)
     * @param minSamplesPerCluster K = max(2, min(maxClusters, ⌊N·T/minSamplesPerCluster⌋)) (default 20; examples 40)
     * @param maxSamples trajectories kept in the buffer (default 20; the PR2 examples 40, the reacher 5)
     * @param strength multiplier of the prior's pseudo-counts m and n₀ (default 1)
     * @param maxEmIterations EM iterations per update (reference 100)
     * @param compatibility the GMM's reference quirks ({@link org.gpsros.dynamics.Gmm}) and the t = 0 regulariser
     *                      of the fit ({@link PolicyLinearization})
     * @param parallelism threads used by the GMM (results do not depend on it)
     */
    record GaussianMixture(int maxClusters, int minSamplesPerCluster, int maxSamples, double strength,
                           int maxEmIterations, ReferenceCompatibility compatibility, int parallelism)
            implements PolicyPriorConfig {

        public GaussianMixture {
            if (maxClusters < 1) {
                throw new IllegalArgumentException("policyPrior.maxClusters must be ≥ 1, got " + maxClusters);
            }
            if (minSamplesPerCluster < 1) {
                throw new IllegalArgumentException("policyPrior.minSamplesPerCluster must be ≥ 1, got "
                        + minSamplesPerCluster);
            }
            if (maxSamples < 1) {
                throw new IllegalArgumentException("policyPrior.maxSamples must be ≥ 1, got " + maxSamples);
            }
            if (!(strength > 0) || Double.isInfinite(strength)) {
                throw new IllegalArgumentException("policyPrior.strength must be finite and > 0, got " + strength);
            }
            if (maxEmIterations < 1) {
                throw new IllegalArgumentException("policyPrior.maxEmIterations must be ≥ 1, got " + maxEmIterations);
            }
            if (compatibility == null) {
                throw new IllegalArgumentException("policyPrior.compatibility must not be null");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("policyPrior.parallelism must be ≥ 1, got " + parallelism);
            }
        }

        /** K for a data set of {@code points} points. */
        public int clusterCount(int points) {
            return Math.max(2, Math.min(maxClusters, points / minSamplesPerCluster));
        }

        /** The settings of the underlying EM. */
        public GmmConfig gmmConfig() {
            return new GmmConfig(maxEmIterations, compatibility, parallelism);
        }

        public GaussianMixture withMaxClusters(int value) {
            return new GaussianMixture(value, minSamplesPerCluster, maxSamples, strength, maxEmIterations, compatibility,
                    parallelism);
        }

        public GaussianMixture withMinSamplesPerCluster(int value) {
            return new GaussianMixture(maxClusters, value, maxSamples, strength, maxEmIterations, compatibility,
                    parallelism);
        }

        public GaussianMixture withMaxSamples(int value) {
            return new GaussianMixture(maxClusters, minSamplesPerCluster, value, strength, maxEmIterations,
                    compatibility, parallelism);
        }

        public GaussianMixture withStrength(double value) {
            return new GaussianMixture(maxClusters, minSamplesPerCluster, maxSamples, value, maxEmIterations,
                    compatibility, parallelism);
        }

        public GaussianMixture withCompatibility(ReferenceCompatibility value) {
            return new GaussianMixture(maxClusters, minSamplesPerCluster, maxSamples, strength, maxEmIterations, value,
                    parallelism);
        }

        public GaussianMixture withParallelism(int value) {
            return new GaussianMixture(maxClusters, minSamplesPerCluster, maxSamples, strength, maxEmIterations,
                    compatibility, value);
        }
    }
}
