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
 * Mutable, but only inside; {@link #state()} exports all of it and {@link #restore} continues bit-identically.
 */
public final class MdgpsAlgorithm implements GpsAlgorithm {
    /** Stream purpose of the policy priors' random numbers (with the condition index). */
    public static final long POLICY_PRIOR_STREAM = 4;
    /** Stream purpose of the S-step's minibatch order. */
    public static final long POLICY_TRAINING_STREAM = 5;
    /** Stream purpose of the global policy network's initial weights ({@link #networkSeed}). */
    public static final long POLICY_NETWORK_STREAM = 6;

    private final MdgpsSettings settings;
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
    public MdgpsAlgorithm(MdgpsSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers,
                          PolicyNetwork network) {
        this(settings, costs, 0, new GlobalPolicyOptimizer(network, settings.policyTraining(),
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
            conditions.add(learner);
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

    /**
     * Rebuilds an algorithm from {@link #state()}; it continues bit-identically.
     *
     * @param factory restores the global policy's network (of the checkpoint's format)
     */
    public static MdgpsAlgorithm restore(MdgpsSettings settings, List<Cost> costs, MdgpsState state,
                                         PolicyNetworkFactory factory) {
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
            algorithm.conditions.add(learner);
        }
        return algorithm;
    }

    /** The whole state, for checkpoints. */
    public MdgpsState state() {
        List<MdgpsState.Condition> saved = new ArrayList<>();
        for (ConditionLearner learner : conditions) {
            DynamicsPriorGmm prior = learner.estimator.prior();
            saved.add(new MdgpsState.Condition(learner.controller, learner.stepMult, learner.eta.clone(),
                    prior == null ? null : prior.state(), learner.policyPrior.state(), learner.previous));
        }
        return new MdgpsState(iteration, saved, policyOptimizer.state());
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
     * {@code iteration_count > 0}); the local controller otherwise.
     */
    @Override
    public Policy samplingPolicy(int condition) {
        if (settings.sampleOnPolicy() && iteration > 0) {
            return policyOptimizer.policy();
        }
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

        // 2. Iteration 0: train the policy on the initial controllers first, so that the C-step is constrained
        //    against a policy that already resembles them.
        PolicyTrainingSummary catchUp = null;
        if (iteration == 0) {
            LinearGaussianPolicy[] initial = new LinearGaussianPolicy[count];
            for (int m = 0; m < count; m++) {
                initial[m] = conditions.get(m).controller;
            }
            catchUp = sStep(states, observations, initial);
        }

        // 3. Linearise the global policy around each condition's samples (study §3.5).
        GaussianGlobalPolicy policy = policyOptimizer.policy();
        LinearGaussianPolicy[] linearizations = new LinearGaussianPolicy[count];
        double[] linearizedCost = new double[count];
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            double[][][] means = policy.mean(observations[m]);
            learner.policyPrior.update(states[m], observations[m], policy, settings.policySampleMode());
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

        // 6. S-step on the new controllers' actions along the current samples (study §3.10).
        PolicyTrainingSummary training = sStep(states, observations, updated);

        // 7. Advance.
        for (int m = 0; m < count; m++) {
            ConditionLearner learner = conditions.get(m);
            learner.previous = new MdgpsState.Previous(models[m], linearizations[m], meanCosts[m]);
            learner.controller = updated[m];
        }
        IterationReport report = new IterationReport(iteration, reports, new PolicyReport(catchUp, training,
                linearizedCost, policyOptimizer.policy().variance()));
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
     * samples, all weighted init_pol_wt (reference {@code AlgorithmMDGPS._update_policy}).
     */
    private PolicyTrainingSummary sStep(double[][][][] states, double[][][][] observations,
                                        LinearGaussianPolicy[] controllers) {
        int total = 0;
        for (double[][][] x : states) {
            total += x.length;
        }
        double[][][] obs = new double[total][][];
        double[][][] targets = new double[total][][];
        double[][][] precisions = new double[total][][];
        double[][] weights = new double[total][];
        int row = 0;
        for (int m = 0; m < states.length; m++) {
            LinearGaussianPolicy controller = controllers[m];
            int horizon = controller.horizon();
            int dX = controller.stateDim();
            int dU = controller.actionDim();
            for (int n = 0; n < states[m].length; n++) {
                double[][] x = states[m][n];
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
                double[] weight = new double[horizon];
                Arrays.fill(weight, settings.initialPolicyWeight());
                obs[row] = observations[m][n];
                targets[row] = u;
                precisions[row] = controller.precision();
                weights[row] = weight;
                row++;
            }
        }
        return policyOptimizer.update(obs, targets, precisions, weights);
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
        LqrTrajectoryOptimizer optimizer;
    }
}
