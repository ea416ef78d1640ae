package org.gpsros.dynamics;

/**
 * Settings of the {@link Gmm} EM fit (reference {@code utility/gmm.py}; reference study §3.3).
 *
 * @param maxIterations maximum number of EM iterations per {@link Gmm#update} call (reference default 100)
 * @param compatibility {@link ReferenceCompatibility#CORRECTED} (default) fixes the convergence-test sign and the
 *                      1/K initial covariance scaling; {@link ReferenceCompatibility#REFERENCE} reproduces them
 * @param parallelism   number of threads used over clusters (1 = the calling thread only); results do not depend
 *                      on it
 */
public record GmmConfig(int maxIterations, ReferenceCompatibility compatibility, int parallelism) {

    public GmmConfig {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("gmm.maxIterations must be ≥ 1, got " + maxIterations);
        }
        if (compatibility == null) {
            throw new IllegalArgumentException("gmm.compatibility must not be null");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("gmm.parallelism must be ≥ 1, got " + parallelism);
        }
    }

    /** 100 iterations, corrected behaviour, up to two threads. */
    public static GmmConfig defaults() {
        return new GmmConfig(100, ReferenceCompatibility.CORRECTED, ParallelTasks.defaultParallelism());
    }

    public GmmConfig withMaxIterations(int value) {
        return new GmmConfig(value, compatibility, parallelism);
    }

    public GmmConfig withCompatibility(ReferenceCompatibility value) {
        return new GmmConfig(maxIterations, value, parallelism);
    }

    public GmmConfig withParallelism(int value) {
        return new GmmConfig(maxIterations, compatibility, value);
    }
}
