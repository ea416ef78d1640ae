package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gpsros.algorithm.badmm.BadmmDualStep;
import org.gpsros.algorithm.badmm.BadmmDuals;
import org.gpsros.algorithm.badmm.BadmmImprovement;
import org.gpsros.algorithm.badmm.BadmmTargets;
import org.gpsros.algorithm.badmm.PolicyKl;
import org.gpsros.algorithm.badmm.PolicyTargets;
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
 * BADMM guided policy search (Levine et al. 2016 §4.1 and Appendix A.1; reference {@code AlgorithmBADMM}, study §1.3,
 * §3.8, §3.9): the local controllers p and the global policy π_θ are brought into agreement by Bregman ADMM on the
 * constraint E_p[u_t] = E_π[u_t], with Lagrange multipliers λ_t on the action and per-step weights w_t (ν_t in the
 * paper) on the KL terms. The samples always come from the local controllers (off-policy). One {@link #iterate}
 * follows the reference's order:
 * <ol>
 *   <li>the schedules of ent_reg and lg_step at this iteration ({@link org.gpsros.algorithm.badmm.Schedule});</li>
 *   <li>per condition, cost expansion and dynamics fit ({@link LocalModelEstimator});</li>
 *   <li>per condition, the policy prior takes the new samples and π is linearised around them
 *       ({@link PolicyLinearization}); from iteration 1, the step multiplier is adjusted from the Laplace estimates
 *       of cost plus Σ_t w_t·KL(p ‖ π̂) ({@link BadmmImprovement}, study §3.8);</li>
 *   <li>{@code innerIterations} times (default 4):
 *     <ol type="a">
 *       <li>except at iteration 0's first pass: an S-step on every condition's samples with the targets of
 *           {@link BadmmTargets} (controller mean shifted by the multiplier, precision P_t, weight w_t) and the
 *           scheduled ent_reg; the controller is the new one from the second pass on, the sampled one before;</li>
 *       <li>per condition, the linearisation refitted to the updated policy (the prior's buffer unchanged);</li>
 *       <li>except at iteration 0's first pass: per condition, the dual step on λ ({@link BadmmDualStep}) and, in
 *           the last pass only, the weight rule on w_t ({@link org.gpsros.algorithm.badmm.PolicyWeightUpdate})
 *           from the Monte-Carlo KL(p ‖ π) of the sampled controller;</li>
 *       <li>per condition, the trajectory step: the LQR update of the cost augmented by
 *           {@link CostAugmentation#badmm} with KL(p ‖ p̄) ≤ klStep·stepMult per step, p̄ the sampled
 *           controller;</li>
 *     </ol></li>
 *   <li>advance: the new controllers are sampled next.</li>
 * </ol>
 * Where it differs from the reference: the refit of step 4b is skipped in the one pass where the policy has not
 * changed since step 3 (iteration 0's first), which only saves a GMM fit; per-step KL constraints are refused (see
 * {@link BadmmSettings}). Mutable, but only inside; {@link #state()} exports all of it and {@link #restore}
 * continues bit-identically.
 */
public final class BadmmAlgorithm implements GpsAlgorithm {
    /** Stream purpose of the policy priors' random numbers (with the condition index). */
    public static final long POLICY_PRIOR_STREAM = 7;
    /** Stream purpose of the S-step's minibatch order. */
    public static final long POLICY_TRAINING_STREAM = 8;
    /** Stream purpose of the global policy network's initial weights ({@link #networkSeed}). */
    public static final long POLICY_NETWORK_STREAM = 9;

    private static final double[][][] NO_TRAJECTORIES = new double[0][][];

    private final BadmmSettings settings;
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
    public BadmmAlgorithm(BadmmSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers,
                          PolicyNetwork network) {
        this(settings, costs, initialControllers, network, network.inputDim());
    }

    /**
     * @param normalizedDim how many leading observation entries the S-step normalises (those before RGB_IMAGE,
     *                      {@link GlobalPolicyOptimizer#normalizedDim(org.gpsros.sample.SensorLayout)})
     */
    public BadmmAlgorithm(BadmmSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers,
                          PolicyNetwork network, int normalizedDim) {
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
            learner.duals = BadmmDuals.zeros(controller.horizon(), controller.stateDim(), controller.actionDim());
            learner.policyWeights = new double[controller.horizon()];
            Arrays.fill(learner.policyWeights, settings.initialPolicyWeight());
            conditions.add(learner);
        }
    }

    private BadmmAlgorithm(BadmmSettings settings, List<Cost> costs, int iteration, GlobalPolicyOptimizer optimizer) {
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
    public static BadmmAlgorithm restore(BadmmSettings settings, List<Cost> costs, BadmmState state,
                                         PolicyNetworkFactory factory) {
        if (costs.size() != state.conditions().size()) {
            throw new IllegalArgumentException("the checkpoint has " + state.conditions().size()
                    + " conditions, the experiment " + costs.size());
        }
        GlobalPolicyOptimizer optimizer = GlobalPolicyOptimizer.restore(state.policy(), factory,
                settings.policyTraining());
        BadmmAlgorithm algorithm = new BadmmAlgorithm(settings, costs, state.iteration(), optimizer);
        for (int m = 0; m < costs.size(); m++) {
            BadmmState.Condition saved = state.conditions().get(m);
            ConditionLearner learner = new ConditionLearner();
            learner.controller = saved.controller();
            learner.stepMult = saved.stepMult();
            learner.eta = saved.eta().clone();
            learner.estimator = new LocalModelEstimator(settings.trajOpt(),
                    TrajOptAlgorithm.restorePrior(settings.trajOpt(), saved.dynamicsPrior(), m));
            learner.policyPrior = PolicyPrior.restore(settings.policyPrior(), saved.policyPrior());
            learner.duals = saved.duals();
            learner.policyWeights = saved.policyWeights().clone();
            learner.previousPolicyKl = saved.previousPolicyKl() == null ? null : saved.previousPolicyKl().clone();
            learner.previous = saved.previous();
            algorithm.conditions.add(learner);
        }
        return algorithm;
    }

    /** The whole state, for checkpoints. */
    @Override
    public BadmmState state() {
        List<BadmmState.Condition> saved = new ArrayList<>();
        for (ConditionLearner learner : conditions) {
            DynamicsPriorGmm prior = learner.estimator.prior();
            saved.add(new BadmmState.Condition(learner.controller, learner.stepMult, learner.eta.clone(),
                    prior == null ? null : prior.state(), learner.policyPrior.state(), learner.duals,
                    learner.policyWeights.clone(),
                    learner.previousPolicyKl == null ? null : learner.previousPolicyKl.clone(), learner.previous));
        }
        return new BadmmState(iteration, saved, policyOptimizer.state());
    }

    public BadmmSettings settings() {
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

    /** Always the local controller: BADMM learns off-policy. */
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

    /** The Lagrange multipliers λ_k, λ_K of a condition. */
    public BadmmDuals duals(int condition) {
        return conditions.get(condition).duals;
    }

    /** The per-step weights w_t of a condition (a copy). */
    public double[] policyWeights(int condition) {
        return conditions.get(condition).policyWeights.clone();
    }

    /**
     * The per-step Monte-Carlo KL(p ‖ π) the last weight update used (the sampled controller against the policy after
     * the last S-step), or null before the first one (a copy).
     */
    public double[] lastPolicyKl(int condition) {
        double[] kl = conditions.get(condition).previousPolicyKl;
        return kl == null ? null : kl.clone();
    }

    /**
     * One BADMM iteration on samples of the local controllers.
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
        // 1. Schedules (reference _set_interp_values).
        double entropyRegularization = settings.entropyRegularization().valueAt(iteration, settings.iterations());
        double weightStep = settings.weightStep().valueAt(iteration, settings.iterations());

        double[][][][] states = new double[count][][][];
        double[][][][] observations = new double[count][][][];
        LocalModel[] models = new LocalModel[count];
        double[][] sampleCosts = new double[count][];

        // 2. Costs and dynamics, per condition.
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
        }

        // 3. The policy prior takes the new samples; linearise π around them; adjust the step size (study §3.8).
        GaussianGlobalPolicy policy = policyOptimizer.policy();
        LinearGaussianPolicy[] linearizations = new LinearGaussianPolicy[count];
        double[][][][] policyMeans = new double[count][][][];
        double[] linearizedCost = new double[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            learner.policyPrior.update(states[m], observations[m], policy, settings.policySampleMode());
            policyMeans[m] = policy.mean(observations[m]);
            linearizations[m] = linearize(learner, states[m], policyMeans[m], policy);
            LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
            linearizedCost[m] = optimizer.estimateTotalCost(linearizations[m], models[m]);
            if (iteration > 0) {
                BadmmState.Previous previous = learner.previous;
                BadmmImprovement.Estimate estimate = BadmmImprovement.estimate(optimizer, previous.controller(),
                        previous.model(), previous.policyLinearization(), learner.controller, models[m],
                        linearizations[m], learner.policyWeights);
                learner.stepMult = estimate.newStepMultiplier(learner.stepMult, trajOpt.minStepMult(),
                        trajOpt.maxStepMult());
            }
        }

        // 4. Inner iterations: S-step, linearisation, dual step, trajectory step.
        int inner = settings.innerIterations();
        LinearGaussianPolicy[] updated = new LinearGaussianPolicy[count];
        TrajectoryUpdate[] updates = new TrajectoryUpdate[count];
        PolicyTrainingSummary training = null;
        for (int pass = 0; pass < inner; pass++) {
            boolean coupled = iteration > 0 || pass > 0;
            if (coupled) {
                // 4a. S-step towards the multiplier-shifted controller means (study §3.9).
                List<PolicyTargets> targets = new ArrayList<>();
                for (int m = 0; m < count; m++) {
                    ConditionLearner learner = conditions.get(m);
                    targets.add(BadmmTargets.compute(pass > 0 ? updated[m] : learner.controller, states[m],
                            learner.policyWeights, learner.duals, settings.targetForm()));
                }
                PolicyTrainingBatch batch = PolicyTrainingBatch.of(observations, targets);
                training = policyOptimizer.update(batch.observations(), batch.targetMeans(), batch.targetPrecisions(),
                        batch.targetWeights(), entropyRegularization);
                // 4b. Refit the linearisation to the updated policy; the prior's buffer is unchanged.
                policy = policyOptimizer.policy();
                for (int m = 0; m < count; m++) {
                    ConditionLearner learner = conditions.get(m);
                    learner.policyPrior.update(NO_TRAJECTORIES, NO_TRAJECTORIES, policy, PolicySampleMode.ADD);
                    policyMeans[m] = policy.mean(observations[m]);
                    linearizations[m] = linearize(learner, states[m], policyMeans[m], policy);
                }
                // 4c. Dual step; the weights change in the last pass only.
                boolean last = pass == inner - 1;
                for (int m = 0; m < count; m++) {
                    ConditionLearner learner = conditions.get(m);
                    learner.duals = BadmmDualStep.step(pass > 0 ? updated[m] : learner.controller, linearizations[m],
                            states[m], policyMeans[m], learner.policyWeights, learner.duals, settings.dualRate(),
                            settings.gainDualRate());
                    if (last) {
                        double[] kl = PolicyKl.monteCarlo(learner.controller, states[m], policyMeans[m],
                                policy.covariance(), PolicyKl.Direction.CONTROLLER_TO_POLICY).perStep();
                        learner.policyWeights = settings.weightUpdate().update(learner.policyWeights, kl,
                                learner.previousPolicyKl, weightStep);
                        learner.previousPolicyKl = kl;
                    }
                }
            }
            // 4d. Trajectory step against the sampled controller, with the policy KL and Lagrange terms.
            for (int m = 0; m < count; m++) {
                ConditionLearner learner = conditions.get(m);
                LqrTrajectoryOptimizer optimizer = optimizer(learner, models[m]);
                int horizon = models[m].horizon();
                double[] klSteps = new double[horizon];
                Arrays.fill(klSteps, trajOpt.klStep() * learner.stepMult);
                CostAugmentation augmentation = CostAugmentation.badmm(learner.controller, linearizations[m],
                        learner.policyWeights, learner.duals.meanDuals(), learner.duals.gainDuals(),
                        trajOpt.maxEntropyWeight());
                updates[m] = optimizer.update(models[m], augmentation, klSteps,
                        TrajOptAlgorithm.startingEta(false, learner.eta, horizon));
                learner.eta = updates[m].eta().clone();
                updated[m] = updates[m].policy();
            }
        }

        // 5. Advance.
        List<ConditionReport> reports = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            TrajectoryUpdate update = updates[m];
            reports.add(new ConditionReport(sampleCosts[m], learner.stepMult, TrajOptAlgorithm.mean(update.eta()),
                    trajOpt.klStep() * learner.stepMult, update.klDivergence(), update.backwardPasses(),
                    update.converged()));
            learner.previous = new BadmmState.Previous(learner.controller, models[m], linearizations[m]);
            learner.controller = updated[m];
        }
        IterationReport report = new IterationReport(iteration, reports, new PolicyReport(null, training,
                linearizedCost, policyOptimizer.policy().variance()));
        iteration++;
        return report;
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
            throw new IllegalArgumentException("condition " + m + ": BADMM needs at least 2 samples per condition, got "
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

    /** Per-condition learner state and reusable workspaces. */
    private static final class ConditionLearner {
        LinearGaussianPolicy controller;
        double stepMult = 1.0;
        double[] eta;
        LocalModelEstimator estimator;
        PolicyPrior policyPrior;
        BadmmDuals duals;
        double[] policyWeights;
        double[] previousPolicyKl;
        BadmmState.Previous previous;
        LqrTrajectoryOptimizer optimizer;
    }
}
