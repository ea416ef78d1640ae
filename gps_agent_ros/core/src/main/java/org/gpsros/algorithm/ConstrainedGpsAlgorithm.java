package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gpsros.algorithm.badmm.BadmmImprovement;
import org.gpsros.algorithm.badmm.PolicyKl;
import org.gpsros.algorithm.badmm.PolicyTargets;
import org.gpsros.algorithm.cgps.ConstrainedGpsDuals;
import org.gpsros.algorithm.cgps.ConstrainedGpsPolicyStep;
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
import org.gpsros.policyprior.PolicySampleMode;
import org.gpsros.sample.SampleList;
import org.gpsros.trajopt.CostAugmentation;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.TrajectoryUpdate;

/**
 * Constrained guided policy search under unknown dynamics (Levine &amp; Abbeel 2014 §4, Algorithm 1; the reference
 * never implemented it). The Lagrangian E_p[ℓ(τ)] + Σ_t λ_{i,t} D_KL(p_i(x_t)π_θ(u_t|x_t) ‖ p_i(x_t,u_t)) is
 * minimised alternately over the local controllers p_i and the policy θ, and the duals follow the penalty method
 * λ ← λ + α·KL (α = 10). The samples always come from the local controllers. One {@link #iterate}:
 * <ol>
 *   <li>per condition, cost expansion and dynamics fit ({@link LocalModelEstimator}); the policy prior takes the
 *       samples and π_θ is linearised around them, π̂ ({@link PolicyLinearization});</li>
 *   <li>from iteration 1, the step multiplier is adjusted from the Laplace estimates of the trajectory step's
 *       objective, cost + Σ_t λ_t·KL̂(p ‖ π̂) ({@link BadmmImprovement} with the weights λ; study §3.8);</li>
 *   <li>trajectory step (line 5): per condition, the LQR update of the cost augmented by
 *       {@link CostAugmentation#constrainedGps} with weights λ_{i,t}, under KL(p ‖ p̄) ≤ klStep·stepMult per step
 *       to the sampled controller p̄, as in LQR-FLM;</li>
 *   <li>policy step (line 4): an S-step on every condition's samples with the targets of
 *       {@link ConstrainedGpsPolicyStep#targets} of the new controllers (weights λ_{i,t}, kept relative:
 *       {@link GlobalPolicyOptimizer.WeightNormalization#NO_CLIP}) and the policy variance of
 *       {@link ConstrainedGpsPolicyStep#diagonalVariance} with the entropy penalty β = f·Λ/M
 *       ({@link ConstrainedGpsSettings#entropyPenalty()} = f);</li>
 *   <li>dual step (line 6): per condition, λ_t ← λ_t + α·KL_t with KL_t = E KL(π_θ(·|x_t) ‖ p_i(·|x_t)) of the new
 *       policy and controller, the paper's direction ({@link PolicyKl.Direction#POLICY_TO_CONTROLLER}), by
 *       {@link ConstrainedGpsSettings#dualKl()};</li>
 *   <li>advance: the new controllers are sampled next.</li>
 * </ol>
 *
 * <p><b>Differences from the paper.</b>
 * <ul>
 *   <li>The trajectory step's policy term is the reverse-KL surrogate λ_t·E KL(p(u|x) ‖ π̂(u|x)) (a quadratic cost
 *       plus λ_t in the entropy weight) instead of λ_t·KL(π ‖ p), which needs the forward-backward dynamic
 *       programme of Levine &amp; Koltun 2014; the two agree to second order where p = π̂ (derivation at
 *       {@link CostAugmentation#constrainedGps}). The dual increments and reported divergences keep the paper's
 *       direction.</li>
 *   <li>Within an iteration the trajectory step comes before the policy step (the paper lists θ before p). It is
 *       the same alternation shifted by half an iteration; this way the policy imitates the controllers that draw
 *       the next samples, and the dual step measures the pair that exists at the end of the iteration (as MDGPS
 *       orders its C- and S-steps).</li>
 *   <li>The S-step is the weighted precision regression of {@link ConstrainedGpsPolicyStep}: the policy optimiser's
 *       weight clip at twice the median is skipped, because it would change the relative weights λ and so the
 *       objective; the variance is the exact minimiser of the λ-weighted KL with the entropy penalty rather than the
 *       optimiser's unweighted average precision (the two coincide for equal λ and β = 0).</li>
 *   <li>The paper states no initial λ (here {@link ConstrainedGpsSettings#initialDual()}, 0.01 as BADMM's
 *       init_pol_wt), no entropy-penalty weight (here a fraction f of the mean dual weight, default 0) and no
 *       step-size rule for the trajectory step (here the one above).</li>
 * </ul>
 * Mutable, but only inside; {@link #state()} exports all of it and {@link #restore} continues bit-identically.
 */
public final class ConstrainedGpsAlgorithm implements GpsAlgorithm {
    /** Stream purpose of the policy priors' random numbers (with the condition index). */
    public static final long POLICY_PRIOR_STREAM = 10;
    /** Stream purpose of the S-step's minibatch order. */
    public static final long POLICY_TRAINING_STREAM = 11;
    /** Stream purpose of the global policy network's initial weights ({@link #networkSeed}). */
    public static final long POLICY_NETWORK_STREAM = 12;

    private static final double[][][] NO_TRAJECTORIES = new double[0][][];

    private final ConstrainedGpsSettings settings;
    private final List<Cost> costs;
    private final List<ConditionLearner> conditions;
    private final GlobalPolicyOptimizer policyOptimizer;
    private int iteration;

    /**
     * @param settings algorithm settings
     * @param costs the cost of each training condition
     * @param initialControllers the initial controller of each training condition
     * @param network the global policy's fresh network (observationDim → actionDim), e.g.
     *                {@code factory.create(observationDim, actionDim, networkSeed(seed))}
     */
    public ConstrainedGpsAlgorithm(ConstrainedGpsSettings settings, List<Cost> costs,
                                   List<LinearGaussianPolicy> initialControllers, PolicyNetwork network) {
        this(settings, costs, initialControllers, network, network.inputDim());
    }

    /**
     * @param normalizedDim how many leading observation entries the S-step normalises (those before RGB_IMAGE,
     *                      {@link GlobalPolicyOptimizer#normalizedDim(org.gpsros.sample.SensorLayout)})
     */
    public ConstrainedGpsAlgorithm(ConstrainedGpsSettings settings, List<Cost> costs,
                                   List<LinearGaussianPolicy> initialControllers, PolicyNetwork network, int normalizedDim) {
        this(settings, costs, 0, new GlobalPolicyOptimizer(network, settings.policyTraining(), normalizedDim,
                SplitMix64.derive(settings.trajOpt().seed(), POLICY_TRAINING_STREAM)));
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
            learner.policyDuals = new double[controller.horizon()];
            Arrays.fill(learner.policyDuals, settings.initialDual());
            conditions.add(learner);
        }
    }

    private ConstrainedGpsAlgorithm(ConstrainedGpsSettings settings, List<Cost> costs, int iteration,
                                    GlobalPolicyOptimizer optimizer) {
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

    /**
     * Rebuilds an algorithm from {@link #state()}; it continues bit-identically.
     *
     * @param factory restores the global policy's network (of the checkpoint's format)
     */
    public static ConstrainedGpsAlgorithm restore(ConstrainedGpsSettings settings, List<Cost> costs,
                                                  ConstrainedGpsState state, PolicyNetworkFactory factory) {
        if (costs.size() != state.conditions().size()) {
            throw new IllegalArgumentException("the checkpoint has " + state.conditions().size()
                    + " conditions, the experiment " + costs.size());
        }
        GlobalPolicyOptimizer optimizer = GlobalPolicyOptimizer.restore(state.policy(), factory,
                settings.policyTraining());
        ConstrainedGpsAlgorithm algorithm = new ConstrainedGpsAlgorithm(settings, costs, state.iteration(), optimizer);
        for (int m = 0; m < costs.size(); m++) {
            ConstrainedGpsState.Condition saved = state.conditions().get(m);
            ConditionLearner learner = new ConditionLearner();
            learner.controller = saved.controller();
            learner.stepMult = saved.stepMult();
            learner.eta = saved.eta().clone();
            learner.estimator = new LocalModelEstimator(settings.trajOpt(),
                    TrajOptAlgorithm.restorePrior(settings.trajOpt(), saved.dynamicsPrior(), m));
            learner.policyPrior = PolicyPrior.restore(settings.policyPrior(), saved.policyPrior());
            learner.policyDuals = saved.policyDuals().clone();
            learner.lastPolicyKl = saved.lastPolicyKl() == null ? null : saved.lastPolicyKl().clone();
            learner.previous = saved.previous();
            algorithm.conditions.add(learner);
        }
        return algorithm;
    }

    /** The whole state, for checkpoints. */
    @Override
    public ConstrainedGpsState state() {
        List<ConstrainedGpsState.Condition> saved = new ArrayList<>();
        for (ConditionLearner learner : conditions) {
            DynamicsPriorGmm prior = learner.estimator.prior();
            saved.add(new ConstrainedGpsState.Condition(learner.controller, learner.stepMult, learner.eta.clone(),
                    prior == null ? null : prior.state(), learner.policyPrior.state(), learner.policyDuals.clone(),
                    learner.lastPolicyKl == null ? null : learner.lastPolicyKl.clone(), learner.previous));
        }
        return new ConstrainedGpsState(iteration, saved, policyOptimizer.state());
    }

    public ConstrainedGpsSettings settings() {
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

    /** Always the local controller: constrained GPS learns off-policy. */
    @Override
    public Policy samplingPolicy(int condition) {
        return controller(condition);
    }

    /** The current global policy π(u|o) (what the last S-step produced). */
    @Override
    public Optional<GaussianGlobalPolicy> globalPolicy() {
        return Optional.of(policyOptimizer.policy());
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

    /** The dual variables λ_t of a condition (a copy). */
    public double[] policyDuals(int condition) {
        return conditions.get(condition).policyDuals.clone();
    }

    /** The per-step KL(π ‖ p) of the last dual update, or null before the first (a copy). */
    public double[] lastPolicyKl(int condition) {
        double[] kl = conditions.get(condition).lastPolicyKl;
        return kl == null ? null : kl.clone();
    }

    /**
     * One constrained-GPS iteration on samples of the local controllers.
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
        LinearGaussianPolicy[] linearizations = new LinearGaussianPolicy[count];
        double[] linearizedCost = new double[count];
        GaussianGlobalPolicy policy = policyOptimizer.policy();

        // 1–2. Costs, dynamics, policy linearisation around the new samples; the step size from iteration 1 on.
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
            learner.policyPrior.update(states[m], observations[m], policy, settings.policySampleMode());
            linearizations[m] = linearize(learner, states[m], policy.mean(observations[m]), policy);
            LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
            linearizedCost[m] = optimizer.estimateTotalCost(linearizations[m], models[m]);
            if (learner.previous != null) {
                ConstrainedGpsState.Previous previous = learner.previous;
                BadmmImprovement.Estimate improvement = BadmmImprovement.estimate(optimizer, previous.controller(),
                        previous.model(), previous.policyLinearization(), learner.controller, models[m],
                        linearizations[m], learner.policyDuals);
                learner.stepMult = improvement.newStepMultiplier(learner.stepMult, trajOpt.minStepMult(),
                        trajOpt.maxStepMult());
            }
        }

        // 3. Trajectory step (Algorithm 1 line 5) with the λ-weighted policy terms.
        List<ConditionReport> reports = new ArrayList<>();
        LinearGaussianPolicy[] updated = new LinearGaussianPolicy[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
            int horizon = models[m].horizon();
            double klStep = trajOpt.klStep() * learner.stepMult;
            double[] klSteps = new double[horizon];
            Arrays.fill(klSteps, klStep);
            CostAugmentation augmentation = CostAugmentation.constrainedGps(learner.controller, linearizations[m],
                    learner.policyDuals, trajOpt.maxEntropyWeight());
            TrajectoryUpdate update = null;
            for (int inner = 0; inner < trajOpt.innerIterations(); inner++) {
                update = optimizer.update(models[m], augmentation, klSteps,
                        TrajOptAlgorithm.startingEta(false, learner.eta, horizon));
                learner.eta = update.eta().clone();
            }
            updated[m] = update.policy();
            reports.add(new ConditionReport(sampleCosts[m], learner.stepMult, TrajOptAlgorithm.mean(update.eta()),
                    klStep, update.klDivergence(), update.backwardPasses(), update.converged()));
        }

        // 4. Policy step (line 4): λ-weighted precision regression on the new controllers' actions.
        List<PolicyTargets> targets = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            targets.add(ConstrainedGpsPolicyStep.targets(updated[m], states[m], conditions.get(m).policyDuals));
        }
        double[] variance = ConstrainedGpsPolicyStep.diagonalVariance(targets,
                settings.entropyPenalty() * meanWeight(targets));
        PolicyTrainingBatch batch = PolicyTrainingBatch.of(observations, targets);
        PolicyTrainingSummary training = policyOptimizer.update(batch.observations(), batch.targetMeans(),
                batch.targetPrecisions(), batch.targetWeights(), GlobalPolicyOptimizer.WeightNormalization.NO_CLIP,
                variance);

        // 5. Dual step (line 6): λ ← λ + α·KL(π ‖ p).
        policy = policyOptimizer.policy();
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            double[] kl = dualDivergence(learner, updated[m], states[m], observations[m], models[m], policy);
            learner.policyDuals = ConstrainedGpsDuals.increment(learner.policyDuals, kl, settings.dualStep());
            learner.lastPolicyKl = kl;
        }

        // 6. Advance.
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            learner.previous = new ConstrainedGpsState.Previous(learner.controller, models[m], linearizations[m]);
            learner.controller = updated[m];
        }
        IterationReport report = new IterationReport(iteration, reports, new PolicyReport(null, training,
                linearizedCost, policy.variance()));
        iteration++;
        return report;
    }

    /** E KL(π_θ(·|x_t) ‖ p(·|x_t)) per step of the new controller and policy, as the settings ask. */
    private double[] dualDivergence(ConditionLearner learner, LinearGaussianPolicy controller, double[][][] states,
                                    double[][][] observations, LocalModel model, GaussianGlobalPolicy policy) {
        double[][][] means = policy.mean(observations);
        if (settings.dualKl() == ConstrainedGpsSettings.KlEstimate.MONTE_CARLO) {
            return PolicyKl.monteCarlo(controller, states, means, policy.covariance(),
                    PolicyKl.Direction.POLICY_TO_CONTROLLER).perStep();
        }
        learner.policyPrior.update(NO_TRAJECTORIES, NO_TRAJECTORIES, policy, PolicySampleMode.ADD);
        LinearGaussianPolicy linearization = linearize(learner, states, means, policy);
        return PolicyKl.laplace(optimizer(learner, model).forward(controller, model), controller, linearization,
                PolicyKl.Direction.POLICY_TO_CONTROLLER);
    }

    /** Λ/M: the mean target weight over all sample-steps. */
    private static double meanWeight(List<PolicyTargets> targets) {
        double sum = 0;
        long count = 0;
        for (PolicyTargets target : targets) {
            for (double[] row : target.targetWeights()) {
                for (double w : row) {
                    sum += w;
                    count++;
                }
            }
        }
        return sum / count;
    }

    private LinearGaussianPolicy linearize(ConditionLearner learner, double[][][] states, double[][][] means,
                                           GaussianGlobalPolicy policy) {
        return PolicyLinearization.fit(learner.policyPrior, states, means, policy.covariance(),
                settings.trajOpt().compatibility());
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
            throw new IllegalArgumentException("condition " + m + ": constrained GPS needs at least 2 samples per "
                    + "condition, got " + states.length);
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

    /** Per-condition learner state and reusable workspaces. */
    private static final class ConditionLearner {
        LinearGaussianPolicy controller;
        double stepMult = 1.0;
        double[] eta;
        LocalModelEstimator estimator;
        PolicyPrior policyPrior;
        double[] policyDuals;
        double[] lastPolicyKl;
        ConstrainedGpsState.Previous previous;
        LqrTrajectoryOptimizer optimizer;
    }
}
