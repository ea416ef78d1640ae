package org.gpsros.dynamics;

/**
 * Settings of {@link DynamicsPriorGmm} (reference {@code DYN_PRIOR_GMM}; reference study §2.3, §3.4).
 *
 * @param maxClusters          upper bound on the number of GMM clusters (reference default 50; examples 20)
 * @param minSamplesPerCluster K = max(2, min(maxClusters, ⌊points / minSamplesPerCluster⌋)) (default 20; examples 40)
 * @param maxSamples           trajectories kept in the buffer (default 20)
 * @param strength             multiplier of the prior's pseudo-counts m and n₀ (default 1)
 * @param maxEmIterations      EM iterations per update (reference 100)
 * @param compatibility        {@link ReferenceCompatibility#REFERENCE} keeps maxSamples − 1 trajectories and uses
 *                             the reference GMM; CORRECTED (default) keeps maxSamples
 * @param parallelism          threads used by the GMM (results do not depend on it)
 */
public record DynamicsPriorConfig(int maxClusters, int minSamplesPerCluster, int maxSamples, double strength,
                                  int maxEmIterations, ReferenceCompatibility compatibility, int parallelism) {

    public DynamicsPriorConfig {
        if (maxClusters < 1) {
            throw new IllegalArgumentException("dynamicsPrior.maxClusters must be ≥ 1, got " + maxClusters);
        }
        if (minSamplesPerCluster < 1) {
            throw new IllegalArgumentException("dynamicsPrior.minSamplesPerCluster must be ≥ 1, got "
                    + minSamplesPerCluster);
        }
        if (compatibility == null) {
            throw new IllegalArgumentException("dynamicsPrior.compatibility must not be null");
        }
        int minimum = compatibility == ReferenceCompatibility.REFERENCE ? 2 : 1;
        if (maxSamples < minimum) {
            throw new IllegalArgumentException("dynamicsPrior.maxSamples must be ≥ " + minimum + " (" + compatibility
                    + "), got " + maxSamples);
        }
        if (!(strength > 0.0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("dynamicsPrior.strength must be finite and > 0, got " + strength);
        }
        if (maxEmIterations < 1) {
            throw new IllegalArgumentException("dynamicsPrior.maxEmIterations must be ≥ 1, got " + maxEmIterations);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("dynamicsPrior.parallelism must be ≥ 1, got " + parallelism);
        }
    }

    /** The reference defaults: 50 clusters, 20 samples per cluster, 20 trajectories, strength 1. */
    public static DynamicsPriorConfig defaults() {
        return new DynamicsPriorConfig(50, 20, 20, 1.0, 100, ReferenceCompatibility.CORRECTED,
                ParallelTasks.defaultParallelism());
    }

    /** The values every reference example uses: 20 clusters, 40 samples per cluster, 20 trajectories. */
    public static DynamicsPriorConfig examples() {
        return defaults().withMaxClusters(20).withMinSamplesPerCluster(40);
    }

    public DynamicsPriorConfig withMaxClusters(int value) {
        return new DynamicsPriorConfig(value, minSamplesPerCluster, maxSamples, strength, maxEmIterations,
                compatibility, parallelism);
    }

    public DynamicsPriorConfig withMinSamplesPerCluster(int value) {
        return new DynamicsPriorConfig(maxClusters, value, maxSamples, strength, maxEmIterations, compatibility,
                parallelism);
    }

    public DynamicsPriorConfig withMaxSamples(int value) {
        return new DynamicsPriorConfig(maxClusters, minSamplesPerCluster, value, strength, maxEmIterations,
                compatibility, parallelism);
    }

    public DynamicsPriorConfig withStrength(double value) {
        return new DynamicsPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, value, maxEmIterations,
                compatibility, parallelism);
    }

    public DynamicsPriorConfig withMaxEmIterations(int value) {
        return new DynamicsPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, strength, value, compatibility,
                parallelism);
    }

    public DynamicsPriorConfig withCompatibility(ReferenceCompatibility value) {
        return new DynamicsPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, strength, maxEmIterations,
                value, parallelism);
    }

    public DynamicsPriorConfig withParallelism(int value) {
        return new DynamicsPriorConfig(maxClusters, minSamplesPerCluster, maxSamples, strength, maxEmIterations,
                compatibility, value);
    }

    /** Number of trajectories the buffer keeps (maxSamples, or maxSamples − 1 in reference mode). */
    public int keptTrajectories() {
        return compatibility == ReferenceCompatibility.REFERENCE ? maxSamples - 1 : maxSamples;
    }

    /** K for a data set of {@code points} points: max(2, min(maxClusters, ⌊points / minSamplesPerCluster⌋)). */
    public int clusterCount(int points) {
        return Math.max(2, Math.min(maxClusters, points / minSamplesPerCluster));
    }

    GmmConfig gmmConfig() {
        return new GmmConfig(maxEmIterations, compatibility, parallelism);
    }
}
