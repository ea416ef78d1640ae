package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gpsros.cost.Cost;
import org.gpsros.dynamics.DynamicsPriorGmm;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.GlobalPolicyOptimizer;
import org.gpsros.policy.GlobalPolicyOptimizerState;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.Policy;
import org.gpsros.policy.PolicyNetwork;
import org.gpsros.policy.PolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingSummary;
import org.gpsros.policyprior.PolicyLinearization;
import org.gpsros.policyprior.PolicyPrior;
import org.gpsros.sample.SampleList;
import org.gpsros.trajopt.CostAugmentation;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.StepSizeRule;
import org.gpsros.trajopt.TrajectoryUpdate;

/**
 * Mirror descent guided policy search (Montgomery &amp; Levine 2016, Algorithm 3; reference {@code AlgorithmMDGPS}):
 * the local controllers are improved under a KL bound to the linearised global policy (C-step), and the global
 * policy is trained to imitate them (S-step). One {@link #iterate} follows the reference's order (study §1.3):
 * <ol>
 *   <li>per condition, cost expansion and dynamics fit ({@link LocalModelEstimator});</li>
 *   <li>at iteration 0 only, an S-step on the initial controllers ("catch the policy up");</li>
 *   <li>per condition, the policy prior update and the linearisation π̄ = N(K^π x + k^π, S + Σ_π)
 *       ({@link PolicyLinearization});</li>
 *   <li>from iteration 1, the step-size adjustment of {@link MdgpsSettings#stepRule()} (study §3.8);</li>
 *   <li>C-step: per condition, the LQR update of the cost augmented by {@link CostAugmentation#mdgps} with
 *       KL(p ‖ π̄) ≤ klStep·stepMult per step;</li>
 *   <li>S-step on every condition's current samples with targets u* = K x + k, precisions P of the new controllers
 *       and weights init_pol_wt (study §3.10);</li>
 *   <li>advance: the new controllers are sampled next (off-policy) or the global policy is (on-policy).</li>
 * </ol>
 * Issue 5 (Levine et al. 2016): with {@link MdgpsSettings#sampleReuse()} the S-steps also train on the last
 * iterations' samples, importance-weighted ({@link SampleReuse}); with
 * {@link MdgpsSettings#trajectoryPretrainingIterations()} = N &gt; 0, iterations 0..N−1 are trajectory pretraining
 * (§5.2): the policy the C-step is constrained against is a small network on the full state x (given to the
 * constructor), samples come from the local controllers, and the global policy is not trained. Iteration N hands
 * over: it trains the global policy first on the current controllers' samples (as iteration 0 does), starts fresh
 * policy priors for it, and continues as plain MDGPS (on-policy sampling, if configured, from iteration N+1).
 * Mutable, but only inside; {@link #state()} exports all of it and {@link #restore} continues bit-identically.
 */
public final class MdgpsAlgorithm implements GpsAlgorithm {
    /** Stream purpose of the policy priors' random numbers (with the condition index). */
    public static final long POLICY_PRIOR_STREAM = 4;
    /** Stream purpose of the S-step's minibatch order. */
    public static final long POLICY_TRAINING_STREAM = 5;
    /** Stream purpose of the global policy network's initial weights ({@link #networkSeed}). */
    public static final long POLICY_NETWORK_STREAM = 6;
    /** Stream purpose of the trajectory-pretraining network's minibatch order. */
    public static final long PRETRAINING_TRAINING_STREAM = 7;
    /** Stream purpose of the trajectory-pretraining policy priors (with the condition index). */
    public static final long PRETRAINING_PRIOR_STREAM = 8;
    /** Stream purpose of the trajectory-pretraining network's initial weights ({@link #pretrainingNetworkSeed}). */
    public static final long PRETRAINING_NETWORK_STREAM = 9;

    private final MdgpsSettings settings;
    private final List<Cost> costs;
    private final List<ConditionLearner> conditions;
    private final GlobalPolicyOptimizer policyOptimizer;
    private GlobalPolicyOptimizer pretrainingOptimizer;
    private int iteration;

    /**
     * @param settings algorithm settings
     * @param costs the cost of each training condition
     * @param initialControllers the initial controller of each training condition
     * @param network the global policy's fresh network (observationDim → actionDim), e.g.
     *                {@code factory.create(observationDim, actionDim, networkSeed(seed))}
     */
    public MdgpsAlgorithm(MdgpsSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers,
                          PolicyNetwork network) {
        this(settings, costs, initialControllers, network, network.inputDim(), null);
    }

    /**
     * @param network the global policy's fresh network (observationDim → actionDim)
     * @param normalizedDim how many leading observation entries the S-step normalises (those before RGB_IMAGE,
     *                      {@link GlobalPolicyOptimizer#normalizedDim(org.gpsros.sample.SensorLayout)})
     * @param pretrainingNetwork the fresh state-only network (stateDim → actionDim) of trajectory pretraining; required
     *                           if and only if {@link MdgpsSettings#trajectoryPretrainingIterations()} &gt; 0
     */
    public MdgpsAlgorithm(MdgpsSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers,
                          PolicyNetwork network, int normalizedDim, PolicyNetwork pretrainingNetwork) {
        this(settings, costs, 0, new GlobalPolicyOptimizer(network, settings.policyTraining(), normalizedDim,
                SplitMix64.derive(settings.trajOpt().seed(), POLICY_TRAINING_STREAM)));
        boolean pretrains = settings.trajectoryPretrainingIterations() > 0;
        if (pretrains != (pretrainingNetwork != null)) {
            throw new IllegalArgumentException(pretrains
                    ? "trajectory pretraining (" + settings.trajectoryPretrainingIterations() + " iterations) needs "
                            + "its state-only network"
                    : "a trajectory-pretraining network was given, but trajectoryPretrainingIterations is 0");
        }
        if (costs.size() != initialControllers.size()) {
            throw new IllegalArgumentException(costs.size() + " costs for " + initialControllers.size() + " conditions");
        }
        TrajOptSettings trajOpt = settings.trajOpt();
        for (int m = 0; m < initialControllers.size(); m++) {
            LinearGaussianPolicy controller = initialControllers.get(m);
            if (controller.actionDim() != network.outputDim()) {
                throw new IllegalArgumentException("condition " + m + ": the controller has " + controller.actionDim()
                        + " actions, the policy network " + network.outputDim());
            }
            ConditionLearner learner = new ConditionLearner();
            learner.controller = controller;
            learner.eta = new double[] {1.0};
            DynamicsPriorGmm prior = trajOpt.dynamicsPrior() == null ? null : new DynamicsPriorGmm(
                    trajOpt.dynamicsPrior(), SplitMix64.derive(trajOpt.seed(), TrajOptAlgorithm.DYNAMICS_PRIOR_STREAM, m));
            learner.estimator = new LocalModelEstimator(trajOpt, prior);
            learner.policyPrior = PolicyPrior.create(settings.policyPrior(),
                    SplitMix64.derive(trajOpt.seed(), POLICY_PRIOR_STREAM, m));
            conditions.add(learner);
        }
        if (pretrains) {
            int stateDim = initialControllers.get(0).stateDim();
            if (pretrainingNetwork.inputDim() != stateDim || pretrainingNetwork.outputDim() != network.outputDim()) {
                throw new IllegalArgumentException("the trajectory-pretraining network maps " + pretrainingNetwork.inputDim()
                        + " → " + pretrainingNetwork.outputDim() + ", the state and action have " + stateDim + " and "
                        + network.outputDim() + " values");
            }
            pretrainingOptimizer = new GlobalPolicyOptimizer(pretrainingNetwork, settings.policyTraining(),
                    SplitMix64.derive(trajOpt.seed(), PRETRAINING_TRAINING_STREAM));
            for (int m = 0; m < conditions.size(); m++) {
                conditions.get(m).policyPrior = PolicyPrior.create(settings.policyPrior(),
                        SplitMix64.derive(trajOpt.seed(), PRETRAINING_PRIOR_STREAM, m));
            }
        }
    }

    private MdgpsAlgorithm(MdgpsSettings settings, List<Cost> costs, int iteration, GlobalPolicyOptimizer optimizer) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.costs = List.copyOf(costs);
        this.iteration = iteration;
        this.conditions = new ArrayList<>();
        this.policyOptimizer = optimizer;
    }

    /** The seed of the global policy network's initial weights for a run seed. */
    public static long networkSeed(long runSeed) {
        return SplitMix64.derive(runSeed, POLICY_NETWORK_STREAM);
    }

    /** The seed of the trajectory-pretraining network's initial weights for a run seed. */
    public static long pretrainingNetworkSeed(long runSeed) {
        return SplitMix64.derive(runSeed, PRETRAINING_NETWORK_STREAM);
    }

    /**
     * Rebuilds an algorithm from {@link #state()}; it continues bit-identically.
     *
     * @param factory restores the global policy's network (of the checkpoint's format)
     */
    public static MdgpsAlgorithm restore(MdgpsSettings settings, List<Cost> costs, MdgpsState state,
                                         PolicyNetworkFactory factory) {
        return restore(settings, costs, state, factory, null);
    }

    /**
     * Rebuilds an algorithm from {@link #state()}; it continues bit-identically.
     *
     * @param factory restores the global policy's network (of the checkpoint's format)
     * @param pretrainingFactory restores the trajectory-pretraining network; needed only if the checkpoint was taken
     *                           during trajectory pretraining
     */
    public static MdgpsAlgorithm restore(MdgpsSettings settings, List<Cost> costs, MdgpsState state,
                                         PolicyNetworkFactory factory, PolicyNetworkFactory pretrainingFactory) {
        if (costs.size() != state.conditions().size()) {
            throw new IllegalArgumentException("the checkpoint has " + state.conditions().size()
                    + " conditions, the experiment " + costs.size());
        }
        GlobalPolicyOptimizer optimizer = GlobalPolicyOptimizer.restore(state.policy(), factory,
                settings.policyTraining());
        MdgpsAlgorithm algorithm = new MdgpsAlgorithm(settings, costs, state.iteration(), optimizer);
        for (int m = 0; m < costs.size(); m++) {
            MdgpsState.Condition saved = state.conditions().get(m);
            ConditionLearner learner = new ConditionLearner();
            learner.controller = saved.controller();
            learner.stepMult = saved.stepMult();
            learner.eta = saved.eta().clone();
            learner.previous = saved.previous();
            learner.estimator = new LocalModelEstimator(settings.trajOpt(),
                    TrajOptAlgorithm.restorePrior(settings.trajOpt(), saved.dynamicsPrior(), m));
            learner.policyPrior = PolicyPrior.restore(settings.policyPrior(), saved.policyPrior());
            learner.reusedSamples.addAll(saved.reusedSamples());
            algorithm.conditions.add(learner);
        }
        if (state.pretrainingPolicy() != null) {
            if (pretrainingFactory == null) {
                throw new IllegalArgumentException("the checkpoint was taken during trajectory pretraining; restoring it "
                        + "needs the pretraining network's factory");
            }
            algorithm.pretrainingOptimizer = GlobalPolicyOptimizer.restore(state.pretrainingPolicy(), pretrainingFactory,
                    settings.policyTraining());
        }
        return algorithm;
    }

    /** The whole state, for checkpoints. */
    public MdgpsState state() {
        List<MdgpsState.Condition> saved = new ArrayList<>();
        for (ConditionLearner learner : conditions) {
            DynamicsPriorGmm prior = learner.estimator.prior();
            saved.add(new MdgpsState.Condition(learner.controller, learner.stepMult, learner.eta.clone(),
                    prior == null ? null : prior.state(), learner.policyPrior.state(), learner.previous,
                    learner.reusedSamples));
        }
        return new MdgpsState(iteration, saved, policyOptimizer.state(),
                pretrainingOptimizer == null ? null : pretrainingOptimizer.state());
    }

    public MdgpsSettings settings() {
        return settings;
    }

    @Override
    public int iteration() {
        return iteration;
    }

    @Override
    public int conditionCount() {
        return conditions.size();
    }

    @Override
    public LinearGaussianPolicy controller(int condition) {
        return conditions.get(condition).controller;
    }

    /**
     * The global policy from iteration 1 on when sampling on-policy (reference: {@code sample_on_policy} and
     * {@code iteration_count > 0}); the local controller otherwise. With trajectory pretraining over N iterations, the
     * global policy samples from iteration N+1 on (after its first S-step).
     */
    @Override
    public Policy samplingPolicy(int condition) {
        return onPolicy() ? policyOptimizer.policy() : controller(condition);
    }

    private boolean onPolicy() {
        return settings.sampleOnPolicy() && iteration > settings.trajectoryPretrainingIterations();
    }

    /**
     * The current global policy π(u|o) (what the last S-step produced); with trajectory pretraining, empty until its
     * first S-step (in the hand-over iteration).
     */
    @Override
    public Optional<GaussianGlobalPolicy> globalPolicy() {
        boolean untrained = settings.trajectoryPretrainingIterations() > 0 && policyOptimizer.updates() == 0;
        return untrained ? Optional.empty() : Optional.of(policyOptimizer.policy());
    }

    /** Whether the next iteration is a trajectory-pretraining iteration (its policy is the state-only network). */
    public boolean pretraining() {
        return pretrainingOptimizer != null && iteration < settings.trajectoryPretrainingIterations();
    }

    /** The trajectory-pretraining network's optimizer while pretraining is not over, else empty. */
    public Optional<GlobalPolicyOptimizer> pretrainingOptimizer() {
        return Optional.ofNullable(pretrainingOptimizer);
    }

    /** The S-step's optimizer (network, normaliser, variance; its {@code state()} is part of {@link #state()}). */
    public GlobalPolicyOptimizer policyOptimizer() {
        return policyOptimizer;
    }

    /** The policy optimizer's state alone (e.g. to save the policy next to the checkpoint). */
    public GlobalPolicyOptimizerState policyState() {
        return policyOptimizer.state();
    }

    /** The current KL step multiplier of a condition. */
    public double stepMultiplier(int condition) {
        return conditions.get(condition).stepMult;
    }

    /**
     * One MDGPS iteration on the samples {@link #samplingPolicy} produced.
     *
     * @param samples one list per training condition, in order
     * @throws IllegalArgumentException on samples of the wrong number or shape
     * @throws IllegalStateException if a fit degenerates (non-PD policy linearisation, policy variance)
     */
    @Override
    public IterationReport iterate(List<SampleList> samples) {
        int count = conditions.size();
        if (samples.size() != count) {
            throw new IllegalArgumentException("got samples for " + samples.size() + " conditions, expected " + count);
        }
        TrajOptSettings trajOpt = settings.trajOpt();
        double[][][][] states = new double[count][][][];
        double[][][][] observations = new double[count][][][];
        LocalModel[] models = new LocalModel[count];
        double[][] sampleCosts = new double[count][];
        double[] meanCosts = new double[count];

        // 1. Costs and dynamics, per condition (study §1.3 steps 2–3).
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            SampleList list = samples.get(m);
            states[m] = list.states();
            double[][][] actions = list.actions();
            observations[m] = list.observations();
            checkShapes(m, learner.controller, states[m], actions, observations[m]);
            LocalModelEstimator.Estimate estimate = learner.estimator.estimate(states[m], actions, list, costs.get(m));
            models[m] = estimate.model();
            sampleCosts[m] = estimate.sampleCosts();
            meanCosts[m] = estimate.meanSampleCost();
        }

        // Trajectory pretraining (Levine et al. 2016, §5.2): the state-only network stands in for the global policy.
        boolean pretrainingNow = pretraining();
        boolean handOver = pretrainingOptimizer != null && !pretrainingNow;
        if (handOver) {
            // The global policy takes over: priors fitted to the pretraining network's actions do not describe it.
            pretrainingOptimizer = null;
            for (int m = 0; m < count; m++) {
                conditions.get(m).policyPrior = PolicyPrior.create(settings.policyPrior(),
                        SplitMix64.derive(trajOpt.seed(), POLICY_PRIOR_STREAM, m));
            }
        }
        GlobalPolicyOptimizer active = pretrainingNow ? pretrainingOptimizer : policyOptimizer;
        double[][][][] policyInputs = pretrainingNow ? states : observations;
        boolean onPolicy = onPolicy();

        // 2. Iteration 0 (and the hand-over from trajectory pretraining): train the policy on the controllers that
        //    drew these samples first, so that the C-step is constrained against a policy that already resembles them.
        PolicyTrainingSummary catchUp = null;
        if (iteration == 0 || handOver) {
            LinearGaussianPolicy[] current = new LinearGaussianPolicy[count];
            for (int m = 0; m < count; m++) {
                current[m] = conditions.get(m).controller;
            }
            catchUp = sStep(active, pretrainingNow, states, observations, current, null);
        }

        // 3. Linearise the global policy around each condition's samples (study §3.5).
        GaussianGlobalPolicy policy = active.policy();
        LinearGaussianPolicy[] linearizations = new LinearGaussianPolicy[count];
        double[] linearizedCost = new double[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            double[][][] means = policy.mean(policyInputs[m]);
            learner.policyPrior.update(states[m], policyInputs[m], policy, settings.policySampleMode());
            linearizations[m] = PolicyLinearization.fit(learner.policyPrior, states[m], means, policy.covariance(),
                    trajOpt.compatibility());
            linearizedCost[m] = optimizer(learner, models[m]).estimateTotalCost(linearizations[m], models[m]);
        }

        // 4. Step size from predicted versus actual improvement (study §3.8), from the second iteration on.
        if (iteration > 0) {
            adjustStepSizes(models, linearizations, linearizedCost, meanCosts);
        }

        // 5. C-step: KL-constrained update against the linearised policy (study §3.6, MDGPS row).
        List<ConditionReport> reports = new ArrayList<>();
        LinearGaussianPolicy[] updated = new LinearGaussianPolicy[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
            int horizon = models[m].horizon();
            double klStep = trajOpt.klStep() * learner.stepMult;
            double[] klSteps = new double[horizon];
            Arrays.fill(klSteps, klStep);
            CostAugmentation augmentation = CostAugmentation.mdgps(linearizations[m], trajOpt.maxEntropyWeight());
            TrajectoryUpdate update = null;
            for (int inner = 0; inner < trajOpt.innerIterations(); inner++) {
                update = optimizer.update(models[m], augmentation, klSteps, TrajOptAlgorithm.startingEta(
                        trajOpt.lqr().perTimeStepConstraint(), learner.eta, horizon));
                learner.eta = update.eta().clone();
            }
            updated[m] = update.policy();
            reports.add(new ConditionReport(sampleCosts[m], learner.stepMult, TrajOptAlgorithm.mean(update.eta()),
                    klStep, update.klDivergence(), update.backwardPasses(), update.converged()));
        }

        // 6. S-step on the new controllers' actions along the current samples (study §3.10), plus the reused
        //    earlier samples with their importance weights (Levine et al. 2016, §4.3).
        ImportanceWeights.StateMarginal[] marginals = null;
        if (settings.sampleReuse().enabled()) {
            marginals = new ImportanceWeights.StateMarginal[count];
            for (int m = 0; m < count; m++) {
                // The distribution that drew this iteration's samples, under this iteration's dynamics fit.
                LinearGaussianPolicy sampling = onPolicy ? linearizations[m] : conditions.get(m).controller;
                marginals[m] = ImportanceWeights.StateMarginal.of(
                        optimizer(conditions.get(m), models[m]).forward(sampling, models[m]));
            }
        }
        PolicyTrainingSummary training = sStep(active, pretrainingNow, states, observations, updated, marginals);

        // 7. Advance.
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            learner.previous = new MdgpsState.Previous(models[m], linearizations[m], meanCosts[m]);
            learner.controller = updated[m];
            if (marginals != null) {
                learner.reusedSamples.add(new MdgpsState.ReusedSamples(iteration, states[m], observations[m],
                        marginals[m]));
                while (learner.reusedSamples.size() > settings.sampleReuse().iterations()) {
                    learner.reusedSamples.remove(0);
                }
            }
        }
        IterationReport report = new IterationReport(iteration, reports, new PolicyReport(catchUp, training,
                linearizedCost, active.policy().variance()));
        iteration++;
        return report;
    }

    /**
     * The step-size rules of {@link MdgpsStepRule} (reference {@code AlgorithmMDGPS._stepadjust}, study §3.8). The
     * controller of each condition is still the last C-step's result (reference {@code prev.new_traj_distr}).
     */
    private void adjustStepSizes(LocalModel[] models, LinearGaussianPolicy[] linearizations, double[] linearizedCost,
                                 double[] meanCosts) {
        int count = conditions.size();
        double[] previousLaplace = new double[count];
        double[] previousPredicted = new double[count];
        double[] previousMc = new double[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            MdgpsState.Previous previous = learner.previous;
            LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
            previousLaplace[m] = optimizer.estimateTotalCost(previous.policyLinearization(), previous.model());
            previousPredicted[m] = optimizer.estimateTotalCost(learner.controller, previous.model());
            previousMc[m] = previous.meanSampleCost();
        }
        TrajOptSettings trajOpt = settings.trajOpt();
        switch (settings.stepRule()) {
            case LAPLACE, MC -> {
                boolean laplace = settings.stepRule() == MdgpsStepRule.LAPLACE;
                double previous = laplace ? mean(previousLaplace) : mean(previousMc);
                double predicted = previous - mean(previousPredicted);
                double actual = previous - (laplace ? mean(linearizedCost) : mean(meanCosts));
                for (ConditionLearner learner : conditions) {
                    learner.stepMult = StepSizeRule.newStepMultiplier(predicted, actual, learner.stepMult,
                            trajOpt.minStepMult(), trajOpt.maxStepMult());
                }
            }
            case CLASSIC, GLOBAL -> {
                for (int m = 0; m < count; m++) {
                    ConditionLearner learner = conditions.get(m);
                    double actualCost = settings.stepRule() == MdgpsStepRule.CLASSIC
                            ? optimizer(learner, models[m]).estimateTotalCost(learner.controller, models[m])
                            : linearizedCost[m];
                    learner.stepMult = StepSizeRule.newStepMultiplier(previousLaplace[m] - previousPredicted[m],
                            previousLaplace[m] - actualCost, learner.stepMult, trajOpt.minStepMult(),
                            trajOpt.maxStepMult());
                }
            }
            default -> throw new IllegalStateException("unknown step rule " + settings.stepRule());
        }
    }

    /**
     * One S-step with targets u* = K_t x + k_t, precisions P_t of the given controllers along every condition's
     * samples, all weighted init_pol_wt (reference {@code AlgorithmMDGPS._update_policy}); with {@code marginals}, the
     * kept earlier samples too, weighted init_pol_wt · w_nt ({@link ImportanceWeights}, against these marginals).
     *
     * @param stateInput train on the states (trajectory pretraining) instead of the observations
     * @param marginals per condition, the state marginal of this iteration's samples; null = no reuse
     */
    private PolicyTrainingSummary sStep(GlobalPolicyOptimizer target, boolean stateInput, double[][][][] states,
                                        double[][][][] observations, LinearGaussianPolicy[] controllers,
                                        ImportanceWeights.StateMarginal[] marginals) {
        List<double[][]> sampleStates = new ArrayList<>();
        List<double[][]> sampleInputs = new ArrayList<>();
        List<double[]> sampleWeights = new ArrayList<>();
        List<Integer> sampleCondition = new ArrayList<>();
        for (int m = 0; m < states.length; m++) {
            int horizon = controllers[m].horizon();
            for (int n = 0; n < states[m].length; n++) {
                double[] weight = new double[horizon];
                Arrays.fill(weight, settings.initialPolicyWeight());
                sampleStates.add(states[m][n]);
                sampleInputs.add(stateInput ? states[m][n] : observations[m][n]);
                sampleWeights.add(weight);
                sampleCondition.add(m);
            }
            if (marginals == null) {
                continue;
            }
            for (MdgpsState.ReusedSamples reused : conditions.get(m).reusedSamples) {
                double[][] ratio = ImportanceWeights.weights(reused.states(), marginals[m], reused.marginal(),
                        settings.sampleReuse().maxWeight());
                for (int n = 0; n < reused.states().length; n++) {
                    double[] weight = new double[horizon];
                    for (int t = 0; t < horizon; t++) {
                        weight[t] = settings.initialPolicyWeight() * ratio[n][t];
                    }
                    sampleStates.add(reused.states()[n]);
                    sampleInputs.add(stateInput ? reused.states()[n] : reused.observations()[n]);
                    sampleWeights.add(weight);
                    sampleCondition.add(m);
                }
            }
        }
        int total = sampleStates.size();
        double[][][] obs = new double[total][][];
        double[][][] targets = new double[total][][];
        double[][][] precisions = new double[total][][];
        double[][] weights = new double[total][];
        for (int row = 0; row < total; row++) {
            LinearGaussianPolicy controller = controllers[sampleCondition.get(row)];
            int horizon = controller.horizon();
            int dX = controller.stateDim();
            int dU = controller.actionDim();
            double[][] x = sampleStates.get(row);
            double[][] u = new double[horizon][dU];
            for (int t = 0; t < horizon; t++) {
                double[] gains = controller.feedbackGains()[t];
                double[] offset = controller.feedforward()[t];
                for (int a = 0; a < dU; a++) {
                    double s = offset[a];
                    int base = a * dX;
                    for (int j = 0; j < dX; j++) {
                        s += gains[base + j] * x[t][j];
                    }
                    u[t][a] = s;
                }
            }
            obs[row] = sampleInputs.get(row);
            targets[row] = u;
            precisions[row] = controller.precision();
            weights[row] = sampleWeights.get(row);
        }
        return target.update(obs, targets, precisions, weights);
    }

    private void checkShapes(int m, LinearGaussianPolicy controller, double[][][] states, double[][][] actions,
                             double[][][] observations) {
        int horizon = states[0].length;
        int stateDim = states[0][0].length;
        int actionDim = actions[0][0].length;
        int observationDim = observations[0][0].length;
        if (controller.stateDim() != stateDim || controller.actionDim() != actionDim || controller.horizon() != horizon) {
            throw new IllegalArgumentException("condition " + m + ": samples have horizon " + horizon + ", state "
                    + stateDim + ", action " + actionDim + "; the controller " + controller.horizon() + ", "
                    + controller.stateDim() + ", " + controller.actionDim());
        }
        if (observationDim != policyOptimizer.network().inputDim()) {
            throw new IllegalArgumentException("condition " + m + ": samples have observations of " + observationDim
                    + " values, the policy network takes " + policyOptimizer.network().inputDim());
        }
        if (states.length < 2) {
            throw new IllegalArgumentException("condition " + m + ": MDGPS needs at least 2 samples per condition, got "
                    + states.length);
        }
    }

    private LqrTrajectoryOptimizer optimizer(ConditionLearner learner, LocalModel model) {
        int horizon = model.horizon();
        int stateDim = model.stateDim();
        int actionDim = model.actionDim();
        if (learner.optimizer == null || learner.optimizer.horizon() != horizon || learner.optimizer.stateDim() != stateDim
                || learner.optimizer.actionDim() != actionDim) {
            learner.optimizer = new LqrTrajectoryOptimizer(settings.trajOpt().lqr(), horizon, stateDim, actionDim);
        }
        return learner.optimizer;
    }

    private static double mean(double[] values) {
        return TrajOptAlgorithm.mean(values);
    }

    /** Per-condition learner state and reusable workspaces. */
    private static final class ConditionLearner {
        LinearGaussianPolicy controller;
        double stepMult = 1.0;
        double[] eta;
        LocalModelEstimator estimator;
        PolicyPrior policyPrior;
        MdgpsState.Previous previous;
        final List<MdgpsState.ReusedSamples> reusedSamples = new ArrayList<>();
        LqrTrajectoryOptimizer optimizer;
    }
}
