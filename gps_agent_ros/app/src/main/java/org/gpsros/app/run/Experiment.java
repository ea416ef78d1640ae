package org.gpsros.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gpsros.agent.ActionNoise;
import org.gpsros.agent.Agent;
import org.gpsros.algorithm.BadmmAlgorithm;
import org.gpsros.algorithm.BadmmSettings;
import org.gpsros.algorithm.BadmmState;
import org.gpsros.algorithm.ConstrainedGpsAlgorithm;
import org.gpsros.algorithm.ConstrainedGpsSettings;
import org.gpsros.algorithm.ConstrainedGpsState;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.algorithm.MdgpsAlgorithm;
import org.gpsros.algorithm.MdgpsSettings;
import org.gpsros.algorithm.MdgpsState;
import org.gpsros.algorithm.MdgpsStepRule;
import org.gpsros.algorithm.SampleReuse;
import org.gpsros.nn.CnnPolicyNetwork;
import org.gpsros.nn.ConvolutionWeights;
import org.gpsros.policy.GlobalPolicyOptimizer;
import org.gpsros.sample.SensorType;
import org.gpsros.algorithm.badmm.BadmmTargets;
import org.gpsros.algorithm.badmm.PolicyWeightUpdate;
import org.gpsros.algorithm.badmm.Schedule;
import org.gpsros.app.config.PolicyConfig;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.policyprior.PolicySampleMode;
import org.gpsros.algorithm.TrajOptAlgorithm;
import org.gpsros.algorithm.TrajOptState;
import org.gpsros.algorithm.TrajOptSettings;
import org.gpsros.app.config.AlgorithmConfig;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.CostTermConfig;
import org.gpsros.app.config.DynamicsConfig;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.config.InitControllerConfig;
import org.gpsros.app.config.TrajOptConfig;
import org.gpsros.cost.ActionCost;
import org.gpsros.cost.ActionCostConfig;
import org.gpsros.cost.BinaryRegionCost;
import org.gpsros.cost.BinaryRegionCostConfig;
import org.gpsros.cost.Cost;
import org.gpsros.cost.EndEffectorCost;
import org.gpsros.cost.EndEffectorCostConfig;
import org.gpsros.cost.PenaltyNorm;
import org.gpsros.cost.Ramp;
import org.gpsros.cost.StateCost;
import org.gpsros.cost.StateCostConfig;
import org.gpsros.cost.SumCost;
import org.gpsros.cost.SumCostConfig;
import org.gpsros.dynamics.DynamicsPriorConfig;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.policy.LinearGaussianInit;
import org.gpsros.policy.LinearGaussianInitLqrConfig;
import org.gpsros.policy.LinearGaussianInitPdConfig;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.gpsros.trajopt.LqrConfig;

/**
 * An experiment built from its config: the agent, the training conditions, the cost, the initial controllers and
 * the algorithm settings. This is the one place where config records become learner objects.
 *
 * @param config the resolved config
 * @param agent where samples come from: the embedded simulated robot ({@link #build}), or another {@link Agent} with
 *     the same task (e.g. a robot over ROS, {@link #withAgent})
 * @param trainConditions the agent's condition indices trained on
 * @param testConditions the condition indices evaluated on
 * @param cost the task cost (shared by all conditions)
 * @param noise how exploration noise is drawn
 * @param settings the algorithm settings
 */
public record Experiment(ExperimentConfig config, Agent agent, List<Integer> trainConditions,
                         List<Integer> testConditions, Cost cost, ActionNoise.Config noise, TrajOptSettings settings) {

    /**
     * Builds the experiment on the embedded simulator; a config that does not fit the task is a
     * {@link ConfigException}. A config with a {@code robot:} section is refused: it needs a robot
     * ({@code gps node learner}, {@link #forAgent}).
     */
    public static Experiment build(ExperimentConfig config, String source) {
        if (config.robot() != null) {
            throw new ConfigException(source + ": robot: this config describes a real robot; train it with "
                    + "`gps node learner " + source + "` (the simulated tasks need no robot section)");
        }
        SimTask task = simTask(config, source);
        return forAgent(config, source, new SimAgent(task), "task " + task.name());
    }

    /**
     * The simulated task a config names, with its {@code task_options}.
     *
     * @throws ConfigException for an unknown task or options the task refuses
     */
    public static SimTask simTask(ExperimentConfig config, String source) {
        SimTaskOptions options;
        try {
            options = SimTaskOptions.fromMap(config.taskOptions());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": task_options: " + e.getMessage(), e);
        }
        try {
            return SimTasks.create(config.task(), options);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the experiment around any agent (a robot over ROS described by the config's {@code robot:} section):
     * conditions, cost terms and the initial controller are checked against the agent's sizes and layouts.
     *
     * @param agentName names the agent in error messages, e.g. "robot pr2_example"
     * @throws ConfigException if the config does not fit the agent (one line naming the key)
     */
    public static Experiment forAgent(ExperimentConfig config, String source, Agent agent, String agentName) {
        try {
            List<Integer> train = config.trainConditions().isEmpty() ? range(agent.conditionCount()) : config.trainConditions();
            List<Integer> test = config.testConditions().isEmpty() ? train : config.testConditions();
            for (int c : train) {
                checkCondition(c, agent, agentName, "train_conditions");
            }
            for (int c : test) {
                checkCondition(c, agent, agentName, "test_conditions");
            }
            List<Cost> terms = new ArrayList<>();
            double[] weights = new double[config.cost().size()];
            for (int i = 0; i < weights.length; i++) {
                terms.add(cost(config.cost().get(i), agent, agentName, i));
                weights[i] = config.cost().get(i).weight();
            }
            Cost cost = new SumCost(new SumCostConfig(terms, weights));
            ActionNoise.Config noise = new ActionNoise.Config(config.agent().smoothNoise(), config.agent().smoothNoiseSigma(),
                    config.agent().smoothNoiseRenormalize());
            Experiment experiment = new Experiment(config, agent, train, test, cost, noise, settings(config));
            if (config.initController() instanceof InitControllerConfig.Lqr lqr) {
                lqrConfig(lqr, agent.actionDim(), config); // checks the gains' sizes now, not at the first iteration
            }
            experiment.checkAlgorithmSettings(); // e.g. BADMM with per-step constraints, now, not at the first iteration
            return experiment;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same experiment drawing its samples from {@code newAgent} (a robot over ROS running this task).
     *
     * @throws IllegalArgumentException if the agent's horizon, action size, state layout or condition count differs
     *     from this experiment's agent
     */
    public Experiment withAgent(Agent newAgent) {
        if (newAgent.horizon() != agent.horizon() || newAgent.actionDim() != agent.actionDim()
                || !newAgent.stateLayout().equals(agent.stateLayout())
                || newAgent.conditionCount() != agent.conditionCount()) {
            throw new IllegalArgumentException("the agent (horizon " + newAgent.horizon() + ", " + newAgent.actionDim()
                    + " actions, state " + newAgent.stateLayout().sensors() + ", " + newAgent.conditionCount()
                    + " conditions) does not run task " + config.task() + " (horizon " + agent.horizon() + ", "
                    + agent.actionDim() + " actions, state " + agent.stateLayout().sensors() + ", "
                    + agent.conditionCount() + " conditions)");
        }
        return new Experiment(config, newAgent, trainConditions, testConditions, cost, noise, settings);
    }

    /** The initial controller of every training condition (in train-condition order). */
    public List<LinearGaussianPolicy> initialControllers() {
        List<LinearGaussianPolicy> controllers = new ArrayList<>();
        for (int condition : trainConditions) {
            double[] x0 = agent.initialState(condition);
            if (config.initController() instanceof InitControllerConfig.Lqr lqr) {
                controllers.add(LinearGaussianInit.lqr(lqrConfig(lqr, agent.actionDim(), config), x0, agent.actionDim(),
                        agent.horizon(), agent.timeStep()));
            } else if (config.initController() instanceof InitControllerConfig.Pd pd) {
                controllers.add(LinearGaussianInit.pd(LinearGaussianInitPdConfig.defaults()
                        .withInitialVariance(pd.initVar()).withPositionGains(pd.posGains())
                        .withVelocityGainsMultiplier(pd.velGainsMult()), x0, agent.actionDim(), agent.actionDim(),
                        agent.horizon()));
            }
        }
        return controllers;
    }

    /** Stream purpose of exploration noise for {@link SplitMix64#derive}. */
    public static final long NOISE_STREAM = 1;

    /**
     * The exploration noise of sample {@code i} of {@code condition} in {@code iteration}: derived from the run seed
     * and these indices only, so a resumed run draws exactly what an uninterrupted one would.
     */
    public double[][] explorationNoise(int iteration, int condition, int i) {
        long seed = SplitMix64.derive(config.seed(), NOISE_STREAM, iteration, condition, i);
        return noise.generate(new SplitMix64(seed), agent.horizon(), agent.actionDim());
    }

    /** Sample {@code i} of {@code condition} in {@code iteration}, drawn with {@code controller}. */
    public Sample sample(Policy controller, int iteration, int condition, int i) {
        return agent.sample(controller, condition, explorationNoise(iteration, condition, i));
    }

    /** Whether the configured algorithm trains a global policy (metrics then carry the policy's columns). */
    public boolean trainsGlobalPolicy() {
        return config.algorithm().trainsGlobalPolicy();
    }

    /** A fresh algorithm of the configured type at iteration 0. */
    public GpsAlgorithm newAlgorithm() {
        return newAlgorithm(null);
    }

    /**
     * A fresh algorithm of the configured type at iteration 0, for training into {@code runDirectory}: a CNN policy
     * starts from the pose-pretrained convolutions of {@code policy.pretraining.pose_weights}, or else of the run's
     * own {@code pose_pretraining/conv_weights.json} if {@code gps pretrain-pose} wrote one there.
     *
     * @param runDirectory the run folder, or null
     */
    public GpsAlgorithm newAlgorithm(Path runDirectory) {
        int normalizedDim = normalizedDim();
        return switch (config.algorithm().type()) {
            case "traj_opt" -> new TrajOptAlgorithm(settings, costs(), initialControllers());
            case "mdgps" -> newMdgps(runDirectory);
            case "badmm" -> new BadmmAlgorithm(badmmSettings(), costs(), initialControllers(),
                    newPolicyNetwork(BadmmAlgorithm.networkSeed(config.seed())), normalizedDim);
            case "cgps" -> new ConstrainedGpsAlgorithm(cgpsSettings(), costs(), initialControllers(),
                    newPolicyNetwork(ConstrainedGpsAlgorithm.networkSeed(config.seed())), normalizedDim);
            default -> throw new ConfigException("algorithm.type " + config.algorithm().type() + " is not wired yet");
        };
    }

    /**
     * MDGPS with issue 5's training procedure (Levine et al. 2016, §5.2): the state-only pretraining network for
     * {@code policy.pretraining.trajectory_iterations}, pose-pretrained convolutions, and the fully-connected-first
     * warm-up of the CNN's first S-step.
     */
    private MdgpsAlgorithm newMdgps(Path runDirectory) {
        MdgpsSettings mdgps = mdgpsSettings();
        PolicyNetwork network = newPolicyNetwork(MdgpsAlgorithm.networkSeed(config.seed()));
        Optional<Path> poseWeights = poseWeights(runDirectory);
        if (poseWeights.isPresent()) {
            if (!(network instanceof CnnPolicyNetwork cnn)) {
                throw new ConfigException("policy.pretraining.pose_weights: only a cnn policy has convolutions");
            }
            ConvolutionWeights weights = ConvolutionWeightsFile.read(poseWeights.get());
            try {
                cnn.loadConvolutionWeights(weights);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("policy.pretraining.pose_weights: " + poseWeights.get() + ": "
                        + e.getMessage(), e);
            }
        }
        PolicyNetwork pretraining = mdgps.trajectoryPretrainingIterations() == 0 ? null
                : pretrainingNetworks().create(agent.stateLayout().dimension(), agent.actionDim(),
                        MdgpsAlgorithm.pretrainingNetworkSeed(config.seed()));
        MdgpsAlgorithm algorithm = new MdgpsAlgorithm(mdgps, costs(), initialControllers(), network, normalizedDim(),
                pretraining);
        if (poseWeights.isPresent()) {
            setFullyConnectedWarmup(algorithm);
        }
        return algorithm;
    }

    /**
     * The pose-pretrained convolution weights to start the CNN from: {@code policy.pretraining.pose_weights} (a file or
     * a run folder), else the run's own if it has them.
     */
    private Optional<Path> poseWeights(Path runDirectory) {
        String configured = config.policy() == null ? null : config.policy().pretraining().poseWeights();
        if (configured != null) {
            return Optional.of(ConvolutionWeightsFile.resolve(Path.of(configured)));
        }
        if (runDirectory != null && config.policy().network().type().equals("cnn")
                && java.nio.file.Files.isRegularFile(ConvolutionWeightsFile.inRun(runDirectory))) {
            return Optional.of(ConvolutionWeightsFile.inRun(runDirectory));
        }
        return Optional.empty();
    }

    /**
     * Levine et al. 2016, §5.2: the CNN's first S-step trains the fully connected layers alone (features cached,
     * {@code policy.pretraining.fully_connected_iterations} steps), then the whole network. Runs only while the
     * optimizer has done no update (checkpointed), so a resumed run does the same.
     */
    private void setFullyConnectedWarmup(MdgpsAlgorithm algorithm) {
        int iterations = config.policy().pretraining().fullyConnectedIterations();
        if (iterations == 0 || !(algorithm.policyOptimizer().network() instanceof CnnPolicyNetwork)) {
            return;
        }
        PolicyTrainingConfig base = policyTraining();
        PolicyTrainingConfig fullyConnected = new PolicyTrainingConfig(iterations, base.batchSize(),
                base.learningRate(), base.weightDecay(), base.initialVariance(), base.entropyRegularization());
        algorithm.policyOptimizer().setFirstUpdateWarmup((network, set, random) ->
                ((CnnPolicyNetwork) network).trainFullyConnected(set, fullyConnected, random));
    }

    /** How many leading observation entries the S-step normalises: those before RGB_IMAGE (issue 5 contract). */
    public int normalizedDim() {
        return GlobalPolicyOptimizer.normalizedDim(agent.observationLayout());
    }

    /**
     * Width = height of the observation's RGB_IMAGE (square by the issue 5 contract), 0 without a camera.
     *
     * @throws IllegalStateException if the image slice is not 3·S·S values
     */
    public int imageSize() {
        return imageSize(agent.observationLayout());
    }

    /**
     * Width = height of an observation layout's RGB_IMAGE (square by the issue 5 contract), 0 without one.
     *
     * @throws IllegalStateException if the image slice is not 3·S·S values
     */
    public static int imageSize(org.gpsros.sample.SensorLayout observationLayout) {
        if (!observationLayout.contains(SensorType.RGB_IMAGE)) {
            return 0;
        }
        int values = observationLayout.dimensionOf(SensorType.RGB_IMAGE);
        int size = (int) Math.round(Math.sqrt(values / 3.0));
        if (3 * size * size != values) {
            throw new IllegalStateException("RGB_IMAGE has " + values + " values, not 3·S·S for a square image");
        }
        return size;
    }

    /** The record type of the configured algorithm's checkpoints. */
    public Class<? extends Record> stateType() {
        return switch (config.algorithm().type()) {
            case "traj_opt" -> TrajOptState.class;
            case "mdgps" -> MdgpsState.class;
            case "badmm" -> BadmmState.class;
            case "cgps" -> ConstrainedGpsState.class;
            default -> throw new ConfigException("algorithm.type " + config.algorithm().type() + " is not wired yet");
        };
    }

    /** The algorithm as a checkpoint left it ({@code state} of {@link #stateType()}). */
    public GpsAlgorithm restoreAlgorithm(Record state) {
        return restoreAlgorithm(state, null);
    }

    /**
     * The algorithm as a checkpoint of the run in {@code runDirectory} (or null) left it ({@code state} of
     * {@link #stateType()}).
     */
    public GpsAlgorithm restoreAlgorithm(Record state, Path runDirectory) {
        if (state instanceof TrajOptState trajOpt && config.algorithm().type().equals("traj_opt")) {
            return TrajOptAlgorithm.restore(settings, costs(), trajOpt);
        }
        if (state instanceof MdgpsState mdgps && config.algorithm().type().equals("mdgps")) {
            MdgpsAlgorithm algorithm = MdgpsAlgorithm.restore(mdgpsSettings(), costs(), mdgps, policyNetworks(),
                    pretrainingNetworks());
            if (mdgps.policy().updates() == 0 && poseWeights(runDirectory).isPresent()) {
                // The warm-up only runs before the first update; restored before it, the run does what it would have.
                setFullyConnectedWarmup(algorithm);
            }
            return algorithm;
        }
        if (state instanceof BadmmState badmm && config.algorithm().type().equals("badmm")) {
            return BadmmAlgorithm.restore(badmmSettings(), costs(), badmm, policyNetworks());
        }
        if (state instanceof ConstrainedGpsState cgps && config.algorithm().type().equals("cgps")) {
            return ConstrainedGpsAlgorithm.restore(cgpsSettings(), costs(), cgps, policyNetworks());
        }
        throw new IllegalArgumentException("a checkpoint of " + state.getClass().getSimpleName()
                + " does not fit algorithm.type " + config.algorithm().type());
    }

    /** A fresh global-policy network: observation → action, initial weights from the algorithm's seed stream. */
    private PolicyNetwork newPolicyNetwork(long seed) {
        return policyNetworks().create(agent.observationLayout().dimension(), agent.actionDim(), seed);
    }

    /** Creates and restores the configured kind of global-policy network. */
    public PolicyNetworkFactory policyNetworks() {
        return PolicyNetworks.factory(config.policy().network(), imageSize());
    }

    /**
     * The CNN of a config's {@code policy.network.cnn} (its defaults without a policy section) on a square image.
     *
     * @throws ConfigException if the convolutions leave no output at that size
     */
    public static org.gpsros.nn.CnnConfig cnnConfig(ExperimentConfig config, int imageSize) {
        PolicyConfig.Cnn cnn = config.policy() == null ? PolicyConfig.Cnn.defaults() : config.policy().network().cnn();
        return PolicyNetworks.cnnConfig(cnn, imageSize);
    }

    /** The state-only MLP of trajectory pretraining ({@code policy.pretraining.hidden}, ReLU). */
    public PolicyNetworkFactory pretrainingNetworks() {
        return PolicyNetworks.mlp(config.policy().pretraining().hidden(), "relu");
    }

    /** The S-step's settings from the {@code policy:} section. */
    private PolicyTrainingConfig policyTraining() {
        PolicyConfig policy = config.policy();
        return new PolicyTrainingConfig(policy.iterations(), policy.batchSize(), policy.learningRate(),
                policy.weightDecay(), policy.initVar(), policy.entReg());
    }

    private PolicyPriorConfig policyPrior() {
        PolicyConfig.Prior prior = config.policy().prior();
        if (prior.type().equals("constant")) {
            return new PolicyPriorConfig.Constant(prior.strength());
        }
        return PolicyPriorConfig.gmmExamples().withMaxClusters(prior.maxClusters())
                .withMinSamplesPerCluster(prior.minSamplesPerCluster()).withMaxSamples(prior.maxSamples())
                .withStrength(prior.strength()).withCompatibility(settings.compatibility());
    }

    private MdgpsSettings mdgpsSettings() {
        AlgorithmConfig.Mdgps mdgps = config.algorithm().mdgps();
        return MdgpsSettings.defaults(settings).withPolicyTraining(policyTraining()).withPolicyPrior(policyPrior())
                .withInitialPolicyWeight(mdgps.initPolWt())
                .withStepRule(MdgpsStepRule.valueOf(mdgps.stepRule().toUpperCase(java.util.Locale.ROOT)))
                .withSampleOnPolicy(mdgps.sampleOnPolicy())
                .withPolicySampleMode(PolicySampleMode.valueOf(mdgps.policySampleMode().toUpperCase(java.util.Locale.ROOT)))
                .withSampleReuse(new SampleReuse(config.policy().sampleReuse().iterations(),
                        config.policy().sampleReuse().maxWeight()))
                .withTrajectoryPretrainingIterations(config.policy().pretraining().trajectoryIterations());
    }

    /** The algorithm settings of the configured type, built once to surface their errors (IllegalArgumentException). */
    private void checkAlgorithmSettings() {
        if (config.policy() != null && !config.algorithm().type().equals("mdgps")) {
            if (config.policy().pretraining().trajectoryIterations() > 0) {
                throw new IllegalArgumentException("policy.pretraining.trajectory_iterations: only algorithm.type mdgps "
                        + "has trajectory pretraining");
            }
            if (config.policy().sampleReuse().iterations() > 0) {
                throw new IllegalArgumentException("policy.sample_reuse.iterations: only algorithm.type mdgps reuses "
                        + "samples");
            }
        }
        switch (config.algorithm().type()) {
            case "mdgps" -> mdgpsSettings();
            case "badmm" -> badmmSettings();
            case "cgps" -> cgpsSettings();
            default -> {
            }
        }
    }

    /**
     * BADMM from {@code algorithm.badmm} (study §2.1 ALG_BADMM): inner iterations from {@code algorithm.inner_iterations}
     * (default 4 for badmm), the schedules over {@code iterations}; the S-step's ent_reg is the schedule's.
     */
    private BadmmSettings badmmSettings() {
        AlgorithmConfig.Badmm badmm = config.algorithm().badmm();
        PolicyWeightUpdate rule = badmm.fixedLgStep() == 3
                ? new PolicyWeightUpdate.MeanDeviation(badmm.expStepIncrease(), badmm.expStepDecrease(),
                        badmm.expStepUpper(), badmm.expStepLower())
                : PolicyWeightUpdate.fromReferenceOption(badmm.fixedLgStep());
        return BadmmSettings.defaults(settings, config.iterations()).withPolicyTraining(policyTraining())
                .withPolicyPrior(policyPrior())
                .withPolicySampleMode(PolicySampleMode.valueOf(badmm.policySampleMode().toUpperCase(java.util.Locale.ROOT)))
                .withInitialPolicyWeight(badmm.initPolWt())
                .withDualRates(badmm.policyDualRate(), badmm.policyDualRateCovar())
                .withWeightUpdate(rule)
                .withWeightStep(schedule(badmm.lgStepSchedule(), "algorithm.badmm.lg_step_schedule"))
                .withEntropyRegularization(schedule(badmm.entRegSchedule(), "algorithm.badmm.ent_reg_schedule"))
                .withTargetForm(BadmmTargets.Form.valueOf(badmm.targetForm().toUpperCase(java.util.Locale.ROOT)));
    }

    /** One value is used as is; several are log-interpolated over the run (reference {@code _set_interp_values}). */
    private static Schedule schedule(List<Double> values, String key) {
        if (values.size() == 1) {
            return Schedule.constant(values.get(0));
        }
        try {
            return Schedule.logInterpolated(values.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** Constrained GPS from {@code algorithm.cgps}. */
    private ConstrainedGpsSettings cgpsSettings() {
        AlgorithmConfig.Cgps cgps = config.algorithm().cgps();
        return ConstrainedGpsSettings.defaults(settings).withPolicyTraining(policyTraining())
                .withPolicyPrior(policyPrior())
                .withPolicySampleMode(PolicySampleMode.valueOf(cgps.policySampleMode().toUpperCase(java.util.Locale.ROOT)))
                .withInitialDual(cgps.initialDual()).withDualStep(cgps.dualStep())
                .withEntropyPenalty(cgps.entropyPenalty())
                .withDualKl(ConstrainedGpsSettings.KlEstimate.valueOf(cgps.dualKl().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The cost of each training condition. */
    public List<Cost> costs() {
        return trainConditions.stream().map(c -> cost).toList();
    }

    private static LinearGaussianInitLqrConfig lqrConfig(InitControllerConfig.Lqr lqr, int actionDim,
                                                         ExperimentConfig experiment) {
        LinearGaussianInitLqrConfig config = LinearGaussianInitLqrConfig.defaults()
                .withInitialVariance(lqr.initVar()).withStiffness(lqr.stiffness())
                .withVelocityStiffnessMultiplier(lqr.stiffnessVel()).withFinalWeight(lqr.finalWeight());
        if (lqr.initGains() != null) {
            requireLength(lqr.initGains(), actionDim, "init_controller.init_gains");
            config = config.withInitialGains(lqr.initGains());
        } else if (experiment.robot() != null && experiment.robot().pdGains() != null) {
            // Reference pr2_example: init_gains = 1 / PR2_GAINS (study §4.7).
            double[] inverse = experiment.robot().pdGains().clone();
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] = 1.0 / inverse[i];
            }
            config = config.withInitialGains(inverse);
        }
        if (lqr.initAcc() != null) {
            requireLength(lqr.initAcc(), actionDim, "init_controller.init_acc");
            config = config.withInitialAccelerations(lqr.initAcc());
        }
        return config;
    }

    private static TrajOptSettings settings(ExperimentConfig config) {
        AlgorithmConfig algorithm = config.algorithm();
        TrajOptConfig trajOpt = config.trajOpt();
        DynamicsConfig dynamics = config.dynamics();
        LqrConfig lqr = new LqrConfig(trajOpt.del0(), trajOpt.minEta(), trajOpt.maxEta(), trajOpt.consPerStep(),
                trajOpt.usePrevDistr());
        DynamicsConfig.Prior prior = dynamics.prior();
        ReferenceCompatibility compatibility = algorithm.referenceCompatible() ? ReferenceCompatibility.REFERENCE
                : ReferenceCompatibility.CORRECTED;
        DynamicsPriorConfig priorConfig = prior.type().equals("none") ? null : DynamicsPriorConfig.defaults()
                .withMaxClusters(prior.maxClusters()).withMinSamplesPerCluster(prior.minSamplesPerCluster())
                .withMaxSamples(prior.maxSamples()).withStrength(prior.strength()).withCompatibility(compatibility);
        return new TrajOptSettings(algorithm.klStep(), algorithm.minStepMult(), algorithm.maxStepMult(),
                algorithm.initialStateVar(), algorithm.maxEntTraj(), algorithm.innerIterations(), lqr,
                dynamics.regularization(), priorConfig, compatibility, config.seed());
    }

    private static Cost cost(CostTermConfig term, Agent task, String taskName, int index) {
        String key = "cost[" + index + "]";
        if (term instanceof CostTermConfig.Action action) {
            requireLength(action.wu(), task.actionDim(), key + ".wu");
            return new ActionCost(new ActionCostConfig(action.wu()));
        }
        if (term instanceof CostTermConfig.State state) {
            List<StateCostConfig.Term> entries = new ArrayList<>();
            for (CostTermConfig.SensorTarget target : state.dataTypes()) {
                requireSensor(task, taskName, target.sensor().name(), target.target().length, key);
                entries.add(new StateCostConfig.Term(target.sensor(), target.target(), target.wp()));
            }
            return new StateCost(StateCostConfig.of(entries).withRamp(ramp(state.ramp()))
                    .withFinalWeightMultiplier(state.wpFinalMultiplier()).withL1(state.l1()).withL2(state.l2())
                    .withAlpha(state.alpha()));
        }
        if (term instanceof CostTermConfig.EndEffector fk) {
            return new EndEffectorCost(EndEffectorCostConfig.of(fk.target(), fk.wp())
                    .withRamp(ramp(fk.ramp())).withFinalWeightMultiplier(fk.wpFinalMultiplier()).withL1(fk.l1())
                    .withL2(fk.l2()).withAlpha(fk.alpha())
                    .withNorm(fk.norm().equals("l1_l2") ? PenaltyNorm.L1_L2 : PenaltyNorm.LOG_L2));
        }
        CostTermConfig.BinaryRegion region = (CostTermConfig.BinaryRegion) term;
        List<BinaryRegionCostConfig.Region> regions = new ArrayList<>();
        for (CostTermConfig.Region r : region.dataTypes()) {
            requireSensor(task, taskName, r.sensor().name(), r.target().length, key);
            regions.add(new BinaryRegionCostConfig.Region(r.sensor(), r.target(), r.maxDistance(),
                    r.outsideCost(), r.insideCost()));
        }
        return new BinaryRegionCost(new BinaryRegionCostConfig(regions));
    }

    private static Ramp ramp(String name) {
        return Ramp.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    private static void requireSensor(Agent task, String taskName, String sensor, int length, String key) {
        org.gpsros.sample.SensorType type = org.gpsros.sample.SensorType.valueOf(sensor);
        if (!task.stateLayout().contains(type)) {
            throw new IllegalArgumentException(key + ": " + taskName + " has no " + sensor.toLowerCase(java.util.Locale.ROOT)
                    + " in its state (it has " + task.stateLayout().sensors() + ")");
        }
        requireLength(new double[length], task.stateLayout().dimensionOf(type), key + " target for " + sensor.toLowerCase(java.util.Locale.ROOT));
    }

    private static void requireLength(double[] values, int expected, String key) {
        if (values.length != expected) {
            throw new IllegalArgumentException(key + ": needs " + expected + " values, got " + values.length);
        }
    }

    private static void checkCondition(int condition, Agent task, String taskName, String key) {
        if (condition >= task.conditionCount()) {
            throw new IllegalArgumentException(key + ": " + taskName + " has conditions 0.."
                    + (task.conditionCount() - 1) + ", got " + condition);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
