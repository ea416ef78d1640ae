package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;
import static org.gpsros.app.config.Checks.required;

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
 * @param sampleReuse earlier iterations' samples in the S-step, importance-weighted (mdgps; Levine et al. 2016, §4.3)
 * @param pretraining the visuomotor training procedure's pretraining phases (mdgps; Levine et al. 2016, §5.2)
 */
public record PolicyConfig(Network network, Integer iterations, Integer batchSize, Double learningRate,
                           Double weightDecay, Double initVar, Double entReg,
                           Prior prior, Integer evaluationSamples, SampleReuse sampleReuse, Pretraining pretraining) {

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
        sampleReuse = orDefault(sampleReuse, SampleReuse.defaults());
        pretraining = orDefault(pretraining, Pretraining.defaults());
    }

    public static PolicyConfig defaults() {
        return new PolicyConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** This config with other S-step iterations (tests and short runs). */
    public PolicyConfig withIterations(int value) {
        return new PolicyConfig(network, value, batchSize, learningRate, weightDecay, initVar, entReg, prior,
                evaluationSamples, sampleReuse, pretraining);
    }

    /**
     * @param type {@code mlp} (ND4J SameDiff multilayer perceptron), {@code linear} (μ = W o + b) or {@code cnn} (the
     *             spatial-softmax visuomotor network of Levine et al. 2016, §5.1; needs a task with RGB_IMAGE)
     * @param hidden hidden layer widths (mlp); the MDGPS paper uses two layers of 40
     * @param activation {@code relu} or {@code softplus} (the soft rectifier of the 2014 papers)
     * @param cnn the CNN's shape (type cnn)
     */
    public record Network(String type, List<Integer> hidden, String activation, Cnn cnn) {
        public static final List<String> TYPES = List.of("mlp", "linear", "cnn");
        public static final List<String> ACTIVATIONS = List.of("relu", "softplus");

        public Network {
            type = oneOf(orDefault(type, "mlp"), "policy.network.type", TYPES);
            hidden = List.copyOf(orDefault(hidden, List.of(40, 40)));
            for (int width : hidden) {
                atLeast(width, 1, "policy.network.hidden");
            }
            activation = oneOf(orDefault(activation, "relu"), "policy.network.activation", ACTIVATIONS);
            cnn = orDefault(cnn, Cnn.defaults());
        }

        public static Network defaults() {
            return new Network(null, null, null, null);
        }
    }

    /**
     * The visuomotor CNN (Levine et al. 2016, §5.1, Appendix A): "valid" convolutions with ReLU, a spatial softmax,
     * feature points concatenated with the robot configuration, fully connected ReLU layers, linear torques. The
     * image size is the task's ({@code image_size}).
     *
     * @param convolutions the convolutions, default 64@7×7 stride 2, 32@5×5, 32@5×5
     * @param hidden fully connected widths after the feature points, default [40, 40]
     * @param precision {@code float} (float32 convolutions, oneDNN's fast path) or {@code double}
     */
    public record Cnn(List<Convolution> convolutions, List<Integer> hidden, String precision) {
        public static final List<String> PRECISIONS = List.of("float", "double");

        public Cnn {
            convolutions = List.copyOf(orDefault(convolutions, List.of(new Convolution(64, 7, 2),
                    new Convolution(32, 5, 1), new Convolution(32, 5, 1))));
            if (convolutions.isEmpty()) {
                throw new IllegalArgumentException("policy.network.cnn.convolutions: at least one convolution");
            }
            hidden = List.copyOf(orDefault(hidden, List.of(40, 40)));
            for (int width : hidden) {
                atLeast(width, 1, "policy.network.cnn.hidden");
            }
            precision = oneOf(orDefault(precision, "float"), "policy.network.cnn.precision", PRECISIONS);
        }

        public static Cnn defaults() {
            return new Cnn(null, null, null);
        }
    }

    /**
     * One convolution.
     *
     * @param filters output channels
     * @param kernel square kernel size
     * @param stride stride, default 1
     */
    public record Convolution(Integer filters, Integer kernel, Integer stride) {
        public Convolution {
            filters = atLeast(required(filters, "policy.network.cnn.convolutions[].filters"), 1, "policy.network.cnn.convolutions[].filters");
            kernel = atLeast(required(kernel, "policy.network.cnn.convolutions[].kernel"), 1, "policy.network.cnn.convolutions[].kernel");
            stride = atLeast(orDefault(stride, 1), 1, "policy.network.cnn.convolutions[].stride");
        }
    }

    /**
     * Reuse of earlier samples in the S-step (Levine et al. 2016, §4.3): each reused sample's step is weighted by the
     * ratio of its state's density under this iteration's sampling distribution and under the one that drew it (both
     * Gaussian state marginals under the fitted linear-Gaussian dynamics), capped at {@code max_weight}.
     *
     * @param iterations earlier iterations whose samples are added (default 0: the reference, current samples only)
     * @param maxWeight cap of an importance ratio (default 10)
     */
    public record SampleReuse(Integer iterations, Double maxWeight) {
        public SampleReuse {
            iterations = atLeast(orDefault(iterations, 0), 0, "policy.sample_reuse.iterations");
            maxWeight = orDefault(maxWeight, 10.0);
            if (!(maxWeight >= 1) || Double.isInfinite(maxWeight)) {
                throw new IllegalArgumentException("policy.sample_reuse.max_weight: must be finite and ≥ 1, got "
                        + maxWeight);
            }
        }

        public static SampleReuse defaults() {
            return new SampleReuse(null, null);
        }
    }

    /**
     * The pretraining phases of the visuomotor training procedure (Levine et al. 2016, §5.2, Figure 3).
     *
     * @param trajectoryIterations the first iterations run with a small state-only MLP (ReLU, {@code hidden}) standing
     *                             in for the global policy, so the local controllers agree across conditions; the
     *                             global policy's first S-step is at iteration {@code trajectory_iterations}, on that
     *                             iteration's samples (default 0: none)
     * @param hidden the state-only network's hidden widths (default [40, 40], the paper's)
     * @param poseWeights convolution weights from {@code gps pretrain-pose} that initialise the CNN: a file, or a run
     *                    folder (its {@code pose_pretraining/conv_weights.json}); null = the CNN's random init
     * @param fullyConnectedIterations with pose weights: minibatch steps that train the fully connected layers alone
     *                                 (features cached) in the CNN's first S-step, before the whole network (default
     *                                 500; 0 = straight to end-to-end)
     */
    public record Pretraining(Integer trajectoryIterations, List<Integer> hidden, String poseWeights,
                              Integer fullyConnectedIterations) {
        public Pretraining {
            trajectoryIterations = atLeast(orDefault(trajectoryIterations, 0), 0,
                    "policy.pretraining.trajectory_iterations");
            hidden = List.copyOf(orDefault(hidden, List.of(40, 40)));
            for (int width : hidden) {
                atLeast(width, 1, "policy.pretraining.hidden");
            }
            fullyConnectedIterations = atLeast(orDefault(fullyConnectedIterations, 500), 0,
                    "policy.pretraining.fully_connected_iterations");
        }

        public static Pretraining defaults() {
            return new Pretraining(null, null, null, null);
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
