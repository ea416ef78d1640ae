package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

import java.util.List;

/**
 * The global policy π(u|o) = N(μ_θ(o), Σ) of the guided policy search variants and its S-step (reference
 * {@code POLICY_OPT}, {@code POLICY_PRIOR_GMM}, study §2.4–2.5, §3.5, §3.10). The policy sees the task's observation
 * (e.g. blind_peg's joint angles and velocities only), not the state.
 *
 * @param network what μ_θ is
 * @param iterations minibatch Adam steps per S-step
 * @param batchSize rows per minibatch
 * @param learningRate Adam step size
 * @param weightDecay L2 weight over all trainable parameters
 * @param initVar diagonal policy variance before the first S-step
 * @param entReg entropy regulariser added to the averaged precision (study §3.10 step 4)
 * @param prior the linearisation prior
 * @param evaluationSamples noiseless policy rollouts per condition and iteration for metrics.csv (0 = none)
 */
public record PolicyConfig(Network network, Integer iterations, Integer batchSize, Double learningRate,
                           Double weightDecay, Double initVar, Double entReg,
                           Prior prior, Integer evaluationSamples) {

    public PolicyConfig {
        network = orDefault(network, Network.defaults());
        iterations = atLeast(orDefault(iterations, 5000), 0, "policy.iterations");
        batchSize = atLeast(orDefault(batchSize, 25), 1, "policy.batch_size");
        learningRate = positive(orDefault(learningRate, 1e-3), "policy.learning_rate");
        weightDecay = nonNegative(orDefault(weightDecay, 0.005), "policy.weight_decay");
        initVar = positive(orDefault(initVar, 0.1), "policy.init_var");
        entReg = nonNegative(orDefault(entReg, 0.0), "policy.ent_reg");
        prior = orDefault(prior, Prior.defaults());
        evaluationSamples = atLeast(orDefault(evaluationSamples, 1), 0, "policy.evaluation_samples");
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param type {@code mlp} (ND4J SameDiff multilayer perceptron) or {@code linear} (μ = W o + b)
     * @param hidden hidden layer widths (mlp); the MDGPS paper uses two layers of 40
     * @param activation {@code relu} or {@code softplus} (the soft rectifier of the 2014 papers)
     */
    public record Network(String type, List<Integer> hidden, String activation) {
        public static final List<String> TYPES = List.of("mlp", "linear");
        public static final List<String> ACTIVATIONS = List.of("relu", "softplus");

        public Network {
            type = oneOf(orDefault(type, "mlp"), "policy.network.type", TYPES);
            hidden = List.copyOf(orDefault(hidden, List.of(40, 40)));
            for (int width : hidden) {
                atLeast(width, 1, "policy.network.hidden");
            }
            activation = oneOf(orDefault(activation, "relu"), "policy.network.activation", ACTIVATIONS);
        }

        public static Network defaults() {
            return new Network(null, null, null);
        }
    }

    /**
     * @param type {@code gmm} (reference PolicyPriorGMM) or {@code constant} (reference PolicyPrior, a weak ridge)
     * @param maxClusters upper bound on mixture components
     * @param minSamplesPerCluster data points per component when choosing the component count
     * @param maxSamples trajectories kept in the prior's buffer
     * @param strength pseudo-count multiplier (gmm) or ridge strength (constant, default 1e-4)
     */
    public record Prior(String type, Integer maxClusters, Integer minSamplesPerCluster, Integer maxSamples,
                        Double strength) {
        public static final List<String> TYPES = List.of("gmm", "constant");

        public Prior {
            type = oneOf(orDefault(type, "gmm"), "policy.prior.type", TYPES);
            maxClusters = atLeast(orDefault(maxClusters, 20), 1, "policy.prior.max_clusters");
            minSamplesPerCluster = atLeast(orDefault(minSamplesPerCluster, 40), 1, "policy.prior.min_samples_per_cluster");
            maxSamples = atLeast(orDefault(maxSamples, 20), 1, "policy.prior.max_samples");
            strength = positive(orDefault(strength, type.equals("constant") ? 1e-4 : 1.0), "policy.prior.strength");
        }

        public static Prior defaults() {
            return new Prior(null, null, null, null, null);
        }
    }
}
