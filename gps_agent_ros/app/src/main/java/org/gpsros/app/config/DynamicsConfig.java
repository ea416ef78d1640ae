package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

import java.util.List;

/**
 * Local dynamics fitting (reference {@code DynamicsLRPrior} with {@code DynamicsPriorGMM}, study §2.3, §3.2–3.4).
 *
 * @param regularization ridge term added to the [x, u] block of the joint covariance
 * @param prior the dynamics prior
 */
public record DynamicsConfig(Double regularization, Prior prior) {

    public DynamicsConfig {
        regularization = nonNegative(orDefault(regularization, 1e-6), "dynamics.regularization");
        prior = orDefault(prior, Prior.defaults());
    }

    public static DynamicsConfig defaults() {
        return new DynamicsConfig(null, null);
    }

    /**
     * @param type {@code gmm} (a Gaussian mixture over [x, u, x'] of recent samples) or {@code none} (plain regression)
     * @param maxClusters upper bound on mixture components
     * @param minSamplesPerCluster data points per component when choosing the component count
     * @param maxSamples trajectories kept in the prior's buffer
     * @param strength pseudo-count multiplier of the prior
     */
    public record Prior(String type, Integer maxClusters, Integer minSamplesPerCluster, Integer maxSamples, Double strength) {
        public static final List<String> TYPES = List.of("gmm", "none");

        public Prior {
            type = oneOf(orDefault(type, "gmm"), "dynamics.prior.type", TYPES);
            maxClusters = atLeast(orDefault(maxClusters, 50), 1, "dynamics.prior.max_clusters");
            minSamplesPerCluster = atLeast(orDefault(minSamplesPerCluster, 20), 1, "dynamics.prior.min_samples_per_cluster");
            maxSamples = atLeast(orDefault(maxSamples, 20), 1, "dynamics.prior.max_samples");
            strength = positive(orDefault(strength, 1.0), "dynamics.prior.strength");
        }

        public static Prior defaults() {
            return new Prior(null, null, null, null, null);
        }
    }
}
